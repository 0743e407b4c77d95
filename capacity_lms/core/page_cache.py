"""The page cache: signed-out visitors get the catalogue, the library, courses, preview
lessons, case studies and workshop pages from the cache, with no database query, until what
those pages show changes.

:class:`PageCacheMiddleware` answers before Wagtail routes the request (routing alone reads the
page tree). It only keeps what a page or a view marked as the same for every signed-out visitor
(:class:`capacity_lms.core.pages.SharedPage`, :class:`~capacity_lms.core.pages.SharedView`), and
only serves requests that cannot belong to someone signed in. Every key holds two generation
numbers kept in the cache itself, read together in one ``get_many``: the site's and its path's.
:func:`purge` moves the site's on, so every app server sharing the cache (Redis) stops using
every entry at once; :func:`purge_path` and :func:`purge_page` move one path's on (every query
string and host of it), for what changes often and shows on few pages (a workshop's seats). The
signal receivers at the bottom call :func:`purge` when a page is published, unpublished, moved,
deleted or saved live, and when the tags, images, documents, languages or site settings the pages
show change, or a row of a model a domain registered with :func:`purge_when_changed` (the
taxonomy's filters, workshops and their sessions).

What differs per visitor is stored as a placeholder and filled in on each hit: the CSRF token
of the language switcher's form (from the visitor's own cookie, or a new one, as Django's
``{% csrf_token %}`` would) and the Content-Security-Policy nonce (the CSP middleware then
names the same one in its header). Each entry has placeholders of its own, random and kept in
the entry: a stored page holds what a visitor typed (a search), and a fixed placeholder typed
there would come back as the next visitor's token or nonce. docs/caching.md explains where the
middleware goes.
"""

import functools
import hashlib
import math
import re
import secrets
import time

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import patch_vary_headers
from django.utils.http import urlencode
from django.utils.translation import get_language
from taggit.models import Tag
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from capacity_lms.conf import get_setting
from capacity_lms.core import clock
from capacity_lms.core.csp import OWN_NONCE_ATTRIBUTE, request_nonce
from capacity_lms.core.pages import SHARED_RESPONSE_ATTRIBUTE, SHARED_UNTIL_ATTRIBUTE
from capacity_lms.core.versions import bump, numbers

GENERATION_KEY = "capacity_lms:page_cache:generation"
# Followed by a digest of the path: that path's generation (purge_path).
PATH_GENERATION_PREFIX = "capacity_lms:page_cache:path"
# "v3": keys with the path's generation too; older entries are never read.
KEY_PREFIX = "capacity_lms:page_cache:page:v3"

# Django's {% csrf_token %} writes exactly this element.
CSRF_INPUT = re.compile(rb'(<input type="hidden" name="csrfmiddlewaretoken" value=")[^"]*(")')

# Vary headers the key already answers: cookies (only cookie-less requests are served, see
# may_be_shared) and the language (part of the key).
VARY_COVERED = {"cookie", "accept-language"}

# Page fields a draft or a lock changes: saving only these leaves the live page as it was.
DRAFT_FIELDS = {
    "comments",
    "draft_title",
    "has_unpublished_changes",
    "latest_revision",
    "latest_revision_created_at",
    "locked",
    "locked_at",
    "locked_by",
}


def timeout():
    """Seconds an entry is kept; 0 turns the page cache off."""
    return int(get_setting("PAGE_CACHE_SECONDS") or 0)


def generation():
    """The current generation number, started from the clock when the cache has none (so
    that, after the cache lost it, no entry of an earlier generation can come back)."""
    (value,) = numbers(GENERATION_KEY)
    return value


def purge():
    """Forget every cached page, on every app server sharing the cache. A generation the cache
    lost starts again from the clock, above every number it can have had."""
    bump(GENERATION_KEY)


def path_generation_key(path):
    """Where the generation of ``path`` (a URL's path, without query string) is kept."""
    digest = hashlib.sha256(path.encode("utf-8")).hexdigest()
    return f"{PATH_GENERATION_PREFIX}:{digest}"


def purge_path(*paths):
    """Forget the cached pages of ``paths`` (each with every query string, on every host),
    and only those, on every app server sharing the cache.

    A path with a language prefix is one language's: pass each language's (see
    :func:`purge_page`, or ``reverse()`` under each language for a view). Only code calls this,
    for paths it knows; so a path's generation, kept without expiry as the site's is, is never
    made for whatever a visitor typed.

    A path without a generation reads as 0, whether it never had one or the cache lost it;
    so the purge that gives it one purges everything too: no entry keyed under 0 then
    outlives it. That happens once per path until the cache loses it."""
    for path in dict.fromkeys(paths):
        key = path_generation_key(path)
        try:
            cache.incr(key)
        except ValueError:
            cache.add(key, time.time_ns(), None)
            purge()


def purge_page(page):
    """Forget the cached pages of one Wagtail ``page`` (its URL, with every query string).
    Its translations are pages of their own, with URLs of their own."""
    url_parts = page.get_url_parts()
    if url_parts is not None:
        purge_path(url_parts[2])


def purge_now_and_after_commit(function=purge, *args):
    """Purge at once, and again once the change is committed: a request that read the old
    rows while the transaction was open must not leave them in the cache. ``function`` and
    ``args``: :func:`purge` (the default) or :func:`purge_path` with its paths."""
    function(*args)
    transaction.on_commit(functools.partial(function, *args))


def is_purge(callback):
    """Whether an on-commit ``callback`` is one of these purges (which tell nobody and queue
    no task: a test that no save sends or queues anything leaves them out)."""
    return getattr(callback, "func", None) in (purge, purge_path)


def may_be_shared(request):
    """Whether ``request`` cannot be anyone's own: a GET or HEAD with no session, no
    messages waiting and no credentials."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def generations(path):
    """The site's generation and ``path``'s, read in one round trip (a path never purged has
    none: 0)."""
    path_key = path_generation_key(path)
    values = cache.get_many([GENERATION_KEY, path_key])
    site = values.get(GENERATION_KEY)
    if site is None:
        site = generation()
    return site, values.get(path_key, 0)


def cache_key(request):
    """Host, scheme, path, query string (in a normal order) and language, in the site's
    generation and the path's."""
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    parts = [request.scheme, request.get_host(), request.path, query, get_language() or ""]
    digest = hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()
    site, path = generations(request.path)
    return f"{KEY_PREFIX}:{site}:{path}:{digest}"


def used_nonce(request):
    """The CSP nonce the response was rendered with, or None when nothing asked for one.

    Django's middleware keeps a lazy nonce that is true once read; django-csp's keeps the
    string once made; ``{% csp_nonce %}`` without a middleware keeps its own."""
    for attribute in ("_csp_nonce", OWN_NONCE_ATTRIBUTE):
        value = getattr(request, attribute, None)
        if value:
            return str(value)
    return None


def storable(request, response):
    """The response as an entry, or None when it must not be shared."""
    vary = {
        value.strip().lower() for value in response.get("Vary", "").split(",") if value.strip()
    }
    if (
        request.method != "GET"
        or response.status_code != 200
        or not getattr(response, SHARED_RESPONSE_ATTRIBUTE, False)
        or response.streaming
        or response.cookies
        or request.user.is_authenticated
        or "private" in response.get("Cache-Control", "")
        or "no-store" in response.get("Cache-Control", "")
        or not vary <= VARY_COVERED
        # Set further out than this middleware, or the nonce in it would be the first visitor's.
        or response.has_header("Content-Security-Policy")
    ):
        return None
    csrf_placeholder = new_placeholder(response.content)
    nonce_placeholder = new_placeholder(response.content)
    content = CSRF_INPUT.sub(rb"\1" + csrf_placeholder + rb"\2", response.content)
    nonce = used_nonce(request)
    if nonce:
        content = content.replace(nonce.encode("ascii"), nonce_placeholder)
    headers = [
        (name, value) for name, value in response.items() if name.lower() != "content-length"
    ]
    return {
        "content": content,
        "headers": headers,
        "csrf_placeholder": csrf_placeholder,
        "nonce_placeholder": nonce_placeholder,
    }


def new_placeholder(content):
    """A placeholder no visitor can know nor type: 128 random bits, not already in ``content``."""
    while True:
        placeholder = f"capacity-lms-page-cache-{secrets.token_hex(16)}".encode("ascii")
        if placeholder not in content:
            return placeholder


def response_from(entry, request):
    """A fresh response from ``entry``, with this visitor's CSRF token and nonce."""
    content = entry["content"]
    csrf_placeholder = entry["csrf_placeholder"]
    nonce_placeholder = entry["nonce_placeholder"]
    if csrf_placeholder in content:
        content = content.replace(csrf_placeholder, get_token(request).encode("ascii"))
    if nonce_placeholder in content:
        content = content.replace(nonce_placeholder, request_nonce(request).encode("ascii"))
    response = HttpResponse(content)
    for name, value in entry["headers"]:
        response[name] = value
    # A miss reads the session (who is signed in) and says so; a hit must say the same.
    patch_vary_headers(response, ["Cookie"])
    return response


class PageCacheMiddleware:
    """Serves signed-out visitors' shared pages (and views) from the cache.

    Place it last in MIDDLEWARE: after SessionMiddleware, LocaleMiddleware (the language is
    part of the key), CsrfViewMiddleware and AuthenticationMiddleware, and after the CSP
    middleware, which then adds its header, with the visitor's nonce, to every hit.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = timeout()
        if seconds <= 0 or not may_be_shared(request):
            return self.get_response(request)
        key = cache_key(request)
        entry = cache.get(key)
        if entry is not None:
            return response_from(entry, request)
        response = self.get_response(request)
        entry = storable(request, response)
        seconds = seconds_kept(response, seconds)
        if entry is not None and seconds > 0:
            cache.set(key, entry, seconds)
        return response


def seconds_kept(response, seconds):
    """``seconds``, or fewer when what the response shows changes sooner with the clock."""
    until = getattr(response, SHARED_UNTIL_ATTRIBUTE, None)
    if until is None:
        return seconds
    return min(seconds, math.ceil((until - clock.now()).total_seconds()))


# Rows that decide what shared pages show besides pages: who may see a page (a restriction
# added to a cached page must take effect at once), tags, images, documents, the languages,
# the site and its settings; and what domains add with purge_when_changed.
SHOWN_MODELS = [
    PageViewRestriction,
    Tag,
    AbstractImage,
    AbstractDocument,
    Locale,
    Site,
    BaseSiteSetting,
    BaseGenericSetting,
]


def purge_when_changed(*models):
    """Purge the cache whenever a row of one of ``models`` is saved or deleted: a domain whose
    rows shared pages show (the taxonomy's filter choices) registers them here, from its app's
    ``ready()``, so that this module imports no domain."""
    for model in models:
        if model not in SHOWN_MODELS:
            SHOWN_MODELS.append(model)


# Purges. Page saves that only touch the draft (DRAFT_FIELDS) change nothing visitors see.


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def purge_on_page_change(**kwargs):
    purge_now_and_after_commit()


@receiver(post_save)
def purge_on_live_change(sender, instance, update_fields=None, **kwargs):
    if isinstance(instance, Page):
        if update_fields and set(update_fields) <= DRAFT_FIELDS:
            return
        purge_now_and_after_commit()
    elif isinstance(instance, tuple(SHOWN_MODELS)):
        purge_now_and_after_commit()


@receiver(post_delete)
def purge_on_delete(sender, instance, **kwargs):
    if isinstance(instance, (Page, *SHOWN_MODELS)):
        purge_now_and_after_commit()


@receiver(m2m_changed)
def purge_on_relation_change(sender, instance, action, **kwargs):
    """A relation of a shown row set on its own (a workshop's trainers). A page's relations
    go live when it is published, which purges."""
    if action.startswith("post_") and isinstance(instance, tuple(SHOWN_MODELS)):
        purge_now_and_after_commit()
