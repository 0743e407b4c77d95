"""Rate limits through Django's cache, shared by every app server that shares the cache.

A fixed window per scope and per person (the account when signed in, else the client
address): ``RATE_LIMITS = {"scope": "count/seconds"}``. Counting signed-in people by account
keeps a venue's shared Wi-Fi (one address, a hundred phones checking in) within its limits.
With the default local-memory cache each process counts on its own; production needs a shared
cache (Redis) for the limit to hold across servers (see the README). Client addresses are kept
only as a hash in cache keys.
"""

import hashlib
import time
from functools import wraps

from django.core.exceptions import ImproperlyConfigured
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control

from capacity_lms.conf import DEFAULTS, get_setting
from capacity_lms.core.versions import count_up


def limit_for(scope):
    """``(count, seconds)`` for ``scope``, or None when it is not limited."""
    # The host's dict adds to the defaults (a scope set to None is not limited).
    value = {**DEFAULTS["RATE_LIMITS"], **get_setting("RATE_LIMITS")}.get(scope)
    if not value:
        return None
    try:
        count, seconds = (int(part) for part in str(value).split("/"))
    except ValueError as error:
        raise ImproperlyConfigured(
            f'CAPACITY_LMS_RATE_LIMITS["{scope}"] must read "count/seconds", not {value!r}.'
        ) from error
    return count, seconds


def client_address(request):
    """The address the limit counts by. Behind a proxy, the host sets REMOTE_ADDR from the
    header it trusts (e.g. with a middleware); we never read X-Forwarded-For ourselves."""
    return request.META.get("REMOTE_ADDR", "")


def clock():
    """Seconds since the epoch (a function, so tests can hold time still)."""
    return time.time()


def counted_as(request):
    """Who a request counts for: the account when signed in, else a hash of the address."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user-{user.pk}"
    return hashlib.sha256(client_address(request).encode("utf-8")).hexdigest()[:24]


def hit(request, scope):
    """Count one request; returns seconds to wait when over the limit, else 0."""
    limit = limit_for(scope)
    if limit is None:
        return 0
    count, seconds = limit
    now = clock()
    window = int(now // seconds)
    key = f"capacity_lms:rate:{scope}:{counted_as(request)}:{window}"
    used = count_up(key, seconds=seconds + 1)
    if used > count:
        return max(1, int((window + 1) * seconds - now) + 1)
    return 0


def too_many_requests(
    request, retry_after, template_name="capacity_lms/too_many_requests.html", context=None
):
    """The 429 answer: how long to wait, in a page that says nothing was done."""
    context = {"retry_after": retry_after, **(context or {})}
    response = TemplateResponse(request, template_name, context, status=429)
    response["Retry-After"] = str(retry_after)
    patch_cache_control(response, no_store=True)
    return response


def rate_limited(scope, methods=("POST",)):
    """Decorate a view: its ``methods`` count against ``scope``; past the limit, 429 and the
    view does not run (so nothing changes)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods:
                wait = hit(request, scope)
                if wait:
                    return too_many_requests(request, wait)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
