"""VTIMEZONE components built from the IANA database, one transition at a time.

icalendar's own ``Timezone.from_tzid`` searches for transitions in steps of 64 days and so
misses any period shorter than that whose two ends have the same offset: Morocco's Ramadan
hour (about 30 days at UTC+0 inside a year at UTC+1) vanished from its 2027 output, and every
calendar client then showed Casablanca sessions that month an hour off. Here the search walks
day by day in UTC and narrows each change to the minute, and every transition becomes its own
STANDARD or DAYLIGHT sub-component (no RDATE lists, which some clients read poorly).
"""

import datetime
import functools

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

from capacity_lms.workshops.schedule import zone

UTC = datetime.UTC
DAY = datetime.timedelta(days=1)
MINUTE = datetime.timedelta(minutes=1)


def transitions(tz, start, end):
    """The UTC instants in [start, end) at which ``tz``'s offset or name changes."""
    found = []
    moment = start
    state = _state(tz, moment)
    while moment < end:
        following = min(moment + DAY, end)
        following_state = _state(tz, following)
        if following_state != state:
            low, high = moment, following
            while high - low > MINUTE:
                middle = low + (high - low) / 2
                middle = middle.replace(second=0, microsecond=0)
                if middle <= low:
                    middle = low + MINUTE
                if _state(tz, middle) == state:
                    low = middle
                else:
                    high = middle
            found.append(high)
            state = _state(tz, high)
            moment = high
            continue
        moment = following
    return found


def _state(tz, instant):
    local = instant.astimezone(tz)
    return local.utcoffset(), local.tzname(), bool(local.dst())


@functools.lru_cache(maxsize=256)
def vtimezone(tzid, first_year, last_year):
    """A VTIMEZONE for ``tzid`` that is right from 1 January ``first_year`` to 31 December
    ``last_year``."""
    tz = zone(tzid)
    # A day more on either side: in zones ahead of UTC, 1 January starts before midnight UTC,
    # and clients read a wall time before the first onset differently (dateutil takes the
    # first STANDARD offset, an hour off for Auckland's summer).
    start = datetime.datetime(first_year, 1, 1, tzinfo=UTC) - DAY
    end = datetime.datetime(last_year + 1, 1, 1, tzinfo=UTC) + DAY
    component = Timezone()
    component.add("TZID", tzid)
    offset, name, is_dst = _state(tz, start)
    component.add_component(_observance(start + offset, offset, offset, name, is_dst))
    for instant in transitions(tz, start, end):
        offset_to, name, is_dst = _state(tz, instant)
        component.add_component(_observance(instant + offset, offset, offset_to, name, is_dst))
        offset = offset_to
    return component


def _observance(local_start, offset_from, offset_to, name, is_dst):
    observance = TimezoneDaylight() if is_dst else TimezoneStandard()
    observance.add("DTSTART", local_start.replace(tzinfo=None))
    observance.add("TZOFFSETFROM", offset_from)
    observance.add("TZOFFSETTO", offset_to)
    observance.add("TZNAME", name or _offset_name(offset_to))
    return observance


def _offset_name(offset):
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"
