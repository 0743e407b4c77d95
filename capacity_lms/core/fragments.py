"""Pieces of a signed-in page that are the same for every reader, rendered once and kept.

A course page shows a learner their own progress and buttons, but its title, facts, outline
and lesson bodies are the same for everyone reading it in the same language on the same site.
Those pieces are kept in Django's cache (``{% cache %}`` fragments, or values kept with
:func:`remember`), under keys that hold:

- what the piece shows: the page's id and revision, chosen by the caller;
- the reader's language and its direction, and the site (a page's links are relative to it);
- the page cache's generation (:func:`capacity_lms.core.page_cache.generation`), which every
  publish, unpublish, move, deletion, taxonomy or image change moves on: a purge of the page
  cache ends every fragment too, on every app server sharing the cache.

A fragment never holds anything of one person: no progress, no CSRF token, no CSP nonce (the
templates keep those outside). ``CAPACITY_LMS_PAGE_CACHE_SECONDS`` is also the fragments'
time; 0 turns them off.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf
from django.utils.translation import get_language, get_language_bidi
from wagtail.models import Site

from capacity_lms.core.page_cache import generation, timeout

KEY_PREFIX = "capacity_lms:fragment"
VERSION_ATTRIBUTE = "_capacity_fragment_version"


def fragment_version(request):
    """What every fragment key of this request holds besides its own parts: the page cache's
    generation, the language and direction, the site. Read once per request (one cache get)."""
    language = get_language() or ""
    stored = getattr(request, VERSION_ATTRIBUTE, None) if request is not None else None
    if stored is not None and stored[0] == language:
        return stored[1]
    site = Site.find_for_request(request) if request is not None else None
    version = "{}:{}:{}:{}".format(
        generation(),
        language,
        "rtl" if get_language_bidi() else "ltr",
        site.pk if site is not None else "",
    )
    if request is not None:
        setattr(request, VERSION_ATTRIBUTE, (language, version))
    return version


def fragment_seconds():
    """How long a fragment is kept (the page cache's time); 0: not kept."""
    return timeout()


def is_preview(request):
    """An editor's preview shows a draft: nothing of it is kept, nothing kept is shown."""
    return bool(getattr(request, "is_preview", False))


def fragment_key(request, name, *parts):
    """The cache key of fragment ``name`` for ``parts`` (ids, revisions) in this request."""
    raw = "\n".join(str(part) for part in (fragment_version(request), *parts))
    return f"{KEY_PREFIX}:{name}:{hashlib.sha256(raw.encode('utf-8')).hexdigest()}"


def remember(request, name, parts, compute):
    """``compute()``, kept under fragment ``name`` for ``parts``; computed again after a purge,
    when the time is over, or every time when fragments are off."""
    seconds = fragment_seconds()
    if not seconds or is_preview(request):
        return compute()
    key = fragment_key(request, name, *parts)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value


def remember_many(request, name, items, compute):
    """``{item key: value}`` for ``items`` (``{item key: parts}``), with one cache read: only
    the missing ones go to ``compute(missing item keys)``, which returns ``{item key: value}``."""
    seconds = fragment_seconds()
    if not seconds or is_preview(request):
        return compute(list(items))
    keys = {item: fragment_key(request, name, *parts) for item, parts in items.items()}
    found = cache.get_many(list(keys.values()))
    values = {item: found[key] for item, key in keys.items() if key in found}
    missing = [item for item in items if item not in values]
    if missing:
        computed = compute(missing)
        cache.set_many({keys[item]: computed[item] for item in missing}, seconds)
        values = {**values, **computed}
    return values


# Markup that is a function of the code, the language, the URL configuration and script prefix
# links are reversed under, and the values a template names (signed in or not; the instants and
# zones of a meeting's times). Kept in the process, not the shared cache: nothing can change it
# while the process runs, so it needs no generation to read and no round trip. Bounded: emptied
# when full.
_steady = {}
STEADY_LIMIT = 2048


def steady(name, parts, compute):
    """``compute()`` for ``name`` and ``parts`` in this language, kept in the process.

    Only for markup that is a function of ``parts`` and the code (the site navigation's links
    and labels; a meeting's times from their instants and zones): nothing else of a person, a
    page or the database may go inside.
    Recomputed every time with ``DEBUG`` on (templates are edited then) and after any settings
    change (tests override languages, templates and URLs)."""
    if settings.DEBUG:
        return compute()
    key = (
        name,
        *parts,
        get_language() or "",
        get_language_bidi(),
        get_script_prefix(),
        str(get_urlconf() or settings.ROOT_URLCONF),
    )
    try:
        return _steady[key]
    except KeyError:
        value = compute()
        if len(_steady) >= STEADY_LIMIT:
            _steady.clear()
        _steady[key] = value
        return value


@receiver(setting_changed)
def forget_steady(**kwargs):
    _steady.clear()
