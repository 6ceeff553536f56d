"""What every question type knows about itself, from the author's block to the learner's feedback.

A question lives as a plain dict in ``Attempt.snapshot`` (JSON, kept for years), so a type is a set of
functions over that dict rather than an object stored with it: attempts already in a database keep
grading as long as a type with their ``"type"`` name is registered.
"""

import random
from abc import ABC, abstractmethod

from django.utils.translation import gettext as _

from lms.core.exceptions import LMSError

# Everything else in a snapshot question (keys, quality, order, rubric, model answer, explanation,
# points) stays on the server until the learner submits.
PUBLIC_KEYS = ("id", "type", "dimension", "skills", "scenario", "prompt")


class UnknownQuestionType(ValueError):
    def __init__(self, name):
        super().__init__(f"Unknown question type {name!r}")
        self.name = name


class UnreadableAnswer(ValueError):
    """A posted form that cannot be read as an answer; the message is shown next to the question."""


def invalid_answer(question: dict, message: str) -> LMSError:
    label = (question.get("prompt") or question["id"])[:60]
    return LMSError(
        _("Question “%(question)s”: %(problem)s") % {"question": label, "problem": message},
        code="invalid_answer",
    )


def item_ids(list_value, prefix: str) -> list[str]:
    """Stable ids of a ListBlock's items (Wagtail gives each one a UUID); fall back to positions."""
    bound = getattr(list_value, "bound_blocks", None)
    if bound is None:
        return [f"{prefix}-{i}" for i in range(len(list_value))]
    return [b.id or f"{prefix}-{i}" for i, b in enumerate(bound)]


class QuestionType(ABC):
    """Subclass, set ``name`` and ``block``, override what differs, and decorate with ``@register``."""

    # The StreamField child name, stored as the snapshot's "type".
    name: str
    # The block authors fill in; its ``dimension`` says which score the question counts towards.
    block: type
    # True when a person grades the response on the question's rubric (a written reply): submitting
    # opens a review instead of scoring it.
    needs_review = False

    @property
    def dimension(self) -> str:
        return self.block.dimension

    @property
    def input_template(self) -> str:
        """Renders the inputs inside the question's fieldset on the attempt page. It gets the public
        question as ``q`` (with ``saved``, ``error`` and whatever ``input_context`` adds) and must wrap
        its inputs in an element with ``data-response="choice|choices|order|text"``, which tells the
        page's script how to read the answer for autosave."""
        return f"lms_quizzes/questions/{self.name}_input.html"

    @property
    def feedback_template(self) -> str:
        """Renders the learner's answer and the right one on the result page, from ``result_for``'s
        question as ``q``."""
        return f"lms_quizzes/questions/{self.name}_feedback.html"

    # Snapshot: what one attempt asks

    def snapshot(self, block, rng: random.Random) -> dict:
        """The question as one attempt asks it, keys included, from a bound StreamField child."""
        value, qid = block.value, str(block.id)
        return {
            "id": qid,
            "type": self.name,
            "dimension": self.dimension,
            "skills": [{"slug": s.slug, "name": s.name} for s in value["skills"] if s is not None],
            "points": value.get("points") or 1,
            "scenario": value.get("scenario", "") or "",
            "prompt": self.prompt_of(value),
            "explanation": value.get("explanation", "") or "",
            "options": [],
            **self.snapshot_fields(value, qid, rng),
        }

    def prompt_of(self, value) -> str:
        return value.get("prompt", "") or ""

    def snapshot_fields(self, value, qid: str, rng: random.Random) -> dict:
        """The type's own part of the snapshot: its options (shuffled with ``rng`` only, so a seed
        reproduces the attempt) and its keys."""
        return {}

    # Before submission

    def public(self, question: dict) -> dict:
        """What a learner, or an API client, may see before submitting."""
        data = {key: question[key] for key in PUBLIC_KEYS}
        data["skills"] = [s["name"] for s in question["skills"]]
        data["options"] = [{"id": o["id"], "text": o["text"]} for o in question["options"]]
        return data

    def input_context(self, question: dict, saved) -> dict:
        """Extra values the input template needs, from the *public* question and the saved response."""
        return {}

    @abstractmethod
    def from_post(self, question: dict, data, name: str):
        """The response posted by the input template (fields named from ``name``, "q-<id>"), or None
        when the form holds none. Raise ``UnreadableAnswer`` for a response that makes no sense."""

    @abstractmethod
    def clean(self, question: dict, response):
        """Check a (non-None) response's shape and return it normalised; raise ``invalid_answer``."""

    # Grading

    def credit(self, question: dict, response) -> float | None:
        """Credit from 0 to 1; None when a person must grade it."""
        if self.needs_review:
            return None
        if response in (None, "", []):
            return 0.0
        return self.score(question, response)

    @abstractmethod
    def score(self, question: dict, response) -> float:
        """Credit from 0 to 1 for a given, cleaned response."""

    def credit_from_marks(self, question: dict, marks: dict) -> float:
        """Credit from a reviewer's marks, for a type that ``needs_review``."""
        raise TypeError(f"{self.name} questions are marked automatically, not by a reviewer.")

    # After submission

    def explain(self, question: dict) -> dict:
        """What the result adds to the question once submitted: the right answer, in the type's terms."""
        return {}

    def result_options(self, question: dict, response) -> list[dict]:
        chosen = set(response) if isinstance(response, list) else {response}
        return [
            {"id": o["id"], "text": o["text"], "chosen": o["id"] in chosen, **self.option_feedback(o)}
            for o in question["options"]
        ]

    def option_feedback(self, option: dict) -> dict:
        """What the result shows about one option beside its text (right or wrong, how good)."""
        return {}
