"""StreamField blocks for lesson content, including quizzes.

A quiz lives in the lesson's body as a block: editors write it where it belongs, with revisions,
preview and moderation like the rest of the lesson. Questions and options are identified by
the block ids Wagtail gives every stream and list child, so scoring never trusts the browser
for anything but the chosen ids.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from courses.deliverable_blocks import DeliverableBlock


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("tip", _("Tip")), ("note", _("Note")), ("warning", _("Warning"))],
        default="tip",
        label=_("kind"),
    )
    text = blocks.RichTextBlock(features=["bold", "italic", "link"], label=_("text"))

    class Meta:
        icon = "help"
        label = _("Callout")
        template = "capacity_courses/blocks/callout.html"


class ResourceBlock(blocks.StructBlock):
    """A downloadable document with a short description, such as a budget template."""

    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(required=False, label=_("title"))
    description = blocks.TextBlock(required=False, label=_("description"))

    class Meta:
        icon = "download"
        label = _("Downloadable resource")
        template = "capacity_courses/blocks/resource.html"


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("answer"))
    is_correct = blocks.BooleanBlock(required=False, label=_("correct"))
    feedback = blocks.TextBlock(
        required=False,
        label=_("feedback"),
        help_text=_("Shown after the attempt when this answer was chosen."),
    )

    class Meta:
        icon = "radio-full"
        label = _("Answer")


class QuestionBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("question"))
    allows_multiple = blocks.BooleanBlock(
        required=False,
        label=_("several answers are correct"),
        help_text=_("Learners tick every correct answer; otherwise they choose one."),
    )
    options = blocks.ListBlock(OptionBlock(), min_num=2, label=_("answers"))
    explanation = blocks.TextBlock(
        required=False, label=_("explanation"), help_text=_("Shown after the attempt.")
    )

    class Meta:
        icon = "help"
        label = _("Question")

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for option in value["options"] if option["is_correct"])
        if correct == 0:
            raise ValidationError(_("Mark at least one answer as correct."))
        if correct > 1 and not value["allows_multiple"]:
            raise ValidationError(
                _("Only one answer may be correct unless several answers are allowed.")
            )
        return value


class QuizBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"))
    pass_mark = blocks.IntegerBlock(
        min_value=0, max_value=100, default=70, label=_("pass mark (%)")
    )
    max_attempts = blocks.IntegerBlock(
        min_value=0, default=0, label=_("attempts allowed"), help_text=_("0 means unlimited.")
    )
    is_required = blocks.BooleanBlock(
        required=False,
        default=True,
        label=_("required to complete the lesson"),
    )
    questions = blocks.ListBlock(QuestionBlock(), min_num=1, label=_("questions"))
    measures = blocks.ChoiceBlock(
        choices=[
            ("pre", _("What learners know before the module (pre-test)")),
            ("post", _("What learners know after the module (post-test)")),
        ],
        required=False,
        label=_("learning gain"),
        help_text=_(
            "A module's pre-test and post-test are compared on each learner's first attempt: "
            "the difference is their learning gain. Leave empty for an ordinary quiz."
        ),
    )

    class Meta:
        icon = "form"
        label = _("Quiz")


class LessonContentBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        form_classname="title",
        icon="title",
        label=_("Heading"),
        template="capacity_courses/blocks/heading.html",
    )
    paragraph = blocks.RichTextBlock(label=_("Rich text"))
    image = ImageBlock(label=_("Image"))
    video = EmbedBlock(
        label=_("Video"), help_text=_("A link to a video, e.g. on YouTube or Vimeo.")
    )
    document = DocumentChooserBlock(
        label=_("Document"), template="capacity_courses/blocks/document.html"
    )
    callout = CalloutBlock()
    resource = ResourceBlock()
    quiz = QuizBlock()
    deliverable = DeliverableBlock()
