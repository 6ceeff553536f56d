"""Policy updates in the API (/api/v1/): a policy's versions and what changed, my policy updates and
confirming one (answers checked on the server; the right answers are sent only after answering), HR's
opening to everyone, and questions about a policy. Same rules as the pages: ``services``/``selectors``."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from courses.models import Policy
from courses.models.snippets import PolicyVersion
from lms.core import roles
from lms.core.api.query import QueryChoice, QueryCount, QueryParameters
from lms.core.api.serializers import ErrorSerializer
from lms.core.api.views import SignedInAPIView
from lms.core.audit import Origin
from lms.core.exceptions import NotFound
from lms.core.names import display_name

from . import selectors, services
from .models import AttestationState, PolicyQuestion

ERRORS = dict.fromkeys((400, 401, 403, 404, 409), ErrorSerializer)
MAX_VERSION = 100_000


def _get_policy(policy_id: int) -> Policy:
    # Asked by a translation's id too: questions and versions belong to the original.
    policy = Policy.objects.filter(live=True).originals_by_pk([policy_id]).get(policy_id)
    if policy is None:
        raise NotFound(_("There is no published policy %(id)s.") % {"id": policy_id}, code="policy_not_found")
    return policy


# --- Versions -----------------------------------------------------------------------------------------------


class PolicySegmentSerializer(serializers.Serializer):
    change = serializers.ChoiceField(choices=["same", "added", "removed"])
    text = serializers.CharField()


class PolicyDiffSerializer(serializers.Serializer):
    from_version = serializers.IntegerField(allow_null=True)
    to_version = serializers.IntegerField()
    body = PolicySegmentSerializer(many=True, help_text="The policy text, word by word.")
    customer_words = PolicySegmentSerializer(many=True, help_text="What we tell customers, word by word.")


class PolicyVersionSerializer(serializers.Serializer):
    version = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=PolicyVersion.Kind.choices)
    summary = serializers.CharField(allow_blank=True)
    published_at = serializers.DateTimeField()
    published_by = serializers.CharField(allow_blank=True)


class PolicyFaqSerializer(serializers.Serializer):
    question = serializers.CharField()
    answer = serializers.CharField()
    answered_at = serializers.DateTimeField()


class PolicyVersionsSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    title = serializers.CharField()
    version = serializers.IntegerField()
    customer_words = serializers.CharField(allow_blank=True)
    versions = PolicyVersionSerializer(many=True)
    diff = PolicyDiffSerializer(
        allow_null=True, help_text="Between `from` and `to` (default: the last change)."
    )
    faqs = PolicyFaqSerializer(many=True, help_text="Questions answered once for everyone.")


class VersionsQuery(QueryParameters):
    to = QueryCount(max_value=MAX_VERSION, help_text="The newer version (default: the current one).")
    # ``from`` is a Python keyword: declared below.


VersionsQuery._declared_fields["from"] = QueryCount(
    max_value=MAX_VERSION, help_text="The older version (default: the one before `to`)."
)


def _diff_data(diff: dict | None) -> dict | None:
    if diff is None:
        return None
    return {
        **diff,
        "body": [{"change": c, "text": t} for c, t in diff["body"]],
        "customer_words": [{"change": c, "text": t} for c, t in diff["customer_words"]],
    }


class PolicyVersions(SignedInAPIView):
    @extend_schema(
        operation_id="policy_versions_retrieve",
        parameters=[VersionsQuery],
        responses={200: PolicyVersionsSerializer, **ERRORS},
    )
    def get(self, request, policy_id):
        """A published policy's versions, what changed between two of them, and its FAQs."""
        query = VersionsQuery.read(request)
        policy = _get_policy(policy_id)
        versions = list(policy.versions.select_related("published_by"))
        newer = query.get("to", policy.version)
        older = query.get("from")
        if older is None:
            older = max((v.version for v in versions if v.version < newer), default=None)
        if older is not None and older >= newer:
            raise services.Invalid(_("`from` must be an older version than `to`."), code="invalid_query")
        diff = policy.versions.model.compare(policy, older, newer) if older is not None else None
        return Response(
            {
                "id": policy.pk,
                "slug": policy.slug,
                "title": policy.title,
                "version": policy.version,
                "customer_words": policy.customer_words,
                "versions": [
                    {
                        "version": v.version,
                        "kind": v.kind,
                        "summary": v.summary,
                        "published_at": v.published_at,
                        "published_by": display_name(v.published_by) if v.published_by else "",
                    }
                    for v in versions
                ],
                "diff": _diff_data(diff),
                "faqs": [
                    {"question": q.faq_question or q.text, "answer": q.answer, "answered_at": q.answered_at}
                    for q in selectors.faqs(policy)
                ],
            }
        )


# --- My policy updates --------------------------------------------------------------------------------------


class PolicyQuestionOutSerializer(serializers.Serializer):
    question = serializers.CharField()
    choices = serializers.ListField(
        child=serializers.CharField(), help_text="Answer with a choice's position."
    )


class PolicyUpdateSerializer(serializers.Serializer):
    version_id = serializers.IntegerField()
    policy = serializers.CharField(help_text="The policy's slug.")
    title = serializers.CharField()
    version = serializers.IntegerField()
    summary = serializers.CharField(allow_blank=True)
    due_on = serializers.DateField()
    state = serializers.ChoiceField(choices=AttestationState.choices)
    may_attest = serializers.BooleanField(help_text="Open for you now (leaders first, or HR opened it).")
    questions = PolicyQuestionOutSerializer(many=True)


class UpdatesQuery(QueryParameters):
    state = QueryChoice(AttestationState.values, help_text="Only updates in this state.")


def _update_data(due) -> dict:
    return {
        "version_id": due.version.pk,
        "policy": due.policy.slug,
        "title": due.version.title,
        "version": due.version.version,
        "summary": due.version.summary,
        "due_on": due.due_on,
        "state": due.state,
        "may_attest": due.may_attest,
        "questions": [
            {"question": b.value["question"], "choices": [c["text"] for c in b.value["choices"]]}
            for b in due.version.questions
        ],
    }


class MyUpdates(SignedInAPIView):
    @extend_schema(
        operation_id="policy_updates_list",
        parameters=[UpdatesQuery],
        responses={200: PolicyUpdateSerializer(many=True), **ERRORS},
    )
    def get(self, request):
        """The policy updates I still have to read and confirm."""
        state = UpdatesQuery.read(request).get("state")
        return Response(
            [_update_data(d) for d in selectors.due_for(request.user) if not state or d.state == state]
        )


class PolicyAttestSerializer(serializers.Serializer):
    answers = serializers.ListField(
        child=serializers.IntegerField(min_value=0, max_value=20),
        max_length=20,
        help_text="One choice per question.",
    )
    read_and_will_apply = serializers.BooleanField(help_text="“I have read this and will apply it.”")


class PolicyResultSerializer(serializers.Serializer):
    question = serializers.CharField()
    chosen = serializers.IntegerField()
    correct = serializers.BooleanField()
    right_answer = serializers.IntegerField()
    explanation = serializers.CharField()


class PolicyAttestResultSerializer(serializers.Serializer):
    attested = serializers.BooleanField(help_text="False when an answer was wrong: read the explanations.")
    results = PolicyResultSerializer(many=True)


class Attest(SignedInAPIView):
    @extend_schema(
        operation_id="policy_updates_attest",
        request=PolicyAttestSerializer,
        responses={200: PolicyAttestResultSerializer, **ERRORS},
    )
    def post(self, request, version_id):
        """Confirm a policy update: answer its questions and say you have read it and will apply it."""
        data = PolicyAttestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        version = services.get_version(version_id)
        result = services.attest(
            person=request.user,
            version=version,
            answers=data.validated_data["answers"],
            read_and_will_apply=data.validated_data["read_and_will_apply"],
            origin=Origin.of(request),
        )
        return Response(result)


class PolicyOpenSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class OpenForEveryone(SignedInAPIView):
    @extend_schema(
        operation_id="policy_updates_open",
        request=PolicyOpenSerializer,
        responses={201: PolicyOpenSerializer, **ERRORS},
    )
    def post(self, request, version_id):
        """HR: open a policy update to everyone now, without waiting for leaders (logged with the reason)."""
        if not roles.is_hr(request.user):
            raise services.Refused(_("Only HR can open a policy update for everyone."), code="hr_only")
        data = PolicyOpenSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.open_for_everyone(
            version=services.get_version(version_id),
            by=request.user,
            reason=data.validated_data["reason"],
            origin=Origin.of(request),
        )
        return Response(data.validated_data, status=status.HTTP_201_CREATED)


# --- Questions ----------------------------------------------------------------------------------------------


class PolicyQuestionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    policy = serializers.CharField(help_text="The policy's slug.")
    kind = serializers.ChoiceField(choices=PolicyQuestion.Kind.choices)
    text = serializers.CharField()
    asked_at = serializers.DateTimeField()
    asker = serializers.CharField(allow_blank=True, help_text="Shown to whoever answers; blank on your own.")
    answer = serializers.CharField(allow_blank=True)
    answered_at = serializers.DateTimeField(allow_null=True)
    faq = serializers.BooleanField()


class PolicyAskSerializer(serializers.Serializer):
    policy = serializers.SlugField(max_length=80)
    kind = serializers.ChoiceField(choices=PolicyQuestion.Kind.choices, default=PolicyQuestion.Kind.QUESTION)
    text = serializers.CharField(max_length=2000)


class QuestionsQuery(QueryParameters):
    role = QueryChoice(
        ["mine", "to_answer"], help_text="Questions I asked (default), or waiting for my answer."
    )


def _question_data(q: PolicyQuestion, *, show_asker: bool) -> dict:
    return {
        "id": q.pk,
        "policy": q.policy.slug,
        "kind": q.kind,
        "text": q.text,
        "asked_at": q.asked_at,
        "asker": display_name(q.asker) if show_asker else "",
        "answer": q.answer,
        "answered_at": q.answered_at,
        "faq": q.faq,
    }


class Questions(SignedInAPIView):
    @extend_schema(
        operation_id="policy_questions_list",
        parameters=[QuestionsQuery],
        responses={200: PolicyQuestionSerializer(many=True), **ERRORS},
    )
    def get(self, request):
        """Questions I asked, or (``role=to_answer``) those waiting for my answer."""
        role = QuestionsQuery.read(request).get("role", "mine")
        if role == "to_answer":
            rows = selectors.questions_for(request.user).order_by("asked_at")[:200]
            return Response([_question_data(q, show_asker=True) for q in rows])
        return Response(
            [_question_data(q, show_asker=False) for q in selectors.questions_asked_by(request.user)[:200]]
        )

    @extend_schema(
        operation_id="policy_questions_create",
        request=PolicyAskSerializer,
        responses={201: PolicyQuestionSerializer, **ERRORS},
    )
    def post(self, request):
        """Ask about a policy, or say it makes things hard for customers: it goes to your leader first."""
        data = PolicyAskSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        question = services.ask(
            person=request.user,
            policy=services.get_policy(data.validated_data["policy"]),
            text=data.validated_data["text"],
            kind=data.validated_data["kind"],
        )
        return Response(_question_data(question, show_asker=False), status=status.HTTP_201_CREATED)


class PolicyAnswerSerializer(serializers.Serializer):
    answer = serializers.CharField(max_length=4000)


class AnswerQuestion(SignedInAPIView):
    @extend_schema(
        operation_id="policy_questions_answer",
        request=PolicyAnswerSerializer,
        responses={200: PolicyQuestionSerializer, **ERRORS},
    )
    def post(self, request, question_id):
        """Answer a question waiting for you (HR may answer any)."""
        data = PolicyAnswerSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        question = services.answer(
            question=services.get_question(question_id), by=request.user, text=data.validated_data["answer"]
        )
        return Response(_question_data(question, show_asker=True))


class PolicyPublishSerializer(serializers.Serializer):
    wording = serializers.CharField(max_length=300, required=False, allow_blank=True)


class PublishQuestion(SignedInAPIView):
    @extend_schema(
        operation_id="policy_questions_publish",
        request=PolicyPublishSerializer,
        responses={200: PolicyQuestionSerializer, **ERRORS},
    )
    def post(self, request, question_id):
        """Publish an answered question on its policy for everyone (HR, or whoever answered it)."""
        data = PolicyPublishSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        question = services.publish_faq(
            question=services.get_question(question_id),
            by=request.user,
            wording=data.validated_data.get("wording", ""),
        )
        return Response(_question_data(question, show_asker=True))
