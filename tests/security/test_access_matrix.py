"""Every URL and endpoint that touches a person's data, requested as each role (DESIGN: nobody reaches
another person's data by changing an id)."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client

from certificates import services as cert_services
from certificates.models import CertificateExport
from courses.models import Enrolment
from quizzes import services as quiz_services
from tests.factories import ProfileFactory, TeamFactory, UserFactory, make_assessment, sample_questions
from tests.quizzes.conftest import best_answers

pytestmark = pytest.mark.django_db

ANON, OWNER, OTHER, LEADER, OTHER_LEADER, HR = "anonymous", "owner", "other", "leader", "other_leader", "hr"
ROLES = [ANON, OWNER, OTHER, LEADER, OTHER_LEADER, HR]
DENIED_API = {401, 403}


@pytest.fixture
def world(course, skills):
    cache.clear()
    leader = UserFactory(username="lead")
    desk = TeamFactory(name="Desk", leader=leader)
    other_leader = UserFactory(username="lead2")
    line = TeamFactory(name="Line", leader=other_leader)
    owner = UserFactory(username="ann")
    other = UserFactory(username="bob")
    ProfileFactory(user=owner, team=desk)
    ProfileFactory(user=leader, team=desk)
    ProfileFactory(user=other, team=line)
    ProfileFactory(user=other_leader, team=line)
    hr = UserFactory(username="hr")
    hr.groups.add(Group.objects.get(name="HR"))
    make_assessment(course, sample_questions(*skills), observation=[(skills[0], "Listened")])
    cert_services.issue(holder=leader, course=course)
    enrolment = Enrolment.objects.create(user=owner, course=course)
    attempt, _ = quiz_services.start_attempt(user=owner, course=course)
    quiz_services.save_answers(user=owner, attempt_id=attempt.pk, answers=best_answers(attempt))
    attempt = quiz_services.submit(user=owner, attempt_id=attempt.pk)
    review = attempt.reviews.get(kind="written")
    certificate = cert_services.issue(holder=owner, course=course)
    export = CertificateExport.objects.create(requested_by=hr, state="queued")
    users = {OWNER: owner, OTHER: other, LEADER: leader, OTHER_LEADER: other_leader, HR: hr}
    ids = {
        "attempt": attempt.pk,
        "review": review.pk,
        "certificate": certificate.pk,
        "code": certificate.code,
        "enrolment": enrolment.pk,
        "desk": desk.pk,
        "owner": owner.pk,
        "export": export.pk,
    }
    return users, ids


def expect(owner, other, leader, other_leader, hr, anon):
    return dict(
        zip(
            [OWNER, OTHER, LEADER, OTHER_LEADER, HR, ANON],
            [owner, other, leader, other_leader, hr, anon],
            strict=True,
        )
    )


API_DENY = "api-deny"
LOGIN = 302

CASES = [
    # (method, url template, expected status by role)
    ("get", "/api/v1/attempts/{attempt}/", expect(200, 404, 404, 404, 404, API_DENY)),
    ("patch", "/api/v1/attempts/{attempt}/", expect(409, 404, 404, 404, 404, API_DENY), '{"answers": {}}'),
    ("post", "/api/v1/attempts/{attempt}/submit/", expect(200, 404, 404, 404, 404, API_DENY)),
    ("get", "/api/v1/attempts/{attempt}/result/", expect(200, 404, 404, 404, 404, API_DENY)),
    ("get", "/api/v1/enrolments/{enrolment}/", expect(200, 404, 404, 404, 404, API_DENY)),
    ("get", "/api/v1/reviews/{review}/", expect(403, 404, 200, 404, 404, API_DENY)),
    ("post", "/api/v1/reviews/{review}/grade/", expect(400, 400, 400, 400, 400, API_DENY)),
    ("get", "/api/v1/certificates/{certificate}/", expect(200, 404, 200, 404, 200, API_DENY)),
    ("get", "/api/v1/certificates/{certificate}/pdf/", expect(200, 404, 200, 404, 200, API_DENY)),
    ("post", "/api/v1/certificates/{certificate}/revoke/", expect(400, 400, 400, 400, 400, API_DENY)),
    ("get", "/api/v1/teams/{desk}/progress/", expect(404, 404, 200, 404, 200, API_DENY)),
    ("get", "/api/v1/certificate-exports/{export}/", expect(404, 404, 404, 404, 200, API_DENY)),
    ("get", "/api/v1/organisation/compliance/", expect(403, 403, 403, 403, 200, API_DENY)),
    ("post", "/api/v1/staff-imports/", expect(403, 403, 403, 403, 415, API_DENY)),
    ("get", "/api/v1/verify/{code}/", expect(200, 200, 200, 200, 200, 200)),
    ("get", "/training/attempts/{attempt}/", expect(200, 302, 302, 302, 302, LOGIN)),
    ("get", "/training/reviews/{review}/", expect(302, 302, 200, 302, 302, LOGIN)),
    ("get", "/training/certificates/{certificate}/pdf/", expect(200, 404, 200, 404, 200, LOGIN)),
    ("get", "/training/team/members/{owner}/", expect(404, 404, 200, 404, 200, LOGIN)),
    ("get", "/training/team/", expect(403, 403, 200, 200, 200, LOGIN)),
    ("get", "/training/register/", expect(403, 403, 403, 403, 200, LOGIN)),
    ("get", "/training/exports/{export}/", expect(403, 403, 403, 403, 200, LOGIN)),
    ("get", "/training/organisation/", expect(403, 403, 403, 403, 200, LOGIN)),
    ("get", "/training/staff/import/", expect(403, 403, 403, 403, 200, LOGIN)),
    ("get", "/training/audit/", expect(403, 403, 403, 403, 200, LOGIN)),
    ("get", "/verify/{code}/", expect(200, 200, 200, 200, 200, 200)),
]


def test_access_control_matrix(world):
    users, ids = world
    failures = []
    for method, template, expected, *body in CASES:
        url = template.format(**ids)
        for role in ROLES:
            client = Client()
            if role != ANON:
                client.force_login(users[role])
            data = body[0] if body else "{}"
            kwargs = {"content_type": "application/json", "data": data} if method in ("post", "patch") else {}
            status = getattr(client, method)(url, **kwargs).status_code
            want = expected[role]
            ok = status in DENIED_API if want == API_DENY else status == want
            if role == ANON and want == LOGIN:
                ok = status == 302
            if not ok:
                failures.append(f"{method.upper()} {template} as {role}: got {status}, expected {want}")
    assert not failures, "\n".join(failures)
