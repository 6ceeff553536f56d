"""API for the catalogue, enrolments, progress and assignments. Thin: validate, call a service, render."""

from django.contrib.auth import get_user_model
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.response import Response

from lms.core.api.fields import IdField
from lms.core.api.query import FilterParameters, QueryChoice, QueryText
from lms.core.api.serializers import ErrorSerializer
from lms.core.api.views import SignedInAPIView
from lms.core.audit import Origin
from lms.core.exceptions import NotFound

from . import page_cache, selectors, services
from .hooks import course_standings
from .models import Enrolment
from .progress import progress_for_enrolments

ERRORS = {
    400: ErrorSerializer,
    401: ErrorSerializer,
    403: ErrorSerializer,
    404: ErrorSerializer,
    409: ErrorSerializer,
}


class AccessSerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=["open", "locked"])
    code = serializers.CharField(allow_blank=True)
    detail = serializers.CharField(allow_blank=True)


class ModuleSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.CharField()
    required = serializers.BooleanField()
    estimated_minutes = serializers.IntegerField()


def _module_data(module, request=None) -> dict:
    return {
        "id": module.pk,
        "title": module.title,
        "url": module.get_url(request),
        "required": module.required,
        "estimated_minutes": module.estimated_minutes,
    }


class StandingSerializer(serializers.Serializer):
    state = serializers.ChoiceField(
        choices=[
            "not_started",
            "in_progress",
            "assessment",
            "awaiting_review",
            "certified",
            "expiring",
            "expired",
            "locked",
        ]
    )
    label = serializers.CharField()
    next_step = serializers.CharField(help_text="The one thing to do next, as every screen shows it.")
    progress = serializers.IntegerField(min_value=0, max_value=100)
    modules_left = serializers.IntegerField()
    reviews_waiting = serializers.IntegerField()
    due_date = serializers.DateField(allow_null=True)
    overdue = serializers.BooleanField()
    expires_on = serializers.DateField(allow_null=True)
    waiting_for = serializers.CharField(allow_null=True, help_text="The leader whose certificate opens it.")
    certificate = serializers.IntegerField(allow_null=True)


def _standing(standing) -> dict | None:
    return standing.as_dict() if standing is not None else None


class CourseSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.CharField()
    summary = serializers.CharField()
    audience = serializers.CharField(help_text="Who should take it, in the author's words.")
    shown_to = serializers.CharField(
        allow_blank=True,
        help_text="The teams (and teams below) and job titles the catalogue offers it to; empty: everyone.",
    )
    in_audience = serializers.BooleanField(
        help_text="Whether it is offered to the caller. HR and editors also see courses offered to others, "
        "and anyone keeps seeing a course they are enrolled in."
    )
    estimated_minutes = serializers.IntegerField()
    skills = serializers.ListField(child=serializers.CharField())
    leaders_first = serializers.BooleanField()
    validity_months = serializers.IntegerField()
    access = AccessSerializer()
    enrolment = serializers.IntegerField(allow_null=True, help_text="The caller's enrolment id, if any.")
    modules = ModuleSerializer(many=True)
    standing = StandingSerializer(allow_null=True, help_text="The caller's state and next step.")


def _course_data(entry: selectors.CatalogueEntry, request) -> dict:
    course = entry.course
    return {
        "id": course.pk,
        "title": course.title,
        "url": course.get_url(request),
        "summary": course.summary,
        "audience": course.audience,
        "shown_to": course.shown_to(),
        "in_audience": entry.in_audience,
        "estimated_minutes": course.estimated_minutes,
        "skills": [s.name for s in course.skills.all()],
        "leaders_first": course.leaders_first,
        "validity_months": course.validity_months,
        "access": entry.access.as_dict(),
        "enrolment": entry.enrolment.pk if entry.enrolment else None,
        "modules": [_module_data(m, request) for m in entry.progress.modules],
        "standing": _standing(entry.standing),
    }


class CatalogueQuery(FilterParameters):
    """The catalogue's filters with their bounds. The catalogue's own reading of them
    (``CatalogueFilters.from_params``, shared with the page) names a bad value first, in its words."""

    q = QueryText(
        max_length=selectors.MAX_SEARCH_LENGTH,
        help_text="Search course titles, summaries and descriptions; every word must match.",
    )
    skill = QueryText(max_length=80, help_text="Only courses covering this skill (its slug).")
    state = QueryChoice(
        selectors.STANDING_STATES,
        allow_blank=False,  # the schema's enum is exactly the standing states (an empty one is still absent)
        help_text="Only courses where the caller's standing is in this state.",
    )


class CourseList(SignedInAPIView):
    @extend_schema(
        operation_id="courses_list",
        parameters=[CatalogueQuery],
        responses={
            200: CourseSerializer(many=True),
            **ERRORS,
            400: OpenApiResponse(
                ErrorSerializer,
                description="`invalid_filter`: an unknown skill or state, or a search too long.",
            ),
        },
    )
    def get(self, request):
        """The catalogue as the caller sees it: the courses offered to them (HR and editors: every
        course), with whether each is open to them; ``q``, ``skill`` and ``state`` narrow it."""
        filters = selectors.CatalogueFilters.from_params(request.query_params)
        page_cache.prime_site(request)  # every course and module carries its URL
        CatalogueQuery.read(request)  # and whatever the catalogue's reading lets through, by the bounds
        entries = filters.apply(selectors.catalogue_for(user=request.user))
        return Response([_course_data(e, request) for e in entries])


class CourseDetail(SignedInAPIView):
    @extend_schema(operation_id="courses_retrieve", responses={200: CourseSerializer, **ERRORS})
    def get(self, request, pk):
        """One live course, whoever it is offered to (``in_audience`` says whether the caller is)."""
        course = services.get_course(pk)
        page_cache.prime_site(request)
        (entry,) = selectors.catalogue_for(user=request.user, only=[course.pk], by_audience=False)
        return Response(_course_data(entry, request))


class NextModuleSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.CharField()


class EnrolmentSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    course = serializers.IntegerField(help_text="The course (page) id.")
    course_title = serializers.CharField(read_only=True)
    progress = serializers.IntegerField(read_only=True, min_value=0, max_value=100)
    state = serializers.ChoiceField(choices=Enrolment.State.choices, read_only=True)
    source = serializers.ChoiceField(choices=Enrolment.Source.choices, read_only=True)
    due_date = serializers.DateField(read_only=True, allow_null=True)
    overdue = serializers.BooleanField(read_only=True)
    completed_modules = serializers.ListField(child=serializers.IntegerField(), read_only=True)
    next_module = NextModuleSerializer(read_only=True, allow_null=True)
    standing = StandingSerializer(
        read_only=True, allow_null=True, help_text="State and next step (null in assignment results)."
    )


class EnrolRequestSerializer(serializers.Serializer):
    course = IdField(help_text="The id of the course to enrol in.")


def enrolment_data(enrolment: Enrolment, progress, request, *, with_standing: bool = True) -> dict:
    nxt = progress.next_module
    standing = getattr(enrolment, "standing", None)
    if standing is None and with_standing:
        standing = course_standings(enrolment.user, [enrolment.course]).get(enrolment.course_id)
    return {
        "id": enrolment.pk,
        "course": enrolment.course_id,
        "course_title": enrolment.course.title,
        "progress": progress.percent,
        "state": enrolment.state,
        "source": enrolment.source,
        "due_date": enrolment.due_date,
        "overdue": standing.overdue if standing is not None else enrolment.is_overdue,
        "completed_modules": sorted(progress.done_ids),
        "next_module": {"id": nxt.pk, "title": nxt.title, "url": nxt.get_url(request)} if nxt else None,
        "standing": _standing(standing),
    }


class EnrolmentList(SignedInAPIView):
    @extend_schema(operation_id="enrolments_list", responses={200: EnrolmentSerializer(many=True), **ERRORS})
    def get(self, request):
        """The caller's enrolments, overdue and soonest due first."""
        rows = selectors.my_training(user=request.user)
        page_cache.prime_site(request)
        return Response([enrolment_data(e, p, request) for e, p in rows])

    @extend_schema(
        operation_id="enrolments_create",
        request=EnrolRequestSerializer,
        responses={
            201: EnrolmentSerializer,
            403: OpenApiResponse(
                ErrorSerializer, description="`leaders_first`: the course is locked for you."
            ),
            409: OpenApiResponse(ErrorSerializer, description="`already_enrolled`."),
            400: ErrorSerializer,
            404: ErrorSerializer,
        },
    )
    def post(self, request):
        """Enrol the caller in a course."""
        data = EnrolRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        course = services.get_course(data.validated_data["course"])
        enrolment = services.enrol(user=request.user, course=course)
        progress = progress_for_enrolments([enrolment])[enrolment.pk]
        return Response(enrolment_data(enrolment, progress, request), status=status.HTTP_201_CREATED)


class EnrolmentDetail(SignedInAPIView):
    @extend_schema(operation_id="enrolments_retrieve", responses={200: EnrolmentSerializer, **ERRORS})
    def get(self, request, pk):
        enrolment = services.enrolment_for(user=request.user, enrolment_id=pk)
        progress = progress_for_enrolments([enrolment])[enrolment.pk]
        return Response(enrolment_data(enrolment, progress, request))


class CompleteModule(SignedInAPIView):
    @extend_schema(
        operation_id="enrolments_modules_complete",
        request=None,
        responses={200: EnrolmentSerializer, **ERRORS},
    )
    def post(self, request, pk, module_id):
        """Mark a module of one of your courses as done. Repeating it changes nothing."""
        enrolment, progress = services.complete_module(
            user=request.user, enrolment_id=pk, module_id=module_id
        )
        return Response(enrolment_data(enrolment, progress, request))


class AssignmentRequestSerializer(serializers.Serializer):
    course = IdField()
    users = serializers.ListField(child=IdField(), min_length=1, max_length=1000)
    due_date = serializers.DateField(required=False, allow_null=True)


class AssignmentCreate(generics.GenericAPIView):
    permission_classes = SignedInAPIView.permission_classes
    pagination_class = None  # it lists nothing (the schema would otherwise offer limit and offset)
    serializer_class = AssignmentRequestSerializer

    @extend_schema(
        operation_id="assignments_create",
        request=AssignmentRequestSerializer,
        responses={201: EnrolmentSerializer(many=True), **ERRORS},
    )
    def post(self, request):
        """Assign a course with a due date to people in teams you lead (HR: anyone).

        All or nothing: if anyone in the list cannot be assigned, nobody is.
        """
        data = self.get_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        course = services.get_course(data.validated_data["course"])
        wanted = set(data.validated_data["users"])
        learners = {u.pk: u for u in get_user_model().objects.filter(pk__in=wanted, is_active=True)}
        missing = sorted(wanted - set(learners))
        if missing:
            raise NotFound(f"No active person with id {', '.join(map(str, missing))}.", code="user_not_found")
        enrolments = services.assign_many(
            course=course,
            learners=list(learners.values()),
            assigned_by=request.user,
            due_date=data.validated_data.get("due_date"),
            origin=Origin.of(request),
        )
        progress = progress_for_enrolments(enrolments)
        return Response(
            # Standings are each person's own (see their enrolments or the team's progress).
            [enrolment_data(e, progress[e.pk], request, with_standing=False) for e in enrolments],
            status=status.HTTP_201_CREATED,
        )
