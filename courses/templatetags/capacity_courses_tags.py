import re

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language, override

from capacity_lms.core.translation import (
    language_direction,
    language_name,
    missing_translation,
    not_translated_url,
    other_versions,
)
from capacity_lms.core.written_language import prefetch_written_languages, written_language

register = template.Library()


@register.simple_tag
def chosen_options(state, question_id):
    """The option ids the learner chose for a question (last attempt, or the refused post)."""
    return (state.chosen or {}).get(question_id, [])


@register.simple_tag
def question_result(state, question_id):
    """The scored result of a question in the learner's last attempt, if it can be shown."""
    if state.result is None:
        return None
    return next((q for q in state.result.questions if q.question_id == question_id), None)


@register.simple_tag(takes_context=True)
def listed_url(context, item, listing):
    """The URL of a listing's item: marked as opened from the listing's language when the item
    is shown in another one (see :mod:`capacity_lms.core.translation`)."""
    url = item.get_url(context.get("request"))
    if item.locale_id != listing.locale_id:
        return not_translated_url(url, listing.locale.language_code)
    return url


@register.simple_tag
def lang_attributes(code):
    """` lang="fr" dir="ltr"`: for a piece of content in ``code`` inside a page in another
    language (a fallback item, a link to a translation)."""
    return format_html(' lang="{}" dir="{}"', code, language_direction(code))


@register.inclusion_tag("capacity_courses/includes/translation_fallback.html")
def translation_fallback(item, listing):
    """On a listing's item shown in another language than the listing's: says which."""
    if item.locale_id == listing.locale_id:
        return {}
    return {
        "wanted": language_name(listing.locale.language_code),
        "shown": language_name(item.locale.language_code),
    }


@register.inclusion_tag("capacity_courses/includes/translation_notice.html", takes_context=True)
def translation_notice(context, page):
    """On a course, lesson or case-study page: the page in other languages, and, for a reader
    who came from a language it is not translated into, a notice in that language."""
    missing = missing_translation(page, context.get("request"))
    notice = {}
    if missing is not None:
        code, translation = missing
        # Told in the language the reader came from.
        with override(code):
            notice = {
                "code": code,
                "translation": translation,
                "wanted": language_name(code),
                "shown": language_name(page.locale.language_code),
            }
    return {"notice": notice, "versions": other_versions(page), "request": context.get("request")}


@register.simple_tag
def content_attributes(code):
    """For content people wrote, inside a page in any language: ` lang=".." dir=".."` when
    its language is known, else ` dir="auto"` (the browser takes the direction of its first
    letter: a French title stays left to right inside an Arabic page)."""
    if code:
        return lang_attributes(code)
    return format_html(' dir="{}"', "auto")


@register.simple_tag
def field_attributes(page, name, part=None):
    """` lang=".." dir=".."` for field ``name`` of ``page`` (or ``part`` of it: a block of a
    StreamField, a row of a child relation, a tag): the language it was written in, which is
    not the page's when nobody translated it yet (see
    :mod:`capacity_lms.core.written_language`)."""
    return lang_attributes(written_language(page, name, part))


@register.simple_tag
def prepare_field_languages(pages, *names):
    """Load the languages of fields ``names`` of a list of pages in one query, before a loop
    labels them with ``{% field_attributes %}``. Writes nothing."""
    prefetch_written_languages(list(pages), *names)
    return ""


ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")


@register.simple_tag
def script_attributes(text):
    """For a short label people wrote whose language nothing records (a tag shared by case
    studies in several languages, offered as a filter): ` lang="ar" dir="rtl"` when it is
    written in Arabic letters inside a page in another language, else nothing (its letters are
    the only sign of its language)."""
    active = (get_language() or "").split("-")[0]
    if active != "ar" and ARABIC_LETTER.search(str(text)):
        return lang_attributes("ar")
    return ""


@register.simple_tag(takes_context=True)
def course_structured_data(context, page):
    """The course page's schema.org JSON-LD (see :mod:`courses.structured_data`)."""
    from courses.structured_data import course_script

    return course_script(page, context.get("request"))
