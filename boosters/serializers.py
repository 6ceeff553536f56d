"""What the boosters and feedback API send and accept."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .models.feedback import COMMENT_MAX


@extend_schema_field(
    {
        "oneOf": [
            {"type": "string", "maxLength": 200},
            {"type": "array", "items": {"type": "string", "maxLength": 200}, "maxItems": 50},
        ],
        "description": "An option id (single choice, true/false, judgement), or a list of option ids "
        "(multiple response; the steps in order for sequencing).",
    }
)
class BoosterResponseField(serializers.JSONField):
    pass


class BoosterOptionSerializer(serializers.Serializer):
    id = serializers.CharField()
    text = serializers.CharField()


class FeedbackCourseSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()


class BoosterQuestionSerializer(serializers.Serializer):
    """A question as asked: nothing that reveals its answer."""

    id = serializers.IntegerField(help_text="The booster's id, to answer it with.")
    course = FeedbackCourseSerializer()
    type = serializers.CharField()
    dimension = serializers.ChoiceField(choices=["awareness", "skill"])
    skills = serializers.ListField(child=serializers.CharField())
    scenario = serializers.CharField(allow_blank=True)
    prompt = serializers.CharField(allow_blank=True)
    options = BoosterOptionSerializer(many=True)


class BoosterSetSerializer(serializers.Serializer):
    paused = serializers.BooleanField()
    questions = BoosterQuestionSerializer(many=True)


class BoosterAnswerRequestSerializer(serializers.Serializer):
    response = BoosterResponseField()


class BoosterResultOptionSerializer(serializers.Serializer):
    id = serializers.CharField()
    text = serializers.CharField()
    chosen = serializers.BooleanField()
    correct = serializers.BooleanField(required=False, help_text="Right or wrong (keyed options).")
    quality = serializers.IntegerField(required=False, help_text="0-100: how good a reply is (judgement).")
    quality_label = serializers.CharField(required=False)


class BoosterAnswerResultSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    correct = serializers.BooleanField(help_text="Full credit: FSRS counts it Good; anything less is Again.")
    credit = serializers.IntegerField(help_text="0-100, as the assessment would score it.")
    response = BoosterResponseField()
    next_due = serializers.DateTimeField(help_text="When FSRS will ask this question again.")
    remaining = serializers.IntegerField(help_text="Questions left in this course's set.")
    explanation = serializers.CharField(allow_blank=True)
    options = BoosterResultOptionSerializer(many=True)
    correct_options = serializers.ListField(child=serializers.CharField(), required=False)
    option_quality = serializers.DictField(child=serializers.IntegerField(), required=False)
    correct_order = BoosterOptionSerializer(many=True, required=False)


class BoosterPauseSerializer(serializers.Serializer):
    paused = serializers.BooleanField()


class RecallRefresherSerializer(serializers.Serializer):
    course_id = serializers.IntegerField(help_text="The course whose certificate it renews.")
    refresher_id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.CharField(allow_null=True)
    before = serializers.DateField(allow_null=True, help_text="The earliest expiry it should come before.")


class RecallSlippingSerializer(serializers.Serializer):
    user_id = serializers.IntegerField()
    name = serializers.CharField()
    recall = serializers.FloatField()
    percent = serializers.IntegerField()
    paused = serializers.BooleanField()
    refreshers = RecallRefresherSerializer(many=True)


class SkillRecallSerializer(serializers.Serializer):
    slug = serializers.CharField()
    skill = serializers.CharField()
    recall = serializers.FloatField(
        help_text="0-1: FSRS retrievability averaged per person, then over people."
    )
    percent = serializers.IntegerField()
    people = serializers.IntegerField()
    below_threshold = serializers.BooleanField()
    slipping = RecallSlippingSerializer(many=True)
    refreshers = RecallRefresherSerializer(many=True)


class TeamRecallSerializer(serializers.Serializer):
    threshold = serializers.FloatField()
    threshold_percent = serializers.IntegerField()
    skills = SkillRecallSerializer(many=True)


class ModuleAnswerSerializer(serializers.Serializer):
    rating = serializers.IntegerField(min_value=1, max_value=5, required=False, allow_null=True)
    comment = serializers.CharField(
        max_length=COMMENT_MAX, required=False, allow_blank=True, trim_whitespace=True
    )


class FeedbackRequestSerializer(serializers.Serializer):
    rating = serializers.IntegerField(min_value=1, max_value=5)
    comment = serializers.CharField(max_length=COMMENT_MAX, required=False, allow_blank=True, default="")
    modules = serializers.DictField(
        child=ModuleAnswerSerializer(),
        required=False,
        default=dict,
        help_text="By module id: that module's rating and comment (both optional). Modules left out keep "
        "what they had; a module sent with neither is cleared.",
    )


class MyModuleFeedbackSerializer(serializers.Serializer):
    module = serializers.IntegerField()
    rating = serializers.IntegerField(allow_null=True)
    comment = serializers.CharField(allow_blank=True)


class MyFeedbackSerializer(serializers.Serializer):
    course = FeedbackCourseSerializer()
    rating = serializers.IntegerField()
    comment = serializers.CharField(allow_blank=True)
    modules = MyModuleFeedbackSerializer(many=True)
    updated_at = serializers.DateTimeField()


class FeedbackFiguresSerializer(serializers.Serializer):
    shown = serializers.BooleanField(help_text="False until enough people have answered: then nothing else.")
    answers = serializers.IntegerField(allow_null=True)
    average = serializers.FloatField(allow_null=True)
    distribution = serializers.ListField(
        child=serializers.IntegerField(), allow_null=True, help_text="How many gave 1, 2, 3, 4 and 5."
    )
    comments = serializers.ListField(child=serializers.CharField(), help_text="Sorted; never a name.")


class ModuleFeedbackFiguresSerializer(FeedbackFiguresSerializer):
    id = serializers.IntegerField()
    title = serializers.CharField()


class FeedbackSummarySerializer(FeedbackFiguresSerializer):
    course = FeedbackCourseSerializer()
    min_answers = serializers.IntegerField()
    modules = ModuleFeedbackFiguresSerializer(many=True)


class FeedbackOverviewSerializer(serializers.Serializer):
    course = FeedbackCourseSerializer()
    shown = serializers.BooleanField()
    answers = serializers.IntegerField(allow_null=True)
    average = serializers.FloatField(allow_null=True)
