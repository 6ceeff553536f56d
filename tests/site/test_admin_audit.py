"""Changes made in the Wagtail admin land in HR's audit trail (who, when, where from, old and new, why),
and enrolments change there only through the services."""

import ast
import datetime
import pathlib

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from courses.models import Enrolment, ModuleCompletion
from lms.core import audit
from lms.core.models import AuditEvent, Profile, Team
from lms.site import audit_text
from tests.factories import ProfileFactory, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.7"
ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture
def admin(db):
    """HR, working in the Wagtail admin."""
    return UserFactory(username="harriet", first_name="Harriet", last_name="Rowe", is_superuser=True, hr=True)


@pytest.fixture
def admin_client(client, admin):
    client.force_login(admin)
    return client


def post(client, url, data):
    return client.post(url, data, REMOTE_ADDR=ADDRESS)


def team_form(team, **changes):
    data = {
        "name": team.name,
        "leader": team.leader_id or "",
        "parent": team.parent_id or "",
        "audit_reason": "",
    }
    data.update(changes)
    return data


def audit_page(client, **query) -> str:
    page = client.get("/training/audit/", query).content.decode()
    return page[page.index('aria-label="Audit events"') :]


# --- Teams ---------------------------------------------------------------------------------------------


def test_an_admin_edit_of_a_team_leader_appears_in_the_audit_trail(admin_client, admin, org):
    sam = UserFactory(username="sam", first_name="Sam", last_name="Lee")
    form = admin_client.get(f"/admin/snippets/lms/team/edit/{org.desk.pk}/").content.decode()
    assert 'name="leader"' in form and 'name="audit_reason"' in form and "kept in the audit trail" in form
    response = post(
        admin_client,
        f"/admin/snippets/lms/team/edit/{org.desk.pk}/",
        team_form(org.desk, leader=sam.pk, audit_reason="Liam moved to the complaints desk"),
    )
    assert response.status_code == 302
    org.desk.refresh_from_db()
    assert org.desk.leader == sam
    event = AuditEvent.objects.get(verb="team.leader")
    assert event.actor == admin and event.subject == sam and event.ip_address == ADDRESS
    assert event.reason == "Liam moved to the complaints desk"
    assert event.object_type == "lms.Team" and event.object_id == str(org.desk.pk)
    assert event.data["old"] == "Liam Lead" and event.data["new"] == "Sam Lee"
    assert event.at is not None
    assert AuditEvent.objects.count() == 1  # nothing else changed, nothing else recorded
    table = audit_page(admin_client)
    assert "Harriet Rowe changed the leader of “Desk” from Liam Lead to Sam Lee." in table
    assert "Liam moved to the complaints desk" in table and ADDRESS in table
    # HR finds it by the new leader's name, and by its action in words.
    assert "Sam Lee." in audit_page(admin_client, person="Sam Lee")
    assert "Sam Lee." in audit_page(
        admin_client, person="Liam Lead"
    )  # the leader before, named in the details
    assert "Nothing matches" in audit_page(admin_client, person="Priya")
    assert "changed the leader" in audit_page(admin_client, verb="team.leader")


def test_a_team_moved_in_the_tree_and_renamed_is_recorded_with_old_and_new(admin_client, org):
    top = TeamFactory(name="Head office", leader=None)
    post(
        admin_client,
        f"/admin/snippets/lms/team/edit/{org.line.pk}/",
        team_form(org.line, name="Phone line", parent=top.pk),
    )
    assert {e.verb for e in AuditEvent.objects.all()} == {"team.move", "team.rename"}
    table = audit_page(admin_client)
    assert "moved the team “Phone line” from under “Service” to under “Head office”." in table
    assert "renamed the team “Line” to “Phone line”." in table
    post(admin_client, f"/admin/snippets/lms/team/edit/{top.pk}/", team_form(top, leader=org.head.pk))
    assert "made Grace Adeyemi the leader of “Head office”, which had no leader." in audit_page(admin_client)


def test_a_loop_in_the_tree_is_refused_and_records_nothing(admin_client, org):
    response = post(
        admin_client,
        f"/admin/snippets/lms/team/edit/{org.service.pk}/",
        team_form(org.service, parent=org.desk.pk),
    )
    assert response.status_code == 200 and "cannot sit below itself" in response.content.decode()
    assert not AuditEvent.objects.exists()


def test_teams_created_and_deleted_in_the_admin_are_recorded(admin_client, admin, org):
    post(
        admin_client,
        "/admin/snippets/lms/team/add/",
        {"name": "Chat", "leader": org.lead.pk, "parent": org.service.pk, "audit_reason": "New channel"},
    )
    chat = Team.objects.get(name="Chat")
    created = AuditEvent.objects.get(verb="team.create")
    assert created.subject == org.lead and created.reason == "New channel" and created.ip_address == ADDRESS
    assert "created the team “Chat”, led by Liam Lead, under “Service”." in audit_page(admin_client)

    post(admin_client, f"/admin/snippets/lms/team/delete/{chat.pk}/", {})
    assert not Team.objects.filter(pk=chat.pk).exists()
    deleted = AuditEvent.objects.get(verb="team.delete")
    assert deleted.actor == admin and deleted.object_id == str(chat.pk) and deleted.ip_address == ADDRESS
    assert "Harriet Rowe deleted the team “Chat”." in audit_page(admin_client)


def test_a_team_that_cannot_be_deleted_records_nothing(admin_client, org):
    # Service has teams below it (a protected relation): the admin refuses, so nothing happened.
    post(admin_client, f"/admin/snippets/lms/team/delete/{org.service.pk}/", {})
    assert Team.objects.filter(pk=org.service.pk).exists()
    assert not AuditEvent.objects.filter(verb="team.delete").exists()


def test_copying_a_team_is_not_offered(admin_client, org):
    assert admin_client.get(f"/admin/snippets/lms/team/copy/{org.desk.pk}/").status_code == 404


# --- Staff profiles ------------------------------------------------------------------------------------


def profile_form(profile, **changes):
    data = {
        "user": profile.user_id,
        "team": profile.team_id or "",
        "job_title": profile.job_title,
        "employee_id": profile.employee_id or "",
        "audit_reason": "",
    }
    data.update(changes)
    return data


def test_a_person_moved_to_another_team_or_retitled_in_the_admin_is_recorded(admin_client, admin, org):
    ann = org.member(org.desk, "ann", first_name="Ann", last_name="Owner")
    profile = ann.lms_profile
    form = admin_client.get(f"/admin/snippets/lms/profile/edit/{profile.pk}/").content.decode()
    assert 'name="team"' in form and 'name="audit_reason"' in form
    post(
        admin_client,
        f"/admin/snippets/lms/profile/edit/{profile.pk}/",
        profile_form(profile, team=org.line.pk, job_title="Senior adviser", audit_reason="Promotion"),
    )
    profile.refresh_from_db()
    assert profile.team == org.line
    event = AuditEvent.objects.get(verb="profile.change")
    assert event.subject == ann and event.actor == admin and event.reason == "Promotion"
    assert event.ip_address == ADDRESS
    assert {c["field"]: (c["old"], c["new"]) for c in event.data["changes"]} == {
        "team": ("Desk", "Line"),
        "job_title": ("Customer service adviser", "Senior adviser"),
    }
    assert (
        "Harriet Rowe changed Ann Owner&#x27;s staff profile: team from “Desk” to “Line”; "
        "job title from “Customer service adviser” to “Senior adviser”." in audit_page(admin_client)
    )
    # Saving without a change records nothing more.
    post(admin_client, f"/admin/snippets/lms/profile/edit/{profile.pk}/", profile_form(profile))
    assert AuditEvent.objects.filter(verb="profile.change").count() == 1


def test_staff_profiles_added_and_removed_in_the_admin_are_recorded(admin_client, org):
    bo = UserFactory(username="bo", first_name="Bo", last_name="Diaz")
    post(
        admin_client,
        "/admin/snippets/lms/profile/add/",
        {
            "user": bo.pk,
            "team": org.desk.pk,
            "job_title": "Adviser",
            "employee_id": "E-7",
            "audit_reason": "",
        },
    )
    profile = Profile.objects.get(user=bo)
    assert AuditEvent.objects.get(verb="profile.create").subject == bo
    post(admin_client, f"/admin/snippets/lms/profile/delete/{profile.pk}/", {})
    assert not Profile.objects.filter(pk=profile.pk).exists()
    assert AuditEvent.objects.get(verb="profile.delete").data["team"] == "Desk"
    table = audit_page(admin_client)
    assert "added Bo Diaz to the staff, in the team “Desk”." in table
    assert "removed Bo Diaz&#x27;s staff profile (they were in “Desk”)." in table


def test_profiles_deleted_in_bulk_are_each_recorded(admin_client, org):
    people = [ProfileFactory(user=UserFactory(username=f"bulk{i}"), team=org.line) for i in range(2)]
    ids = "&".join(f"id={p.pk}" for p in people)
    response = admin_client.post(f"/admin/bulk/lms/profile/delete/?{ids}", {}, REMOTE_ADDR=ADDRESS)
    assert response.status_code == 302
    assert not Profile.objects.filter(pk__in=[p.pk for p in people]).exists()
    events = AuditEvent.objects.filter(verb="profile.delete")
    assert {e.subject for e in events} == {p.user for p in people}
    assert {e.ip_address for e in events} == {ADDRESS}


# --- Enrolments --------------------------------------------------------------------------------------------


@pytest.fixture
def ann_enrolled(org, course):
    """Ann (Desk) has done Module 1 of “Active listening”, due in 30 days."""
    ann = org.member(org.desk, "ann", first_name="Ann", last_name="Owner", email="ann@example.com")
    enrolment = Enrolment.objects.create(
        user=ann,
        course=course,
        state=Enrolment.State.IN_PROGRESS,
        due_date=timezone.localdate() + datetime.timedelta(days=30),
    )
    ModuleCompletion.objects.create(enrolment=enrolment, module=course.modules().first().specific)
    return enrolment


def test_an_admin_edit_cannot_change_an_enrolment_field_by_field(admin_client, ann_enrolled, course):
    page = admin_client.get(f"/admin/snippets/lms_courses/enrolment/edit/{ann_enrolled.pk}/").content.decode()
    assert 'name="due_date"' in page and 'name="withdraw"' in page
    for field in (
        "state",
        "completed_at",
        "started_at",
        "last_module",
        "source",
        "assigned_by",
        "user",
        "course",
    ):
        assert f'name="{field}"' not in page, field
    last = course.modules().last().specific
    old_due = ann_enrolled.due_date
    new_due = timezone.localdate() + datetime.timedelta(days=60)
    post(
        admin_client,
        f"/admin/snippets/lms_courses/enrolment/edit/{ann_enrolled.pk}/",
        {
            "due_date": new_due.isoformat(),
            "reason": "Back from leave",
            # Forged fields the form does not have: none of them may land.
            "state": Enrolment.State.COMPLETED,
            "completed_at": "2026-01-01 10:00",
            "last_module": last.pk,
            "source": Enrolment.Source.SELF,
        },
    )
    ann_enrolled.refresh_from_db()
    assert ann_enrolled.state == Enrolment.State.IN_PROGRESS and ann_enrolled.completed_at is None
    assert ann_enrolled.last_module_id != last.pk and ann_enrolled.completions.count() == 1
    assert ann_enrolled.due_date == new_due  # the allowed change, made by services.change_due_date
    event = AuditEvent.objects.get(verb="enrolment.due_date")
    assert (
        event.subject == ann_enrolled.user
        and event.reason == "Back from leave"
        and event.ip_address == ADDRESS
    )
    assert event.data == {
        "course": "Active listening",
        "old": old_due.isoformat(),
        "new": new_due.isoformat(),
    }
    assert (
        f"Harriet Rowe changed the due date of “Active listening” for Ann Owner from {old_due.isoformat()} "
        f"to {new_due.isoformat()}." in audit_page(admin_client)
    )


def test_a_due_date_in_the_past_is_refused_on_the_form(admin_client, ann_enrolled):
    old_due = ann_enrolled.due_date
    response = post(
        admin_client,
        f"/admin/snippets/lms_courses/enrolment/edit/{ann_enrolled.pk}/",
        {"due_date": "2020-01-01", "reason": ""},
    )
    assert response.status_code == 200 and "The due date is in the past" in response.content.decode()
    ann_enrolled.refresh_from_db()
    assert ann_enrolled.due_date == old_due and not AuditEvent.objects.exists()


def test_withdrawing_in_the_admin_needs_a_reason_and_is_recorded(admin_client, admin, ann_enrolled):
    url = f"/admin/snippets/lms_courses/enrolment/edit/{ann_enrolled.pk}/"
    due = ann_enrolled.due_date.isoformat()
    refused = post(admin_client, url, {"due_date": due, "withdraw": "on", "reason": ""})
    assert refused.status_code == 200 and "Say why" in refused.content.decode()
    assert Enrolment.objects.filter(pk=ann_enrolled.pk).exists()
    post(admin_client, url, {"due_date": due, "withdraw": "on", "reason": "Left the service desk"})
    assert not Enrolment.objects.filter(pk=ann_enrolled.pk).exists()
    event = AuditEvent.objects.get(verb="enrolment.withdraw")
    assert (
        event.actor == admin
        and event.subject == ann_enrolled.user
        and event.reason == "Left the service desk"
    )
    assert event.data["modules_done"] == 1 and event.data["state"] == "in_progress"
    assert "Harriet Rowe withdrew Ann Owner from “Active listening” (1 module was done)." in audit_page(
        admin_client
    )


def test_enrolments_cannot_be_deleted_in_the_admin_even_by_a_superuser(admin_client, ann_enrolled):
    single = admin_client.post(f"/admin/snippets/lms_courses/enrolment/delete/{ann_enrolled.pk}/", {})
    bulk = admin_client.post(f"/admin/bulk/lms_courses/enrolment/delete/?id={ann_enrolled.pk}", {})
    assert single.status_code in (302, 403) and bulk.status_code in (302, 403)
    assert Enrolment.objects.filter(pk=ann_enrolled.pk).exists()
    listing = admin_client.get("/admin/snippets/lms_courses/enrolment/").content.decode()
    assert f"/enrolment/delete/{ann_enrolled.pk}/" not in listing
    assert (
        admin_client.get(f"/admin/snippets/lms_courses/enrolment/inspect/{ann_enrolled.pk}/").status_code
        == 200
    )


def test_assigning_in_the_admin_goes_through_the_service(admin_client, admin, org, course):
    bo = org.member(org.line, "bo", first_name="Bo", last_name="Diaz")
    due = timezone.localdate() + datetime.timedelta(days=14)
    page = admin_client.get("/admin/snippets/lms_courses/enrolment/add/").content.decode()
    assert 'name="state"' not in page and 'name="due_date"' in page
    post(
        admin_client,
        "/admin/snippets/lms_courses/enrolment/add/",
        {"user": bo.pk, "course": course.pk, "due_date": due.isoformat(), "state": "completed"},
    )
    enrolment = Enrolment.objects.get(user=bo, course=course)
    assert enrolment.state == Enrolment.State.NOT_STARTED and enrolment.source == Enrolment.Source.ASSIGNED
    assert enrolment.assigned_by == admin and enrolment.due_date == due
    event = AuditEvent.objects.get(verb="enrolment.assign")
    assert event.subject == bo and event.ip_address == ADDRESS
    assert bo.notifications.filter(kind="assigned").exists()  # the learner is told, as everywhere else


def test_an_admin_who_neither_leads_nor_is_hr_cannot_change_enrolments(client, ann_enrolled):
    # A course author with full enrolment permissions in the admin, but no say over Ann's training.
    author = UserFactory(username="author", is_staff=True)
    author.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="lms_courses", codename__endswith="_enrolment"),
    )
    client.force_login(author)
    old_due = ann_enrolled.due_date
    response = client.post(
        f"/admin/snippets/lms_courses/enrolment/edit/{ann_enrolled.pk}/",
        {"due_date": (old_due + datetime.timedelta(days=5)).isoformat(), "reason": ""},
    )
    assert (
        response.status_code == 200 and "only for people in the teams you lead" in response.content.decode()
    )
    ann_enrolled.refresh_from_db()
    assert ann_enrolled.due_date == old_due and not AuditEvent.objects.exists()


# --- Accounts in Wagtail's Users admin --------------------------------------------------------------------


def user_form(user, **changes):
    data = {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "is_active": "on" if user.is_active else "",
        "groups": list(user.groups.values_list("pk", flat=True)),
        "password1": "",
        "password2": "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v != ""}


def test_making_someone_hr_or_deactivating_them_in_the_users_admin_is_recorded(admin_client, admin, org):
    ann = org.member(org.desk, "ann", first_name="Ann", last_name="Owner", email="ann@example.com")
    hr_group = Group.objects.get(name="HR")
    post(admin_client, f"/admin/users/edit/{ann.pk}/", user_form(ann, groups=[hr_group.pk]))
    assert ann.groups.filter(pk=hr_group.pk).exists()
    event = AuditEvent.objects.get(verb="person.roles")
    assert event.actor == admin and event.subject == ann and event.ip_address == ADDRESS
    assert event.data == {"old": [], "new": ["HR"], "hr_before": False, "hr": True}
    post(admin_client, f"/admin/users/edit/{ann.pk}/", user_form(ann, is_active=""))
    ann.refresh_from_db()
    assert not ann.is_active and AuditEvent.objects.filter(verb="person.deactivate", subject=ann).exists()
    assert AuditEvent.objects.filter(verb="person.roles").count() == 1  # roles unchanged the second time
    table = audit_page(admin_client)
    assert "Harriet Rowe changed Ann Owner&#x27;s roles from no roles to “HR”. They are HR now." in table
    assert "Harriet Rowe deactivated Ann Owner&#x27;s account: they can no longer sign in." in table


def test_accounts_deactivated_in_bulk_or_deleted_in_the_users_admin_are_recorded(admin_client, org):
    people = [UserFactory(username=f"leaver{i}", first_name="Lee", last_name=f"Ver{i}") for i in range(2)]
    ids = "&".join(f"id={p.pk}" for p in people)
    response = admin_client.post(
        f"/admin/bulk/auth/user/set_active_state/?{ids}", {"mark_as_active": "False"}, REMOTE_ADDR=ADDRESS
    )
    assert response.status_code == 302
    assert {e.subject for e in AuditEvent.objects.filter(verb="person.deactivate")} == set(people)
    post(admin_client, f"/admin/users/delete/{people[0].pk}/", {})
    deleted = AuditEvent.objects.get(verb="person.delete")
    assert deleted.data["name"] == "Lee Ver0" and deleted.ip_address == ADDRESS
    assert "Harriet Rowe deleted the account of Lee Ver0." in audit_page(admin_client)


def test_snippets_that_bear_on_standing_are_audited_or_read_only():
    """A model registered in the admin either bears on nobody's standing (content and designs), or its
    views record what they change (teams, staff) or go through the services (enrolments). Certificates,
    exceptions, attempts and reviews have no admin of their own: a new one must be added here knowingly."""
    from wagtail.snippets.models import get_snippet_models

    from courses.wagtail_hooks import AssignView, ChangeEnrolmentView
    from lms.core.wagtail_hooks import AuditedCreateView, AuditedEditView

    content = {"lms_courses.policy", "lms_courses.skill", "lms_certificates.certificatedesign"}
    audited = {"lms.team", "lms.profile"}
    through_services = {"lms_courses.enrolment"}
    apps = {"lms", "lms_courses", "lms_quizzes", "lms_certificates"}
    ours = {m._meta.label_lower for m in get_snippet_models() if m._meta.app_label in apps}
    assert ours == content | audited | through_services
    for model in get_snippet_models():
        label = model._meta.label_lower
        viewset = model.snippet_viewset
        if label in audited:
            assert issubclass(viewset.add_view_class, AuditedCreateView)
            assert issubclass(viewset.edit_view_class, AuditedEditView)
        if label in through_services:
            assert viewset.add_view_class is AssignView and viewset.edit_view_class is ChangeEnrolmentView


# --- Every action in words ----------------------------------------------------------------------------


def recorded_verbs() -> set[str]:
    """Every verb passed to ``audit.record`` (or ``AuditEvent``) anywhere in the product's code."""
    verbs = set()
    folders = [p for p in ROOT.iterdir() if (p / "__init__.py").exists() and p.name not in ("tests", "bench")]
    for folder in [*folders, ROOT / "project"]:
        for path in folder.rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                if (
                    isinstance(node, ast.keyword)
                    and node.arg == "verb"
                    and isinstance(node.value, ast.Constant)
                ):
                    verbs.add(node.value.value)
    return verbs


def test_every_audit_action_is_listed_and_has_a_sentence_and_a_label():
    used = recorded_verbs()
    assert "team.leader" in audit.ACTIONS and "enrolment.assign" in used  # the scan finds real code
    assert used <= audit.ACTIONS, f"Recorded but not listed in lms.core.audit.ACTIONS: {used - audit.ACTIONS}"
    actor = UserFactory(username="hr-actor", first_name="Hana", last_name="Ito")
    subject = UserFactory(username="subject", first_name="Sol", last_name="Vega")
    for verb in sorted(audit.ACTIONS):
        assert verb in audit_text.ACTIONS, f"No label for {verb} in lms/site/audit_text.py"
        event = AuditEvent(actor=actor, subject=subject, verb=verb, data={"course": "Course"})
        text = audit_text.sentence(event, {})
        assert text.startswith("Hana Ito ") and ": " not in text[:20], f"No sentence for {verb}: {text}"
        assert verb not in text, f"The sentence for {verb} shows its code: {text}"


def test_the_filter_offers_every_action_in_words(admin_client):
    page = admin_client.get("/training/audit/").content.decode()
    for verb, label in audit_text.ACTIONS.items():
        assert f'<option value="{verb}" >{label}</option>' in page, verb
