"""Wall-clock times in a session's IANA time zone, their UTC instants, and series rules.

A session is entered as a local date and times in its own time zone, as people say it
("Tuesday 18:00 in Casablanca"); the UTC instants are derived from them with the zone's rules.
Storing the wall time keeps a series right when a country changes its rules (Morocco's offset
moves around Ramadan every year), and it is what a calendar file carries (DTSTART;TZID=...).
"""

import calendar
import datetime
import functools
import logging
import time as stopwatch
import zoneinfo

from dateutil import rrule as dateutil_rrule
from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from capacity_lms.core import clock
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

# The bounds of every series expansion: the import, the admin form, the listings and the
# feeds all expand through expand_series() below, so they refuse and stop at the same point.
# A series ends within SERIES_MAX_DAYS of its first date (three years), with at most
# MAX_OCCURRENCES dates. The walk looks at no more than MAX_CANDIDATE_DAYS days (the window
# needs at most 4 x 366 of them, for a yearly rule) and gives up after EXPANSION_SECONDS.
SERIES_MAX_DAYS = 3 * 365 + 1
SERIES_MAX_YEARS = 3
MAX_OCCURRENCES = 366
MAX_CANDIDATE_DAYS = 2000
EXPANSION_SECONDS = 0.2

# Sessions and moved occurrences lie from FIRST_YEAR to YEARS_AHEAD years after this one: a
# feed carries a VTIMEZONE for every year its sessions span, and one session in 9999 would make
# it thousands of observances long for every visitor.
FIRST_YEAR = 2000
YEARS_AHEAD = 10

logger = logging.getLogger(__name__)


def date_allowed(day):
    """Whether a session or a moved occurrence may take place on ``day`` (see FIRST_YEAR)."""
    return FIRST_YEAR <= day.year <= clock.today().year + YEARS_AHEAD


def validate_session_date(day):
    if not date_allowed(day):
        raise ValidationError(
            _("A session takes place between %(first)s and %(last)s."),
            params={
                "first": f"{FIRST_YEAR}-01-01",
                "last": f"{clock.today().year + YEARS_AHEAD}-12-31",
            },
            code="date_range",
        )


@functools.lru_cache(maxsize=512)
def _known_zone(name):
    """The ``ZoneInfo`` for ``name``, or None (cached too: a stored row with an unknown zone
    must not cost a look through the zone files on every page that shows it)."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError):
        return None


def zone(name):
    """The ``ZoneInfo`` for an IANA name; a ValidationError when there is no such zone."""
    tz = _known_zone(name)
    if tz is None:
        validate_time_zone(str(name))
        raise zoneinfo.ZoneInfoNotFoundError(name)
    return tz


def is_known_zone(name):
    """Whether ``name`` is an IANA zone this machine knows (a stored row may hold another)."""
    return _known_zone(name) is not None


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
    occurrence's instant, as RFC 5545 says. A rule that gives no date, or that does not reach
    its end within the bounds above, is refused with a ValidationError (ExpansionTooCostly
    when working it out takes longer than EXPANSION_SECONDS).
    """
    if not rule:
        return [day]
    dates, complete = expand_series(day, time, time_zone, rule)
    if not dates:
        raise ValidationError(
            _(
                "This rule gives no date between %(first)s and %(last)s. Check that its dates "
                "exist (there is no 30 February) and that its parts can all be met."
            ),
            params={"first": day.isoformat(), "last": _window_end(day).isoformat()},
            code="rule_empty",
        )
    if complete == "count":
        raise ValidationError(
            _("A series may have at most %(count)s occurrences."),
            params={"count": MAX_OCCURRENCES},
            code="rule_too_long",
        )
    if complete != "end":
        raise ValidationError(
            _(
                "A series must end within %(years)s years of its first date (by %(last)s); "
                "this rule goes on longer, or its dates are too rare to reach its end by then."
            ),
            params={"years": SERIES_MAX_YEARS, "last": _window_end(day).isoformat()},
            code="rule_too_long",
        )
    return list(dates)


def shown_dates(day, time, time_zone, rule):
    """The dates to show and publish for a stored series, never an error.

    A row written without validation (a script, an old backup) may hold a rule or a zone that
    :func:`occurrence_dates` refuses: pages and feeds then show none of its dates, as the form
    and the import would not have taken it, and pay one bounded walk per process for it.
    """
    if not rule:
        return [day]
    try:
        return list(_shown_dates(day, time, time_zone, rule))
    except ExpansionTooCostly:
        logger.warning("Series rule %r from %s not shown: it took too long", rule, day)
        return []


@functools.lru_cache(maxsize=1024)
def _shown_dates(day, time, time_zone, rule):
    if not is_known_zone(time_zone):
        logger.warning("Series in the unknown time zone %r not shown", time_zone)
        return ()
    try:
        return tuple(occurrence_dates(day, time, time_zone, rule))
    except ExpansionTooCostly:
        raise  # not cached
    except ValidationError as error:
        logger.warning("Series rule %r from %s not shown: %s", rule, day, " ".join(error.messages))
        return ()


class ExpansionTooCostly(ValidationError):
    """Working a rule out took longer than EXPANSION_SECONDS (never cached: the machine may
    only have been busy)."""

    def __init__(self):
        super().__init__(
            _("This rule takes too long to work out; write it more simply."),
            code="rule_too_costly",
        )


def _window_end(day):
    return day + datetime.timedelta(days=SERIES_MAX_DAYS)


def expand_series(day, time, time_zone, rule):
    """``(dates, how it stopped)`` of a series, within the bounds above.

    How it stopped: ``"end"`` (its COUNT or UNTIL reached), ``"window"`` (it goes on past
    SERIES_MAX_DAYS), ``"count"`` (more than MAX_OCCURRENCES dates) or ``"candidates"`` (more
    than MAX_CANDIDATE_DAYS days looked at). Raises ValidationError for a rule or zone that
    cannot be read, ExpansionTooCostly after EXPANSION_SECONDS.
    """
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
        recurrence = recurrence.replace(until=_parse_until(until, tz))
    dates = []
    stopped = _walk(recurrence, _window_end(day), dates)
    return tuple(dates), stopped


def _walk(recurrence, window_end, dates):
    """dateutil's ``rrule._iter`` for whole-day frequencies, with bounds.

    dateutil checks UNTIL and COUNT only against dates the rule gives, so a rule that gives
    none (or one a century) walks on to the year 9999. This is the same walk (same
    ``_iterinfo`` masks, same filters, same BYSETPOS selection) that also stops once a period
    starts after UNTIL or after ``window_end``, after MAX_CANDIDATE_DAYS days looked at, or
    after EXPANSION_SECONDS (raised). Appends to ``dates``; returns how it stopped (see
    expand_series).
    """
    rule = recurrence
    dtstart = rule._dtstart
    year, month, day = dtstart.year, dtstart.month, dtstart.day
    weekday = dtstart.weekday()
    freq, interval, wkst = rule._freq, rule._interval, rule._wkst
    until, count = rule._until, rule._count
    bymonth, byweekday = rule._bymonth, rule._byweekday
    bymonthday, bynmonthday, bysetpos = rule._bymonthday, rule._bynmonthday, rule._bysetpos
    (time,) = rule._timeset
    info = dateutil_rrule._iterinfo(rule)
    info.rebuild(year, month)
    getdayset = {
        dateutil_rrule.YEARLY: info.ydayset,
        dateutil_rrule.MONTHLY: info.mdayset,
        dateutil_rrule.WEEKLY: info.wdayset,
        dateutil_rrule.DAILY: info.ddayset,
    }[freq]
    last_day = until.date() if until else None
    if count is not None and count <= 0:
        return "end"
    deadline = stopwatch.monotonic() + EXPANSION_SECONDS
    candidates = 0
    while True:
        dayset, start, end = getdayset(year, month, day)
        period_start = datetime.date.fromordinal(info.yearordinal + start)
        if last_day is not None and period_start > last_day:
            return "end"
        if period_start > window_end:
            return "window"
        candidates += end - start
        if candidates > MAX_CANDIDATE_DAYS:
            return "candidates"
        if stopwatch.monotonic() > deadline:
            raise ExpansionTooCostly
        matching = [
            i
            for i in dayset[start:end]
            if i is not None
            and not (
                (bymonth and info.mmask[i] not in bymonth)
                or (byweekday and info.wdaymask[i] not in byweekday)
                or (info.nwdaymask and not info.nwdaymask[i])
                or (
                    (bymonthday or bynmonthday)
                    and info.mdaymask[i] not in bymonthday
                    and info.nmdaymask[i] not in bynmonthday
                )
            )
        ]
        if bysetpos:
            chosen = set()
            for position in bysetpos:
                index = position if position < 0 else position - 1
                if -len(matching) <= index < len(matching):
                    chosen.add(matching[index])
            matching = sorted(chosen)
        for i in matching:
            moment = datetime.datetime.combine(
                datetime.date.fromordinal(info.yearordinal + i), time
            )
            if until and moment > until:
                return "end"
            if moment < dtstart:
                continue
            if moment.date() > window_end:
                return "window"
            if len(dates) == MAX_OCCURRENCES:
                return "count"
            dates.append(moment.date())
            if count is not None and len(dates) == count:
                return "end"
        # The next period, as dateutil steps; a step past the window ends the walk before a
        # large INTERVAL has the calendar counted out month by month.
        fixday = False
        if freq == dateutil_rrule.YEARLY:
            year += interval
        elif freq == dateutil_rrule.MONTHLY:
            month += interval
            if month > 12:
                div, mod = divmod(month, 12)
                month, year = mod, year + div
                if month == 0:
                    month, year = 12, year - 1
        elif freq == dateutil_rrule.WEEKLY:
            if wkst > weekday:
                day += -(weekday + 1 + (6 - wkst)) + interval * 7
            else:
                day += -(weekday - wkst) + interval * 7
            weekday = wkst
            fixday = True
        else:
            day += interval
            fixday = True
        following = datetime.date(min(year, window_end.year + 1), month, 1).toordinal()
        if fixday:
            following += day - 1
        if following > window_end.toordinal():
            if last_day is not None and following > last_day.toordinal():
                return "end"
            return "window"
        if not fixday:
            info.rebuild(year, month)
        elif day > 28:
            days_in_month = calendar.monthrange(year, month)[1]
            if day > days_in_month:
                while day > days_in_month:
                    day -= days_in_month
                    month += 1
                    if month == 13:
                        month, year = 1, year + 1
                    days_in_month = calendar.monthrange(year, month)[1]
                info.rebuild(year, month)


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
