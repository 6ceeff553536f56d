import pytest

from certificates import services as cert_services
from courses.models import Enrolment
from tests.fixtures.assessments import finish_modules, pass_assessment

from .backends import FailOnceBackend


@pytest.fixture(autouse=True)
def _fresh_flaky_backend():
    FailOnceBackend.failed.clear()


@pytest.fixture
def ann(org):
    """Ann works in Desk, which Liam Lead leads."""
    return org.member(org.desk, "ann", first_name="Ann", last_name="Owner", email="ann@example.com")


@pytest.fixture
def awaiting_review(org, ann, course, assessment):
    """Ann has done every module and passed the assessment's automatic part; her written reply and her
    observation wait for Liam Lead, who is certified in the course."""
    cert_services.issue(holder=org.lead, course=course)
    enrolment = Enrolment.objects.create(user=ann, course=course)
    finish_modules(ann, course, enrolment)
    return pass_assessment(ann, course)
