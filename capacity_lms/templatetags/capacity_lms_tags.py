from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html

from capacity_lms.conf import get_languages
from capacity_lms.conf import programme_name as conf_programme_name

register = template.Library()


@register.simple_tag
def programme_name():
    """The programme's name in the active language, with its ``language`` (see
    :func:`capacity_lms.conf.programme_name`)."""
    return conf_programme_name()


@register.simple_tag
def capacity_languages():
    """The languages offered in the language switcher, as (code, name in that language)."""
    from django.utils.translation import get_language_info

    offered = []
    for code, fallback_name in get_languages():
        try:
            name = get_language_info(code)["name_local"]
        except KeyError:
            name = fallback_name
        offered.append((code, name))
    return offered


@register.simple_tag
def set_language_url():
    """Where the language switcher posts: ours, or Django's if the host included it instead."""
    for name in ("capacity_lms:set_language", "set_language"):
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return ""


@register.filter
def written_in(text, language):
    """``text`` in a span that says the language it is written in (``und`` when unknown) and
    isolates its direction: for text passed where only a string goes, such as the subtitle of
    Wagtail's admin header."""
    return format_html('<span lang="{}" dir="auto">{}</span>', language or "und", text)


@register.filter
def isolated(text):
    """``text`` (a name, a code) in a ``<bdi>``, where only a string goes."""
    return format_html("<bdi>{}</bdi>", text)
