"""The calendar writer as it was, on icalendar's object model: the reference the text writer
(:mod:`capacity_lms.workshops.calendar`) must match byte for byte."""

import datetime

from django.utils.html import strip_tags
from django.utils.text import normalize_newlines
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vRecur

from capacity_lms.core.links import absolute_url
from capacity_lms.workshops import schedule
from capacity_lms.workshops.calendar import PRODUCT_ID
from capacity_lms.workshops.models import OccurrenceChange
from capacity_lms.workshops.timezones import vtimezone


class IcalendarBuilder:
    """Collects sessions and writes them as one VCALENDAR.

    ``online_link_for`` is a set of workshop ids whose online link may appear (the person's
    own confirmed registrations); public feeds pass none. ``tentative_for`` marks workshops
    where the person is on the waiting list.
    """

    def __init__(self, name, request=None, online_link_for=(), tentative_for=()):
        self.name = name
        self.request = request
        self.online_link_for = set(online_link_for)
        self.tentative_for = set(tentative_for)
        self.calendar = Calendar()
        self.calendar.add("prodid", PRODUCT_ID)
        self.calendar.add("version", "2.0")
        self.calendar.add("calscale", "GREGORIAN")
        self.calendar.add("method", "PUBLISH")
        self.calendar.add("name", name)
        self.calendar.add("x-wr-calname", name)
        refresh = datetime.timedelta(hours=1)
        self.calendar.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
        self.calendar.add("x-published-ttl", "PT1H")
        self.years = {}
        self.events = []

    def add_sessions(self, sessions):
        for session in sessions:
            self.add_session(session)
        return self

    def add_session(self, session):
        # A row written without validation (an unknown zone, a rule that gives no date within
        # the bounds of every expansion) is left out: there is nothing right to publish, and a
        # client would walk the rule for ever.
        dates = session.occurrence_dates() if session.is_series else []
        if not schedule.is_known_zone(session.time_zone) or (session.is_series and not dates):
            return self
        workshop = session.workshop
        stamp = max(workshop.updated_at, session.updated_at)
        changes = list(session.changes.all())
        for change in changes:
            stamp = max(stamp, change.updated_at)
        # A change whose date the rule no longer gives (the series was edited since) is left
        # out, as Session.occurrences() leaves it: a RECURRENCE-ID that matches no occurrence
        # is shown as an extra event by some clients and ignored by others.
        changes = [change for change in changes if change.original_date in dates]
        stamp = stamp.astimezone(datetime.UTC).replace(microsecond=0)
        sequence = session.sequence_in_calendars
        event = self._event(session, sequence, stamp)
        self._times(event, session, session.date, session.start_time, session.end_time)
        if session.is_series:
            rule = schedule.parse_rule(session.recurrence)
            rule.pop("UNTIL", None)
            rule["COUNT"] = str(len(dates))
            event.add("rrule", vRecur.from_ical(";".join(f"{k}={v}" for k, v in rule.items())))
            self._note_years(session.time_zone, dates[0], dates[-1])
            cancelled = [c for c in changes if c.status == OccurrenceChange.Status.CANCELLED]
            if cancelled:
                event.add(
                    "exdate",
                    [self._local(c.original_date, session.start_time, session) for c in cancelled],
                )
        self.events.append(event)
        for change in changes:
            if change.status == OccurrenceChange.Status.MOVED:
                moved = self._event(session, sequence + change.sequence, stamp)
                moved.add(
                    "recurrence-id",
                    self._local(change.original_date, session.start_time, session),
                )
                self._times(moved, session, change.date, change.start_time, change.end_time)
                self.events.append(moved)
        return self

    def _event(self, session, sequence, stamp):
        workshop = session.workshop
        event = Event()
        event.add("uid", session.uid)
        event.add("sequence", sequence)
        event.add("dtstamp", stamp)
        event.add("last-modified", stamp)
        event.add("created", session.created_at.astimezone(datetime.UTC).replace(microsecond=0))
        summary = workshop.title
        if session.title:
            summary = f"{workshop.title}: {session.title}"
        event.add("summary", summary)
        url = absolute_url(workshop.get_absolute_url(), self.request)
        event.add("url", url)
        event.add("description", self._description(session, url))
        location = workshop.location_text() if workshop.has_venue else ""
        if workshop.is_online and workshop.pk in self.online_link_for:
            location = ", ".join(filter(None, [location, workshop.online_url]))
        if location:
            event.add("location", location)
        if workshop.strategic_axis_id:
            event.add("categories", [str(workshop.strategic_axis)])
        if session.is_cancelled:
            status = "CANCELLED"
        elif workshop.pk in self.tentative_for:
            status = "TENTATIVE"
        else:
            status = "CONFIRMED"
        event.add("status", status)
        event.add("transp", "OPAQUE")
        return event

    def _description(self, session, url):
        workshop = session.workshop
        lines = []
        text = normalize_newlines(strip_tags(workshop.description or "")).strip()
        if text:
            lines.append(text)
        if workshop.is_online:
            if workshop.pk in self.online_link_for:
                lines.append(_("Join online: %(url)s") % {"url": workshop.online_url})
                if workshop.online_instructions:
                    lines.append(workshop.online_instructions)
            else:
                lines.append(_("Registered people find the online link on the workshop page."))
        if session.is_cancelled:
            lines.insert(0, _("Cancelled."))
        lines.append(url)
        return "\n\n".join(lines)

    def _local(self, day, time, session):
        return datetime.datetime.combine(day, time, tzinfo=schedule.zone(session.time_zone))

    def _times(self, event, session, day, start_time, end_time):
        event.add("dtstart", self._local(day, start_time, session))
        event.add("dtend", self._local(day, end_time, session))
        self._note_years(session.time_zone, day, day)

    def _note_years(self, tzid, first, last):
        # Only the years a session may take place in (a row written without validation may say
        # 9999): a VTIMEZONE thousands of years long would be built and sent to every visitor.
        # A date outside is then read with the nearest observance the file has.
        lowest = schedule.FIRST_YEAR
        highest = datetime.date.today().year + schedule.YEARS_AHEAD + schedule.SERIES_MAX_YEARS
        first_year = min(max(first.year, lowest), highest)
        last_year = min(max(last.year, lowest), highest)
        known = self.years.get(tzid)
        if known:
            first_year, last_year = min(known[0], first_year), max(known[1], last_year)
        self.years[tzid] = (first_year, last_year)

    def to_ical(self):
        for tzid in sorted(self.years):
            first_year, last_year = self.years[tzid]
            self.calendar.add_component(vtimezone(tzid, first_year, last_year))
        for event in self.events:
            self.calendar.add_component(event)
        return self.calendar.to_ical()
