"""iCalendar (RFC 5545) files for sessions: feeds, single-session downloads, e-mail attachments.

Each session is one VEVENT with a stable UID; a series carries its RRULE (published with COUNT,
so no client has to guess what a date-only UNTIL means next to a TZID), an EXDATE per
cancelled occurrence and an overriding VEVENT (same UID, RECURRENCE-ID) per moved one.
Times are local wall times with their TZID, and every TZID used gets a VTIMEZONE covering the
years the file spans. SEQUENCE is the workshop's plus the session's (both only grow), DTSTAMP
and LAST-MODIFIED the last change, so the same data always gives the same bytes.

A session's events are written once as text (:func:`CalendarBuilder.piece`, through
:mod:`.ical_text`), a *piece* that feeds keep in the cache (:mod:`.feed_cache`); a file is the
calendar's header, the VTIMEZONEs its pieces need, and the pieces.
"""

import functools

from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines
from django.utils.translation import gettext_lazy as _

from capacity_lms.conf import programme_name
from capacity_lms.core import clock
from capacity_lms.core.links import absolute_url
from capacity_lms.workshops import schedule
from capacity_lms.workshops.ical_text import (
    escape_text,
    event,
    line,
    local_line,
    rule_value,
    text_line,
    utc_stamp,
)
from capacity_lms.workshops.models import OccurrenceChange, Session
from capacity_lms.workshops.timezones import vtimezone

PRODUCT_ID = "-//capacity-lms//Workshops//EN"
# A session left out of calendars (an unknown zone, a rule that gives no date).
NOTHING = (b"", "", 0, 0)
# What events say besides the data: part of the cached pieces' context (feed_cache).
PHRASES = {
    "cancelled": _("Cancelled."),
    "join": _("Join online: %(url)s"),
    "registered": _("Registered people find the online link on the workshop page."),
}


@functools.lru_cache(maxsize=256)
def vtimezone_text(tzid, first_year, last_year):
    return vtimezone(tzid, first_year, last_year).to_ical().decode("utf-8")


def header(name):
    # NAME and X-WR-CALNAME are written as they are (icalendar does not escape them).
    name = " ".join(str(name).splitlines())
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
        + line("PRODID", PRODUCT_ID)
        + "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n"
        + line("NAME", name)
        + line("X-WR-CALNAME", name)
        + "REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\nX-PUBLISHED-TTL:PT1H\r\n"
    )


def year_bounds():
    # Only the years a session may take place in (a row written without validation may say
    # 9999): a VTIMEZONE thousands of years long would be built and sent to every visitor.
    # A date outside is then read with the nearest observance the file has.
    highest = clock.today().year + schedule.YEARS_AHEAD + schedule.SERIES_MAX_YEARS
    return schedule.FIRST_YEAR, highest


def assemble(name, pieces):
    """The calendar's bytes: header, a VTIMEZONE per zone the pieces use (over their years),
    the pieces in their order."""
    years = {}
    for text, tzid, first, last in pieces:
        if not text:
            continue
        known = years.get(tzid)
        if known is None:
            years[tzid] = [first, last]
        else:
            if first < known[0]:
                known[0] = first
            if last > known[1]:
                known[1] = last
    lowest, highest = year_bounds()
    for tzid, (first, last) in years.items():
        years[tzid] = (min(max(first, lowest), highest), min(max(last, lowest), highest))
    parts = [header(name)]
    parts += [vtimezone_text(tzid, *years[tzid]) for tzid in sorted(years)]
    head = "".join(parts).encode("utf-8")
    # The pieces are UTF-8 already (as kept in the cache): joined, never decoded again.
    return b"".join([head, *(piece[0] for piece in pieces), b"END:VCALENDAR\r\n"])


class CalendarBuilder:
    """Collects sessions (or their pieces) and writes them as one VCALENDAR.

    ``online_link_for`` is a set of workshop ids whose online link may appear (the person's
    own confirmed registrations); public feeds pass none. ``tentative_for`` marks workshops
    where the person is on the waiting list.
    """

    def __init__(self, name, request=None, online_link_for=(), tentative_for=()):
        self.name = name
        self.request = request
        self.online_link_for = set(online_link_for)
        self.tentative_for = set(tentative_for)
        self.pieces = []
        self._workshops = {}

    def is_public(self, workshop_id):
        """Whether the pieces of the workshop's sessions are the same for everyone here (no
        online link, not tentative)."""
        return workshop_id not in self.online_link_for and workshop_id not in self.tentative_for

    def add_sessions(self, sessions):
        for session in sessions:
            self.add_session(session)
        return self

    def add_session(self, session):
        self.pieces.append(self.piece(session))
        return self

    def add_piece(self, piece):
        self.pieces.append(piece)
        return self

    def to_ical(self):
        return assemble(self.name, self.pieces)

    def piece(self, session):
        """``(text, tzid, first year, last year)``: the session's VEVENTs as UTF-8 text, the
        zone they use and the years it must cover."""
        # A row written without validation (an unknown zone, a rule that gives no date within
        # the bounds of every expansion) is left out: there is nothing right to publish, and a
        # client would walk the rule for ever.
        dates = session.occurrence_dates() if session.is_series else []
        if not schedule.is_known_zone(session.time_zone) or (session.is_series and not dates):
            return NOTHING
        workshop = session.workshop
        stamp = max(workshop.updated_at, session.updated_at)
        changes = list(session.changes.all())
        for change in changes:
            stamp = max(stamp, change.updated_at)
        # A change whose date the rule no longer gives (the series was edited since) is left
        # out, as Session.occurrences() leaves it: a RECURRENCE-ID that matches no occurrence
        # is shown as an extra event by some clients and ignored by others.
        changes = [change for change in changes if change.original_date in dates]
        common = self._common(session, utc_stamp(stamp))
        sequence = session.sequence_in_calendars
        tzid, start = session.time_zone, session.start_time
        master = [
            *common,
            ("SEQUENCE", line("SEQUENCE", sequence)),
            *self._times(session, session.date, start, session.end_time),
        ]
        years = [session.date.year]
        if session.is_series:
            rule = schedule.parse_rule(session.recurrence)
            rule.pop("UNTIL", None)
            rule["COUNT"] = str(len(dates))
            master.append(("RRULE", line("RRULE", rule_value(rule))))
            years += [dates[0].year, dates[-1].year]
            cancelled = [
                (change.original_date, start)
                for change in changes
                if change.status == OccurrenceChange.Status.CANCELLED
            ]
            if cancelled:
                master.append(("EXDATE", local_line("EXDATE", tzid, *cancelled)))
        texts = [event(master)]
        for change in changes:
            if change.status == OccurrenceChange.Status.MOVED:
                original = (change.original_date, start)
                moved = [
                    *common,
                    ("SEQUENCE", line("SEQUENCE", sequence + change.sequence)),
                    ("RECURRENCE-ID", local_line("RECURRENCE-ID", tzid, original)),
                    *self._times(session, change.date, change.start_time, change.end_time),
                ]
                texts.append(event(moved))
                years.append(change.date.year)
        return "".join(texts).encode("utf-8"), tzid, min(years), max(years)

    def _times(self, session, day, start_time, end_time):
        tzid = session.time_zone
        return [
            ("DTSTART", local_line("DTSTART", tzid, (day, start_time))),
            ("DTEND", local_line("DTEND", tzid, (day, end_time))),
        ]

    def _common(self, session, stamp):
        """The lines every VEVENT of the session carries, but SEQUENCE and the times."""
        shown = self._workshop_lines(session.workshop)
        summary = session.workshop.title
        if session.title:
            summary = f"{summary}: {session.title}"
        if session.is_cancelled:
            description, status = shown["cancelled"], "CANCELLED"
        else:
            description, status = shown["description"], shown["status"]
        return [
            ("UID", text_line("UID", session.uid)),
            ("DTSTAMP", f"DTSTAMP:{stamp}\r\n"),
            ("LAST-MODIFIED", f"LAST-MODIFIED:{stamp}\r\n"),
            ("CREATED", f"CREATED:{utc_stamp(session.created_at)}\r\n"),
            ("SUMMARY", text_line("SUMMARY", summary)),
            ("DESCRIPTION", description),
            ("STATUS", f"STATUS:{status}\r\n"),
            ("TRANSP", "TRANSP:OPAQUE\r\n"),
            *shown["others"],
        ]

    def _workshop_lines(self, workshop):
        """What every session of ``workshop`` shows alike, written once per file."""
        known = self._workshops.get(workshop.pk)
        if known is not None:
            return known
        url = absolute_url(workshop.get_absolute_url(), self.request)
        others = [("URL", line("URL", url))]
        location = workshop.location_text() if workshop.has_venue else ""
        if workshop.is_online and workshop.pk in self.online_link_for:
            location = ", ".join(filter(None, [location, workshop.online_url]))
        if location:
            others.append(("LOCATION", text_line("LOCATION", location)))
        if workshop.strategic_axis_id:
            category = escape_text(str(workshop.strategic_axis))
            others.append(("CATEGORIES", line("CATEGORIES", category)))
        lines = self._description(workshop, url)
        cancelled = [str(PHRASES["cancelled"]), *lines]
        known = {
            "others": others,
            "description": text_line("DESCRIPTION", "\n\n".join(lines)),
            "cancelled": text_line("DESCRIPTION", "\n\n".join(cancelled)),
            "status": "TENTATIVE" if workshop.pk in self.tentative_for else "CONFIRMED",
        }
        self._workshops[workshop.pk] = known
        return known

    def _description(self, workshop, url):
        lines = []
        text = normalize_newlines(strip_tags(workshop.description or "")).strip()
        if text:
            lines.append(text)
        if workshop.is_online:
            if workshop.pk in self.online_link_for:
                lines.append(str(PHRASES["join"]) % {"url": workshop.online_url})
                if workshop.online_instructions:
                    lines.append(workshop.online_instructions)
            else:
                lines.append(str(PHRASES["registered"]))
        lines.append(url)
        return lines


def session_calendar(session, request=None, online_link=False, language=None):
    """One session (with its whole series) as an ``.ics`` file's bytes."""
    with translation.override(language or translation.get_language()):
        builder = CalendarBuilder(
            session.workshop.title,
            request=request,
            online_link_for={session.workshop_id} if online_link else (),
        )
        return builder.add_session(session).to_ical()


def workshop_calendar(workshop, request=None, online_link=False, language=None):
    """Every session of a workshop as one ``.ics`` (e-mail attachments, downloads)."""
    with translation.override(language or translation.get_language()):
        builder = CalendarBuilder(
            workshop.title,
            request=request,
            online_link_for={workshop.pk} if online_link else (),
        )
        sessions = Session.objects.filter(workshop=workshop).in_calendars()
        if not workshop.is_listed:
            sessions = Session.objects.filter(workshop=workshop).select_related(
                "workshop", "workshop__country", "workshop__strategic_axis"
            )
        return builder.add_sessions(sessions.prefetch_related("changes")).to_ical()


def feed_name(*parts):
    return " – ".join([str(programme_name()), *map(str, parts)])
