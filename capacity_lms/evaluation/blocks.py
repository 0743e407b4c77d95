"""The questionnaires' StreamField blocks: sections by capacity area, holding scale, choice and
text questions, each written in Arabic, French and English at once (like the programme's
vocabulary: editors see and correct the three together).

An answer is keyed by its question's block id, which Wagtail keeps when an editor rewords the
question, so answers given before and after a correction stay comparable.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

LANGUAGES = ("en", "fr", "ar")


class TranslatedValue(blocks.StructValue):
    """A text in the reader's language, falling back to English."""

    def in_language(self, language=None):
        language = (language or get_language() or "en").split("-")[0]
        return self.get(language) or self.get("en") or ""

    def language_of(self, language=None):
        """The language the shown text is written in (for ``lang`` and ``dir``)."""
        language = (language or get_language() or "en").split("-")[0]
        return language if self.get(language) else "en"

    def __str__(self):
        return self.in_language()


class TranslatedTextBlock(blocks.StructBlock):
    en = blocks.CharBlock(label=_("English"), max_length=500)
    fr = blocks.CharBlock(label=_("French"), max_length=500, required=False)
    ar = blocks.CharBlock(label=_("Arabic"), max_length=500, required=False)

    class Meta:
        value_class = TranslatedValue
        form_classname = "struct-block capacity-translated"


class ScaleQuestionBlock(blocks.StructBlock):
    """Agreement with a statement, from 1 (not at all) to 5 (fully): scored 0 to 100."""

    text = TranslatedTextBlock(label=_("statement"))
    required = blocks.BooleanBlock(required=False, default=True, label=_("required"))

    class Meta:
        icon = "order"
        label = _("Scale from 1 to 5")


class ChoiceOptionBlock(blocks.StructBlock):
    text = TranslatedTextBlock(label=_("answer"))
    score = blocks.IntegerBlock(
        min_value=0,
        max_value=100,
        label=_("score"),
        help_text=_("From 0 (the capacity is missing) to 100 (it is fully there)."),
    )


class ChoiceQuestionBlock(blocks.StructBlock):
    """One answer among several, each with its score."""

    text = TranslatedTextBlock(label=_("question"))
    options = blocks.ListBlock(ChoiceOptionBlock(), min_num=2, max_num=10, label=_("answers"))
    required = blocks.BooleanBlock(required=False, default=True, label=_("required"))

    class Meta:
        icon = "list-ul"
        label = _("Choice")


class TextQuestionBlock(blocks.StructBlock):
    """A free answer: kept and read, never scored."""

    text = TranslatedTextBlock(label=_("question"))
    required = blocks.BooleanBlock(required=False, default=False, label=_("required"))

    class Meta:
        icon = "pilcrow"
        label = _("Free text")


class QuestionsBlock(blocks.StreamBlock):
    scale = ScaleQuestionBlock()
    choice = ChoiceQuestionBlock()
    text = TextQuestionBlock()

    class Meta:
        min_num = 1
        max_num = 30


class SectionBlock(blocks.StructBlock):
    """The questions on one capacity area (none for a follow-up's general questions)."""

    area = SnippetChooserBlock(
        "capacity_lms.CapacityArea",
        required=False,
        label=_("capacity area"),
        help_text=_("The area these questions score. Leave empty for questions not scored."),
    )
    heading = TranslatedTextBlock(label=_("heading"))
    questions = QuestionsBlock(label=_("questions"))

    class Meta:
        icon = "folder-open-inverse"
        label = _("Section")


class QuestionnaireBody(blocks.StreamBlock):
    section = SectionBlock()

    class Meta:
        min_num = 1
        max_num = 12

    def clean(self, value):
        value = super().clean(value)
        areas = [child.value["area"] for child in value if child.value["area"] is not None]
        if len({area.pk for area in areas}) != len(areas):
            raise blocks.StreamBlockValidationError(
                non_block_errors=ErrorList(
                    [ValidationError(_("Each capacity area has one section at most."))]
                )
            )
        return value
