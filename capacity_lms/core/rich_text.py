"""Rich text written by members, cleaned before it reaches a page: case studies submitted to the
library, posts in the exchange spaces.

Editors' rich text comes from Draftail, which only produces what its features allow; members
type HTML into a plain text area, so anything could arrive. ``nh3`` (the Rust ``ammonia``
sanitiser) keeps the few tags a case study needs and drops the rest: scripts and styles with
their content, every attribute but a link's ``href``, and any URL scheme but http, https and
mailto (so ``javascript:`` links lose their target).
"""

import nh3
from django.utils.html import linebreaks

ALLOWED_TAGS = {"p", "br", "h3", "strong", "b", "em", "i", "ul", "ol", "li", "a", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
REMOVED_WITH_CONTENT = {"script", "style"}


def clean_rich_text(html):
    """``html`` with only the allowed tags, attributes and URL schemes; plain text (no tag at
    all) becomes paragraphs, as a member who types without markup expects."""
    cleaned = nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        clean_content_tags=REMOVED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        # No target attribute survives, so rel="noopener" would guard nothing.
        link_rel=None,
    ).strip()
    if cleaned and "<" not in cleaned:
        # nh3 has already escaped the text; linebreaks must not escape it twice.
        cleaned = linebreaks(cleaned, autoescape=False)
    return cleaned
