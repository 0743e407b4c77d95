"""iCalendar (RFC 5545) content lines written as text, the way ``icalendar`` writes them.

Feeds of thousands of events are assembled from each event's text (:mod:`.calendar`), and
building ``icalendar``'s objects for each cost most of a feed's time. What is written here is
byte for byte what ``icalendar`` 7 writes for the same values (``tests/integration/workshops/
test_feed_writer.py`` compares them): TEXT values escaped as RFC 5545, 3.3.11 says, lines
folded before 75 octets without splitting a UTF-8 sequence or an escape, date-times in UTC with
``Z`` and local ones with their TZID (``Z`` for the zones ``icalendar`` takes for UTC).
"""

import datetime
import functools

from icalendar.timezone.tzid import tzid_from_tzinfo

from capacity_lms.workshops import schedule

CRLF = "\r\n"
# A line holds at most 74 octets before its fold (as icalendar writes them).
FOLD_AT = 74
# Parameter values with one of these are quoted.
QUOTABLE = (",", ";", ":", "\u2019")
# RRULE parts in the order icalendar writes them, and those it writes as integers.
RULE_ORDER = (
    "RSCALE",
    "FREQ",
    "UNTIL",
    "COUNT",
    "INTERVAL",
    "BYSECOND",
    "BYMINUTE",
    "BYHOUR",
    "BYDAY",
    "BYWEEKDAY",
    "BYMONTHDAY",
    "BYYEARDAY",
    "BYWEEKNO",
    "BYMONTH",
    "BYSETPOS",
    "WKST",
    "SKIP",
)
INTEGER_PARTS = {"COUNT", "INTERVAL", "BYMONTHDAY", "BYMONTH", "BYSETPOS"}
# VEVENT properties icalendar writes first, in this order; the others follow by name.
EVENT_FIRST = "SUMMARY DTSTART DTEND DURATION DTSTAMP UID RECURRENCE-ID SEQUENCE RRULE RDATE"
EVENT_FIRST += " EXDATE"
EVENT_ORDER = {name: index for index, name in enumerate(EVENT_FIRST.split())}


def escape_text(value):
    """A TEXT value escaped (backslash, semicolon, comma, line breaks)."""
    return (
        value.replace("\\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line):
    """``line`` folded (CRLF and a space) so that no line passes 75 octets; a fold never
    splits a character's UTF-8 bytes, nor a backslash from the character it escapes."""
    if line.isascii():
        if len(line) <= FOLD_AT:
            return line
        parts, start = [], 0
        while len(line) - start > FOLD_AT:
            end = start + FOLD_AT
            if line[end - 1] in "\\^":
                end -= 1
            parts.append(line[start:end])
            start = end
        parts.append(line[start:])
        return "\r\n ".join(parts)
    parts, current, count = [], [], 0
    for char in line:
        width = len(char.encode("utf-8"))
        if current and count + width > FOLD_AT:
            if len(current) > 1 and current[-1] in "\\^":
                carried = current.pop()
                parts.append("".join(current))
                current, count = [carried], 1
            else:
                parts.append("".join(current))
                current, count = [], 0
        current.append(char)
        count += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def line(name, value, parameters=""):
    """One content line with its CRLF; ``value`` is already in its iCalendar form."""
    return fold(f"{name}{parameters}:{value}") + CRLF


def text_line(name, value):
    return line(name, escape_text(value))


def utc_stamp(instant):
    """A date-time in UTC form (``20270101T090000Z``), seconds kept, microseconds dropped."""
    m = instant.astimezone(datetime.UTC)
    return f"{m.year:04d}{m.month:02d}{m.day:02d}T{m.hour:02d}{m.minute:02d}{m.second:02d}Z"


@functools.lru_cache(maxsize=1024)
def is_utc_zone(tzid):
    """Whether ``icalendar`` writes this zone's times as UTC (``Z``, no TZID): ``UTC`` and the
    zones it holds equivalent (``Etc/UTC``, ``GMT``, ``Zulu``...)."""
    return tzid_from_tzinfo(schedule.zone(tzid)) == "UTC"


def local_times(tzid, instants):
    """Parameters and value of a date-time property holding local ``(date, time)`` pairs
    (several for EXDATE): ``;TZID=Europe/Paris`` and ``20270101T090000[,...]``."""
    suffix = "Z" if is_utc_zone(tzid) else ""
    values = ",".join(
        f"{d.year:04d}{d.month:02d}{d.day:02d}T{t.hour:02d}{t.minute:02d}{t.second:02d}{suffix}"
        for d, t in instants
    )
    if suffix:
        return "", values
    quoted = f'"{tzid}"' if any(mark in tzid for mark in QUOTABLE) else tzid
    return f";TZID={quoted}", values


def local_line(name, tzid, *instants):
    parameters, value = local_times(tzid, instants)
    return line(name, value, parameters)


def rule_value(parts):
    """An RRULE value from its parts (``{"FREQ": "WEEKLY", ...}``), in icalendar's order."""
    names = [name for name in RULE_ORDER if name in parts]
    names += sorted(set(parts) - set(names))
    values = []
    for name in names:
        items = parts[name].split(",")
        if name in INTEGER_PARTS:
            items = [str(int(item)) for item in items]
        values.append(f"{name}={','.join(items)}")
    return ";".join(values)


def event(properties):
    """A VEVENT from ``(name, content line)`` pairs, in icalendar's order: SUMMARY, DTSTART,
    DTEND, DTSTAMP, UID, RECURRENCE-ID, SEQUENCE, RRULE, EXDATE, then by name."""
    ordered = sorted(properties, key=lambda item: (EVENT_ORDER.get(item[0], 99), item[0]))
    return "BEGIN:VEVENT\r\n" + "".join(text for _name, text in ordered) + "END:VEVENT\r\n"
