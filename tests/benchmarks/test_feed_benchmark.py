"""A country calendar feed of 5,000 sessions, against writers of the same events.

Run with `make benchmarks` (SQLite) or `make benchmarks DATABASE_URL=postgres://...`.
Through Django's request handler, without conditional headers, it times the feed built from a
cold cache (no piece, no body), the next build after one session changed (through its action),
and a repeat fetch of the unchanged feed; and in the same run, from rows already in memory, a
plain string writer (f-strings) and icalendar's object model writing the same events. Also
the peak memory of a cold build (tracemalloc), the queries of each kind of fetch, and the 304
answers to conditional GETs.
"""

import datetime
import statistics
import time

import pytest
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines
from icalendar import Calendar, Event, vRecur

from capacity_lms.workshops import feed_cache, schedule
from capacity_lms.workshops.calendar import vtimezone_text
from capacity_lms.workshops.models import OccurrenceChange, Session, Workshop
from capacity_lms.workshops.schedule_edits import EditSessionAction
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


def escape(text):
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def content_line(text):
    """A line folded every 74 characters (the benchmark's texts are ASCII)."""
    return "\r\n ".join(text[i : i + 74] for i in range(0, len(text), 74)) + "\r\n"


def utc(moment):
    return f"{moment.astimezone(datetime.UTC):%Y%m%dT%H%M%S}Z"


def local(tzid, day, time):
    return f"TZID={tzid}:{day:%Y%m%d}T{time:%H%M%S}"


def plain_event(session, times, sequence, url, text, stamp, recurrence_id=None, rule=()):
    workshop = session.workshop
    day, start, end = times
    summary = f"{workshop.title}: {session.title}"
    description = f"{text}\n\n{url}"
    lines = [
        f"SUMMARY:{escape(summary)}",
        f"DTSTART;{local(session.time_zone, day, start)}",
        f"DTEND;{local(session.time_zone, day, end)}",
        f"DTSTAMP:{stamp}",
        f"UID:{session.uid}",
        *([f"RECURRENCE-ID;{recurrence_id}"] if recurrence_id else []),
        f"SEQUENCE:{sequence}",
        *rule,
        f"CATEGORIES:{escape(str(workshop.strategic_axis))}",
        f"CREATED:{utc(session.created_at)}",
        f"DESCRIPTION:{escape(description)}",
        f"LAST-MODIFIED:{stamp}",
        f"LOCATION:{escape(workshop.location_text())}",
        "STATUS:CONFIRMED",
        "TRANSP:OPAQUE",
        f"URL:{url}",
    ]
    return "BEGIN:VEVENT\r\n" + "".join(map(content_line, lines)) + "END:VEVENT\r\n"


def plain_ical(sessions, base_url):
    """The same events written with f-strings from rows in memory (escaping TEXT, folding long
    lines), with the same VTIMEZONEs: what writing the feed's text costs at the least."""
    parts, years = [], {}
    for session in sessions:
        workshop = session.workshop
        url = f"{base_url}{workshop.slug}/"
        text = normalize_newlines(strip_tags(workshop.description)).strip()
        changes = list(session.changes.all())
        stamp = max([workshop.updated_at, session.updated_at, *(c.updated_at for c in changes)])
        stamp = utc(stamp)
        sequence = session.sequence + workshop.sequence
        times = (session.date, session.start_time, session.end_time)
        dates = [session.date]
        extra = []
        if session.recurrence:
            dates = session.occurrence_dates()
            extra.append(f"RRULE:{session.recurrence}")
            cancelled = [c for c in changes if c.status == OccurrenceChange.Status.CANCELLED]
            if cancelled:
                values = ",".join(f"{c.original_date:%Y%m%d}T{session.start_time:%H%M%S}"
                                  for c in cancelled)  # fmt: skip
                extra.append(f"EXDATE;TZID={session.time_zone}:{values}")
        parts.append(plain_event(session, times, sequence, url, text, stamp, rule=extra))
        for change in changes:
            if change.status == OccurrenceChange.Status.MOVED:
                moved = (change.date, change.start_time, change.end_time)
                original = local(session.time_zone, change.original_date, session.start_time)
                sequence_moved = sequence + change.sequence
                parts.append(
                    plain_event(session, moved, sequence_moved, url, text, stamp, original)
                )
                dates.append(change.date)
        first, last = years.get(session.time_zone, (dates[0].year, dates[0].year))
        years[session.time_zone] = (
            min(first, *(d.year for d in dates)),
            max(last, *(d.year for d in dates)),
        )
    zones = [vtimezone_text(tzid, first, last) for tzid, (first, last) in sorted(years.items())]
    head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//capacity-lms//benchmark//EN\r\n"
    return (head + "".join(zones) + "".join(parts) + "END:VCALENDAR\r\n").encode("utf-8")


def forget_cached_feeds():
    """A cold cache for feeds: new generations of pieces and bodies (the process stays warm:
    its VTIMEZONE texts and expanded rules are kept)."""
    feed_cache.bump(feed_cache.PIECES_KEY)
    feed_cache.bump(feed_cache.VERSION_KEY)


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

    def cold():
        forget_cached_feeds()
        return feed()

    # The first generation is the one traced (memory, queries), from a cold cache.
    first, feed_peak, feed_queries = peak_memory_and_queries(cold)
    events = first.content.count(b"BEGIN:VEVENT")
    assert events == SESSIONS + SESSIONS // 10  # every series has one moved meeting

    direct_files, plain_files = [], []

    def direct():
        direct_files[:] = [direct_ical(rows, base_url)]

    def plain():
        plain_files[:] = [plain_ical(rows, base_url)]

    cold_median = median_seconds(cold, repeat=REPEAT, warmup=0)
    plain_median = median_seconds(plain, repeat=REPEAT, warmup=1)
    direct_median = median_seconds(direct, repeat=REPEAT, warmup=0)
    # Same events: the other files are the feed's but for the calendar's name and refresh hints.
    for other in (direct_files[0], plain_files[0]):
        assert abs(len(other) - len(first.content)) < 0.01 * len(first.content)

    # One session changes (through its action), then the feed is fetched again: its own events
    # are written, the others' come from the cache.
    feed()
    changed = []
    for number in range(REPEAT):
        session = Session.objects.get(pk=rows[number * 7].pk)
        session.title = f"Changed {number}"
        EditSessionAction(session).execute()
        start = time.perf_counter()
        response = feed()
        changed.append(time.perf_counter() - start)
        assert f"Changed {number}".encode() in response.content
    changed_median = statistics.median(changed)
    EditSessionAction(Session.objects.get(pk=rows[1].pk)).execute()
    _, _, changed_queries = peak_memory_and_queries(feed)

    repeat_median = median_seconds(feed, repeat=10, warmup=1)
    _, _, repeat_queries = peak_memory_and_queries(feed)
    last = feed()

    def not_modified():
        assert client.get(url, headers={"if-none-match": last["ETag"]}).status_code == 304

    not_modified_median = median_seconds(not_modified, repeat=10, warmup=1)
    _, _, conditional_queries = peak_memory_and_queries(not_modified)
    since = client.get(url, headers={"if-modified-since": last["Last-Modified"]})
    assert since.status_code == 304

    cold_ratio = cold_median / plain_median
    changed_limit = max(0.05 * cold_median, 0.050)
    report(
        "country feed",
        {
            "sessions": SESSIONS,
            "events (VEVENT)": events,
            "feed size (KB)": round(len(first.content) / 1024),
            "plain string writer median (ms)": round(plain_median * 1000, 1),
            "icalendar direct median (ms)": round(direct_median * 1000, 1),
            "cold build median (ms)": round(cold_median * 1000, 1),
            "cold / plain writer": round(cold_ratio, 2),
            "cold / icalendar": round(cold_median / direct_median, 3),
            "after one session changed, median (ms)": round(changed_median * 1000, 1),
            "after one change / cold": round(changed_median / cold_median, 3),
            "repeat fetch, no conditional headers, median (ms)": round(repeat_median * 1000, 2),
            "304 median (ms)": round(not_modified_median * 1000, 2),
            "cold build peak memory (MB)": round(feed_peak / 2**20, 1),
            "queries (cold, after a change, repeat, 304)": (
                feed_queries,
                changed_queries,
                repeat_queries,
                conditional_queries,
            ),
            "target": "cold <= 10 x plain writer; after a change <= max(5 % of cold, 50 ms)",
        },
    )
    assert cold_ratio <= 10
    assert changed_median <= changed_limit
    assert cold_median <= 2 * direct_median
