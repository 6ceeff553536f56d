"""API for team progress, organisation compliance, the cascade, expiries, nudges and staff imports."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from lms.core import roles, staff_import
from lms.core.api.fields import IdField
from lms.core.api.query import FilterParameters, QueryChoice
from lms.core.api.serializers import ErrorSerializer
from lms.core.api.views import SignedInAPIView
from lms.core.audit import Origin
from lms.core.exceptions import LMSError
from lms.core.names import display_name
from lms.core.teams import descendants
from lms.site import dashboards, services

ERRORS = dict.fromkeys((400, 401, 403, 404), ErrorSerializer)


class TeamList(SignedInAPIView):
    @extend_schema(
        operation_id="teams_list",
        responses={
            200: inline_serializer(
                "Team",
                {
                    "id": serializers.IntegerField(),
                    "name": serializers.CharField(),
                    "parent": serializers.IntegerField(allow_null=True),
                    "leader": serializers.CharField(allow_null=True),
                },
                many=True,
            ),
            **ERRORS,
        },
    )
    def get(self, request):
        """Teams you may look at: the ones you lead and those below (HR: all; employees: none)."""
        return Response(
            [
                {
                    "id": t.pk,
                    "name": t.name,
                    "parent": t.parent_id,
                    "leader": display_name(t.leader) or None,
                }
                for t in sorted(services.visible_teams(request.user), key=lambda t: t.name)
            ]
        )


def matrix_data(matrix) -> dict:
    return {
        "courses": [{"id": c.pk, "title": c.title} for c in matrix.courses],
        "members": [
            {
                "id": row.person.user_id,
                "name": row.person.name,
                "team": row.person.team_name,
                "overdue": row.overdue,
                "courses": [
                    {
                        "course": course.pk,
                        "state": cell.state,
                        "progress": cell.percent,
                        "due_date": cell.due_date,
                        "overdue": cell.overdue,
                        "expires_on": cell.expires_on,
                        "blocked_by": cell.blocked_by or None,
                    }
                    for course, cell in zip(matrix.courses, row.cells, strict=True)
                ],
            }
            for row in matrix.rows
        ],
        "counts": matrix.counts(),
    }


class TeamProgress(SignedInAPIView):
    @extend_schema(
        operation_id="teams_progress",
        responses={
            200: inline_serializer(
                "TeamProgress",
                {
                    "team": serializers.CharField(),
                    "courses": serializers.ListField(child=serializers.DictField()),
                    "members": serializers.ListField(child=serializers.DictField()),
                    "counts": serializers.DictField(),
                    "skill_gaps": serializers.ListField(child=serializers.DictField()),
                },
            ),
            **ERRORS,
        },
    )
    def get(self, request, pk):
        """Members × courses for a team you lead (and the teams below it); another team is a 404."""
        team = services.team_for(request.user, pk)
        matrix = dashboards.build_matrix(teams=descendants([team]))
        data = matrix_data(matrix)
        data["team"] = team.name
        data["skill_gaps"] = dashboards.skill_gaps(user_ids=[m["id"] for m in data["members"]])
        return Response(data)


class Compliance(SignedInAPIView):
    @extend_schema(operation_id="organisation_compliance", responses={200: OpenApiTypes.OBJECT, **ERRORS})
    def get(self, request):
        """HR: per team and course, how many members hold a current certificate."""
        roles.require_hr(request.user)
        data = dashboards.compliance()
        return Response(
            {
                "courses": [{"id": c.pk, "title": c.title} for c in data["courses"]],
                "teams": [
                    {
                        "id": r["team"].pk,
                        "name": r["team"].name,
                        "members": r["members"],
                        "courses": [
                            {"course": c.pk, **cell}
                            for c, cell in zip(data["courses"], r["cells"], strict=True)
                        ],
                    }
                    for r in data["rows"]
                ],
            }
        )


class Cascade(SignedInAPIView):
    @extend_schema(
        operation_id="organisation_cascade",
        responses={
            200: inline_serializer(
                "CascadeTeam",
                {
                    "team": serializers.CharField(),
                    "team_id": serializers.IntegerField(),
                    "leader": serializers.CharField(allow_null=True),
                    "members": serializers.IntegerField(),
                    "courses": serializers.ListField(child=serializers.JSONField()),
                    "children": serializers.ListField(child=serializers.JSONField()),
                },
                many=True,
            ),
            **ERRORS,
        },
    )
    def get(self, request):
        """HR: the leaders-first cascade as a tree of teams."""
        roles.require_hr(request.user)
        return Response(dashboards.cascade())


class ExpiriesQuery(FilterParameters):
    within = QueryChoice([30, 60, 90], default=30, help_text="Days ahead (default 30).")


class Expiries(SignedInAPIView):
    @extend_schema(
        operation_id="organisation_expiries",
        parameters=[ExpiriesQuery],
        responses={
            200: inline_serializer(
                "ExpiringCertificate",
                {
                    "id": serializers.IntegerField(),
                    "holder": serializers.CharField(),
                    "course": serializers.CharField(),
                    "expires_on": serializers.DateField(),
                    "code": serializers.CharField(),
                },
                many=True,
            ),
            **ERRORS,
        },
    )
    def get(self, request):
        """HR: current certificates expiring within 30, 60 or 90 days."""
        roles.require_hr(request.user)
        within = ExpiriesQuery.read(request)["within"]
        return Response(
            [
                {
                    "id": c.pk,
                    "holder": c.holder_name,
                    "course": c.course_title,
                    "expires_on": c.expires_on,
                    "code": c.code,
                }
                for c in dashboards.expiring(within=within)
            ]
        )


class NudgeSerializer(serializers.Serializer):
    people = serializers.ListField(child=IdField(), min_length=1, max_length=1000)
    message = serializers.CharField(max_length=1000)


class Nudges(SignedInAPIView):
    @extend_schema(
        operation_id="nudges_create",
        request=NudgeSerializer,
        responses={201: inline_serializer("NudgeResult", {"sent": serializers.IntegerField()}), **ERRORS},
    )
    def post(self, request):
        """Leaders (and HR): send a nudge by email and in-app to people in teams you lead."""
        data = NudgeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        people = list(get_user_model().objects.filter(pk__in=data.validated_data["people"]))
        if len(people) != len(set(data.validated_data["people"])):
            raise LMSError(_("Some of those people do not exist."), code="user_not_found", status=404)
        sent = services.nudge(
            sender=request.user,
            recipients=people,
            message=data.validated_data["message"],
            origin=Origin.of(request),
        )
        return Response({"sent": len(sent)}, status=status.HTTP_201_CREATED)


class StaffImport(SignedInAPIView):
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        operation_id="staff_imports_create",
        request={
            "multipart/form-data": inline_serializer(
                "StaffImportRequest",
                {"file": serializers.FileField(), "dry_run": serializers.BooleanField(default=True)},
            )
        },
        responses={
            200: OpenApiTypes.OBJECT,
            400: OpenApiTypes.OBJECT,
            401: ErrorSerializer,
            403: ErrorSerializer,
        },
    )
    def post(self, request):
        """HR: import staff and teams from CSV. All or nothing; errors list every bad row by line number."""
        roles.require_hr(request.user)
        upload = request.FILES.get("file")
        if upload is None:
            raise LMSError("file: upload a CSV file.", code="invalid")
        dry_run = str(request.data.get("dry_run", "true")).lower() not in ("false", "0", "no")
        report = staff_import.run(upload=upload, by=request.user, dry_run=dry_run, origin=Origin.of(request))
        body = {
            "applied": report.applied,
            "dry_run": dry_run,
            "changes": report.changes,
            "errors": [{"line": line, "message": message} for line, message in report.errors],
        }
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
