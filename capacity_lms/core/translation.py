"""Content in the reader's language, and what is shown when it is not translated yet.

Pages translate through Wagtail's localisation (``wagtail.contrib.simple_translation`` or
wagtail-localize): a listing page (a catalogue, a library) exists once per language, its
versions translations of one another, and so do the courses, lessons and case studies under
them (one ``translation_key`` per piece of content, one page per locale).

A reader of a listing sees each piece of content once: in the listing's own language when it
is translated, otherwise in the first language it exists in, in the order of
:func:`fallback_languages` (the site's default language, then the others as configured). The
templates say so on each item that falls back (``{% translation_fallback %}``), and a page
opened in another language than the reader's offers the reader's version, or says it does not
exist yet.
"""

from django.conf import settings
from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.utils.http import urlencode
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from capacity_lms.core.tree import children_of


def content_language_codes():
    """The content languages in their configured order."""
    configured = getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", None) or settings.LANGUAGES
    return [code for code, _name in configured]


def fallback_languages(language_code):
    """``language_code`` first, then the default language, then the other content languages."""
    order = [language_code, settings.LANGUAGE_CODE, *content_language_codes()]
    return list(dict.fromkeys(code for code in order if code))


def listing_sources(page):
    """``page`` and its live translations open to everyone (a fallback must not show what a
    restriction above another version hides), in the fallback order of ``page``'s language.

    One query, which also gives ``page`` its locale (the templates read it).
    """
    open_versions = (
        Page.objects.live().public().filter(translation_key=page.translation_key).values("pk")
    )
    versions = {
        version.pk: version
        for version in Page.objects.filter(Q(pk=page.pk) | Q(pk__in=open_versions)).select_related(
            "locale"
        )
    }
    page.locale = versions.pop(page.pk).locale
    by_language = {version.locale.language_code: version for version in versions.values()}
    by_language[page.locale.language_code] = page
    return [
        by_language[code]
        for code in fallback_languages(page.locale.language_code)
        if code in by_language
    ]


def children_in_reader_language(model, page, sources=None):
    """A Q selecting, among the live ``model`` children of ``page`` and of its translations,
    one page per translation key: the one under ``page`` when there is one, otherwise the one
    under the first translation (in fallback order) that has it.

    One query for the sources (none when they are passed), then a single SQL condition: the
    number of queries does not grow with the number of pages or languages.
    """
    sources = listing_sources(page) if sources is None else sources
    selected = Q()
    earlier = None
    for source in sources:
        here = children_of(source)
        if earlier is not None:
            translated_earlier = model.objects.live().filter(
                earlier, translation_key=OuterRef("translation_key")
            )
            here &= ~Exists(translated_earlier)
        selected |= here
        earlier = children_of(source) if earlier is None else earlier | children_of(source)
    return selected


def own_language_first(page):
    """An ordering expression: the children of ``page`` before the fallbacks from other
    languages."""
    return Case(When(children_of(page), then=Value(0)), default=Value(1))


# Languages whose grammar writes language names in lower case inside a sentence.
LOWER_CASE_LANGUAGE_NAMES = {"fr", "es", "it", "pt", "nl", "ca"}


def language_name(code):
    """The name of language ``code`` as written inside a sentence of the active language
    ("arabe" in French, "Arabic" in English, "العربية" in Arabic)."""
    try:
        name = str(get_language_info(code)["name_translated"])
    except KeyError:
        return code
    active = (get_language() or "").split("-")[0]
    return name.lower() if active in LOWER_CASE_LANGUAGE_NAMES else name


# Set on links to a version in another language than the reader's (a listing's fallback item,
# the language switcher on a page not translated yet): the page then says so. In the URL rather
# than a cookie, so that a cached page stays right for everyone who opens the same address.
NOT_TRANSLATED = "not_translated"


def not_translated_url(url, language_code):
    """``url`` marked as opened by a reader of ``language_code``."""
    return f"{url}?{urlencode({NOT_TRANSLATED: language_code})}"


def live_translation(page, language_code):
    """``page``'s live translation into ``language_code``, or ``None``."""
    return (
        Page.objects.live()
        .filter(translation_key=page.translation_key, locale__language_code=language_code)
        .first()
    )


def missing_translation(page, request):
    """``(language code, its live translation or None)`` when the reader followed a link from
    another language to ``page`` (see :data:`NOT_TRANSLATED`), else ``None``."""
    wanted = request.GET.get(NOT_TRANSLATED) if request is not None else None
    if wanted not in content_language_codes() or wanted == page.locale.language_code:
        return None
    return wanted, live_translation(page, wanted)


def other_versions(page):
    """The live translations of ``page`` open to everyone, in the configured language order."""
    versions = {
        version.locale.language_code: version
        for version in Page.objects.live()
        .public()
        .filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .select_related("locale")
    }
    return [versions[code] for code in content_language_codes() if code in versions]


def language_direction(code):
    """``"rtl"`` or ``"ltr"``, for a ``dir`` attribute."""
    try:
        return "rtl" if get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"
