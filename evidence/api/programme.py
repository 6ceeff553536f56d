"""Calibration, customer surveys and mystery-shopper rounds. Thin: read the body, call a service, render."""

import time

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import generics, permissions, serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from lms.core import roles
from lms.core.api.pagination import BoundedLimitOffsetPagination
from lms.core.api.query import FilterParameters, QueryId
from lms.core.api.serializers import ErrorSerializer
from lms.core.audit import Origin
from lms.core.exceptions import Forbidden, LMSError, NotFound
from lms.core.models import Team
from lms.core.throttle import ClientRateThrottle

from .. import calibration, rounds, selectors, surveys
from .. import serializers as s
from ..models import CalibrationScore, ShopperScript, ShopRound
from .base import CHECK_ERRORS, ERRORS, EvidenceAPIView
from .checks import full_check

# A survey file is a few columns per response: far below this even at the row limit.
MAX_SURVEY_FILE = 5 * 1024 * 1024


# --- Calibration ------------------------------------------------------------------------------------------


def _calibration_response(request, contact, *, status_code=status.HTTP_200_OK) -> Response:
    mine = CalibrationScore.objects.filter(contact=contact, leader=request.user).first()
    return Response(
        s.calibration_data(contact, mine=mine, show_reference=roles.is_hr(request.user)), status=status_code
    )


def _require_leader(user) -> None:
    if not (roles.is_leader(user) or roles.is_hr(user)):
        raise Forbidden(_("Calibration is for leaders."), code="leaders_only")


class CurrentCalibration(EvidenceAPIView):
    @extend_schema(operation_id="calibration_retrieve", responses={200: s.CalibrationSerializer, **ERRORS})
    def get(self, request):
        """Leaders: the current calibration contact to score blind. Its reference scoring is shown only
        once you have scored it (HR, who publish it, always see it)."""
        _require_leader(request.user)
        return _calibration_response(request, selectors.current_calibration())

    @extend_schema(
        operation_id="calibration_score",
        request=s.CalibrationAnswersSerializer,
        responses={
            201: s.CalibrationSerializer,
            **ERRORS,
            409: OpenApiResponse(ErrorSerializer, description="`already_scored`: one scoring each."),
        },
    )
    def post(self, request):
        """Leaders: score the current contact once, every criterion answered. Agreement with the reference
        at or above its pass mark makes your checks count, those already made included."""
        _require_leader(request.user)
        contact = selectors.current_calibration()
        body = s.CalibrationAnswersSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        calibration.score_blind(
            contact=contact,
            leader=request.user,
            answers=body.validated_data["answers"],
            origin=Origin.of(request),
        )
        return _calibration_response(request, contact, status_code=status.HTTP_201_CREATED)


class CalibrationContacts(EvidenceAPIView):
    @extend_schema(
        operation_id="calibration_contacts_create",
        request=s.CalibrationPublishSerializer,
        responses={201: s.CalibrationSerializer, **ERRORS},
    )
    def post(self, request):
        """HR: publish a calibration contact (a written transcript) with its reference scoring; it becomes
        the current one at once."""
        roles.require_hr(request.user, _("Calibration contacts are published by HR."))
        body = s.CalibrationPublishSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        contact = calibration.publish(
            by=request.user,
            scorecard=selectors.scorecard_or_default(body.validated_data.get("scorecard")),
            title=body.validated_data["title"],
            transcript=body.validated_data["transcript"],
            reference_answers=body.validated_data["reference_answers"],
            pass_mark=body.validated_data["pass_mark"],
        )
        return _calibration_response(request, contact, status_code=status.HTTP_201_CREATED)


class CalibrationSummary(EvidenceAPIView):
    @extend_schema(
        operation_id="calibration_summary", responses={200: s.CalibrationSummarySerializer, **ERRORS}
    )
    def get(self, request, pk):
        """HR: each leader's agreement with the reference, and Krippendorff's alpha across them."""
        roles.require_hr(request.user, _("Calibration results are for HR."))
        return Response(s.summary_data(calibration.summary(selectors.calibration_contact(pk))))


# --- Surveys ----------------------------------------------------------------------------------------------


class SurveyLinks(EvidenceAPIView):
    @extend_schema(
        operation_id="survey_links_create",
        request=s.SurveyLinkRequestSerializer,
        responses={201: s.SurveyLinkSerializer, **ERRORS},
    )
    def post(self, request):
        """A one-use survey link (valid 14 days) for the customer of one contact: yours, or a contact of
        someone in a team you lead (HR: anyone's)."""
        from ..urls import survey_url  # evidence.urls imports this module: read it once both are loaded

        body = s.SurveyLinkRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        employee = selectors.person(body.validated_data["employee"])
        link = surveys.create_link(
            by=request.user, employee=employee, reference=body.validated_data["reference"]
        )
        return Response(
            {
                "url": request.build_absolute_uri(survey_url(link.token)),
                "token": link.token,
                "employee": s.person_data(employee),
                "reference": link.reference,
                "expires_at": link.expires_at,
            },
            status=status.HTTP_201_CREATED,
        )


class SurveyThrottle(ClientRateThrottle):
    scope = "lms_survey"
    rate = "20/min"

    def timer(self):
        # Looked up on each call (DRF binds time.time at import), so a frozen clock in tests still works.
        return time.time()


class SurveyAnswer(EvidenceAPIView):
    authentication_classes = []
    permission_classes = [permissions.AllowAny]
    throttle_classes = [SurveyThrottle]

    @extend_schema(
        operation_id="surveys_answer",
        auth=[],
        request=s.SurveyAnswerSerializer,
        responses={
            201: s.SurveyThanksSerializer,
            400: ErrorSerializer,
            404: OpenApiResponse(ErrorSerializer, description="`survey_not_found`: no such link."),
            410: OpenApiResponse(
                ErrorSerializer, description="`survey_used` (answered already) or `survey_expired`."
            ),
            429: ErrorSerializer,
        },
    )
    def post(self, request, token):
        """Public, no sign-in: the customer's one answer through their link (a second is refused)."""
        body = s.SurveyAnswerSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        response = surveys.answer(
            token=token,
            rating=body.validated_data["rating"],
            resolved=body.validated_data.get("resolved"),
            comment=body.validated_data.get("comment", ""),
        )
        return Response(
            {
                "detail": _("Thank you: your answer was received."),
                "rating": response.rating,
                "resolved": response.resolved,
                "comment": response.comment,
            },
            status=status.HTTP_201_CREATED,
        )


class SurveyImports(EvidenceAPIView):
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        operation_id="survey_imports_create",
        request={
            "multipart/form-data": inline_serializer(
                "SurveyImportRequest",
                {"file": serializers.FileField(), "dry_run": serializers.BooleanField(default=True)},
            )
        },
        responses={
            200: s.SurveyImportSerializer,
            400: OpenApiResponse(
                s.SurveyImportRefusalSerializer,
                description="`invalid_import` with every bad row in `errors`; nothing imported. "
                "`invalid`: no file, or one over 5 MB.",
            ),
            401: ErrorSerializer,
            403: ErrorSerializer,
        },
    )
    def post(self, request):
        """HR: survey results as CSV (columns employee — username, email or employee id —, rating,
        received, and optionally resolved, comment, reference). All or nothing; ``dry_run`` (the default)
        only checks."""
        roles.require_hr(request.user, _("Survey results are imported by HR."))
        upload = request.FILES.get("file")
        if upload is None:
            raise LMSError(_("file: upload a CSV file."), code="invalid")
        if upload.size > MAX_SURVEY_FILE:
            raise LMSError(_("file: the file is larger than 5 MB."), code="invalid")
        dry_run = str(request.data.get("dry_run", "true")).lower() not in ("false", "0", "no")
        report = surveys.import_csv(
            upload=upload, by=request.user, dry_run=dry_run, origin=Origin.of(request)
        )
        body = {"dry_run": dry_run, "rows": report.rows, "created": report.created, "errors": report.errors}
        if report.errors:
            body.update(
                detail=ngettext(
                    "Nothing was imported: %(n)s problem.",
                    "Nothing was imported: %(n)s problems.",
                    len(report.errors),
                )
                % {"n": len(report.errors)},
                code="invalid_import",
            )
            return Response(body, status=status.HTTP_400_BAD_REQUEST)
        return Response(body)


class ResponseQuery(FilterParameters):
    employee = QueryId(help_text="Only responses about this person's contacts.")
    team = QueryId(help_text="Only responses about people in this team or any team below it.")


class SurveyResponseList(generics.ListAPIView, EvidenceAPIView):
    serializer_class = s.SurveyResponseSerializer
    pagination_class = BoundedLimitOffsetPagination

    def get_queryset(self):
        filters = ResponseQuery.read(self.request)
        responses = selectors.visible_responses(self.request.user)
        responses = selectors.about_people(responses, filters)
        return responses.select_related("employee").prefetch_related("skills").order_by("-received_at", "-pk")

    @extend_schema(
        operation_id="survey_responses_list",
        parameters=[ResponseQuery],
        responses={200: s.SurveyResponseSerializer(many=True), **ERRORS},
    )
    def get(self, request, *args, **kwargs):
        """Customer feedback you may see, newest first: about your own contacts; a leader also their
        teams'; HR all."""
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response([s.response_data(r) for r in page])


class SurveyResponseSkills(EvidenceAPIView):
    @extend_schema(
        operation_id="survey_responses_skills",
        request=s.SkillTagsSerializer,
        responses={200: s.SurveyResponseSerializer, **ERRORS},
    )
    def post(self, request, pk):
        """The employee's leader (or HR) says which skills a customer's comment is about (replacing any
        earlier tags)."""
        response = selectors.response_for(request.user, pk)
        body = s.SkillTagsSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        response = surveys.tag_skills(
            response=response, by=request.user, skill_ids=body.validated_data["skills"]
        )
        return Response(s.response_data(response))


# --- Mystery-shopper rounds -------------------------------------------------------------------------------


ROUND_RELATED = ("teams", "shoppers", "script__policies")


class RoundList(generics.ListAPIView, EvidenceAPIView):
    serializer_class = s.RoundSerializer
    pagination_class = BoundedLimitOffsetPagination

    def get_queryset(self):
        return (
            selectors.visible_rounds(self.request.user)
            .select_related("script", "created_by")
            .prefetch_related(*ROUND_RELATED)
            .order_by("-starts_on", "-pk")
        )

    @extend_schema(operation_id="shop_rounds_list", responses={200: s.RoundSerializer(many=True), **ERRORS})
    def get(self, request, *args, **kwargs):
        """The rounds you may see: HR all; the ones you planned or shop in; a head of service those over
        their teams."""
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response([s.round_data(r) for r in page])

    @extend_schema(
        operation_id="shop_rounds_create",
        request=s.RoundRequestSerializer,
        responses={201: s.RoundSerializer, **ERRORS},
    )
    def post(self, request, *args, **kwargs):
        """HR or a head of service: plan a round of a script over teams (yours, for a head of service),
        with contacts per team, channels, times of day, the shoppers and the dates."""
        body = s.RoundRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        item = rounds.plan(
            by=request.user,
            title=data["title"],
            script=_round_script(data["script"]),
            teams=_round_teams(data["teams"]),
            contacts_per_team=data["contacts_per_team"],
            channels=data["channels"],
            times_of_day=data["times_of_day"],
            shoppers=_round_shoppers(data["shoppers"]),
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
        )
        item = self.get_queryset().get(pk=item.pk)
        return Response(s.round_data(item), status=status.HTTP_201_CREATED)


def _round_script(script_id) -> ShopperScript:
    script = ShopperScript.objects.filter(pk=script_id).first()
    if script is None:
        raise NotFound(_("There is no script with id %(id)s.") % {"id": script_id}, code="script_not_found")
    return script


def _round_teams(team_ids) -> list[Team]:
    teams = list(Team.objects.filter(pk__in=team_ids))
    missing = sorted(set(team_ids) - {t.pk for t in teams})
    if missing:
        raise NotFound(
            _("There is no team with id %(ids)s.") % {"ids": ", ".join(map(str, missing))},
            code="team_not_found",
        )
    return teams


def _round_shoppers(shopper_ids) -> list:
    return [selectors.person(pk, field="shoppers") for pk in dict.fromkeys(shopper_ids)]


def _round_detail(item) -> dict:
    item = (
        ShopRound.objects.select_related("script", "created_by")
        .prefetch_related(*ROUND_RELATED)
        .get(pk=item.pk)
    )
    return {**s.round_data(item), "coverage": s.coverage_data(rounds.coverage(item))}


class RoundDetail(EvidenceAPIView):
    @extend_schema(operation_id="shop_rounds_retrieve", responses={200: s.RoundDetailSerializer, **ERRORS})
    def get(self, request, pk):
        """A round with its coverage against the plan (per team, channel and time of day) and findings."""
        item = selectors.round_for(request.user, pk)
        return Response({**s.round_data(item), "coverage": s.coverage_data(rounds.coverage(item))})

    @extend_schema(
        operation_id="shop_rounds_partial_update",
        request=s.RoundChangeSerializer,
        responses={
            200: s.RoundDetailSerializer,
            **ERRORS,
            400: OpenApiResponse(
                ErrorSerializer, description="`invalid_round`: the same rules as planning; nothing was saved."
            ),
            403: OpenApiResponse(
                ErrorSerializer,
                description="`not_allowed`: rounds are changed by HR or a head of service whose teams they "
                "cover.",
            ),
            409: OpenApiResponse(
                ErrorSerializer,
                description="`round_in_progress`: contacts are already logged, and the change would take one "
                "out of the plan (another script; removing a team, channel, time of day or shopper a "
                "contact used; dates that no longer cover them). The title, contacts per team and dates "
                "around the contacts stay editable, and teams, channels, times of day and shoppers can be "
                "added. Nothing was saved.",
            ),
        },
    )
    def patch(self, request, pk):
        """HR or a head of service: change a planned round. Send only the fields that change; lists
        (teams, channels, times of day, shoppers) replace the whole list. Checked as planning is, and
        recorded in the audit trail."""
        item = selectors.round_for(request.user, pk)
        body = s.RoundChangeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = dict(body.validated_data)
        if "script" in data:
            data["script"] = _round_script(data["script"])
        if "teams" in data:
            data["teams"] = _round_teams(data["teams"])
        if "shoppers" in data:
            data["shoppers"] = _round_shoppers(data["shoppers"])
        item = rounds.change(by=request.user, shop_round=item, origin=Origin.of(request), **data)
        return Response(_round_detail(item))


class RoundContacts(EvidenceAPIView):
    @extend_schema(
        operation_id="shop_rounds_contacts_create",
        request=s.ShopContactSerializer,
        responses={201: s.ServiceCheckSerializer, **CHECK_ERRORS},
    )
    def post(self, request, pk):
        """A shopper on the round logs one contact against its script, with the same facts and criteria as
        any check (``submit: false`` keeps a draft, finished with ``PATCH /service-checks/{id}/``)."""
        item = selectors.round_for(request.user, pk)
        body = s.ShopContactSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        check = rounds.log_contact(
            shop_round=item,
            shopper=request.user,
            employee=selectors.person(body.validated_data["employee"]),
            data=body.facts(),
            submit=body.validated_data["submit"],
            origin=Origin.of(request),
        )
        return Response(full_check(request, check), status=status.HTTP_201_CREATED)
