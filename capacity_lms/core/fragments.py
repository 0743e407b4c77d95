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

from django.core.cache import cache
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
