from django import template
from django.urls import NoReverseMatch, reverse

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
