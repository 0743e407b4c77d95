"""JSON-LD in pages: schema.org descriptions that search engines, calendars and other machines
read (a course, a workshop, a case study, an association), and the embedded credentials of the
verification page.

:func:`script` is the one way a page embeds JSON-LD: the data as the text of a
``<script type="application/ld+json">`` element, with ``<``, ``>`` and ``&`` escaped as JSON
allows, so that nothing in the data (a title an editor typed) can close the element.
"""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe

SCHEMA_ORG = "https://schema.org"
# What JSON text may not hold inside a <script> element, escaped as JSON allows.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


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
