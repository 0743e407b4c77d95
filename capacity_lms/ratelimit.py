"""Rate limits through Django's cache, shared by every app server that shares the cache.

A fixed window per client address and scope: ``RATE_LIMITS = {"scope": "count/seconds"}``.
With the default local-memory cache each process counts on its own; production needs a shared
cache (Redis) for the limit to hold across servers (see the README). Client addresses are kept
only as a hash in cache keys.
"""

import hashlib
import time

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from capacity_lms.conf import DEFAULTS, get_setting


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


def hit(request, scope):
    """Count one request; returns seconds to wait when over the limit, else 0."""
    limit = limit_for(scope)
    if limit is None:
        return 0
    count, seconds = limit
    now = clock()
    window = int(now // seconds)
    who = hashlib.sha256(client_address(request).encode("utf-8")).hexdigest()[:24]
    key = f"capacity_lms:rate:{scope}:{who}:{window}"
    cache.add(key, 0, timeout=seconds + 1)
    try:
        used = cache.incr(key)
    except ValueError:
        # The key expired between add and incr: this request opens a new window.
        cache.add(key, 1, timeout=seconds + 1)
        used = 1
    if used > count:
        return max(1, int((window + 1) * seconds - now) + 1)
    return 0
