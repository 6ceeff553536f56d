"""The boosters and course-feedback API, under /api/v1/. Thin: read the body, call a service, render."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.response import Response

from courses.services import get_course
from lms.core import roles
from lms.core.api.serializers import ErrorSerializer
from lms.core.api.views import SignedInAPIView
from lms.core.audit import Origin
from lms.core.exceptions import NotFound
from lms.core.models import Team

from . import feedback, questions, selectors, services
from . import serializers as s

ERRORS = dict.fromkeys((400, 401, 403, 404, 409), ErrorSerializer)


def question_data(card) -> dict:
    """A booster as the learner sees it before answering: the public question and its course."""
    return {
        **questions.learner_view(card.question),
        "id": card.pk,
        "course": {"id": card.course_id, "title": card.course.title},
    }


class BoosterSet(SignedInAPIView):
    @extend_schema(operation_id="boosters_list", responses={200: s.BoosterSetSerializer, **ERRORS})
    def get(self, request):
        """The booster questions waiting for me now (a short set per course whose certificate I hold), with
        nothing that reveals an answer. Empty while my boosters are paused."""
        cards = services.due_set(user=request.user)
        return Response(
            {"paused": services.is_paused(request.user), "questions": [question_data(c) for c in cards]}
        )


class BoosterAnswer(SignedInAPIView):
    @extend_schema(
        operation_id="boosters_answer",
        request=s.BoosterAnswerRequestSerializer,
        responses={
            200: s.BoosterAnswerResultSerializer,
            **ERRORS,
            409: OpenApiResponse(
                ErrorSerializer,
                description="`booster_not_due`: not in the set waiting (answered already, or not due); "
                "`boosters_paused`.",
            ),
        },
    )
    def post(self, request, pk):
        """Answer one booster question: whether it was right, the explanation at once, and when it comes
        back (FSRS: correct is Good, wrong is Again). Boosters never change a certificate."""
        body = s.BoosterAnswerRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        result = services.answer(user=request.user, card_id=pk, response=body.validated_data["response"])
        return Response(s.BoosterAnswerResultSerializer(result).data)


class BoosterPause(SignedInAPIView):
    @extend_schema(
        operation_id="boosters_pause_retrieve", responses={200: s.BoosterPauseSerializer, **ERRORS}
    )
    def get(self, request):
        """Whether my boosters are paused."""
        return Response({"paused": services.is_paused(request.user)})

    @extend_schema(
        operation_id="boosters_pause_update",
        request=s.BoosterPauseSerializer,
        responses={200: s.BoosterPauseSerializer, **ERRORS},
    )
    def put(self, request):
        """Pause my boosters (leave, a long absence) or resume them. History is kept either way."""
        body = s.BoosterPauseSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        change = services.pause if body.validated_data["paused"] else services.resume
        change(user=request.user, origin=Origin.of(request))
        return Response({"paused": services.is_paused(request.user)})


def visible_team(user, team_id) -> Team:
    """HR sees every team, a leader the teams they lead and those below; any other team looks missing.
    (The site's and evidence's rule: a sibling layer cannot import either, so it reads the same roles.)"""
    teams = Team.objects.all() if roles.is_hr(user) else roles.teams_led_by(user)
    team = next((t for t in teams if t.pk == team_id), None)
    if team is None:
        raise NotFound(_("You lead no team with id %(id)s.") % {"id": team_id}, code="team_not_found")
    return team


class TeamRecall(SignedInAPIView):
    @extend_schema(operation_id="teams_recall", responses={200: s.TeamRecallSerializer, **ERRORS})
    def get(self, request, pk):
        """Leaders and HR: per skill, the team's current estimated recall from boosters (FSRS
        retrievability), who is slipping below the threshold, and for a skill below it the refresher to
        take before certificates expire."""
        return Response(s.TeamRecallSerializer(selectors.team_recall(visible_team(request.user, pk))).data)


def my_feedback_data(answer) -> dict:
    return {
        "course": {"id": answer.course_id, "title": answer.course.title},
        "rating": answer.rating,
        "comment": answer.comment,
        "modules": [
            {"module": m.module_id, "rating": m.rating, "comment": m.comment}
            for m in sorted(answer.modules.all(), key=lambda m: m.module_id)
        ],
        "updated_at": answer.updated_at,
    }


class MyCourseFeedback(SignedInAPIView):
    @extend_schema(
        operation_id="course_feedback_mine_retrieve", responses={200: s.MyFeedbackSerializer, **ERRORS}
    )
    def get(self, request, pk):
        """My feedback on a course (404 `feedback_not_found` before I have given any)."""
        course = get_course(pk)
        answer = feedback.mine(user=request.user, course=course)
        if answer is None:
            raise NotFound(_("You have not rated this course yet."), code="feedback_not_found")
        return Response(my_feedback_data(answer))

    @extend_schema(
        operation_id="course_feedback_mine_update",
        request=s.FeedbackRequestSerializer,
        responses={200: s.MyFeedbackSerializer, **ERRORS},
    )
    def put(self, request, pk):
        """Rate a course I have finished (1-5) and say what would make it more useful, optionally per
        module. One answer per course: sending again edits it. 403 `course_not_finished` before the end."""
        course = get_course(pk)
        body = s.FeedbackRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        feedback.give(
            user=request.user,
            course=course,
            rating=data["rating"],
            comment=data["comment"],
            modules=data["modules"],
        )
        return Response(my_feedback_data(feedback.mine(user=request.user, course=course)))


class CourseFeedbackSummary(SignedInAPIView):
    @extend_schema(
        operation_id="course_feedback_summary", responses={200: s.FeedbackSummarySerializer, **ERRORS}
    )
    def get(self, request, pk):
        """Authors and HR: the course's and each module's average rating and comments, each shown only
        once enough people have answered it (`min_answers`); never a name."""
        feedback.require_reader(request.user)
        return Response(feedback.summary(course=get_course(pk)))


class FeedbackOverview(SignedInAPIView):
    @extend_schema(
        operation_id="course_feedback_list",
        responses={200: s.FeedbackOverviewSerializer(many=True), **ERRORS},
    )
    def get(self, request):
        """Authors and HR: every course's answers and average, each shown only past the threshold."""
        feedback.require_reader(request.user)
        return Response(feedback.overview())
