import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from lms.core import conf, roles
from lms.core.models import Team
from tests.factories import ProfileFactory, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_team_cannot_sit_below_itself():
    top = TeamFactory(name="Top")
    middle = TeamFactory(name="Middle", parent=top)
    bottom = TeamFactory(name="Bottom", parent=middle)
    top.parent = bottom
    with pytest.raises(ValidationError) as error:
        top.full_clean()
    assert "parent" in error.value.message_dict
    top.refresh_from_db()
    assert top.parent is None


def test_ancestors_walk_up_the_tree_nearest_first():
    top = TeamFactory(name="Top")
    middle = TeamFactory(name="Middle", parent=top)
    bottom = TeamFactory(name="Bottom", parent=middle)
    assert bottom.ancestors() == [middle, top]
    assert top.ancestors() == []


def test_leader_role_comes_from_leading_a_team():
    person = UserFactory()
    assert not roles.is_leader(person)
    TeamFactory(leader=person)
    assert roles.is_leader(person)


def test_leads_covers_teams_below_but_not_self_or_other_branches():
    head = UserFactory(username="head")
    top = TeamFactory(name="Service", leader=head)
    desk = TeamFactory(name="Desk", parent=top)
    line = TeamFactory(name="Line", parent=top)
    agent = ProfileFactory(team=desk).user
    other_agent = ProfileFactory(team=line).user
    assert roles.leads(desk.leader, agent)
    assert roles.leads(head, agent)
    assert not roles.leads(desk.leader, other_agent)
    assert not roles.leads(agent, agent)
    assert {t.name for t in roles.teams_led_by(head)} == {"Service", "Desk", "Line"}
    assert [t.name for t in roles.teams_led_by(desk.leader)] == ["Desk"]


def test_hr_is_a_group_with_the_manage_training_permission():
    group = Group.objects.get(name="HR")
    assert group.permissions.filter(codename="manage_training").exists()
    person = UserFactory()
    assert not roles.is_hr(person)
    person.groups.add(group)
    person = type(person).objects.get(pk=person.pk)  # drop the permission cache
    assert roles.is_hr(person)


def test_the_hr_trait_makes_someone_hr_the_way_the_product_does():
    """Tests make HR with ``UserFactory(hr=True)``: membership of the group created after migrate, named by
    LMS_HR_GROUP, and so the HR permission, which is all the product asks of HR."""
    person = UserFactory(hr=True)
    assert list(person.groups.values_list("name", flat=True)) == [conf.get("LMS_HR_GROUP")]
    assert person.has_perm(roles.HR_PERMISSION) and roles.is_hr(person)
    assert not person.user_permissions.exists()  # HR through the group, not a permission of their own
    assert not roles.is_hr(UserFactory())


def test_team_names_are_unique():
    TeamFactory(name="Front Desk")
    with pytest.raises(ValidationError):
        Team(name="Front Desk").full_clean()


def test_audit_events_cannot_be_changed_or_deleted_and_only_hr_reads_them(client):
    from lms.core.audit import record
    from lms.core.models import AuditEvent

    actor = UserFactory()
    event = record(actor=actor, verb="review.grade", subject=actor, reason="Clear reply")
    event.reason = "rewritten"
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()
    assert AuditEvent.objects.get(pk=event.pk).reason == "Clear reply"
    client.force_login(actor)
    assert client.get("/training/audit/").status_code == 403
    client.force_login(UserFactory(hr=True))
    assert "Clear reply" in client.get("/training/audit/").content.decode()
