"""API for attempts and reviews. Thin: validate, call a service, render."""

from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.response import Response

from courses.api import StandingSerializer
from courses.services import get_course
from lms.core import roles
from lms.core.api.serializers import ErrorSerializer
from lms.core.api.views import SignedInAPIView
from lms.core.audit import Origin
from lms.core.exceptions import Conflict, Forbidden, NotFound
from lms.core.names import display_name

from . import question_types, selectors, services
from .models import AssessmentPage, Attempt, Review
from .questions import public_question
from .results import result_for
from .stats import question_statistics, skill_statistics

ERRORS = dict.fromkeys((400, 401, 403, 404, 409), ErrorSerializer)


class OptionSerializer(serializers.Serializer):
    id = serializers.CharField()
    text = serializers.CharField()


class PublicQuestionSerializer(serializers.Serializer):
    id = serializers.CharField()
    type = serializers.ChoiceField(choices=[])  # from the registry, in get_fields
    dimension = serializers.ChoiceField(choices=["awareness", "skill"])
    skills = serializers.ListField(child=serializers.CharField())
    scenario = serializers.CharField(allow_blank=True)
    prompt = serializers.CharField()
    options = OptionSerializer(many=True)

    def get_fields(self):
        fields = super().get_fields()
        # Read when the schema is built, not at import, so a type a host app registers later is listed.
        fields["type"] = serializers.ChoiceField(choices=question_types.names())
        return fields


class AttemptSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    course = serializers.IntegerField()
    number = serializers.IntegerField()
    state = serializers.ChoiceField(choices=Attempt.State.choices)
    started_at = serializers.DateTimeField()
    expires_at = serializers.DateTimeField(allow_null=True)
    seconds_left = serializers.IntegerField(allow_null=True)
    questions = PublicQuestionSerializer(many=True)
    answers = serializers.DictField(
        child=serializers.JSONField(),
        help_text="Saved responses by question id: an option id, a list of option ids, or text.",
    )


def attempt_data(attempt: Attempt, *, new: bool = False) -> dict:
    """``new``: the attempt was started just now, so nothing is saved on it yet."""
    seconds_left = None
    if attempt.expires_at and attempt.is_open:
        seconds_left = max(0, int((attempt.expires_at - timezone.now()).total_seconds()))
    return {
        "id": attempt.pk,
        "course": attempt.course_id,
        "number": attempt.number,
        "state": attempt.state,
        "started_at": attempt.started_at,
        "expires_at": attempt.expires_at,
        "seconds_left": seconds_left,
        "questions": [public_question(q) for q in attempt.snapshot["questions"]],
        "answers": {} if new else services.saved_answers(attempt),
    }


class SkillResultSerializer(serializers.Serializer):
    skill = serializers.CharField()
    slug = serializers.CharField()
    awareness = serializers.IntegerField(allow_null=True)
    skill_score = serializers.IntegerField(allow_null=True)


class ReviewOptionsSerializer(serializers.Serializer):
    answers = serializers.BooleanField(
        help_text="Whether the keys are in this result: on each question `credit` (0-100) and the type's "
        "answer fields (`correct_options`, `option_quality`, `correct_order`, `rubric`…), and on each "
        "option `correct` or `quality` and `quality_label`. Otherwise options carry only `id`, `text`, "
        "`chosen`."
    )
    explanations = serializers.BooleanField(
        help_text="Whether each question's `explanation` (and a written reply's `model_answer`) is in it."
    )
    note = serializers.CharField(
        allow_blank=True, help_text="What is hidden and when it shows, in plain words; empty when nothing is."
    )


class ResultStandingSerializer(StandingSerializer):
    next_url = serializers.CharField(
        help_text="Where the next step happens: a module, the assessment, the course."
    )
    certificate_url = serializers.CharField(
        allow_null=True,
        help_text="The learner's certificate page; with `?issued=1` (the moment it is issued) when this "
        "attempt's pass earned it.",
    )


class ResultSerializer(serializers.Serializer):
    """An attempt's result. What it holds of the keys follows the assessment's review options (`review`):
    by default the keys and explanations appear only after a pass or the last attempt. The learner's own
    responses, the scores, the skills that fell short and a leader's marks and comment always do."""

    id = serializers.IntegerField()
    state = serializers.ChoiceField(choices=Attempt.State.choices)
    passed = serializers.BooleanField(allow_null=True)
    timed_out = serializers.BooleanField()
    awareness_score = serializers.IntegerField(allow_null=True)
    skill_score = serializers.IntegerField(allow_null=True)
    skills = SkillResultSerializer(many=True)
    verdicts = serializers.ListField(child=serializers.CharField())
    provisional = serializers.DictField(
        allow_null=True,
        help_text="While awaiting review: scores from what is marked so far (the automatically marked "
        "questions and the written replies a leader has graded).",
    )
    questions = serializers.ListField(
        child=serializers.DictField(),
        help_text="Per question: `id`, `type`, `dimension`, `skills`, `scenario`, `prompt`, `response` (the "
        "learner's own), `options` (`id`, `text`, `chosen`), and `review` (`state`, `marks`, `comment`, "
        "`criteria`: marks per rubric criterion once graded) for a written reply; keys as `review` says.",
    )
    observation = serializers.ListField(child=serializers.DictField())
    thresholds = serializers.DictField(child=serializers.IntegerField())
    review = ReviewOptionsSerializer(
        help_text="What of the keys this result shows, under the review options."
    )
    standing = ResultStandingSerializer(
        allow_null=True,
        help_text="The learner's standing in the course after this attempt: its state and the one next step.",
    )


class StartAttempt(SignedInAPIView):
    @extend_schema(
        operation_id="courses_attempts_create",
        request=None,
        responses={
            201: AttemptSerializer,
            200: OpenApiResponse(AttemptSerializer, description="The attempt already open."),
            **ERRORS,
        },
    )
    def post(self, request, pk):
        """Start an attempt on the course's assessment, or get the one already open.

        Refusals carry a `code`: `not_enrolled`, `modules_incomplete` (the required modules come first,
        unless the course opens its assessment early), `leaders_first`, `attempt_limit`, `cooldown`,
        `awaiting_review`, `already_passed`, `no_assessment`.
        """
        attempt, created = services.start_attempt(user=request.user, course=get_course(pk))
        return Response(
            attempt_data(attempt, new=created),
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class AnswersSerializer(serializers.Serializer):
    answers = serializers.DictField(child=serializers.JSONField(allow_null=True))


class AttemptDetail(SignedInAPIView):
    @extend_schema(operation_id="attempts_retrieve", responses={200: AttemptSerializer, **ERRORS})
    def get(self, request, pk):
        """An attempt with its questions (never their keys) and the answers saved so far."""
        return Response(attempt_data(services.own_attempt(user=request.user, attempt_id=pk)))

    @extend_schema(
        operation_id="attempts_autosave",
        request=AnswersSerializer,
        responses={200: AttemptSerializer, **ERRORS},
    )
    def patch(self, request, pk):
        """Autosave: store responses by question id. All or none; `time_up` once the time limit has passed."""
        data = AnswersSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        attempt = services.save_answers(
            user=request.user, attempt_id=pk, answers=data.validated_data["answers"]
        )
        return Response(attempt_data(attempt))


class SubmitAttempt(SignedInAPIView):
    @extend_schema(operation_id="attempts_submit", request=None, responses={200: ResultSerializer, **ERRORS})
    def post(self, request, pk):
        """Submit once. A repeat returns the same result, with the keys the review options allow."""
        attempt = services.submit(user=request.user, attempt_id=pk)
        return Response(result_for(attempt))


class AttemptResult(SignedInAPIView):
    @extend_schema(operation_id="attempts_result", responses={200: ResultSerializer, **ERRORS})
    def get(self, request, pk):
        """Per-question feedback and the per-skill breakdown, after submission only; the keys and
        explanations as the assessment's review options allow, and the learner's next step."""
        attempt = services.own_attempt(user=request.user, attempt_id=pk)
        if attempt.is_open:
            raise Conflict("Submit the attempt to see its result.", code="attempt_open")
        return Response(result_for(attempt))


class ReviewSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=Review.Kind.choices)
    state = serializers.ChoiceField(choices=Review.State.choices)
    learner = serializers.CharField()
    course = serializers.CharField()
    attempt = serializers.IntegerField()
    submitted_at = serializers.DateTimeField()
    question = serializers.DictField(allow_null=True)
    response = serializers.CharField(allow_blank=True, allow_null=True)
    checklist = serializers.ListField(child=serializers.DictField())
    marks = serializers.DictField()
    comment = serializers.CharField(allow_blank=True)


def review_data(review: Review) -> dict:
    attempt = review.attempt
    question = services.question_of(review)
    response = None
    if question is not None:
        # From the prefetched answers when listing a queue: no query per review.
        response = next((a.response for a in attempt.answers.all() if a.question_id == question["id"]), None)
        question = {
            "id": question["id"],
            "scenario": question["scenario"],
            "prompt": question["prompt"],
            "rubric": question.get("rubric", []),
            "model_answer": question.get("model_answer", ""),
        }
    return {
        "id": review.pk,
        "kind": review.kind,
        "state": review.state,
        "learner": display_name(attempt.learner),
        "course": attempt.course.title,
        "attempt": attempt.pk,
        "submitted_at": attempt.submitted_at,
        "question": question,
        "response": response,
        "checklist": attempt.snapshot.get("observation", [])
        if review.kind == Review.Kind.OBSERVATION
        else [],
        "marks": review.marks,
        "comment": review.comment,
    }


class ReviewList(SignedInAPIView):
    @extend_schema(operation_id="reviews_list", responses={200: ReviewSerializer(many=True), **ERRORS})
    def get(self, request):
        """Written replies and observations waiting for you: your teams, courses you are certified in."""
        return Response([review_data(r) for r in selectors.review_queue(user=request.user)])


class ReviewDetail(SignedInAPIView):
    @extend_schema(operation_id="reviews_retrieve", responses={200: ReviewSerializer, **ERRORS})
    def get(self, request, pk):
        return Response(review_data(services.reviewable(reviewer=request.user, review_id=pk)))


class GradeSerializer(serializers.Serializer):
    marks = serializers.DictField(
        child=serializers.IntegerField(min_value=0, max_value=1000), help_text="Criterion id to points."
    )
    comment = serializers.CharField(max_length=4000)


class GradeReview(SignedInAPIView):
    @extend_schema(
        operation_id="reviews_grade", request=GradeSerializer, responses={200: ReviewSerializer, **ERRORS}
    )
    def post(self, request, pk):
        """Grade a written reply on its rubric, with a comment the learner will read."""
        data = GradeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        review = services.grade_written(
            reviewer=request.user,
            review_id=pk,
            marks=data.validated_data["marks"],
            comment=data.validated_data["comment"],
            origin=Origin.of(request),
        )
        return Response(review_data(review))


class SignOffSerializer(serializers.Serializer):
    items = serializers.ListField(child=serializers.CharField(), min_length=1)
    note = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")


class SignOffReview(SignedInAPIView):
    @extend_schema(
        operation_id="reviews_sign_off",
        request=SignOffSerializer,
        responses={200: ReviewSerializer, **ERRORS},
    )
    def post(self, request, pk):
        """Sign off observed behaviours item by item; the observation is done when all are signed."""
        data = SignOffSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        review = services.sign_off(
            reviewer=request.user,
            review_id=pk,
            items=data.validated_data["items"],
            note=data.validated_data["note"],
            origin=Origin.of(request),
        )
        return Response(review_data(review))


class AssessmentStatistics(SignedInAPIView):
    @extend_schema(
        operation_id="assessments_statistics",
        responses={
            200: inline_serializer(
                "AssessmentStatistics",
                {
                    "questions": serializers.ListField(child=serializers.DictField()),
                    "skills": serializers.ListField(child=serializers.DictField()),
                },
            ),
            **ERRORS,
        },
    )
    def get(self, request, pk):
        """Item statistics for authors and HR: facility and discrimination per question, skill averages."""
        if not roles.can_see_statistics(request.user):
            raise Forbidden("Item statistics are for course authors and HR.", code="permission_denied")
        assessment = AssessmentPage.objects.filter(pk=pk).first()
        if assessment is None:
            raise NotFound(f"There is no assessment with id {pk}.", code="assessment_not_found")
        return Response(
            {"questions": question_statistics(assessment), "skills": skill_statistics(assessment)}
        )
