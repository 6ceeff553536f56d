"""Admin registration of the organisation: teams and staff, in the Training menu.

A team's leader decides who may grade and sign off and whose certificate opens a course to the team, and
a person's team decides who leads them: every change to either made here lands in the audit trail, with
who made it, from where, the old and new values and an optional "why" typed beside the change. Edits and
creations are recorded in the same transaction as the save; deletions (one at a time or in bulk) through
Wagtail's delete hooks.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from . import audit, roles
from .admin_menu import TRAINING_MENU_HOOK, training_menu_item
from .models import Profile, Team
from .names import display_name

hooks.register("register_admin_menu_item", training_menu_item)


class AuditedForm(WagtailAdminModelForm):
    """The model's fields plus the reason for the change, which goes to the audit trail only."""

    audit_reason = forms.CharField(
        label=_("Why (kept in the audit trail)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Optional: a few words HR will read beside this change."),
    )


# --- What each change means, in the audit trail ----------------------------------------------------------


def _team_values(team: Team) -> dict:
    return {
        "team": team.name,
        "leader": display_name(team.leader),
        "parent": team.parent.name if team.parent_id else "",
    }


def audit_team_created(team: Team, *, actor, origin, reason: str) -> None:
    audit.record(
        actor=actor,
        verb="team.create",
        subject=team.leader,
        obj=team,
        reason=reason,
        data=_team_values(team),
        origin=origin,
    )


def audit_team_changed(before: Team, after: Team, *, actor, origin, reason: str) -> None:
    """One event per kind of change: a renaming, a new leader, a move in the tree."""
    common = {"actor": actor, "obj": after, "reason": reason, "origin": origin}
    if before.name != after.name:
        audit.record(
            verb="team.rename", data={"team": after.name, "old": before.name, "new": after.name}, **common
        )
    if before.leader_id != after.leader_id:
        audit.record(
            verb="team.leader",
            subject=after.leader or before.leader,
            data={
                "team": after.name,
                "old": display_name(before.leader),
                "new": display_name(after.leader),
                "old_id": before.leader_id,
                "new_id": after.leader_id,
            },
            **common,
        )
    if before.parent_id != after.parent_id:
        audit.record(
            verb="team.move",
            subject=after.leader,
            data={
                "team": after.name,
                "old": before.parent.name if before.parent_id else "",
                "new": after.parent.name if after.parent_id else "",
                "old_id": before.parent_id,
                "new_id": after.parent_id,
            },
            **common,
        )


def _profile_values(profile: Profile) -> dict:
    return {
        "team": profile.team.name if profile.team_id else "",
        "job_title": profile.job_title,
        "employee_id": profile.employee_id or "",
    }


# The fields of a profile as HR names them, in the order a change lists them.
PROFILE_FIELDS = {
    "person": _("person"),
    "team": _("team"),
    "job_title": _("job title"),
    "employee_id": _("employee id"),
}


def audit_profile_created(profile: Profile, *, actor, origin, reason: str) -> None:
    audit.record(
        actor=actor,
        verb="profile.create",
        subject=profile.user,
        obj=profile,
        reason=reason,
        data=_profile_values(profile),
        origin=origin,
    )


def audit_profile_changed(before: Profile, after: Profile, *, actor, origin, reason: str) -> None:
    old, new = _profile_values(before), _profile_values(after)
    old["person"], new["person"] = display_name(before.user), display_name(after.user)
    changes = [
        {"field": field, "label": str(label), "old": old[field], "new": new[field]}
        for field, label in PROFILE_FIELDS.items()
        if old[field] != new[field]
    ]
    if not changes:
        return
    audit.record(
        actor=actor,
        verb="profile.change",
        subject=after.user,
        obj=after,
        reason=reason,
        data={"team": new["team"], "changes": changes},
        origin=origin,
    )


AUDITORS = {
    Team: (audit_team_created, audit_team_changed),
    Profile: (audit_profile_created, audit_profile_changed),
}


# --- Views that record what they save -------------------------------------------------------------------


def _reason(view) -> str:
    return (view.form.cleaned_data.get("audit_reason") or "").strip()


class AuditedCreateView(snippet_views.CreateView):
    def save_instance(self):
        # Runs inside the view's transaction: the record and the change stand or fall together.
        instance = super().save_instance()
        created, _changed = AUDITORS[self.model]
        created(instance, actor=self.request.user, origin=audit.Origin.of(self.request), reason=_reason(self))
        return instance


class AuditedEditView(snippet_views.EditView):
    def save_instance(self):
        # The form has already copied its values onto self.object; the row still holds the old ones.
        before = self.model._default_manager.select_for_update().get(pk=self.object.pk)
        instance = super().save_instance()
        _created, changed = AUDITORS[self.model]
        changed(
            before,
            instance,
            actor=self.request.user,
            origin=audit.Origin.of(self.request),
            reason=_reason(self),
        )
        return instance


class AuditedSnippetViewSet(SnippetViewSet):
    add_view_class = AuditedCreateView
    edit_view_class = AuditedEditView
    # Copying would create a second team or profile through a view that skips the record.
    copy_view_enabled = False


class TeamViewSet(AuditedSnippetViewSet):
    model = Team
    icon = "group"
    menu_hook = TRAINING_MENU_HOOK
    menu_order = 40
    list_display = ["name", "leader", "parent"]
    list_filter = ["parent"]
    search_fields = ["name"]
    edit_handler = ObjectList(
        [FieldPanel("name"), FieldPanel("leader"), FieldPanel("parent"), FieldPanel("audit_reason")],
        base_form_class=AuditedForm,
    )


class ProfileViewSet(AuditedSnippetViewSet):
    model = Profile
    icon = "user"
    menu_label = _("Staff")
    menu_hook = TRAINING_MENU_HOOK
    menu_order = 50
    list_display = ["__str__", "team", "job_title", "employee_id"]
    list_filter = ["team"]
    search_fields = ["job_title", "employee_id"]
    edit_handler = ObjectList(
        [
            FieldPanel("user"),
            FieldPanel("team"),
            FieldPanel("job_title"),
            FieldPanel("employee_id"),
            FieldPanel("audit_reason"),
        ],
        base_form_class=AuditedForm,
    )


register_snippet(TeamViewSet)
register_snippet(ProfileViewSet)


# --- Deletions, one at a time or in bulk ----------------------------------------------------------------

# Deleting clears the objects' ids, so what they were is noted before and recorded after.
_DELETED = "_lms_deleted_for_audit"


@hooks.register("before_delete_snippet")
def note_what_is_deleted(request, instances):
    noted = []
    for instance in instances:
        if isinstance(instance, Team):
            noted.append(
                ("team.delete", instance.leader, type(instance), instance.pk, _team_values(instance))
            )
        elif isinstance(instance, Profile):
            noted.append(
                ("profile.delete", instance.user, type(instance), instance.pk, _profile_values(instance))
            )
    setattr(request, _DELETED, noted)


@hooks.register("after_delete_snippet")
def record_what_was_deleted(request, instances):
    origin = audit.Origin.of(request)
    with transaction.atomic():
        for verb, subject, model, pk, data in getattr(request, _DELETED, []):
            if model._default_manager.filter(pk=pk).exists():
                continue  # the deletion did not happen
            audit.record(
                actor=request.user, verb=verb, subject=subject, obj=model(pk=pk), data=data, origin=origin
            )


# --- People's accounts in Wagtail's Users admin: roles (HR), active, added and deleted ---------------------

_USERS_BEFORE = "_lms_users_before_for_audit"


def _account(user_id) -> dict | None:
    """What of an account bears on someone's standing: their groups, superuser, HR, and whether they can
    sign in. HR is worked out from the rows, not ``has_perm``, which says no for every inactive account."""
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        return None
    app_label, codename = roles.HR_PERMISSION.split(".")
    hr_rows = Permission.objects.filter(Q(group__user=user) | Q(user=user), codename=codename)
    return {
        "user": user,
        "name": display_name(user),
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "superuser": user.is_superuser,
        "active": user.is_active,
        "hr": user.is_superuser or hr_rows.filter(content_type__app_label=app_label).exists(),
    }


def _roles(account: dict) -> list[str]:
    return [*account["groups"], *([str(_("Superuser"))] if account["superuser"] else [])]


def _note_accounts(request, user_ids) -> None:
    setattr(request, _USERS_BEFORE, {pk: _account(pk) for pk in user_ids})


def _record_accounts(request) -> None:
    origin = audit.Origin.of(request)
    with transaction.atomic():
        for pk, before in getattr(request, _USERS_BEFORE, {}).items():
            if before is None:
                continue
            after = _account(pk)
            common = {"actor": request.user, "origin": origin}
            if after is None:
                audit.record(
                    verb="person.delete",
                    data={"name": before["name"], "roles": _roles(before), "hr": before["hr"]},
                    **common,
                )
                continue
            user = after["user"]
            if _roles(before) != _roles(after):
                audit.record(
                    verb="person.roles",
                    subject=user,
                    obj=user,
                    data={
                        "old": _roles(before),
                        "new": _roles(after),
                        "hr_before": before["hr"],
                        "hr": after["hr"],
                    },
                    **common,
                )
            if before["active"] != after["active"]:
                verb = "person.reactivate" if after["active"] else "person.deactivate"
                audit.record(verb=verb, subject=user, obj=user, **common)


@hooks.register("before_edit_user")
def note_account_before_edit(request, user):
    _note_accounts(request, [user.pk])


@hooks.register("after_edit_user")
def record_account_edit(request, user):
    _record_accounts(request)


@hooks.register("before_delete_user")
def note_account_before_delete(request, user):
    _note_accounts(request, [user.pk])


@hooks.register("after_delete_user")
def record_account_deletion(request, user):
    _record_accounts(request)


@hooks.register("after_create_user")
def record_account_creation(request, user):
    account = _account(user.pk)
    audit.record(
        actor=request.user,
        verb="person.create",
        subject=user,
        obj=user,
        data={"roles": _roles(account), "hr": account["hr"]},
        origin=audit.Origin.of(request),
    )


def _is_user_bulk_action(action) -> bool:
    return getattr(action, "model", None) is get_user_model()


@hooks.register("before_bulk_action")
def note_accounts_before_bulk_action(request, action_type, objects, action):
    if _is_user_bulk_action(action):
        _note_accounts(request, [o.pk for o in objects])


@hooks.register("after_bulk_action")
def record_accounts_after_bulk_action(request, action_type, objects, action):
    if _is_user_bulk_action(action):
        _record_accounts(request)
