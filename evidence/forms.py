"""The evidence pages' forms. The check form is built from the scorecard's snapshot, so it is read from the
POST by hand: what was typed goes to the services unchanged (they validate, in one place) and is shown
again as typed when they refuse it."""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import Policy

from . import scoring
from .blocks import YES_NO
from .facts import YES_NO_FACTS
from .models.checks import Channel
from .models.rounds import TimeOfDay

TEXT_FACTS = ("channel", "contacted_at", "reference", "handoffs", "treatment", "note", *YES_NO_FACTS)
YES_NO_CHOICES = [("yes", _("Yes")), ("no", _("No"))]
NA_LABEL = _("Not applicable")


def live_policies() -> list[Policy]:
    return list(Policy.objects.originals().filter(live=True).order_by("title"))  # checks record originals


# --- The check form (criteria and facts) ---------------------------------------------------------------


def values_from_post(post, snapshot: dict, policies: list[Policy]) -> dict:
    """Everything typed, as strings, keyed as the template names its inputs."""
    values = {
        name: post.get(name, "").strip() if name != "note" else post.get(name, "") for name in TEXT_FACTS
    }
    for cid in scoring.criteria_of(snapshot):
        values[f"answer-{cid}"] = post.get(f"answer-{cid}", "")
    for policy in policies:
        values[f"policy-{policy.pk}"] = post.get(f"policy-{policy.pk}", "")
        values[f"policy-{policy.pk}-version"] = post.get(f"policy-{policy.pk}-version", "").strip()
    return values


def values_from_check(check, policies: list[Policy]) -> dict:
    """A saved draft as the form shows it."""
    values = {}
    for name in TEXT_FACTS:
        value = getattr(check, name)
        if value is None:
            values[name] = ""
        elif isinstance(value, bool):
            values[name] = "yes" if value else "no"
        elif isinstance(value, datetime.datetime):
            values[name] = timezone.localtime(value).strftime("%Y-%m-%dT%H:%M")
        else:
            values[name] = str(value)
    for cid, answer in (check.answers or {}).items():
        values[f"answer-{cid}"] = str(answer)
    for statement in check.policy_statements.all():
        values[f"policy-{statement.policy_id}"] = "matched" if statement.matched else "other"
        if not statement.matched and statement.version_heard:
            values[f"policy-{statement.policy_id}-version"] = str(statement.version_heard)
    return values


def check_data(values: dict, snapshot: dict, policies: list[Policy]) -> dict:
    """The services' input from the typed values (empty means "not answered yet")."""
    data = {name: values.get(name, "") for name in TEXT_FACTS}
    data["answers"] = {
        cid: values[f"answer-{cid}"] for cid in scoring.criteria_of(snapshot) if values.get(f"answer-{cid}")
    }
    statements = []
    for policy in policies:
        said = values.get(f"policy-{policy.pk}")
        if said in ("matched", "other"):
            statements.append(
                {
                    "policy": policy.pk,
                    "matched": said == "matched",
                    "version": values.get(f"policy-{policy.pk}-version") if said == "other" else None,
                }
            )
    data["policies"] = statements
    return data


def criterion_choices(criterion: dict) -> list[tuple[str, str]]:
    if criterion["scale"] == YES_NO:
        choices = list(YES_NO_CHOICES)
    else:
        choices = [(str(n), str(n)) for n in range(1, 6)]
    if criterion["allow_na"]:
        choices.append((scoring.NA, NA_LABEL))
    return choices


def criteria_sections(snapshot: dict, values: dict, missing: set[str] = frozenset()) -> list[dict]:
    """The scorecard's sections for the template: each criterion with its choices and what is chosen."""
    return [
        {
            "title": section["title"],
            "criteria": [
                {
                    **criterion,
                    "name": f"answer-{criterion['id']}",
                    "choices": criterion_choices(criterion),
                    "chosen": values.get(f"answer-{criterion['id']}", ""),
                    "missing": criterion["id"] in missing,
                }
                for criterion in section["criteria"]
            ],
        }
        for section in snapshot.get("sections", [])
    ]


def unanswered(snapshot: dict, values: dict) -> set[str]:
    return {cid for cid in scoring.criteria_of(snapshot) if not values.get(f"answer-{cid}")}


def policy_rows(policies: list[Policy], values: dict) -> list[dict]:
    return [
        {
            "policy": p,
            "said": values.get(f"policy-{p.pk}", ""),
            "version": values.get(f"policy-{p.pk}-version", ""),
        }
        for p in policies
    ]


def answers_from_post(post, snapshot: dict) -> tuple[dict, dict]:
    """Calibration: the criteria answers alone, and the values to show again."""
    values = {f"answer-{cid}": post.get(f"answer-{cid}", "") for cid in scoring.criteria_of(snapshot)}
    answers = {
        cid: values[f"answer-{cid}"] for cid in scoring.criteria_of(snapshot) if values[f"answer-{cid}"]
    }
    return answers, values


def answer_label(criterion: dict, answer) -> str:
    if answer in (None, ""):
        return str(_("Not answered"))
    if answer == scoring.NA:
        return str(NA_LABEL)
    return dict(criterion_choices({**criterion, "allow_na": True})).get(str(answer), str(answer))


# --- Ordinary forms ----------------------------------------------------------------------------------------


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class Form(forms.Form):
    """The evidence forms: labels without Django's colon, like the rest of the product's pages."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class ReplyForm(Form):
    text = forms.CharField(label=_("Your reply"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class DisputeForm(Form):
    criterion = forms.ChoiceField(label=_("Criterion you disagree with"))
    comment = forms.CharField(
        label=_("Why you disagree"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )

    def __init__(self, *args, check, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criterion"].choices = [("", _("Choose a criterion"))] + [
            (c["id"], c["text"]) for c in check.criteria()
        ]


class ResolveForm(Form):
    outcome = forms.ChoiceField(
        label=_("Decision"),
        widget=forms.RadioSelect,
        choices=[("uphold", _("Uphold the score")), ("change", _("Change the answer"))],
    )
    new_value = forms.ChoiceField(
        label=_("New answer (when changing it)"), widget=forms.RadioSelect, required=False
    )
    resolution = forms.CharField(
        label=_("Reason for your decision"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )

    def __init__(self, *args, criterion: dict, **kwargs):
        super().__init__(*args, prefix=kwargs.pop("prefix", None), **kwargs)
        self.fields["new_value"].choices = criterion_choices(criterion)


class ActionForm(Form):
    owner = PersonChoiceField(label=_("For"), queryset=get_user_model().objects.none(), empty_label=None)
    text = forms.CharField(label=_("Follow-up"), max_length=300)
    due_on = forms.DateField(label=_("Due"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, owners: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = get_user_model().objects.filter(pk__in=[u.pk for u in owners])


class RoundForm(Form):
    title = forms.CharField(label=_("Title"), max_length=160)
    script = forms.ModelChoiceField(label=_("Script"), queryset=None, empty_label=_("Choose a script"))
    teams = forms.ModelMultipleChoiceField(
        label=_("Teams"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    contacts_per_team = forms.IntegerField(label=_("Contacts per team"), min_value=1, max_value=200)
    channels = forms.MultipleChoiceField(
        label=_("Channels"), choices=Channel.choices, widget=forms.CheckboxSelectMultiple
    )
    times_of_day = forms.MultipleChoiceField(
        label=_("Times of day"), choices=TimeOfDay.choices, widget=forms.CheckboxSelectMultiple
    )
    shoppers = PeopleChoiceField(
        label=_("Shoppers"),
        queryset=None,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Anyone who can sign in. Hold Ctrl (or ⌘) to choose more than one."),
    )
    starts_on = forms.DateField(label=_("Starts"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("Ends"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, teams, scripts, **kwargs):
        super().__init__(*args, **kwargs)
        from lms.core.models import Team

        self.fields["teams"].queryset = Team.objects.filter(pk__in=[t.pk for t in teams]).order_by("name")
        self.fields["script"].queryset = scripts
        self.fields["shoppers"].queryset = (
            get_user_model().objects.filter(is_active=True).order_by("first_name", "last_name", "username")
        )

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The round ends on or after the day it starts."))
        return data


class CalibrationForm(Form):
    title = forms.CharField(label=_("Title"), max_length=160)
    transcript = forms.CharField(
        label=_("Transcript of the contact"), widget=forms.Textarea(attrs={"rows": 10}), max_length=20000
    )
    pass_mark = forms.IntegerField(
        label=_("Agreement needed (%)"),
        min_value=50,
        max_value=100,
        initial=80,
        help_text=_(
            "The share of criteria a leader must score as the reference does (1–5 within one point)."
        ),
    )


class SurveyForm(Form):
    rating = forms.TypedChoiceField(
        label=_("How would you rate the service you received?"),
        choices=[
            ("1", _("1 — very poor")),
            ("2", _("2 — poor")),
            ("3", _("3 — fair")),
            ("4", _("4 — good")),
            ("5", _("5 — excellent")),
        ],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a rating from 1 to 5.")},
    )
    resolved = forms.ChoiceField(
        label=_("Was your question or problem resolved?"),
        choices=YES_NO_CHOICES,
        widget=forms.RadioSelect,
        required=False,
    )
    comment = forms.CharField(
        label=_("Anything you would like to tell us? (optional)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=2000,
    )


class SurveyLinkForm(Form):
    employee = PersonChoiceField(label=_("Whose contact"), queryset=None, empty_label=None)
    reference = forms.CharField(
        label=_("Contact reference (optional)"),
        max_length=100,
        required=False,
        help_text=_("Your ticket or call number, so you can tell which contact the answer is about."),
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employee"].queryset = get_user_model().objects.filter(pk__in=[p.pk for p in people])


class SkillTagForm(Form):
    skills = forms.MultipleChoiceField(label=_("Skills"), widget=forms.CheckboxSelectMultiple, required=False)

    def __init__(self, *args, skills, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skills"].choices = [(str(s.pk), s.name) for s in skills]
