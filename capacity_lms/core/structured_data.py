"""JSON-LD in pages: schema.org descriptions that search engines, calendars and other machines
read (a course, a workshop, a case study, an association), and the embedded credentials of the
verification page.

:func:`script` is the one way a page embeds JSON-LD: the data as the text of a
``<script type="application/ld+json">`` element, with ``<``, ``>`` and ``&`` escaped as JSON
allows, so that nothing in the data (a title an editor typed) can close the element.

A page of a lower domain describes what a higher domain holds without importing it (a course
page lists its workshops as ``hasCourseInstance``, but ``courses`` may not import
``workshops``): the higher domain registers a part for that kind of page, once, when its app is
ready, as it registers a panel (:mod:`capacity_lms.core.panels`)::

    register_part("course", "hasCourseInstance", course_instances)

``course_instances(page, request)`` returns the property's value, or None to leave it out.
"""

import json
from collections.abc import Callable

from django.utils.html import format_html
from django.utils.safestring import mark_safe

SCHEMA_ORG = "https://schema.org"
# What JSON text may not hold inside a <script> element, escaped as JSON allows.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


_parts: dict[str, dict[str, Callable]] = {}


def register_part(kind, name, build):
    """Add the property ``name`` to the JSON-LD of ``kind`` pages, its value
    ``build(page, request)`` (None leaves it out). Registering a name again replaces it."""
    _parts.setdefault(kind, {})[name] = build


def unregister_part(kind, name):
    _parts.get(kind, {}).pop(name, None)


def with_parts(kind, data, page, request):
    """``data`` with the properties registered for ``kind`` pages, in name order."""
    for name, build in sorted(_parts.get(kind, {}).items()):
        value = build(page, request)
        if value:
            data[name] = value
    return data


def as_script_text(data):
    """``data`` as JSON safe inside a ``<script>`` element."""
    text = json.dumps(data, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return mark_safe(text)  # noqa: S308  # nosec B308 B703


def script(data):
    """The ``<script type="application/ld+json">`` element holding ``data`` (nothing for
    none)."""
    if not data:
        return ""
    return format_html('<script type="application/ld+json">{}</script>', as_script_text(data))


def iso(moment, zone):
    """``moment`` (aware) as ISO 8601 in ``zone`` (a ZoneInfo), with its offset."""
    return moment.astimezone(zone).isoformat(timespec="seconds")
