"""Version numbers in the shared cache, and values kept while a version number stays put.

A version number is moved on (:func:`bump`) by every change to what it covers; a value kept
under it (:func:`kept_while`) is used only while the number is unchanged, so a change is never
hidden, whichever app server made it.
"""

import time

from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.redis import RedisCache
from django.db import transaction


def count_up(key, start=0, seconds=None):
    """Add one to the number under ``key`` and return it; a missing number starts at ``start``
    (then counts ``start + 1``) and lives ``seconds`` (None: until evicted).

    On Redis this is one round trip (``SET NX`` and ``INCR`` in one transaction): rate limits
    and version numbers are counted on every check-in at the door, and Django's own ``incr``
    takes two (``EXISTS``, ``INCR``) after the ``add`` that starts the number. Other caches
    take Django's ``add`` and ``incr``.
    """
    backend = caches[DEFAULT_CACHE_ALIAS]
    if isinstance(backend, RedisCache):
        full_key = backend.make_and_validate_key(key)
        pipeline = backend._cache.get_client(full_key, write=True).pipeline(transaction=True)
        pipeline.set(full_key, start, ex=seconds, nx=True)
        pipeline.incr(full_key)
        return pipeline.execute()[1]
    cache.add(key, start, seconds)
    try:
        return cache.incr(key)
    except ValueError:
        # Expired between add() and incr(): this count starts the number again.
        cache.add(key, start + 1, seconds)
        return start + 1


def numbers(*keys):
    """The current numbers under ``keys``, started from the clock where the cache has none
    (so that a cache that lost one cannot bring back entries made under an earlier one)."""
    values = cache.get_many(keys)
    for key in keys:
        if key not in values:
            cache.add(key, time.time_ns(), None)
            values[key] = cache.get(key, 0)
    return [values[key] for key in keys]


def bump(key):
    """Move the number under ``key`` on; a number the cache lost starts again from the clock,
    above every value it can have had."""
    count_up(key, start=time.time_ns())


def kept_while(version_key, key, load, seconds):
    """What ``load()`` returns, kept under ``key`` while the number under ``version_key`` is
    the one it was read with: one cache round trip when kept. ``None`` is never kept (nothing
    is remembered of what does not exist), and a value is stored only once the transaction it
    was read in commits: a rolled-back change is never remembered."""
    stored = cache.get_many([version_key, key])
    kept = stored.get(key)
    if kept is not None and version_key in stored and kept[0] == stored[version_key]:
        return kept[1]
    (version,) = numbers(version_key)
    value = load()
    if value is not None:
        transaction.on_commit(lambda: cache.set(key, (version, value), seconds))
    return value
