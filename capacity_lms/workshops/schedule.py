"""Wall-clock times in a session's IANA time zone, their UTC instants, and series rules.

A session is entered as a local date and times in its own time zone, as people say it
("Tuesday 18:00 in Casablanca"); the UTC instants are derived from them with the zone's rules.
Storing the wall time keeps a series right when a country changes its rules (Morocco's offset
moves around Ramadan every year), and it is what a calendar file carries (DTSTART;TZID=...).
"""

import datetime
import functools
import zoneinfo

from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from capacity_lms.taxonomy.models import validate_time_zone

UTC = datetime.UTC

# A series is a whole number of days apart, so every occurrence keeps the session's times.
ALLOWED_FREQUENCIES = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}
ALLOWED_RULE_PARTS = {
    "FREQ",
    "INTERVAL",
    "COUNT",
    "UNTIL",
    "BYDAY",
    "BYMONTHDAY",
    "BYMONTH",
    "BYSETPOS",
    "WKST",
}
MAX_OCCURRENCES = 366


@functools.lru_cache(maxsize=512)
def _known_zone(name):
    return zoneinfo.ZoneInfo(name)


def zone(name):
    """The ``ZoneInfo`` for an IANA name; a ValidationError when there is no such zone."""
    try:
        return _known_zone(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError):
        validate_time_zone(str(name))
        raise


def to_utc(day, time, time_zone):
    """The UTC instant of the wall time ``day`` ``time`` in ``time_zone``.

    A wall time skipped by a daylight-saving change does not exist and is refused; one that
    happens twice (the hour repeated in autumn) is the first of the two, as calendar clients
    read it (RFC 5545, 3.3.5).
    """
    tz = zone(time_zone)
    local = datetime.datetime.combine(day, time, tzinfo=tz)
    instant = local.astimezone(UTC)
    if instant.astimezone(tz).replace(tzinfo=None) != local.replace(tzinfo=None):
        raise ValidationError(
            _(
                "%(time)s on %(date)s does not exist in %(zone)s: the clocks change then. "
                "Choose another time."
            ),
            params={"time": time.strftime("%H:%M"), "date": day.isoformat(), "zone": time_zone},
            code="nonexistent_time",
        )
    return instant


def parse_rule(rule):
    """Split an RRULE value into its parts, refusing what a workshop series cannot be."""
    rule = (rule or "").strip()
    if rule.upper().startswith("RRULE:"):
        rule = rule[len("RRULE:") :]
    parts = {}
    for item in filter(None, rule.split(";")):
        name, separator, value = item.partition("=")
        if not separator or not value:
            raise ValidationError(
                _("“%(part)s” is not a NAME=VALUE part of a recurrence rule."),
                params={"part": item},
                code="rule_syntax",
            )
        parts[name.strip().upper()] = value.strip().upper()
    unknown = sorted(set(parts) - ALLOWED_RULE_PARTS)
    if unknown:
        raise ValidationError(
            _("A series repeats whole days; these rule parts are not accepted: %(parts)s."),
            params={"parts": ", ".join(unknown)},
            code="rule_parts",
        )
    if parts.get("FREQ") not in ALLOWED_FREQUENCIES:
        raise ValidationError(
            _("The rule needs FREQ=DAILY, WEEKLY, MONTHLY or YEARLY."), code="rule_frequency"
        )
    if ("COUNT" in parts) == ("UNTIL" in parts):
        raise ValidationError(
            _("A series needs an end: give COUNT (how many times) or UNTIL (last date)."),
            code="rule_end",
        )
    return parts


def normalise_rule(rule):
    """The rule as it is stored and published: upper case, parts in a fixed order."""
    if not (rule or "").strip():
        return ""
    parts = parse_rule(rule)
    order = [name for name in ("FREQ", "INTERVAL", "COUNT", "UNTIL") if name in parts]
    order += sorted(set(parts) - set(order))
    return ";".join(f"{name}={parts[name]}" for name in order)


def occurrence_dates(day, time, time_zone, rule):
    """The local dates of every occurrence of a series starting ``day`` at ``time``.

    UNTIL given as a date includes that date; given as a UTC date-time it is compared with the
    occurrence's instant, as RFC 5545 says.
    """
    if not rule:
        return [day]
    parts = parse_rule(rule)
    tz = zone(time_zone)
    start = datetime.datetime.combine(day, time)
    until = parts.pop("UNTIL", None)
    text = ";".join(f"{name}={value}" for name, value in parts.items())
    try:
        recurrence = rrulestr(text, dtstart=start)
    except (ValueError, TypeError) as error:
        raise ValidationError(
            _("The recurrence rule cannot be read: %(error)s"),
            params={"error": str(error)},
            code="rule_syntax",
        ) from error
    if until is not None:
        last = _parse_until(until, tz)
        recurrence = recurrence.replace(until=last)
    dates = []
    for occurrence in recurrence:
        dates.append(occurrence.date())
        if len(dates) > MAX_OCCURRENCES:
            raise ValidationError(
                _("A series may have at most %(count)s occurrences."),
                params={"count": MAX_OCCURRENCES},
                code="rule_too_long",
            )
    return dates


def _parse_until(value, tz):
    try:
        if "T" not in value:
            day = datetime.date(int(value[:4]), int(value[4:6]), int(value[6:8]))
            return datetime.datetime.combine(day, datetime.time.max)
        moment = datetime.datetime.strptime(value.rstrip("Z"), "%Y%m%dT%H%M%S")
    except ValueError as error:
        raise ValidationError(
            _("UNTIL must be a date such as 20270131."), code="rule_until"
        ) from error
    if value.endswith("Z"):
        return moment.replace(tzinfo=UTC).astimezone(tz).replace(tzinfo=None)
    return moment
