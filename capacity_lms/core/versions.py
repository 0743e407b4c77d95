"""Version numbers in the shared cache, and values kept while a version number stays put.

A version number is moved on (:func:`bump`) by every change to what it covers; a value kept
under it (:func:`kept_while`) is used only while the number is unchanged, so a change is never
hidden, whichever app server made it.
"""

import time

from django.core.cache import cache
from django.db import transaction


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
    try:
        cache.incr(key)
    except ValueError:
        cache.add(key, time.time_ns(), None)


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
