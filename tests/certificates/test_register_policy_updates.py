"""HR's register shows, filters and exports whether a certificate owes a policy update (due or overdue), by
asking the attestation app's one rule, with no query per row."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from attestation import services as attestation_services
from attestation.models import Attestation
from certificates.bulk import REGISTER_COLUMNS, _write_register
from certificates.models import Certificate
from certificates.register import policy_update_states
from certificates.verification import policy_status
from courses.models.snippets import PolicyVersion
from tests.factories import PolicyFactory, UserFactory

pytestmark = pytest.mark.django_db

QUESTIONS = [
    {
        "type": "question",
        "value": {
            "question": "How much may an adviser refund without asking?",
            "choices": [{"text": "£50", "correct": False}, {"text": "£75", "correct": True}],
            "explanation": "Version 2 raised the limit to £75.",
        },
    }
]


@pytest.fixture
def policy(db):
    return PolicyFactory(title="Refunds", slug="refunds", body="<p>Advisers may refund up to £50.</p>")


def certify(person, course, policy) -> Certificate:
    return Certificate.objects.create(
        holder=person,
        course=course,
        holder_name=person.get_full_name(),
        course_title=course.title,
        issued_on=timezone.localdate() - datetime.timedelta(days=30),
        policy_versions=[{"slug": policy.slug, "title": policy.title, "version": 1}],
    )


def material_change(policy) -> PolicyVersion:
    policy.body = "<p>Advisers may refund up to £75.</p>"
    policy.change_kind = "material"
    policy.change_summary = "Limit now £75"
    policy.questions = QUESTIONS
    policy.save()
    return PolicyVersion.objects.get(policy=policy, version=policy.version)


@pytest.fixture
def owing(course, policy):
    """Three holders (nobody leads them, so their updates are open at once): Dana owes the update, Eli has
    confirmed it, Fay's is past its due date; Gus's certificate covers no policy."""
    people = {
        name: UserFactory(username=name.lower(), first_name=name, last_name="Holder")
        for name in ("Dana", "Eli", "Fay", "Gus")
    }
    certificates = {name: certify(person, course, policy) for name, person in people.items() if name != "Gus"}
    certificates["Gus"] = Certificate.objects.create(
        holder=people["Gus"],
        course=course,
        holder_name="Gus Holder",
        course_title=course.title,
        issued_on=timezone.localdate(),
    )
    version = material_change(policy)
    done = attestation_services.attest(
        person=people["Eli"], version=version, answers=[1], read_and_will_apply=True
    )
    assert done["attested"]
    Attestation.objects.filter(holder=people["Fay"]).update(
        due_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    return certificates


def signed_in(client, user):
    client.force_login(user)
    return client


def test_the_register_shows_each_certificates_policy_update(client, hr, owing):
    html = signed_in(client, hr).get("/training/register/").content.decode()
    assert html.count('data-policy-update="update_due"') == 1
    assert html.count('data-policy-update="overdue"') == 1
    dana_row = html[html.index("Dana Holder") :].split("</tr>")[0]
    fay_row = html[html.index("Fay Holder") :].split("</tr>")[0]
    eli_row = html[html.index("Eli Holder") :].split("</tr>")[0]
    assert "Policy update due" in dana_row and "Policy update overdue" in fay_row
    assert "Policy update" not in eli_row and "None due" in eli_row


@pytest.mark.parametrize(
    ("value", "holders"),
    [
        ("update_due", {"Dana Holder"}),
        ("overdue", {"Fay Holder"}),
        ("any", {"Dana Holder", "Fay Holder"}),
        ("", {"Dana Holder", "Eli Holder", "Fay Holder", "Gus Holder"}),
    ],
)
def test_the_register_filters_by_policy_update_on_the_page_and_the_api(client, hr, owing, value, holders):
    page = signed_in(client, hr).get("/training/register/", {"policy_update": value}).content.decode()
    for name in ("Dana Holder", "Eli Holder", "Fay Holder", "Gus Holder"):
        assert (name in page) == (name in holders), name
    api = APIClient()
    api.force_authenticate(hr)
    listed = api.get("/api/v1/certificates/", {"policy_update": value})
    assert listed.status_code == 200
    assert {row["holder"] for row in listed.json()} == holders


def test_a_bad_policy_update_filter_is_named_and_shows_nothing(client, hr, owing):
    response = signed_in(client, hr).get("/training/register/", {"policy_update": "late"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "policy_update: “late” is not one of any, update_due, overdue." in html
    assert "Dana Holder" not in html


def test_the_register_agrees_with_the_verify_page(owing):
    states = policy_update_states(c.pk for c in owing.values())
    for name, certificate in owing.items():
        shown = {p["status"] for p in policy_status(certificate)} - {"current"}
        worst = "overdue" if "overdue" in shown else next(iter(shown), None)
        assert states.get(certificate.pk) == worst, name
    assert states == {owing["Dana"].pk: "update_due", owing["Fay"].pk: "overdue"}


def test_the_register_csv_says_which_certificates_owe_an_update(owing):
    raw = io.BytesIO()
    _write_register(raw, [c.pk for c in owing.values()])
    rows = list(csv.DictReader(io.StringIO(raw.getvalue().decode("utf-8-sig"))))
    assert list(rows[0]) == REGISTER_COLUMNS and REGISTER_COLUMNS[-1] == "policy_update"
    by_holder = {row["holder"]: row["policy_update"] for row in rows}
    assert by_holder == {
        "Dana Holder": "update_due",
        "Eli Holder": "",
        "Fay Holder": "overdue",
        "Gus Holder": "",
    }


def test_policy_updates_add_no_query_per_row_to_the_register(client, hr, course, policy):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/training/register/").status_code == 200
        return len(captured)

    signed_in(client, hr)
    few = [UserFactory(username=f"few{i}") for i in range(2)]
    for person in few:
        certify(person, course, policy)
    material_change(policy)
    queries()  # the first request fills the page cache (the Site, the courses); the budget is per view
    before = queries()
    more = [UserFactory(username=f"more{i}") for i in range(25)]
    for person in more:
        certify(person, course, policy)
    version = PolicyVersion.objects.get(policy=policy, version=policy.version)
    Attestation.objects.bulk_create(
        [
            Attestation(
                certificate=c,
                holder=c.holder,
                policy=policy,
                policy_version=version,
                due_on=timezone.localdate() + datetime.timedelta(days=14),
            )
            for c in Certificate.objects.filter(holder__in=more)
        ]
    )
    assert Attestation.objects.count() == 27
    assert queries() == before
