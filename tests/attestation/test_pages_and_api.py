import re

import pytest
from django.urls import reverse
from rest_framework.test import APIClient
from wagtail.admin.panels import get_edit_handler
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from attestation.models import Attestation, OpenForEveryone
from courses.models.snippets import PolicyForm, PolicyVersion

from .conftest import change

pytestmark = pytest.mark.django_db


def api_as(user):
    api = APIClient()
    api.force_authenticate(user)
    return api


def test_the_editor_asks_for_kind_and_summary_only_when_the_wording_changes(policy):
    data = nested_form_data(
        {
            "title": policy.title,
            "slug": policy.slug,
            "summary": "",
            "body": rich_text(policy.body),
            "customer_words": "",
            "change_kind": "",
            "change_summary": "",
            "questions": streamfield([]),
        }
    )
    form_class = get_edit_handler(type(policy)).get_form_class()
    assert issubclass(form_class, PolicyForm)
    new = form_class(data={**data, "slug": "brand-new"}, instance=type(policy)())
    same = form_class(data=data, instance=policy)
    changed = form_class(data={**data, "customer_words": "We can refund up to £75 today."}, instance=policy)
    for form in (new, same, changed):
        form.is_valid()
    assert "change_kind" not in new.errors and "change_kind" not in same.errors
    assert "material change" in changed.errors["change_kind"][0]
    assert "one line" in changed.errors["change_summary"][0]


def test_the_policy_page_shows_what_changed_with_words_not_colour_alone(org, policy, client):
    change(policy, kind="minor")
    client.force_login(org.lead)
    page = client.get(reverse("lms:policy", kwargs={"slug": policy.slug})).content.decode()
    assert "<del>" in page and "<ins>" in page
    assert "[removed:" in page and "[added:" in page
    assert client.get(reverse("lms:policy", kwargs={"slug": "nope"})).status_code == 404


def test_versions_api_gives_the_differences(org, policy):
    change(policy)
    api = api_as(org.lead)
    url = reverse("lms:api_policy_versions", kwargs={"policy_id": policy.pk})
    data = api.get(url).json()
    assert [v["version"] for v in data["versions"]] == [2, 1]
    assert {"change": "added", "text": " £75."} in data["diff"]["body"]
    bad = api.get(url, {"from": "2", "to": "1"})
    assert bad.status_code == 400 and bad.json()["code"] == "invalid_query"
    assert api.get(url, {"to": "99999999999"}).json()["code"] == "invalid_query"
    assert APIClient().get(url).status_code in (401, 403)


def test_confirming_through_the_api_never_sends_the_keys_before_answering(org, certify, policy):
    certify(org.head)
    version = change(policy)
    api = api_as(org.head)
    listed = api.get(reverse("lms:api_policy_updates")).json()
    assert listed[0]["questions"] == [
        {"question": "How much may an adviser refund without asking?", "choices": ["£50", "£75"]}
    ]
    assert "correct" not in str(listed) and "explanation" not in str(listed)
    url = reverse("lms:api_policy_update_attest", kwargs={"version_id": version.pk})
    wrong = api.post(url, {"answers": [0], "read_and_will_apply": True}, format="json").json()
    assert wrong["attested"] is False and wrong["results"][0]["right_answer"] == 1
    assert (
        api.post(url, {"answers": [5], "read_and_will_apply": True}, format="json").json()["code"]
        == "answer_invalid"
    )
    # Someone with nothing to confirm sends the same valid body: refused.
    other = api_as(org.other_lead).post(url, {"answers": [1], "read_and_will_apply": True}, format="json")
    assert other.status_code == 404
    assert (
        api.post(url, {"answers": [1], "read_and_will_apply": True}, format="json").json()["attested"] is True
    )
    assert Attestation.objects.get().attested_at is not None


def test_a_member_cannot_confirm_before_the_leader_through_the_page_or_api(org, certify, policy, client):
    member = org.member(org.desk, "amy")
    for person in (org.lead, member):
        certify(person)
    version = change(policy)
    url = reverse("lms:api_policy_update_attest", kwargs={"version_id": version.pk})
    refused = api_as(member).post(url, {"answers": [1], "read_and_will_apply": True}, format="json")
    assert refused.status_code == 403 and refused.json()["code"] == "waiting_for_leader"
    client.force_login(member)
    page = client.get(reverse("lms:policy_update", kwargs={"version_id": version.pk}))
    assert "Leaders first" in page.content.decode()
    posted = client.post(
        reverse("lms:policy_update", kwargs={"version_id": version.pk}),
        {"q1": "1", "read_and_will_apply": "on"},
    )
    assert posted.status_code == 403
    assert not Attestation.objects.filter(attested_at__isnull=False).exists()


def test_the_page_keeps_answers_on_error_and_confirms_when_right(org, certify, policy, client):
    certify(org.head)
    version = change(policy)
    client.force_login(org.head)
    url = reverse("lms:policy_update", kwargs={"version_id": version.pk})
    missing = client.post(url, {"q1": "1"})
    assert missing.status_code == 400
    assert re.search(r'<input type="radio" name="q1" value="1"[^>]*checked', missing.content.decode())
    assert "Tick this to confirm" in missing.content.decode()
    wrong = client.post(url, {"q1": "0", "read_and_will_apply": "on"})
    assert wrong.status_code == 400 and "Version 2 raised the limit" in wrong.content.decode()
    assert client.post(url, {"q1": "1", "read_and_will_apply": "on"}).status_code == 302
    assert Attestation.objects.get().attested_at is not None


def test_hr_opens_for_everyone_and_sees_progress(org, certify, policy, hr, client):
    member = org.member(org.desk, "amy")
    for person in (org.lead, member):
        certify(person)
    version = change(policy)
    url = reverse("lms:api_policy_update_open", kwargs={"version_id": version.pk})
    assert api_as(org.lead).post(url, {"reason": "Regulator"}, format="json").status_code == 403
    assert api_as(hr).post(url, {"reason": "Regulator"}, format="json").status_code == 201
    assert OpenForEveryone.objects.filter(policy_version=version).exists()
    assert api_as(hr).post(url, {"reason": "Again"}, format="json").status_code == 409
    client.force_login(org.lead)
    assert client.get(reverse("lms:policy_update_progress")).status_code == 403
    client.force_login(hr)
    page = client.get(reverse("lms:policy_update_progress")).content.decode()
    assert "Desk" in page and "Open to everyone." in page
    csv = client.get(reverse("lms:policy_update_progress") + "?format=csv").content.decode()
    assert "Refunds,2,Desk,2,0,2,0,0" in csv


def test_my_policy_updates_list(org, certify, policy, client):
    certify(org.head)
    change(policy)
    client.force_login(org.head)
    page = client.get(reverse("lms:policy_updates")).content.decode()
    assert "Refunds" in page and "Policy update due" in page
    assert PolicyVersion.objects.count() == 2


def test_the_admin_shows_each_version_and_its_changes(policy, admin_client):
    change(policy, kind="minor", summary="Limit now £75")
    url = reverse("wagtailsnippets_lms_courses_policy:inspect", args=[policy.pk])
    page = admin_client.get(url).content.decode()
    assert "Limit now £75" in page and "<ins>" in page and "[removed:" in page


def test_the_includes_for_my_training_and_the_team_view(org, certify, policy):
    from django.template.loader import render_to_string

    from attestation import selectors

    member = org.member(org.desk, "amy")
    for person in (org.lead, member):
        certify(person)
    change(policy)
    mine = render_to_string(
        "lms_attestation/_my_updates.html", {"policy_updates": selectors.due_for(org.lead)}
    )
    assert "Refunds" in mine and "Policy update due" in mine
    rows = selectors.due_table([org.lead.pk, member.pk])
    team = render_to_string("lms_attestation/_team_due.html", {"policy_updates": rows})
    assert "Waiting for your leader" in team and "Liam Lead" in team


def test_publishing_from_the_admin_records_the_version_and_who(policy, admin_client, admin_user):
    url = reverse("wagtailsnippets_lms_courses_policy:edit", args=[policy.pk])
    data = {
        "title": policy.title,
        "slug": policy.slug,
        "summary": "",
        "body": rich_text("<p>Advisers may refund up to £75.</p>"),
        "customer_words": "",
        "change_kind": "",
        "change_summary": "",
        "questions": streamfield([]),
        "action-publish": "publish",
    }
    refused = admin_client.post(url, nested_form_data(data))
    assert refused.status_code == 200 and "say in one line what changed" in refused.content.decode()
    assert PolicyVersion.objects.filter(policy=policy).count() == 1
    data.update(change_kind="minor", change_summary="Limit now £75")
    assert admin_client.post(url, nested_form_data(data)).status_code == 302
    version = PolicyVersion.objects.get(policy=policy, version=2)
    assert (version.kind, version.summary, version.published_by) == ("minor", "Limit now £75", admin_user)
    # The next edit starts with a blank kind and summary.
    page = admin_client.get(url).content.decode()
    assert "Limit now £75" not in page.split('name="change_summary"')[1].split(">")[0]
