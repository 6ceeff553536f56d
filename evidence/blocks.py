"""The scorecard's structure as authored in the Wagtail admin: sections of weighted criteria."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

YES_NO = "yes_no"
ONE_TO_FIVE = "1_5"
SCALES = [(YES_NO, _("Yes or no")), (ONE_TO_FIVE, _("1 to 5"))]


class CriterionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("what the checker looks for"), max_length=200)
    skill = SnippetChooserBlock("lms_courses.Skill", label=_("skill"))
    weight = blocks.IntegerBlock(label=_("weight"), min_value=1, max_value=100, default=1)
    scale = blocks.ChoiceBlock(label=_("answer scale"), choices=SCALES, default=YES_NO)
    allow_na = blocks.BooleanBlock(label=_("“not applicable” allowed"), required=False, default=True)
    critical = blocks.BooleanBlock(
        label=_("critical"),
        required=False,
        help_text=_("Missing it fails the whole check (a “no”, or 1 or 2 on a 1–5 scale)."),
    )

    class Meta:
        icon = "tick"


class SectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("section"), max_length=120)
    criteria = blocks.ListBlock(CriterionBlock(), label=_("criteria"), min_num=1)

    class Meta:
        icon = "list-ul"
