"""The authoring check: questions whose options give the answer away by their length, or repeat.

A learner who knows nothing but "pick the longest" should score no better than chance (DESIGN §4
rule 7). For every question of an assessment, pools included, this flags:

* **the keyed option is the longest**: single choice, the right answer is longer than every other
  option; multiple response, the longest option is a right answer; judgement, the best reply is the
  longest;
* **length predicts quality** across the option set: judgement with three or more replies, the rank
  correlation between length and quality is 0.8 or more; choice, the right options are on average
  clearly longer than the wrong ones (a quarter longer, and at least 10 characters);
* **repeated options**: two options (or two sequencing steps) that read the same once case, spacing
  and punctuation are set aside.

Options are recognised by their shape rather than the question type's name: a list of "options" whose
items carry "correct" (right or wrong) or "quality" (0 to 100), and a list of "steps". Each finding
names the question in the author's words and says what to change. The admin shows them on the
assessment's edit view and in a report; ``manage.py lms_check_questions`` runs them over every
assessment.
"""

import statistics
import unicodedata
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

KEYED_LONGEST = "keyed_longest"
LENGTH_PREDICTS = "length_predicts"
REPEATED = "repeated"
OPTIONS, STEPS = "options", "steps"  # what _repeats compares

# Judgement: length and quality rank together at least this strongly.
RANK_CORRELATION_LIMIT = 0.8
# Choice: the right options' mean length is at least this many times the wrong ones', and ...
MEAN_LENGTH_RATIO = 1.25
# ... at least this many characters more (a few letters on short options are no cue).
MEAN_LENGTH_GAP = 10
SHORT_TEXT = 70


@dataclass(frozen=True)
class Finding:
    where: str  # "Question 4", or "Question 9 (pool “…”), question 2"
    about: str  # the question's scenario or prompt, shortened
    kind: str  # KEYED_LONGEST, LENGTH_PREDICTS or REPEATED
    problem: str
    fix: str

    @property
    def question(self) -> str:
        return f"{self.where}: “{self.about}”" if self.about else self.where

    @property
    def advice(self) -> str:
        return f"{self.problem} {self.fix}"

    def __str__(self) -> str:
        return f"{self.question}: {self.advice}"


@dataclass
class Check:
    questions: int  # every authored question, each pool's whole set included
    findings: list[Finding]

    @property
    def flagged(self) -> int:
        """How many questions have at least one finding."""
        return len({f.where for f in self.findings})

    def __bool__(self) -> bool:  # true when something needs changing
        return bool(self.findings)


# Entry points


def check_assessment(page) -> Check:
    """Check an assessment page's questions (pass the latest revision to check what authors edit)."""
    return check_questions(page.questions)


def check_questions(blocks) -> Check:
    """Check a questions StreamField value, or a list of ``(block_type, value)`` pairs as the demo
    content and the tests write them. A pool's questions are checked one by one."""
    findings, count = [], 0
    for position, (block_type, value) in enumerate(_children(blocks), start=1):
        if block_type == "pool":
            title = _text(value.get("title", ""))
            for inner, (_type, question) in enumerate(_children(value["questions"]), start=1):
                count += 1
                where = _("Question %(position)d (pool “%(pool)s”), question %(inner)d") % {
                    "position": position,
                    "pool": title,
                    "inner": inner,
                }
                findings += check_question(question, where=where)
        else:
            count += 1
            findings += check_question(value, where=_("Question %(position)d") % {"position": position})
    return Check(questions=count, findings=findings)


def check_question(value, *, where: str = "") -> list[Finding]:
    """The findings for one question's value (a dict or a block's StructValue)."""
    where = where or _("Question")
    about = shorten(_text(value.get("scenario") or value.get("prompt") or value.get("statement") or ""))
    found = []
    options = list(value.get("options") or [])
    if options and all(_has(o, "quality") for o in options):
        found += _graded_options(options)
    elif options and all(_has(o, "correct") for o in options):
        found += _keyed_options(options)
    if options:
        found += _repeats([_text(o["text"]) for o in options], OPTIONS)
    steps = list(value.get("steps") or [])
    if steps:
        found += _repeats([_text(s) for s in steps], STEPS)
    return [Finding(where=where, about=about, kind=kind, problem=p, fix=f) for kind, p, f in found]


# The rules


def _keyed_options(options):
    lengths = [length(o["text"]) for o in options]
    keyed = [bool(o["correct"]) for o in options]
    right = [n for n, k in zip(lengths, keyed, strict=True) if k]
    wrong = [n for n, k in zip(lengths, keyed, strict=True) if not k]
    if not right or not wrong:
        return []
    if _longest_are_keyed(lengths, keyed):
        if len(right) == 1:
            yield (
                KEYED_LONGEST,
                _(
                    "The right answer is the longest option (%(right)d characters; the longest "
                    "wrong one has %(wrong)d)."
                )
                % {"right": max(right), "wrong": max(wrong)},
                _(
                    "Someone who simply picks the longest option gets it right without knowing why. "
                    "Trim the right answer, or give a wrong option a plausible detail that makes it "
                    "the longest."
                ),
            )
        else:
            yield (
                KEYED_LONGEST,
                _(
                    "The longest option is a right answer (%(longest)d characters; the longest "
                    "wrong one has %(wrong)d)."
                )
                % {"longest": max(lengths), "wrong": max(wrong)},
                _(
                    "Ticking the longest options scores without knowing the answer. Make a wrong "
                    "option the longest, for instance by giving it a plausible reason."
                ),
            )
        return  # the fix is the same as for the mean, so say it once
    right_mean, wrong_mean = statistics.fmean(right), statistics.fmean(wrong)
    if right_mean >= MEAN_LENGTH_RATIO * wrong_mean and right_mean - wrong_mean >= MEAN_LENGTH_GAP:
        problem = (
            _(
                "The right answer is clearly longer than the wrong ones (%(right)d characters on "
                "average, against %(wrong)d)."
            )
            if len(right) == 1
            else _(
                "The right options are clearly longer than the wrong ones (%(right)d characters on "
                "average, against %(wrong)d)."
            )
        )
        yield (
            LENGTH_PREDICTS,
            problem % {"right": round(right_mean), "wrong": round(wrong_mean)},
            _(
                "Length hints at the answer. Give the wrong options the same care and detail, or "
                "trim the right ones, until they are about as long."
            ),
        )


def _graded_options(options):
    lengths = [length(o["text"]) for o in options]
    qualities = [int(o["quality"]) for o in options]
    best = max(qualities)
    if _longest_are_keyed(lengths, [q == best for q in qualities]):
        others = [n for n, q in zip(lengths, qualities, strict=True) if q != best]
        yield (
            KEYED_LONGEST,
            _("The best reply is the longest (%(longest)d characters; the next longest has %(next)d).")
            % {"longest": max(lengths), "next": max(others) if others else 0},
            _(
                "Picking the longest reply scores full marks without judging anything. Make the best "
                "reply more concise, or let a weaker reply run longer, as real mistakes often do (a "
                "long apology with no action, policy quoted at length)."
            ),
        )
    if len(options) >= 3:
        rho = rank_correlation(lengths, qualities)
        if rho is not None and rho >= RANK_CORRELATION_LIMIT:
            yield (
                LENGTH_PREDICTS,
                _("The replies get longer as they get better (rank correlation %(rho)s).")
                % {"rho": number_format(rho, 2)},
                _(
                    "Vary the lengths so that length says nothing about quality: make a weak reply one "
                    "of the longest and a good one short."
                ),
            )


def _repeats(texts, noun):
    seen = {}
    for i, text in enumerate(texts, start=1):
        key = normalise(text)
        if not key:
            continue
        if key in seen:
            yield (
                REPEATED,
                (
                    _("Options %(first)d and %(second)d say the same thing (“%(text)s”).")
                    if noun == OPTIONS
                    else _("Steps %(first)d and %(second)d say the same thing (“%(text)s”).")
                )
                % {"first": seen[key], "second": i, "text": shorten(text, 50)},
                _("Replace one with a different, plausible choice, so that every option counts.")
                if noun == OPTIONS
                else _("Reword or remove one, so that each step has one right place."),
            )
        else:
            seen[key] = i


def _longest_are_keyed(lengths, keyed) -> bool:
    """True when every option of the greatest length is keyed (right, or the best reply), and at least
    one option is not: the longest option alone points at the answer."""
    if all(keyed):
        return False
    top = max(lengths)
    return all(k for n, k in zip(lengths, keyed, strict=True) if n == top)


# Measures


def length(text) -> int:
    """What a reader sees as an option's length: its characters, with runs of spaces counted once."""
    return len(" ".join(_text(text).split()))


def normalise(text) -> str:
    """The words of a text, without case, punctuation or extra spaces: how repeats are recognised."""
    kept = "".join(" " if unicodedata.category(c).startswith("P") else c for c in _text(text).casefold())
    return " ".join(kept.split())


def rank_correlation(xs, ys) -> float | None:
    """Spearman's rank correlation (ties share their mean rank); None when either side never varies."""
    try:
        return statistics.correlation(_ranks(xs), _ranks(ys))
    except statistics.StatisticsError:
        return None


def _ranks(values) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for k in range(start, end + 1):
            ranks[order[k]] = (start + end) / 2 + 1
        start = end + 1
    return ranks


def shorten(text: str, limit: int = SHORT_TEXT) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,.;:'‘’\"“”(")
    return f"{cut}…"


def _text(value) -> str:
    return str(value or "")


def _has(option, key) -> bool:
    try:
        return option[key] is not None
    except (KeyError, TypeError):
        return False


def _children(blocks):
    for block in blocks:
        if hasattr(block, "block_type"):
            yield block.block_type, block.value
        else:
            yield block
