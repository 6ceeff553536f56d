import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from freezegun import freeze_time
from rest_framework.test import APIClient

from attestation import rules, services
from attestation.models import PolicyQuestion

pytestmark = pytest.mark.django_db

FRIDAY = datetime.datetime(2026, 11, 6, 10, 0)


def test_working_days_skip_the_weekend():
    friday = FRIDAY.date()
    assert rules.working_days_between(friday, friday + datetime.timedelta(days=3)) == 1  # Monday
    assert rules.working_days_between(friday, friday + datetime.timedelta(days=5)) == 3  # Wednesday


def test_a_question_goes_to_the_leader_and_up_the_tree_after_three_working_days(org, policy):
    member = org.member(org.desk, "amy")
    with freeze_time(FRIDAY):
        question = services.ask(person=member, policy=policy, text="Can I refund in vouchers?")
    assert question.assigned_to == org.lead
    with freeze_time(FRIDAY + datetime.timedelta(days=3)):  # Monday: one working day
        assert services.escalate_questions() == 0
    with freeze_time(FRIDAY + datetime.timedelta(days=4)):  # Tuesday
        assert services.escalate_questions() == 0
    with freeze_time(FRIDAY + datetime.timedelta(days=5)):  # Wednesday: three working days
        call_command("lms_daily", stdout=__import__("io").StringIO())
        call_command("lms_daily", stdout=__import__("io").StringIO())  # run twice: moved once
    question.refresh_from_db()
    assert (question.assigned_to, question.escalations) == (org.head, 1)
    assert question.routed_on == (FRIDAY + datetime.timedelta(days=5)).date()
    # At the top of the tree, the next step is HR.
    with freeze_time(FRIDAY + datetime.timedelta(days=10)):
        services.escalate_questions()
    question.refresh_from_db()
    assert question.assigned_to is None and question.escalations == 2


def test_only_whoever_it_waits_for_or_hr_answers_and_the_answer_can_become_a_faq(org, policy, hr, client):
    member = org.member(org.desk, "amy")
    question = services.ask(person=member, policy=policy, text="Can I refund in vouchers?")
    api = APIClient()
    api.force_authenticate(org.other_lead)
    url = reverse("lms:api_policy_question_answer", kwargs={"question_id": question.pk})
    refused = api.post(url, {"answer": "Yes, up to £75."}, format="json")
    assert refused.status_code == 403 and refused.json()["code"] == "not_yours"
    api.force_authenticate(org.lead)
    assert api.get(reverse("lms:api_policy_questions"), {"role": "to_answer"}).json()[0]["id"] == question.pk
    assert api.post(url, {"answer": "Yes, up to £75."}, format="json").status_code == 200
    publish = reverse("lms:api_policy_question_publish", kwargs={"question_id": question.pk})
    api.force_authenticate(member)
    assert api.post(publish, {"wording": "Vouchers?"}, format="json").status_code == 403
    api.force_authenticate(org.lead)
    assert api.post(publish, {"wording": "Can refunds be vouchers?"}, format="json").status_code == 200
    # Everyone sees it, on the page and in the API, without the asker's name.
    client.force_login(org.other_lead)
    page = client.get(reverse("lms:policy", kwargs={"slug": policy.slug})).content.decode()
    assert "Can refunds be vouchers?" in page and "Yes, up to £75." in page and "amy" not in page
    api.force_authenticate(org.other_lead)
    faqs = api.get(reverse("lms:api_policy_versions", kwargs={"policy_id": policy.pk})).json()["faqs"]
    assert faqs[0]["question"] == "Can refunds be vouchers?"


def test_asking_on_the_page_keeps_what_was_typed_on_error(org, policy, client):
    member = org.member(org.desk, "amy")
    client.force_login(member)
    url = reverse("lms:policy_ask", kwargs={"slug": policy.slug})
    response = client.post(url, {"kind": "nonsense", "text": "My typed words"})
    assert response.status_code == 400
    assert "My typed words" in response.content.decode()
    assert not PolicyQuestion.objects.exists()
    assert client.post(url, {"kind": "hard", "text": "Customers cannot follow this"}).status_code == 302
    assert PolicyQuestion.objects.get().assigned_to == org.lead


def test_hr_sees_open_questions_and_which_policies_draw_the_most(org, policy, hr, client):
    services.ask(person=org.member(org.desk, "amy"), policy=policy, text="Vouchers?")
    client.force_login(org.lead)
    assert client.get(reverse("lms:policy_questions_overview")).status_code == 403
    client.force_login(hr)
    page = client.get(reverse("lms:policy_questions_overview")).content.decode()
    assert "Vouchers?" in page and "Refunds" in page
