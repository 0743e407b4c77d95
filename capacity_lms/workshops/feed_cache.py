"""Calendar feeds kept in the cache: each session's events as text, and each feed's body.

Two layers, both in Django's ``default`` cache, which every app server shares (docs/caching.md):

- **Pieces**: a session's VEVENTs as text (:meth:`CalendarBuilder.piece`), found by what the
  text is written from, as one query over the feed's sessions reads it
  (``SessionQuerySet.calendar_index``): a piece written from older rows is never taken for newer
  ones, whoever changed them (through ``save()``). What the rows do not say is in the
  *context*: the language, the site's address, the translated phrases and the pieces'
  generation (``PIECES_KEY``, moved on when a country or an axis, whose names events show, is
  saved or deleted, and by :func:`purge`). Pieces with a person's online link or a
  TENTATIVE status are never stored. They are kept in ``BUCKETS`` entries per context (by
  workshop), so that a feed of thousands of sessions is read in one round trip and a small
  cache is not flooded with thousands of entries.
- **Bodies**: a feed's whole answer (ETag, Last-Modified, bytes) under a key made of its
  address, host, language, name and the feeds' version number (``VERSION_KEY``), and for a
  personal feed the person's own (``person_key``). A repeat fetch reads the version and the
  body: no query over the sessions. The receivers below move the version on whenever a row a
  feed shows is saved or deleted, and the querysets' ``update()`` does (no signal is sent);
  the actions move it on again after the commit (:func:`purge_after_commit`), so that a
  request that read the old rows while the transaction was open cannot leave them behind.
"""

import datetime
import hashlib

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import get_language

from capacity_lms.conf import get_setting
from capacity_lms.core import clock
from capacity_lms.core.links import absolute_url
from capacity_lms.taxonomy.models import Country, StrategicAxis
from capacity_lms.workshops.calendar import PHRASES
from capacity_lms.workshops.feed_versions import (  # noqa: F401  (purge: the manual one)
    PIECES_KEY,
    VERSION_KEY,
    bump,
    numbers,
    person_key,
    purge,
    purge_after_commit,
    purge_bodies,
    purge_person,
)
from capacity_lms.workshops.models import OccurrenceChange, Registration, Session, Workshop

BODY_PREFIX = "capacity_lms:feeds:body:v1"
PIECES_PREFIX = "capacity_lms:feeds:pieces:v2"  # v2: pieces kept as UTF-8 bytes
BUCKETS = 64
# A body is kept as long as clients are told to keep it (max-age): sessions leave a feed
# CALENDAR_PAST_DAYS after they end, which no change announces.
BODY_SECONDS = 300
PIECE_SECONDS = 24 * 3600


def body_key(request, *parts, person_id=None):
    keys = [VERSION_KEY] if person_id is None else [VERSION_KEY, person_key(person_id)]
    material = [
        request.scheme,
        request.get_host(),
        request.path,
        get_language() or "",
        get_setting("CALENDAR_PAST_DAYS"),
        *numbers(*keys),
        *parts,
    ]
    digest = hashlib.sha256(repr(material).encode("utf-8")).hexdigest()
    return f"{BODY_PREFIX}:{digest}"


def cached_body(key):
    return cache.get(key)


def keep_body(key, entry):
    cache.set(key, entry, BODY_SECONDS)


class PieceStore:
    """Pieces of one context (language, site, phrases, taxonomy names), by session."""

    def __init__(self, request):
        context = [
            get_language() or "",
            absolute_url("/", request),
            *numbers(PIECES_KEY),
            *(str(phrase) for phrase in PHRASES.values()),
        ]
        self.context = hashlib.sha256(repr(context).encode("utf-8")).hexdigest()[:32]
        self.buckets = {}

    def _key(self, bucket):
        return f"{PIECES_PREFIX}:{self.context}:{bucket}"

    def found(self, wanted):
        """``{session pk: piece}`` of the pieces stored for ``wanted``, ``{pk: (workshop id,
        key)}``, under the same key."""
        buckets = {workshop_id % BUCKETS for workshop_id, _key in wanted.values()}
        stored = cache.get_many([self._key(bucket) for bucket in buckets])
        self.buckets = {bucket: stored.get(self._key(bucket), {}) for bucket in buckets}
        pieces = {}
        for pk, (workshop_id, key) in wanted.items():
            entry = self.buckets[workshop_id % BUCKETS].get(pk)
            if entry is not None and entry[0] == key:
                pieces[pk] = entry[1]
        return pieces

    def keep(self, written):
        """Store ``written``, ``{pk: (workshop id, key, piece)}``; the pieces of sessions that
        ended before the years any feed shows are dropped on the way."""
        if not written:
            return
        past = datetime.timedelta(days=get_setting("CALENDAR_PAST_DAYS"))
        gone = (clock.now() - past).year
        changed = {}
        for pk, (workshop_id, key, piece) in written.items():
            bucket = workshop_id % BUCKETS
            entries = self.buckets.setdefault(bucket, {})
            entries[pk] = (key, piece)
            changed[bucket] = entries
        for entries in changed.values():
            for pk in [pk for pk, (_key, piece) in entries.items() if piece[3] < gone]:
                del entries[pk]
        cache.set_many(
            {self._key(bucket): entries for bucket, entries in changed.items()}, PIECE_SECONDS
        )


# Purges: every row a feed shows, saved or deleted by any path that sends Django's signals
# (actions, the admin, imports, factories); querysets' update() purges too. Raw SQL: purge().


@receiver(post_save, sender=Session)
@receiver(post_delete, sender=Session)
@receiver(post_save, sender=Workshop)
@receiver(post_delete, sender=Workshop)
@receiver(post_save, sender=OccurrenceChange)
@receiver(post_delete, sender=OccurrenceChange)
@receiver(m2m_changed, sender=Workshop.trainers.through)
def purge_on_schedule_change(**kwargs):
    purge_bodies()


@receiver(post_save, sender=Country)
@receiver(post_delete, sender=Country)
@receiver(post_save, sender=StrategicAxis)
@receiver(post_delete, sender=StrategicAxis)
def purge_on_label_change(**kwargs):
    # Pieces show the country's and the axis's names: a new generation of pieces.
    purge()


@receiver(post_save, sender=Registration)
@receiver(post_delete, sender=Registration)
def purge_personal_feed(instance, **kwargs):
    # Only the person's own feed lists their registrations; public feeds show no seats.
    purge_person(instance.user_id)
