"""Template tags of the evaluation: texts kept in three languages, shown in the reader's with
the language they are written in (``lang`` and ``dir``) when it is another one."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_bidi

register = template.Library()

RIGHT_TO_LEFT = {"ar", "fa", "he", "ur"}


def _marked(text, language):
    reader = (get_language() or "en").split("-")[0]
    if language == reader:
        return format_html("{}", text)
    direction = "rtl" if language in RIGHT_TO_LEFT else "ltr"
    if direction == ("rtl" if get_language_bidi() else "ltr"):
        return format_html('<span lang="{}">{}</span>', language, text)
    return format_html('<span lang="{}" dir="{}">{}</span>', language, direction, text)


@register.simple_tag
def translated(value):
    """A block's :class:`~capacity_lms.evaluation.blocks.TranslatedValue`."""
    if value is None:
        return ""
    return _marked(value.in_language(), value.language_of())


@register.simple_tag
def translated_field(instance, field):
    """A model's ``<field>_en`` / ``_fr`` / ``_ar`` in the reader's language (English when
    missing)."""
    return _marked(getattr(instance, field), instance.language_of(field))
