"""The calendar feeds' version numbers in the cache, and their purges (see :mod:`.feed_cache`).

Apart from the feeds and their pieces, so that the models (whose querysets' ``update()``
purges) import it without importing the feeds.
"""

from django.db import transaction

from capacity_lms.core.versions import bump, numbers  # noqa: F401  (the feeds' own)

VERSION_KEY = "capacity_lms:feeds:version"
PIECES_KEY = "capacity_lms:feeds:pieces-generation"


def person_key(person_id):
    return f"capacity_lms:feeds:person:{person_id}"


def purge_bodies():
    """Forget every cached feed body; pieces stay, found by their rows' versions."""
    bump(VERSION_KEY)


def purge():
    """Forget every cached feed and piece: after a write that sends no signal and leaves
    ``updated_at`` alone (raw SQL, another application), ``python manage.py shell -c "from
    capacity_lms.workshops.feed_cache import purge; purge()"``."""
    bump(PIECES_KEY)
    purge_bodies()


def purge_person(person_id):
    """Forget the cached personal feed of one person (their registrations changed)."""
    bump(person_key(person_id))


def purge_after_commit(person_ids=()):
    """Purge the bodies (and these people's feeds) again once the change is committed: a
    request that read the old rows while the transaction was open, after the receivers had
    purged, must not leave them behind. Called by the actions, which run in transactions;
    a bare ``save()`` (a shell, a factory) is committed when its receiver purges."""

    def again():
        purge_bodies()
        for person_id in person_ids:
            purge_person(person_id)

    transaction.on_commit(again)
