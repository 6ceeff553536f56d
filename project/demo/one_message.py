"""One message, said again (issue 15) in the demo: a material change to the complaints policy that Front Desk
is confirming leaders first (Emma told hers has opened), a question answered once for everyone, a question
waiting for `leader`, booster history with one slipping skill and a set due now for Emma and Zoë, course
feedback past the five-answer threshold, and courses in progress for `employee2`.

Everything goes through the services (attest, ask, answer, publish, enrol, assign), so the rules hold and the
audit trail records it. Safe to run again: each step looks for what it made last time and adds nothing twice.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from attestation import selectors as attestation_selectors
from attestation import services as attestation_services
from attestation.models import PolicyQuestion
from boosters.demo import build_booster_history, build_feedback, leave_sets_due
from certificates.models import Certificate
from certificates.services import issue
from courses import services as course_services
from courses.models import CoursePage, Enrolment, Policy
from courses.models.snippets import PolicyVersion

POLICY = "complaints"
OLD_WORDS = "<strong>10 working days</strong>, even when there is no news"
NEW_WORDS = "<strong>5 working days</strong>, even when there is no news"
SUMMARY = "Complaint owners now update the customer at least every 5 working days (was 10), news or not."
QUESTIONS = [
    {
        "type": "question",
        "value": {
            "question": (
                "A customer's complaint is still being looked into and there is nothing new to tell them. "
                "How often must the person who owns it get in touch?"
            ),
            "choices": [
                {"text": "At least every 5 working days, even with no news", "correct": True},
                {"text": "At least every 10 working days", "correct": False},
                {"text": "Only when there is news to share", "correct": False},
            ],
            "explanation": (
                "Since version 2 the owner updates the customer at least every 5 working days. Silence is "
                "what makes people chase us, and every chasing call is a second complaint."
            ),
        },
    },
    {
        "type": "question",
        "value": {
            "question": "Nothing has changed since your last update. What does a good update say?",
            "choices": [
                {
                    "text": "Where things stand, what we are waiting for, and when they will hear next",
                    "correct": True,
                },
                {"text": "Nothing: skip it until there is something new to say", "correct": False},
            ],
            "explanation": (
                "An update with no news still tells the customer we have not forgotten them, and a date for "
                "the next one means they do not have to ring to find out."
            ),
        },
    },
]

# Front Desk advisers who passed Acknowledgement and apology before the change (so their certificates
# covered version 1 of the complaints policy). José is left out: the keyboard journey has him take it.
EARLIER_CERTIFICATES = [("employee", "acknowledgement-and-apology"), ("zoe", "acknowledgement-and-apology")]
# Who has confirmed the new version, in order (leaders first): Grace at the top, then Liam, then Zoë.
ATTESTED = ["head", "leader", "zoe"]

FAQ = {
    "asker": "employee2",
    "answerer": "leader2",
    "policy": "refunds",
    "text": (
        "A customer rang twice this week about the same wrong bill. Can I give £75 goodwill on each call, "
        "or is it £75 for the whole problem?"
    ),
    "answer": (
        "Up to £75 on each contact, but never more than £100 on one account in any 12 months. If a second "
        "credit would take them past £100, ask your team leader: we can approve up to £250. And if the bill "
        "was our error, refunding the overpayment isn't goodwill at all, so there's no limit once Billing "
        "has confirmed the figure."
    ),
    "wording": "Can I give £75 goodwill on each call about the same problem?",
}

OPEN_QUESTION = {
    "asker": "employee",
    "policy": POLICY,
    "text": (
        "Mrs Patel asked us to email rather than phone because she works nights. Does an email count as the "
        "update every 5 working days, or do we still need to speak to her?"
    ),
}

# username → the skill slipping from their memory (None: all kept up).
BOOSTER_HOLDERS = {"leader": None, "leader2": None, "zoe": "apology", "employee": "apology"}
# Who finds a booster set waiting when they sign in (Emma's brings back the apology she is forgetting).
BOOSTERS_DUE = ["employee", "zoe"]

FEEDBACK_COURSE = "active-listening"
FEEDBACK = [
    ("zoe", 5, "The before-and-after calls made it click. I now let people finish before I jump in."),
    ("jose", 4, "Useful. I'd like one more example with a caller who is upset and talks very fast."),
    ("soren", 4, "Short modules that fit between calls. The summary checklist is on my desk now."),
    ("lan", 5, "Hearing the same call done two ways was the best part. More of those, please."),
    ("leader", 4, "Good for new starters. I use the names-and-titles module in team huddles."),
    ("leader2", 3, "Solid, but the last module felt long on a phone. Could it be split in two?"),
    ("head", 5, "Exactly the habits we want on every call."),
]

# username → (course slug, modules done, assigned by (None: enrolled themselves), days until due)
IN_PROGRESS = [
    ("employee2", "active-listening", 2, None, None),
    ("employee2", "knowing-our-policies", 1, "leader2", 21),
]


def _people(usernames) -> dict:
    return {u.username: u for u in get_user_model().objects.filter(username__in=list(usernames))}


def _earlier_certificates(people: dict) -> int:
    issued = 0
    courses = {c.slug: c for c in CoursePage.objects.filter(slug__in={s for _, s in EARLIER_CERTIFICATES})}
    for username, slug in EARLIER_CERTIFICATES:
        person, course = people.get(username), courses.get(slug)
        if person is None or course is None:
            continue
        if not Certificate.objects.filter(holder=person, course=course).exists():
            issue(
                holder=person,
                course=course,
                issued_on=timezone.localdate() - datetime.timedelta(days=120),
                reason="Demo data: passed before the complaints policy changed.",
            )
            issued += 1
    return issued


def complaints_in_version_two() -> PolicyVersion | None:
    """The complaints policy moved to version 2 (a material change with two questions); the version, or
    None if the policy is missing or was changed some other way."""
    policy = Policy.objects.by_slug(POLICY, original=True)
    if policy is None:
        return None
    if policy.version == 1 and OLD_WORDS in policy.body:
        policy.body = policy.body.replace(OLD_WORDS, NEW_WORDS)
        policy.change_kind = PolicyVersion.Kind.MATERIAL
        policy.change_summary = SUMMARY
        policy.questions = QUESTIONS
        policy.save()  # flags every current certificate that covered version 1 (the attestation hook)
        policy.save_revision().publish()
    return PolicyVersion.objects.filter(
        policy=policy, summary=SUMMARY, kind=PolicyVersion.Kind.MATERIAL
    ).first()


def _right_answers(version: PolicyVersion) -> list[int]:
    return [
        next(i for i, choice in enumerate(block.value["choices"]) if choice["correct"])
        for block in version.questions
    ]


def _attest(people: dict, version: PolicyVersion) -> int:
    done = 0
    for username in ATTESTED:
        person = people.get(username)
        if person is None or not attestation_services.owed(person=person, version=version).exists():
            continue
        if not attestation_selectors.attestation_open(person, version):
            continue
        result = attestation_services.attest(
            person=person, version=version, answers=_right_answers(version), read_and_will_apply=True
        )
        done += result["attested"]
    return done


def _questions(people: dict) -> None:
    asker, answerer = people.get(FAQ["asker"]), people.get(FAQ["answerer"])
    policy = Policy.objects.by_slug(FAQ["policy"], original=True)
    if (
        asker
        and answerer
        and policy
        and not PolicyQuestion.objects.filter(asker=asker, text=FAQ["text"]).exists()
    ):
        question = attestation_services.ask(person=asker, policy=policy, text=FAQ["text"])
        question = attestation_services.answer(question=question, by=answerer, text=FAQ["answer"])
        attestation_services.publish_faq(question=question, by=answerer, wording=FAQ["wording"])

    asker = people.get(OPEN_QUESTION["asker"])
    policy = Policy.objects.by_slug(OPEN_QUESTION["policy"], original=True)
    if (
        asker
        and policy
        and not PolicyQuestion.objects.filter(asker=asker, text=OPEN_QUESTION["text"]).exists()
    ):
        attestation_services.ask(person=asker, policy=policy, text=OPEN_QUESTION["text"])


def _in_progress(people: dict) -> None:
    today = timezone.localdate()
    for username, slug, modules_done, assigned_by, due_in in IN_PROGRESS:
        person, course = people.get(username), CoursePage.objects.filter(slug=slug).first()
        if person is None or course is None or Enrolment.objects.filter(user=person, course=course).exists():
            continue
        if assigned_by:
            enrolment = course_services.assign(
                course=course,
                learner=person,
                assigned_by=people[assigned_by],
                due_date=today + datetime.timedelta(days=due_in),
            )
        else:
            enrolment = course_services.enrol(user=person, course=course)
        for module in list(course.modules())[:modules_done]:
            course_services.complete_module(user=person, enrolment_id=enrolment.pk, module_id=module.pk)


@transaction.atomic
def build_one_message() -> dict:
    """The issue 15 demo; run after the certificates and the evidence demo. Safe to run again."""
    usernames = {
        *(u for u, _ in EARLIER_CERTIFICATES),
        *ATTESTED,
        FAQ["asker"],
        FAQ["answerer"],
        OPEN_QUESTION["asker"],
        *BOOSTER_HOLDERS,
        *(u for u, *_ in FEEDBACK),
        *(u for u, *_ in IN_PROGRESS),
        *(a for *_, a, _d in IN_PROGRESS if a),
    }
    people = _people(usernames)
    _earlier_certificates(people)
    version = complaints_in_version_two()
    attested = _attest(people, version) if version is not None else 0
    _questions(people)
    boosted = build_booster_history(holders=BOOSTER_HOLDERS)
    leave_sets_due(usernames=BOOSTERS_DUE)
    course = CoursePage.objects.filter(slug=FEEDBACK_COURSE).first()
    rated = build_feedback(course=course, answers=FEEDBACK) if course is not None else 0
    _in_progress(people)
    return {"version": version, "attested": attested, "boosted": boosted, "rated": rated}
