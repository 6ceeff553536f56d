"""Question blocks. Awareness questions check what someone knows; skill questions check what they would do."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

AWARENESS = "awareness"
SKILL = "skill"


class SkillsBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(
            SnippetChooserBlock("lms_courses.Skill"), min_num=1, label=_("Skills tested"), **kwargs
        )


class QuestionBlock(blocks.StructBlock):
    # Which score a question counts towards; its type in quizzes.question_types reads it from here.
    dimension = AWARENESS
    skills = SkillsBlock()
    points = blocks.IntegerBlock(default=1, min_value=1, max_value=10)
    explanation = blocks.TextBlock(required=False, help_text=_("Shown only after the learner submits."))


class ChoiceOptionBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    correct = blocks.BooleanBlock(required=False)


class SingleChoiceBlock(QuestionBlock):
    prompt = blocks.TextBlock()
    options = blocks.ListBlock(ChoiceOptionBlock(), min_num=2)

    class Meta:
        icon = "radio-full"
        label = _("Single choice (awareness)")

    def clean(self, value):
        value = super().clean(value)
        if sum(1 for o in value["options"] if o["correct"]) != 1:
            raise StructBlockValidationError(
                block_errors={"options": ValidationError("Mark exactly one option as correct.")}
            )
        return value


class MultipleResponseBlock(QuestionBlock):
    prompt = blocks.TextBlock()
    options = blocks.ListBlock(ChoiceOptionBlock(), min_num=2)

    class Meta:
        icon = "tasks"
        label = _("Multiple response (awareness)")

    def clean(self, value):
        value = super().clean(value)
        if not any(o["correct"] for o in value["options"]):
            raise StructBlockValidationError(
                block_errors={"options": ValidationError("Mark at least one option as correct.")}
            )
        return value


class TrueFalseBlock(QuestionBlock):
    statement = blocks.TextBlock()
    answer = blocks.BooleanBlock(required=False, help_text=_("Tick if the statement is true."))

    class Meta:
        icon = "tick"
        label = _("True or false (awareness)")


class JudgementOptionBlock(blocks.StructBlock):
    text = blocks.TextBlock(help_text=_("What the agent would say, in their own words."))
    quality = blocks.IntegerBlock(
        min_value=0, max_value=100, help_text=_("How good this reply is: best 100, harmful 0.")
    )


class JudgementBlock(QuestionBlock):
    """Situational judgement: several plausible replies, marked best to worst, partial credit."""

    dimension = SKILL
    scenario = blocks.TextBlock()
    prompt = blocks.TextBlock(default="What would you say next?")
    options = blocks.ListBlock(JudgementOptionBlock(), min_num=2)

    class Meta:
        icon = "openquote"
        label = _("Situational judgement (skill)")


class SequencingBlock(QuestionBlock):
    dimension = SKILL
    prompt = blocks.TextBlock()
    steps = blocks.ListBlock(
        blocks.CharBlock(max_length=300), min_num=3, help_text=_("In the correct order.")
    )

    class Meta:
        icon = "list-ol"
        label = _("Sequencing (skill)")


class RubricCriterionBlock(blocks.StructBlock):
    criterion = blocks.CharBlock(max_length=120)
    description = blocks.TextBlock(help_text=_("What full marks looks like."))
    points = blocks.IntegerBlock(min_value=1, max_value=10, default=2)


class WrittenReplyBlock(QuestionBlock):
    """The learner writes what they would say; a certified leader grades it on the rubric."""

    dimension = SKILL
    scenario = blocks.TextBlock()
    prompt = blocks.TextBlock(default="Write what you would say to the customer.")
    rubric = blocks.ListBlock(RubricCriterionBlock(), min_num=1)
    model_answer = blocks.TextBlock(required=False, help_text=_("Shown after grading."))

    class Meta:
        icon = "edit"
        label = _("Written reply (skill, graded by a leader)")


class QuestionChoiceBlock(blocks.StreamBlock):
    # What authors can build. Each child's name is a registered question type whose ``block`` is that
    # child's class (tests/quizzes/test_question_types.py checks it). Listed here, not assembled from
    # the registry, because the types import these classes; names and order are in migrations.
    single_choice = SingleChoiceBlock()
    multiple_response = MultipleResponseBlock()
    true_false = TrueFalseBlock()
    judgement = JudgementBlock()
    sequencing = SequencingBlock()
    written = WrittenReplyBlock()


class PoolBlock(blocks.StructBlock):
    """Draw a few questions at random from a larger set, so attempts differ."""

    title = blocks.CharBlock(max_length=120)
    draw = blocks.IntegerBlock(min_value=1, help_text=_("How many questions to draw for each attempt."))
    questions = QuestionChoiceBlock(min_num=2)

    class Meta:
        icon = "grip"
        label = _("Question pool")

    def clean(self, value):
        value = super().clean(value)
        if value["draw"] > len(value["questions"]):
            raise StructBlockValidationError(
                block_errors={"draw": ValidationError("A pool cannot draw more questions than it holds.")}
            )
        return value


class AssessmentQuestionsBlock(QuestionChoiceBlock):
    pool = PoolBlock()


class ObservationItemBlock(blocks.StructBlock):
    skill = SnippetChooserBlock("lms_courses.Skill")
    behaviour = blocks.CharBlock(
        max_length=200, help_text=_("Something a leader can see or hear on a contact.")
    )

    class Meta:
        icon = "view"
        label = _("Observed behaviour")
