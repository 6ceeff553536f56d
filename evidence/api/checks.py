"""Service checks, disputes, coaching follow-ups, the courses a missed skill suggests, scorecards and team
trends. Thin: read the body, call a service, render."""

from django.db.models import F, prefetch_related_objects
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.response import Response

from courses.models import Skill
from courses.services import get_course
from lms.core.api.pagination import BoundedLimitOffsetPagination
from lms.core.api.query import FilterParameters, QueryChoice, QueryId, QueryInteger, QueryParameters
from lms.core.api.serializers import ErrorSerializer
from lms.core.audit import Origin
from lms.core.exceptions import NotFound

from .. import selectors, services, trends
from .. import serializers as s
from ..models import CoachingAction, Dispute, ServiceCheck
from .base import CHECK_ERRORS, ERRORS, BoundedDate, EvidenceAPIView

CHECK_RELATED = (
    "policy_statements__policy",
    "disputes__raised_by",
    "disputes__resolved_by",
    "actions__owner",
)


def settle_ids(user, checks) -> set[int]:
    """Which of these checks' disputes ``user`` may settle, in one query."""
    ids = [c.pk for c in checks]
    if not ids:
        return set()
    return set(selectors.settleable_disputes(user).filter(check_record__in=ids).values_list("pk", flat=True))


def full_check(request, check: ServiceCheck) -> dict:
    """One check with its related rows, as the caller sees it."""
    prefetch_related_objects([check], *CHECK_RELATED)
    return s.check_data(check, settle_ids=settle_ids(request.user, [check]))


class CheckQuery(FilterParameters):
    employee = QueryId(help_text="Only checks of this person.")
    team = QueryId(help_text="Only checks of people in this team or any team below it.")
    # allow_blank: an empty value means absent (as everywhere), and the schema says so.
    state = QueryChoice(
        ServiceCheck.State.choices, allow_blank=True, help_text="draft (only your own drafts) or submitted."
    )
    kind = QueryChoice(
        ServiceCheck.Kind.choices, allow_blank=True, help_text="check, or shop (mystery-shopper contacts)."
    )
    since = BoundedDate(help_text="Contacts on or after this day (YYYY-MM-DD).")
    until = BoundedDate(help_text="Contacts on or before this day (YYYY-MM-DD).")


class ServiceCheckList(generics.ListAPIView, EvidenceAPIView):
    serializer_class = s.ServiceCheckSerializer
    pagination_class = BoundedLimitOffsetPagination

    def get_queryset(self):
        filters = CheckQuery.read(self.request)
        checks = selectors.checks_for_list(self.request.user)
        checks = selectors.about_people(checks, filters)
        if filters.get("state"):
            checks = checks.filter(state=filters["state"])
        if filters.get("kind"):
            checks = checks.filter(kind=filters["kind"])
        if "since" in filters:
            checks = checks.filter(contacted_at__date__gte=filters["since"])
        if "until" in filters:
            checks = checks.filter(contacted_at__date__lte=filters["until"])
        return checks.order_by("-contacted_at", "-pk")

    @extend_schema(
        operation_id="service_checks_list",
        parameters=[CheckQuery],
        responses={200: s.ServiceCheckSerializer(many=True), **ERRORS},
    )
    def get(self, request, *args, **kwargs):
        """The checks you may see, newest contact first: your own (submitted ones, never someone's draft
        of you), the ones you made and your drafts; a leader also their teams'; HR every one."""
        page = self.paginate_queryset(self.get_queryset())
        ids = settle_ids(request.user, page)
        return self.get_paginated_response([s.check_data(c, settle_ids=ids) for c in page])

    @extend_schema(
        operation_id="service_checks_create",
        request=s.CheckCreateSerializer,
        responses={201: s.ServiceCheckSerializer, **CHECK_ERRORS},
    )
    def post(self, request, *args, **kwargs):
        """Record a check of a contact of someone in a team you lead (you need a certificate in a course
        on the scorecard's skills) or, for HR, of anyone. With ``submit`` (the default) every fact and
        criterion must be given and valid, or nothing is saved; ``submit: false`` keeps a draft."""
        body = s.CheckCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        employee = selectors.person(body.validated_data["employee"])
        scorecard = selectors.scorecard_or_default(body.validated_data.get("scorecard"))
        check = services.record_check(
            checker=request.user,
            employee=employee,
            scorecard=scorecard,
            data=body.facts(),
            submit=body.validated_data["submit"],
            origin=Origin.of(request),
        )
        return Response(full_check(request, check), status=status.HTTP_201_CREATED)


class ServiceCheckDetail(EvidenceAPIView):
    @extend_schema(
        operation_id="service_checks_retrieve", responses={200: s.ServiceCheckSerializer, **ERRORS}
    )
    def get(self, request, pk):
        """One check you may see; anyone else's is a 404."""
        return Response(full_check(request, services.check_for(user=request.user, check_id=pk)))

    @extend_schema(
        operation_id="service_checks_update",
        request=s.CheckUpdateSerializer,
        responses={
            200: s.ServiceCheckSerializer,
            **CHECK_ERRORS,
            409: OpenApiResponse(ErrorSerializer, description="`check_submitted`: no longer a draft."),
        },
    )
    def patch(self, request, pk):
        """Your draft: save the fields sent (always kept), and submit it with ``submit: true``."""
        check = services.check_for(user=request.user, check_id=pk)
        body = s.CheckUpdateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        check = services.update_check(
            check=check,
            by=request.user,
            data=body.facts(),
            submit=body.validated_data["submit"],
            origin=Origin.of(request),
        )
        return Response(full_check(request, check))


class CheckReply(EvidenceAPIView):
    @extend_schema(
        operation_id="service_checks_reply",
        request=s.ReplySerializer,
        responses={200: s.ServiceCheckSerializer, **ERRORS},
    )
    def post(self, request, pk):
        """The person checked replies to their check (a new reply replaces the last)."""
        check = services.check_for(user=request.user, check_id=pk)
        body = s.ReplySerializer(data=request.data)
        body.is_valid(raise_exception=True)
        check = services.reply(check=check, by=request.user, text=body.validated_data["text"])
        return Response(full_check(request, check))


class CheckDisputes(EvidenceAPIView):
    @extend_schema(
        operation_id="service_checks_dispute",
        request=s.DisputeRequestSerializer,
        responses={
            201: s.DisputeSerializer,
            **ERRORS,
            409: OpenApiResponse(ErrorSerializer, description="`already_disputed`: waiting for a decision."),
        },
    )
    def post(self, request, pk):
        """The person checked disputes one criterion, with a comment; the checker's own leader or HR
        settles it."""
        check = services.check_for(user=request.user, check_id=pk)
        body = s.DisputeRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        item = services.dispute(
            check=check,
            by=request.user,
            criterion=body.validated_data["criterion"],
            comment=body.validated_data["comment"],
            origin=Origin.of(request),
        )
        return Response(
            s.dispute_data(item, check=check, settle_ids=settle_ids(request.user, [check])),
            status=status.HTTP_201_CREATED,
        )


class DisputeQuery(FilterParameters):
    state = QueryChoice(
        Dispute.State.choices, allow_blank=True, help_text="open (waiting for a decision), upheld or changed."
    )


class DisputeList(generics.ListAPIView, EvidenceAPIView):
    serializer_class = s.DisputeSerializer
    pagination_class = BoundedLimitOffsetPagination

    def get_queryset(self):
        filters = DisputeQuery.read(self.request)
        disputes = selectors.disputes_for(self.request.user)
        if filters.get("state"):
            disputes = disputes.filter(state=filters["state"])
        return disputes

    @extend_schema(
        operation_id="disputes_list",
        parameters=[DisputeQuery],
        responses={200: s.DisputeSerializer(many=True), **ERRORS},
    )
    def get(self, request, *args, **kwargs):
        """The disputes you raised and those you may settle (as the checker's leader, or HR), newest
        first; ``can_resolve`` marks the open ones that are yours to decide."""
        page = self.paginate_queryset(self.get_queryset())
        ids = set(
            selectors.settleable_disputes(request.user)
            .filter(pk__in=[d.pk for d in page])
            .values_list("pk", flat=True)
        )
        return self.get_paginated_response(
            [s.dispute_data(d, check=d.check_record, settle_ids=ids) for d in page]
        )


class DisputeResolve(EvidenceAPIView):
    @extend_schema(
        operation_id="disputes_resolve",
        request=s.ResolveSerializer,
        responses={
            200: s.DisputeSerializer,
            **ERRORS,
            409: OpenApiResponse(ErrorSerializer, description="`dispute_settled`: decided already."),
        },
    )
    def post(self, request, pk):
        """The checker's own leader (or one above) or HR upholds the score or changes the disputed answer
        (and so the score), with the reason; recorded in the audit trail."""
        item = selectors.dispute_for(request.user, pk)
        body = s.ResolveSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        item = services.resolve_dispute(
            dispute=item,
            by=request.user,
            outcome=body.validated_data["outcome"],
            resolution=body.validated_data["resolution"],
            new_value=body.validated_data.get("new_value"),
            origin=Origin.of(request),
        )
        item = Dispute.objects.select_related(
            "check_record__employee", "check_record__checker", "raised_by", "resolved_by"
        ).get(pk=item.pk)
        return Response(s.dispute_data(item, check=item.check_record, settle_ids=set()))


class CheckActions(EvidenceAPIView):
    @extend_schema(
        operation_id="service_checks_actions_create",
        request=s.ActionRequestSerializer,
        responses={201: s.ActionSerializer, **ERRORS},
    )
    def post(self, request, pk):
        """A coaching follow-up with a due date, for the employee or one of their leaders; set by the
        checker, the employee's leader or HR."""
        check = services.check_for(user=request.user, check_id=pk)
        body = s.ActionRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        action = services.add_action(
            check=check,
            by=request.user,
            owner=selectors.person(body.validated_data["owner"], field="owner"),
            text=body.validated_data["text"],
            due_on=body.validated_data["due_on"],
        )
        return Response(s.action_data(action), status=status.HTTP_201_CREATED)


class ActionList(generics.ListAPIView, EvidenceAPIView):
    serializer_class = s.ActionSerializer
    pagination_class = BoundedLimitOffsetPagination

    def get_queryset(self):
        return (
            CoachingAction.objects.filter(owner=self.request.user)
            .select_related("owner")
            .order_by(F("done_at").asc(nulls_first=True), "due_on", "pk")
        )

    @extend_schema(
        operation_id="coaching_actions_list", responses={200: s.ActionSerializer(many=True), **ERRORS}
    )
    def get(self, request, *args, **kwargs):
        """Your coaching follow-ups from checks: open ones first, soonest due first."""
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response([s.action_data(a) for a in page])


class ActionDone(EvidenceAPIView):
    @extend_schema(
        operation_id="coaching_actions_done", request=None, responses={200: s.ActionSerializer, **ERRORS}
    )
    def post(self, request, pk):
        """Mark one of your follow-ups done (again: no change)."""
        action = CoachingAction.objects.select_related("owner").filter(pk=pk).first()
        if action is None:
            raise NotFound(_("You have no follow-up with id %(id)s.") % {"id": pk}, code="action_not_found")
        return Response(s.action_data(services.complete_action(action=action, by=request.user)))


class CheckSuggestions(EvidenceAPIView):
    @extend_schema(
        operation_id="service_checks_suggestions",
        responses={200: s.SuggestionSerializer(many=True), **ERRORS},
    )
    def get(self, request, pk):
        """For each skill the check missed, the live courses that teach it (``assigned``: already
        assigned from this check)."""
        check = services.check_for(user=request.user, check_id=pk)
        return Response([s.suggestion_data(item, request) for item in services.suggestions(check)])


class CheckAssignments(EvidenceAPIView):
    @extend_schema(
        operation_id="service_checks_assignments_create",
        request=s.CheckAssignmentRequestSerializer,
        responses={201: s.AssignmentSerializer, **ERRORS},
    )
    def post(self, request, pk):
        """Assign the employee a course the check suggests for a missed skill (a leader of their team, or
        HR); the skill's counted score before and since is tracked from here."""
        check = services.check_for(user=request.user, check_id=pk)
        body = s.CheckAssignmentRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        skill = Skill.objects.filter(pk=body.validated_data["skill"]).first()
        if skill is None:
            raise NotFound(
                _("There is no skill with id %(id)s.") % {"id": body.validated_data["skill"]},
                code="unknown_skill",
            )
        item = services.assign_from_check(
            check=check,
            by=request.user,
            skill=skill,
            course=get_course(body.validated_data["course"]),
            due_date=body.validated_data.get("due_date"),
            origin=Origin.of(request),
        )
        return Response(
            s.assignment_data(item, services.before_and_after(item)), status=status.HTTP_201_CREATED
        )


class ScorecardList(EvidenceAPIView):
    @extend_schema(
        operation_id="scorecards_list", responses={200: s.ScorecardSerializer(many=True), **ERRORS}
    )
    def get(self, request):
        """The published scorecards with their criteria, to build a check form."""
        return Response([s.scorecard_data(card) for card in selectors.live_scorecards()[:100]])


class TrendsQuery(QueryParameters):
    months = QueryInteger(min_value=1, max_value=36, default=12, help_text="Months back, 1–36 (default 12).")


class ServiceTrends(EvidenceAPIView):
    @extend_schema(
        operation_id="teams_service_trends",
        parameters=[TrendsQuery],
        responses={200: s.TrendsSerializer, **ERRORS},
    )
    def get(self, request, pk):
        """Per month, for a team you lead (or one below it; HR: any) and every team below it: hand-offs
        per contact, first-contact resolution, policy accuracy and the versions customers heard, the
        quality score and CSAT from counted checks and surveys, beside the training awareness and skill
        scores; and per skill, quality on calls beside training."""
        team = selectors.team_for(request.user, pk)  # who asks is checked before what they ask
        months = TrendsQuery.read(request)["months"]
        return Response(s.trends_data(trends.team_trends(team, months=months)))
