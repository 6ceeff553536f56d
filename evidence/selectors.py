"""What a person may look at in the evidence, as querysets for the API's lists and look-ups (the rules
themselves live in ``rules.py``; the functions here are their query forms, for many rows at once)."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext as _

from lms.core.converters import as_id
from lms.core.exceptions import NotFound
from lms.core.models import Team
from lms.core.roles import is_hr, teams_led_by
from lms.core.teams import descendants, led_team_ids_sql

from . import rounds, rules
from .models import CalibrationContact, Dispute, Scorecard, ShopRound, SurveyResponse


def person(person_id, *, field: str = "employee"):
    """An active person by id, or a 404 naming the id."""
    pk = as_id(person_id)
    user = get_user_model().objects.filter(pk=pk, is_active=True).first() if pk else None
    if user is None:
        raise NotFound(
            _("%(field)s: there is no active person with id %(id)s.") % {"field": field, "id": person_id},
            code="user_not_found",
        )
    return user


def about_people(queryset, filters: dict):
    """Narrow a list of checks or survey responses to one ``employee``, or to a ``team`` and the teams
    below it, as the list endpoints' filters ask."""
    if "employee" in filters:
        queryset = queryset.filter(employee_id=filters["employee"])
    if "team" in filters:
        queryset = queryset.filter(
            employee__lms_profile__team__in=descendants(Team.objects.filter(pk=filters["team"]))
        )
    return queryset


def live_scorecards():
    return Scorecard.objects.filter(live=True).order_by("title", "pk")


def scorecard_or_default(scorecard_id=None) -> Scorecard:
    """The live scorecard asked for; without one, the only (or, alphabetically, the first) live one."""
    from .services import live_scorecard

    if scorecard_id is not None:
        return live_scorecard(scorecard_id)
    scorecard = live_scorecards().first()
    if scorecard is None:
        raise NotFound(_("No scorecard is published yet: ask HR to publish one."), code="unknown_scorecard")
    return scorecard


def visible_teams(user) -> list[Team]:
    """HR sees every team; a leader the teams they lead and every team below; others none (the site's
    rule, which this layer cannot import)."""
    return list(Team.objects.all()) if is_hr(user) else teams_led_by(user)


def team_for(user, team_id) -> Team:
    """One team the caller may see; another team looks like a missing one."""
    team = {t.pk: t for t in visible_teams(user)}.get(as_id(team_id))
    if team is None:
        raise NotFound(_("You lead no team with id %(id)s.") % {"id": team_id}, code="team_not_found")
    return team


def checks_for_list(user):
    """The checks ``user`` may see, with everything their representation shows, in a fixed number of
    queries however many there are."""
    return (
        rules.visible_checks(user)
        .select_related("employee", "checker", "scorecard")
        .prefetch_related(
            "policy_statements__policy", "disputes__raised_by", "disputes__resolved_by", "actions__owner"
        )
    )


def settleable_disputes(user):
    """Disputes ``user`` may settle: the query form of ``rules.dispute_resolver_refusal`` (the checker's
    own leader or a leader above them, or HR; never the checker or the employee)."""
    disputes = Dispute.objects.exclude(check_record__checker=user).exclude(check_record__employee=user)
    if is_hr(user):
        return disputes
    return disputes.filter(check_record__checker__lms_profile__team__in=teams_led_by(user))


def waiting_dispute_count(user, *, hr: bool) -> int:
    """How many open disputes wait for ``user`` to settle (HR when ``hr``), in one query: the count of
    the disputes page's list (``settleable_disputes``, open ones)."""
    disputes = (
        Dispute.objects.filter(state=Dispute.State.OPEN)
        .exclude(check_record__checker=user)
        .exclude(check_record__employee=user)
    )
    if not hr:
        disputes = disputes.filter(check_record__checker__lms_profile__team_id__in=led_team_ids_sql(user))
    return disputes.count()


def disputes_for(user):
    """The disputes ``user`` raised or may settle."""
    settle = settleable_disputes(user).values("pk")
    return (
        Dispute.objects.filter(Q(raised_by=user) | Q(pk__in=settle))
        .select_related("check_record__employee", "check_record__checker", "raised_by", "resolved_by")
        .order_by("-created_at", "-pk")
    )


def dispute_for(user, dispute_id) -> Dispute:
    """A dispute on a check the caller sees, or one they may settle; anyone else's is a 404."""
    pk = as_id(dispute_id)
    dispute = (
        Dispute.objects.select_related("check_record__checker", "check_record__employee")
        .filter(pk=pk)
        .first()
        if pk
        else None
    )
    if dispute is not None and not (
        rules.visible_checks(user).filter(pk=dispute.check_record_id).exists()
        or rules.dispute_resolver_refusal(user, dispute.check_record) is None
    ):
        dispute = None
    if dispute is None:
        raise NotFound(
            _("There is no dispute %(id)s that you can see.") % {"id": dispute_id}, code="dispute_not_found"
        )
    return dispute


def current_calibration() -> CalibrationContact:
    contact = rules.current_calibration()
    if contact is None:
        raise NotFound(_("No calibration contact is published yet."), code="no_calibration")
    return contact


def calibration_contact(contact_id) -> CalibrationContact:
    pk = as_id(contact_id)
    contact = CalibrationContact.objects.filter(pk=pk).first() if pk else None
    if contact is None:
        raise NotFound(
            _("There is no calibration contact %(id)s.") % {"id": contact_id}, code="calibration_not_found"
        )
    return contact


def visible_responses(user):
    """Survey responses: HR all, a leader their teams', anyone their own."""
    if is_hr(user):
        return SurveyResponse.objects.all()
    return SurveyResponse.objects.filter(
        Q(employee=user) | Q(employee__lms_profile__team__in=teams_led_by(user))
    ).distinct()


def response_for(user, response_id) -> SurveyResponse:
    pk = as_id(response_id)
    response = visible_responses(user).select_related("employee").filter(pk=pk).first() if pk else None
    if response is None:
        raise NotFound(
            _("There is no survey response %(id)s that you can see.") % {"id": response_id},
            code="response_not_found",
        )
    return response


def visible_rounds(user):
    """Mystery-shopper rounds: HR all; whoever planned one or shops in it; a head of service the rounds
    over teams they may plan for. Team leaders are not told when their teams will be shopped."""
    if is_hr(user):
        return ShopRound.objects.all()
    planned = [t.pk for t in rounds.plannable_teams(user)]
    return ShopRound.objects.filter(Q(created_by=user) | Q(shoppers=user) | Q(teams__in=planned)).distinct()


def round_for(user, round_id) -> ShopRound:
    pk = as_id(round_id)
    item = visible_rounds(user).select_related("script").filter(pk=pk).first() if pk else None
    if item is None:
        raise NotFound(
            _("There is no mystery-shopper round %(id)s that you can see.") % {"id": round_id},
            code="round_not_found",
        )
    return item
