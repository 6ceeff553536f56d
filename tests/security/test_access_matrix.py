"""Every URL and endpoint that touches a person's data, requested as each role (DESIGN: nobody reaches
another person's data by changing an id).

Every request carries a body the endpoint would accept from the right person (a full rubric and a comment
to grade, a reason to revoke, real checklist items to sign off…), so a refusal here is a refusal by
permission and never by a missing field. Each request runs in a savepoint that is rolled back, so every
role meets the same world, and for every write the matrix also checks that it happened exactly for the
roles allowed to make it (the pages answer a refusal and a success with the same redirect).
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import NamedTuple

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client

from certificates import services as cert_services
from certificates.models import Certificate, CertificateExport, LeadersFirstException
from courses.models import Enrolment, ModuleCompletion
from lms.core.models import Nudge, Team
from quizzes import services as quiz_services
from quizzes.models import Answer, Attempt, Review
from tests.factories import CoursePageFactory, ModulePageFactory, automatic_questions, make_assessment
from tests.fixtures.assessments import finish_modules, pass_assessment

pytestmark = pytest.mark.django_db

ANON, OWNER, OTHER, LEADER, OTHER_LEADER, HR = "anonymous", "owner", "other", "leader", "other_leader", "hr"
ROLES = [ANON, OWNER, OTHER, LEADER, OTHER_LEADER, HR]
DENIED_API = {401, 403}
API_DENY = "api-deny"


class Redirect(NamedTuple):
    to: str | Callable  # a URL (formatted with the world's ids), or world -> URL for one made by the request


LOGIN = Redirect("/login/?next={url}")  # the page asks an anonymous visitor to sign in, then come back
TO_MY_TRAINING = Redirect("/training/")
TO_REVIEWS = Redirect("/training/reviews/")
TO_REGISTER = Redirect("/training/register/")
TO_TEAM = Redirect("/training/team/")

STAFF_CSV = (
    "employee_id,name,email,team,leader,job_title,parent_team\n"
    "B1,Nia Jones,nia@example.com,Billing,B1,Team leader,\n"
)


def staff_csv():
    return SimpleUploadedFile("staff.csv", STAFF_CSV.encode(), content_type="text/csv")


@pytest.fixture
def world(org, hr, course, skills, assessment):
    """Ann (in Desk) has finished Active listening's modules and passed its assessment, and waits for Liam
    Lead, who leads Desk and is certified in it, to grade her reply and sign off her observation; she
    also holds a certificate in it, has an attempt open in Refunds and has just enrolled in Apologies.
    Bob works in Line (Priya Raman's)."""
    owner = org.member(org.desk, "ann", first_name="Ann", last_name="Owner")
    other = org.member(org.line, "bob", first_name="Bob", last_name="Other")
    cert_services.issue(holder=org.lead, course=course)
    finish_modules(owner, course, Enrolment.objects.create(user=owner, course=course))
    attempt = pass_assessment(owner, course)
    assert attempt.state == Attempt.State.AWAITING_REVIEW
    written = attempt.reviews.get(kind=Review.Kind.WRITTEN)
    observation = attempt.reviews.get(kind=Review.Kind.OBSERVATION)
    certificate = cert_services.issue(holder=owner, course=course)

    refunds = CoursePageFactory(parent=course.get_parent(), title="Refunds", slug="refunds")
    ModulePageFactory(parent=refunds)
    make_assessment(refunds, automatic_questions(*skills), slug="refunds-check")
    finish_modules(owner, refunds, Enrolment.objects.create(user=owner, course=refunds))
    open_attempt, _ = quiz_services.start_attempt(user=owner, course=refunds)

    apologies = CoursePageFactory(parent=course.get_parent(), title="Apologies", slug="apologies")
    first, second = (
        ModulePageFactory(parent=apologies, title=f"Sorry {n}", slug=f"sorry-{n}") for n in (1, 2)
    )
    enrolment = Enrolment.objects.create(user=owner, course=apologies)
    choice = next(q for q in open_attempt.snapshot["questions"] if q["type"] == "single_choice")

    export = CertificateExport.objects.create(requested_by=hr, state=CertificateExport.State.DONE)
    export.file.save("certificates-matrix.zip", ContentFile(b"PK\x05\x06" + b"\0" * 18))
    failed_export = CertificateExport.objects.create(
        requested_by=hr, state=CertificateExport.State.FAILED, error="worker killed"
    )
    rubric = quiz_services.question_of(written)["rubric"]
    return SimpleNamespace(
        users={OWNER: owner, OTHER: other, LEADER: org.lead, OTHER_LEADER: org.other_lead, HR: hr},
        owner=owner,
        course=course,
        apologies=apologies,
        certificate=certificate,
        written=written,
        observation=observation,
        open_attempt=open_attempt,
        choice=choice,
        failed_export=failed_export,
        full_marks={c["id"]: c["points"] for c in rubric},
        items=[i["id"] for i in attempt.snapshot["observation"]],
        ids={
            "attempt": attempt.pk,
            "open_attempt": open_attempt.pk,
            "review": written.pk,
            "observation": observation.pk,
            "certificate": certificate.pk,
            "code": certificate.code,
            "enrolment": enrolment.pk,
            "module": first.pk,
            "next_module_url": second.url,
            "course": course.pk,
            "course_url": course.url,
            "assessment": assessment.pk,
            "desk": org.desk.pk,
            "owner": owner.pk,
            "export": export.pk,
            "failed_export": failed_export.pk,
        },
    )


def expect(owner, other, leader, other_leader, hr, anon):
    return dict(
        zip(
            [OWNER, OTHER, LEADER, OTHER_LEADER, HR, ANON],
            [owner, other, leader, other_leader, hr, anon],
            strict=True,
        )
    )


HR_ONLY_API = expect(403, 403, 403, 403, 200, API_DENY)
HR_ONLY_PAGE = expect(403, 403, 403, 403, 200, LOGIN)
REVIEWER_ONLY_API = expect(403, 404, 200, 404, 404, API_DENY)  # Ann may not grade her own work


@dataclass(frozen=True)
class Row:
    method: str
    url: str
    expected: dict
    body: Callable | None = None  # world -> the data a permitted caller would send
    wrote: Callable | None = None  # world -> did the request change what it changes?
    may_write: frozenset | None = None  # who changes it: by default every role expected to get a 2xx
    multipart: bool = False  # an API endpoint that takes a file

    def writers(self):
        if self.may_write is not None:
            return self.may_write
        return frozenset(role for role, want in self.expected.items() if isinstance(want, int) and want < 300)


def grade_form(w):
    return {f"mark-{cid}": str(points) for cid, points in w.full_marks.items()} | {
        "comment": "Warm and specific, and you gave a time. Well done."
    }


def graded(w):
    return Review.objects.get(pk=w.written.pk).state == Review.State.DONE


def signed_off(w):
    return set(Review.objects.get(pk=w.observation.pk).marks) == set(w.items)


def answered(w):
    return Answer.objects.filter(
        attempt=w.open_attempt, question_id=w.choice["id"], response=w.choice["options"][0]["id"]
    ).exists()


def submitted(w):
    return not Attempt.objects.get(pk=w.open_attempt.pk).is_open


def completed(w):
    return ModuleCompletion.objects.filter(enrolment__user=w.owner, enrolment__course=w.apologies).exists()


def revoked(w):
    return Certificate.objects.get(pk=w.certificate.pk).revoked_at is not None


def correction(w):
    return Certificate.objects.filter(replaces=w.certificate).first()


def nudged(w):
    return Nudge.objects.filter(recipient=w.owner).exists()


def assigned(w):
    return Enrolment.objects.get(user=w.owner, course=w.course).due_date is not None


def imported(w):
    return Team.objects.filter(name="Billing").exists()


CASES = [
    # The API
    Row("get", "/api/v1/attempts/{attempt}/", expect(200, 404, 404, 404, 404, API_DENY)),
    Row(
        "patch",  # submitted already: Ann's own reply cannot change now, and nobody else's ever
        "/api/v1/attempts/{attempt}/",
        expect(409, 404, 404, 404, 404, API_DENY),
        body=lambda w: {"answers": {w.written.question_id: "A reply written after submitting."}},
        wrote=lambda w: Answer.objects.filter(response="A reply written after submitting.").exists(),
    ),
    Row(
        "patch",
        "/api/v1/attempts/{open_attempt}/",
        expect(200, 404, 404, 404, 404, API_DENY),
        body=lambda w: {"answers": {w.choice["id"]: w.choice["options"][0]["id"]}},
        wrote=answered,
    ),
    Row("post", "/api/v1/attempts/{attempt}/submit/", expect(200, 404, 404, 404, 404, API_DENY)),
    Row(
        "post",
        "/api/v1/attempts/{open_attempt}/submit/",
        expect(200, 404, 404, 404, 404, API_DENY),
        wrote=submitted,
    ),
    Row("get", "/api/v1/attempts/{attempt}/result/", expect(200, 404, 404, 404, 404, API_DENY)),
    Row("get", "/api/v1/enrolments/{enrolment}/", expect(200, 404, 404, 404, 404, API_DENY)),
    Row(
        "post",
        "/api/v1/enrolments/{enrolment}/modules/{module}/complete/",
        expect(200, 404, 404, 404, 404, API_DENY),
        wrote=completed,
    ),
    Row("get", "/api/v1/reviews/{review}/", REVIEWER_ONLY_API),
    Row(
        "post",
        "/api/v1/reviews/{review}/grade/",
        REVIEWER_ONLY_API,
        body=lambda w: {"marks": w.full_marks, "comment": "Warm and specific. Well done."},
        wrote=graded,
    ),
    Row(
        "post",
        "/api/v1/reviews/{observation}/sign-off/",
        REVIEWER_ONLY_API,
        body=lambda w: {"items": w.items, "note": "Role-played a billing complaint on Tuesday."},
        wrote=signed_off,
    ),
    Row("get", "/api/v1/certificates/{certificate}/", expect(200, 404, 200, 404, 200, API_DENY)),
    Row("get", "/api/v1/certificates/{certificate}/pdf/", expect(200, 404, 200, 404, 200, API_DENY)),
    Row(
        "post",
        "/api/v1/certificates/{certificate}/revoke/",
        HR_ONLY_API,
        body=lambda w: {"reason": "Issued to the wrong person"},
        wrote=revoked,
    ),
    Row(
        "post",
        "/api/v1/certificates/{certificate}/correct/",
        expect(403, 403, 403, 403, 201, API_DENY),
        body=lambda w: {"holder_name": "Ann Owner-Smith", "reason": "Married name"},
        wrote=lambda w: correction(w) is not None,
    ),
    Row(
        "post",
        "/api/v1/leaders-first-exceptions/",
        expect(403, 403, 403, 403, 201, API_DENY),
        body=lambda w: {"person": w.owner.pk, "course": w.course.pk, "reason": "Covering a leave gap"},
        wrote=lambda w: LeadersFirstException.objects.filter(person=w.owner).exists(),
    ),
    Row(
        "post",
        "/api/v1/nudges/",
        expect(403, 403, 201, 403, 201, API_DENY),
        body=lambda w: {"people": [w.owner.pk], "message": "Please finish Active listening this week."},
        wrote=nudged,
    ),
    Row(
        "post",
        "/api/v1/assignments/",
        expect(403, 403, 201, 403, 201, API_DENY),
        body=lambda w: {"course": w.course.pk, "users": [w.owner.pk], "due_date": "2099-06-30"},
        wrote=assigned,
    ),
    Row("get", "/api/v1/teams/{desk}/progress/", expect(404, 404, 200, 404, 200, API_DENY)),
    Row("get", "/api/v1/certificate-exports/{export}/", expect(404, 404, 404, 404, 200, API_DENY)),
    Row("get", "/api/v1/certificate-exports/{export}/download/", expect(404, 404, 404, 404, 200, API_DENY)),
    Row(
        "post",
        "/api/v1/certificate-exports/",
        expect(403, 403, 403, 403, 202, API_DENY),
        body=lambda w: {"filters": {"course": w.course.pk}},
        wrote=lambda w: CertificateExport.objects.count() > 2,
    ),
    Row("get", "/api/v1/organisation/compliance/", HR_ONLY_API),
    Row("get", "/api/v1/organisation/cascade/", HR_ONLY_API),
    Row("get", "/api/v1/organisation/expiries/", HR_ONLY_API),
    Row(
        "post",
        "/api/v1/staff-imports/",
        HR_ONLY_API,
        body=lambda w: {"file": staff_csv(), "dry_run": "false"},
        wrote=imported,
        multipart=True,
    ),
    Row("get", "/api/v1/assessments/{assessment}/statistics/", HR_ONLY_API),
    Row("get", "/api/v1/verify/{code}/", expect(200, 200, 200, 200, 200, 200)),
    # The pages
    Row(
        "get",
        "/training/attempts/{attempt}/",
        expect(200, TO_MY_TRAINING, TO_MY_TRAINING, TO_MY_TRAINING, TO_MY_TRAINING, LOGIN),
    ),
    Row(
        "post",
        "/training/attempts/{open_attempt}/save/",
        expect(*[Redirect("/training/attempts/{open_attempt}/")] * 5, LOGIN),
        body=lambda w: {f"q-{w.choice['id']}": w.choice["options"][0]["id"]},
        wrote=answered,
        may_write=frozenset({OWNER}),
    ),
    Row(
        "post",
        "/training/attempts/{open_attempt}/submit/",
        expect(*[Redirect("/training/attempts/{open_attempt}/")] * 5, LOGIN),
        body=lambda w: {f"q-{w.choice['id']}": w.choice["options"][0]["id"]},
        wrote=submitted,
        may_write=frozenset({OWNER}),
    ),
    Row(
        "post",
        "/training/enrolments/{enrolment}/modules/{module}/complete/",
        expect(Redirect("{next_module_url}"), *[TO_MY_TRAINING] * 4, LOGIN),
        wrote=completed,
        may_write=frozenset({OWNER}),
    ),
    Row(
        "get",
        "/training/reviews/{review}/",
        expect(TO_REVIEWS, TO_REVIEWS, 200, TO_REVIEWS, TO_REVIEWS, LOGIN),
    ),
    Row(
        "post",
        "/training/reviews/{review}/",
        expect(*[TO_REVIEWS] * 5, LOGIN),
        body=grade_form,
        wrote=graded,
        may_write=frozenset({LEADER}),
    ),
    Row(
        "post",
        "/training/reviews/{observation}/",
        expect(*[TO_REVIEWS] * 5, LOGIN),
        body=lambda w: {"items": w.items, "note": "Watched a live call"},
        wrote=signed_off,
        may_write=frozenset({LEADER}),
    ),
    Row("get", "/training/certificates/{certificate}/", expect(200, 404, 200, 404, 200, LOGIN)),
    Row("get", "/training/certificates/{certificate}/pdf/", expect(200, 404, 200, 404, 200, LOGIN)),
    Row(
        "post",  # those who may see the certificate are told why not on its page; others find nothing
        "/training/certificates/{certificate}/revoke/",
        expect(403, 404, 403, 404, TO_REGISTER, LOGIN),
        body=lambda w: {"reason": "Issued to the wrong person", "confirm": "yes"},
        wrote=revoked,
        may_write=frozenset({HR}),
    ),
    Row(
        "post",
        "/training/certificates/{certificate}/correct/",
        expect(403, 404, 403, 404, Redirect(lambda w: f"/training/certificates/{correction(w).pk}/"), LOGIN),
        body=lambda w: {"holder_name": "Ann Owner-Smith", "reason": "Married name", "confirm": "yes"},
        wrote=lambda w: correction(w) is not None,
        may_write=frozenset({HR}),
    ),
    Row("get", "/training/team/members/{owner}/", expect(404, 404, 200, 404, 200, LOGIN)),
    Row("get", "/training/team/", expect(403, 403, 200, 200, 200, LOGIN)),
    Row(
        "post",
        "/training/team/nudge/",
        expect(*[TO_TEAM] * 5, LOGIN),
        body=lambda w: {"people": [w.owner.pk], "message": "Please finish Active listening this week."},
        wrote=nudged,
        may_write=frozenset({LEADER, HR}),
    ),
    Row(
        "post",  # Priya Raman leads no one in Desk: Ann is not offered to her, so the form is shown again
        "/training/courses/{course}/assign/",
        expect(403, 403, Redirect("{course_url}"), 200, Redirect("{course_url}"), LOGIN),
        body=lambda w: {"people": [w.owner.pk], "due_date": "2099-06-30"},
        wrote=assigned,
        may_write=frozenset({LEADER, HR}),
    ),
    Row("get", "/training/register/", HR_ONLY_PAGE),
    Row("get", "/training/exports/{export}/", HR_ONLY_PAGE),
    Row("get", "/training/exports/{export}/download/", HR_ONLY_PAGE),
    Row(
        "post",
        "/training/exports/{failed_export}/retry/",
        expect(*[Redirect("/training/exports/{failed_export}/")] * 5, LOGIN),
        wrote=lambda w: (
            CertificateExport.objects.get(pk=w.failed_export.pk).state == CertificateExport.State.QUEUED
        ),
        may_write=frozenset({HR}),
    ),
    Row("get", "/training/organisation/", HR_ONLY_PAGE),
    Row("get", "/training/organisation/cascade/", HR_ONLY_PAGE),
    Row("get", "/training/organisation/expiring/", HR_ONLY_PAGE),
    Row("get", "/training/staff/import/", HR_ONLY_PAGE),
    Row(
        "post", "/training/staff/import/", HR_ONLY_PAGE, body=lambda w: {"file": staff_csv()}, wrote=imported
    ),
    Row("get", "/training/audit/", HR_ONLY_PAGE),
    Row("get", "/training/statistics/{assessment}/", expect(403, 403, 403, 403, 200, 403)),
    Row("get", "/verify/{code}/", expect(200, 200, 200, 200, 200, 200)),
]


def request(client, row, url, world):
    data = row.body(world) if row.body else {}
    method = getattr(client, row.method)
    if row.method == "get":
        return method(url)
    if url.startswith("/api/") and not row.multipart:
        return method(url, data=json.dumps(data), content_type="application/json")
    return method(url, data=data)  # a form, as the browser sends it (multipart, so files go too)


def outcome(response, want, url, world):
    """None when the response is what ``want`` says, else what was wrong."""
    status = response.status_code
    if want == API_DENY:
        return None if status in DENIED_API else f"got {status}, expected 401 or 403"
    if isinstance(want, Redirect):
        target = want.to(world) if callable(want.to) else want.to.format(url=url, **world.ids)
        where = response.get("Location")
        return (
            None if (status, where) == (302, target) else f"got {status} to {where}, expected 302 to {target}"
        )
    return None if status == want else f"got {status}, expected {want}"


def test_access_control_matrix(world):
    failures = []
    for row in CASES:
        url = row.url.format(**world.ids)
        for role in ROLES:
            client = Client()
            if role != ANON:
                client.force_login(world.users[role])
            cache.clear()  # no throttle or cached page carries over from another role's request
            with transaction.atomic():
                response = request(client, row, url, world)
                problem = outcome(response, row.expected[role], url, world)
                wrote = row.wrote(world) if row.wrote else None
                transaction.set_rollback(True)  # the next role meets the same world
            label = f"{row.method.upper()} {row.url} as {role}"
            if problem:
                failures.append(f"{label}: {problem}")
            if wrote is not None and wrote != (role in row.writers()):
                failures.append(f"{label}: {'changed' if wrote else 'did not change'} what it writes")
    assert not failures, "\n".join(failures)
