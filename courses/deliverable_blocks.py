"""A deliverable step in a lesson: the part of its project the association writes here (a
needs analysis, a logical framework, a budget...), with instructions, a rubric the trainers
score it against, and a due date or none.

The step is identified by its block id, which a translation of the lesson keeps: members of one
association reading the module in Arabic and in French work on the same step of one workbook
(``capacity_lms.workbook``). The kinds are the base layer's
(:mod:`capacity_lms.projects.deliverables`).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from capacity_lms.projects.deliverables import DeliverableKind

MAX_CRITERIA = 12
MAX_LEVELS = 6


class LevelBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("level"), max_length=120)
    points = blocks.IntegerBlock(label=_("points"), min_value=0, max_value=100, default=0)

    class Meta:
        icon = "list-ol"
        label = _("Level")


class CriterionBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("criterion"), max_length=200)
    description = blocks.TextBlock(required=False, label=_("what the trainer looks for"))
    levels = blocks.ListBlock(
        LevelBlock(), min_num=2, max_num=MAX_LEVELS, label=_("levels, from lowest to highest")
    )

    class Meta:
        icon = "tick"
        label = _("Criterion")

    def clean(self, value):
        value = super().clean(value)
        points = [level["points"] for level in value["levels"]]
        if points != sorted(points) or len(set(points)) != len(points):
            raise ValidationError(_("Give the levels rising points, from the lowest level up."))
        return value


class DeliverableValue(blocks.StructValue):
    @property
    def kind_label(self):
        return (
            DeliverableKind(self["kind"]).label if self["kind"] in DeliverableKind.values else ""
        )

    @property
    def max_points(self):
        return rubric_points(self["rubric"])


class DeliverableBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=DeliverableKind.choices, default=DeliverableKind.TEXT, label=_("what is asked")
    )
    title = blocks.CharBlock(label=_("title"), max_length=200)
    instructions = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul"], label=_("instructions")
    )
    rubric = blocks.ListBlock(CriterionBlock(), min_num=0, max_num=MAX_CRITERIA, label=_("rubric"))
    due_date = blocks.DateBlock(required=False, label=_("due date"))
    is_required = blocks.BooleanBlock(
        required=False,
        default=True,
        label=_("required to complete the lesson"),
        help_text=_("The lesson completes when a trainer accepts the association's work."),
    )

    class Meta:
        icon = "clipboard-list"
        label = _("Deliverable")
        value_class = DeliverableValue
        template = "capacity_courses/blocks/deliverable.html"


def rubric_points(rubric):
    """The highest score the rubric gives: the top level of every criterion."""
    return sum(max(level["points"] for level in criterion["levels"]) for criterion in rubric)
