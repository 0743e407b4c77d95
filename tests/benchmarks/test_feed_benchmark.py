"""A country calendar feed of 5,000 sessions, against icalendar serialising the same events.

Run with `make benchmarks` (SQLite) or `make benchmarks DATABASE_URL=postgres://...`.
Reports the feed view's median generation time (through Django's request handler, without
conditional headers) as a ratio to the median time icalendar takes to build and serialise the
same events directly from rows already in memory, in the same run; the peak memory of one
generation (tracemalloc); the queries it runs; and the 304 answer to a conditional GET.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines
from icalendar import Calendar, Event, vRecur

from capacity_lms.workshops import schedule
from capacity_lms.workshops.models import OccurrenceChange, Session, Workshop
from capacity_lms.workshops.timezones import vtimezone
from sandbox.testing.factories import CountryFactory, StrategicAxisFactory, WorkshopFactory

from .conftest import median_seconds, peak_memory_and_queries, report

SESSIONS = 5_000
PER_WORKSHOP = 10
ZONES = ("Europe/Paris", "America/Toronto", "Africa/Casablanca")
# Few runs: one generation takes seconds, and the whole benchmark must stay under two minutes.
REPEAT = 3


def seed():
    """500 workshops of 10 sessions in France, at wall times in three zones over the coming
    year; every tenth session a weekly series of 6 with one cancelled and one moved meeting."""
    country = CountryFactory(code="fr", name_en="France", default_time_zone="Europe/Paris")
    axis = StrategicAxisFactory(code="governance")
    workshops = Workshop.objects.bulk_create(
        WorkshopFactory.build(country=country, strategic_axis=axis)
        for _ in range(SESSIONS // PER_WORKSHOP)
    )
    first = datetime.date.today() + datetime.timedelta(days=7)
    sessions = []
    for number in range(SESSIONS):
        session = Session(
            workshop=workshops[number // PER_WORKSHOP],
            title=f"Day {number % PER_WORKSHOP + 1}",
            date=first + datetime.timedelta(days=number % 360),
            start_time=datetime.time(9 + number % 8),
            end_time=datetime.time(11 + number % 8),
            time_zone=ZONES[number % len(ZONES)],
            recurrence="FREQ=WEEKLY;COUNT=6" if number % 10 == 0 else "",
        )
        session.compute_instants()
        sessions.append(session)
    sessions = Session.objects.bulk_create(sessions, batch_size=1000)
    changes = []
    for session in sessions:
        if session.recurrence:
            dates = session.occurrence_dates()
            changes.append(OccurrenceChange(session=session, original_date=dates[2]))
            changes.append(
                OccurrenceChange(
                    session=session,
                    original_date=dates[4],
                    status=OccurrenceChange.Status.MOVED,
                    date=dates[4] + datetime.timedelta(days=1),
                    start_time=session.start_time,
                    end_time=session.end_time,
                )
            )
    OccurrenceChange.objects.bulk_create(changes, batch_size=1000)
    return country


def direct_event(session, times, sequence, url, text, stamp):
    zone = schedule.zone(session.time_zone)
    day, start, end = times
    event = Event()
    event.add("uid", session.uid)
    event.add("sequence", sequence)
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("created", session.created_at.replace(microsecond=0))
    event.add("summary", f"{session.workshop.title}: {session.title}")
    event.add("url", url)
    event.add("description", f"{text}\n\n{url}")
    event.add("location", session.workshop.location_text())
    event.add("categories", [str(session.workshop.strategic_axis)])
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")
    event.add("dtstart", datetime.datetime.combine(day, start, zone))
    event.add("dtend", datetime.datetime.combine(day, end, zone))
    return event


def direct_ical(sessions, base_url):
    """The same events, with the same properties and VTIMEZONEs, built with icalendar from rows
    in memory: no database, no view. What the feed costs at the least."""
    calendar = Calendar()
    calendar.add("prodid", "-//capacity-lms//benchmark//EN")
    calendar.add("version", "2.0")
    years, events = {}, []
    for session in sessions:
        workshop = session.workshop
        zone = schedule.zone(session.time_zone)
        url = f"{base_url}{workshop.slug}/"
        text = normalize_newlines(strip_tags(workshop.description)).strip()
        changes = list(session.changes.all())
        stamp = max([workshop.updated_at, session.updated_at, *(c.updated_at for c in changes)])
        stamp = stamp.replace(microsecond=0)
        sequence = session.sequence + workshop.sequence
        times = (session.date, session.start_time, session.end_time)
        master = direct_event(session, times, sequence, url, text, stamp)
        events.append(master)
        dates = [session.date]
        if session.recurrence:
            dates = session.occurrence_dates()
            master.add("rrule", vRecur.from_ical(session.recurrence))
            cancelled = [c for c in changes if c.status == OccurrenceChange.Status.CANCELLED]
            if cancelled:
                master.add(
                    "exdate",
                    [datetime.datetime.combine(c.original_date, session.start_time, zone)
                     for c in cancelled],
                )  # fmt: skip
        for change in changes:
            if change.status == OccurrenceChange.Status.MOVED:
                times = (change.date, change.start_time, change.end_time)
                moved = direct_event(session, times, sequence + change.sequence, url, text, stamp)
                original = datetime.datetime.combine(change.original_date, session.start_time)
                moved.add("recurrence-id", original.replace(tzinfo=zone))
                events.append(moved)
                dates.append(change.date)
        first, last = years.get(session.time_zone, (dates[0].year, dates[0].year))
        years[session.time_zone] = (
            min(first, *(d.year for d in dates)),
            max(last, *(d.year for d in dates)),
        )
    for tzid, (first, last) in sorted(years.items()):
        calendar.add_component(vtimezone(tzid, first, last))
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()


@pytest.mark.django_db
def test_country_feed_of_5000_sessions(client):
    seed()
    url = reverse("capacity_lms:country_calendar", kwargs={"code": "fr"})
    base_url = "http://testserver" + reverse("capacity_lms:workshop_list")
    rows = list(Session.objects.in_calendars())
    assert len(rows) == SESSIONS

    def feed():
        response = client.get(url)
        assert response.status_code == 200
        return response

    # The first generation is the one traced (memory, queries); it also warms the caches.
    first, feed_peak, feed_queries = peak_memory_and_queries(feed)
    events = first.content.count(b"BEGIN:VEVENT")
    assert events == SESSIONS + SESSIONS // 10  # every series has one moved meeting

    direct_files = []

    def direct():
        direct_files[:] = [direct_ical(rows, base_url)]

    def not_modified():
        assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304

    feed_median = median_seconds(feed, repeat=REPEAT, warmup=0)
    direct_median = median_seconds(direct, repeat=REPEAT, warmup=0)
    # Same events: the direct file is the feed's but for the calendar's name and refresh hints.
    assert abs(len(direct_files[0]) - len(first.content)) < 0.01 * len(first.content)
    not_modified_median = median_seconds(not_modified, repeat=10, warmup=1)
    _, _, conditional_queries = peak_memory_and_queries(not_modified)
    since = client.get(url, headers={"if-modified-since": first["Last-Modified"]})
    assert since.status_code == 304

    ratio = feed_median / direct_median
    report(
        "country feed",
        {
            "sessions": SESSIONS,
            "events (VEVENT)": events,
            "feed size (KB)": round(len(first.content) / 1024),
            "icalendar direct median (ms)": round(direct_median * 1000, 1),
            "feed median (ms)": round(feed_median * 1000, 1),
            "ratio": round(ratio, 2),
            "304 median (ms)": round(not_modified_median * 1000, 2),
            "feed peak memory (MB)": round(feed_peak / 2**20, 1),
            "queries (full, 304)": (feed_queries, conditional_queries),
            "target": "ratio <= 2.0",
        },
    )
    assert ratio <= 2.0
