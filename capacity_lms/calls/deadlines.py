"""The call's clock: opening and closing as wall times in Casablanca, their instants, and what
the server allows at a given instant.

A call opens and closes at a date and a time on Casablanca's clocks (``CALL_TIME_ZONE``), as
the ministry announces it; the UTC instants are derived with the zone's rules, which move
Morocco's clocks back an hour for Ramadan and forward again after it, on dates that change
every year. Two wall times need a rule:

- A wall time the clocks skip (spring forward: 02:30 when 02:00 jumps to 03:00) does not
  exist; it moves forward to the first instant after the gap (03:00 on the new clock).
- A wall time that happens twice (the clocks go back: 02:30 comes twice) is the LATER of the
  two instants, so that nobody loses the hour: a deadline then closes at the second 02:30.

The call is open from its opening instant included to its closing instant excluded: at the
closing instant itself nothing more is accepted. ``now`` is the server's clock, passed in by
callers (``clock.now()`` when they pass nothing), never a time a client sent.
"""

import datetime
import math
import zoneinfo
from dataclasses import dataclass

from django.db import models
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused

CALL_TIME_ZONE = "Africa/Casablanca"
UTC = datetime.UTC


class ClockState(models.TextChoices):
    """Where a call stands on its own clock (review and decision are the committee's steps,
    recorded apart)."""

    UPCOMING = "upcoming", gettext_lazy("Upcoming")
    OPEN = "open", gettext_lazy("Open")
    CLOSED = "closed", gettext_lazy("Closed")


def _wall(instant, tz):
    return instant.astimezone(tz).replace(tzinfo=None, fold=0)


def instant(day, time, time_zone=CALL_TIME_ZONE):
    """The aware UTC instant of the wall time ``day`` ``time`` in ``time_zone`` (Casablanca
    unless told): a skipped wall time moves to the first instant after the gap, a repeated one
    is the later of its two instants (see the module's docstring)."""
    tz = zoneinfo.ZoneInfo(time_zone)
    wall = datetime.datetime.combine(day, time).replace(tzinfo=None)
    later = wall.replace(tzinfo=tz, fold=1).astimezone(UTC)
    if _wall(later, tz) == wall:
        return later
    # In a gap, the two folds give the instants either side of the change: find the change,
    # to the second, between them (at most a few hours apart: a dozen steps).
    earlier = wall.replace(tzinfo=tz, fold=0).astimezone(UTC)
    low, high = sorted((earlier, later))
    after = high.astimezone(tz).utcoffset()
    low, high = math.floor(low.timestamp()), math.ceil(high.timestamp())
    while high - low > 1:
        middle = (low + high) // 2
        if datetime.datetime.fromtimestamp(middle, tz).utcoffset() == after:
            high = middle
        else:
            low = middle
    return datetime.datetime.fromtimestamp(high, UTC)


def is_open(opens, closes, now=None):
    """Whether a call open from ``opens`` (included) to ``closes`` (excluded) is open ``now``."""
    now = now or clock.now()
    return opens <= now < closes


def state(opens, closes, now=None):
    """The :class:`ClockState` of a call opening at ``opens`` and closing at ``closes``."""
    now = now or clock.now()
    if now < opens:
        return ClockState.UPCOMING
    if now < closes:
        return ClockState.OPEN
    return ClockState.CLOSED


@dataclass(frozen=True)
class ShownInstant:
    """An instant on Casablanca's clocks, and on the viewer's when their zone is another
    known one (``viewer`` is then an aware datetime, else None)."""

    casablanca: datetime.datetime
    viewer: datetime.datetime | None
    viewer_time_zone: str | None


def shown(moment, viewer_time_zone=None):
    """``moment`` as people read it: in Casablanca, and in ``viewer_time_zone`` too."""
    casablanca = moment.astimezone(zoneinfo.ZoneInfo(CALL_TIME_ZONE))
    if not viewer_time_zone or viewer_time_zone == CALL_TIME_ZONE:
        return ShownInstant(casablanca, None, None)
    try:
        viewer_zone = zoneinfo.ZoneInfo(viewer_time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError):
        return ShownInstant(casablanca, None, None)
    return ShownInstant(casablanca, moment.astimezone(viewer_zone), viewer_time_zone)


def casablanca_text(moment):
    """``moment`` on Casablanca's clocks as a localised date and time, for a sentence."""
    local = moment.astimezone(zoneinfo.ZoneInfo(CALL_TIME_ZONE))
    return formats.date_format(local, "DATETIME_FORMAT")


def refuse_after_deadline(closes, now=None):
    """Raise :class:`ActionRefused` from the closing instant on; do nothing before it."""
    now = now or clock.now()
    if now >= closes:
        raise ActionRefused(
            _("The deadline has passed: it was %(deadline)s, Casablanca time.")
            % {"deadline": casablanca_text(closes)},
            code="deadline_passed",
        )
