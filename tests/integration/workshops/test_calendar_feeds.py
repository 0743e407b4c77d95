"""Every calendar feed, read back by three independent clients, shows the stored instants.

One world is built per module (sessions in Paris, Toronto and Casablanca on daylight-saving
change days and during Ramadan 2027, series crossing the changes, a cancelled and a moved
occurrence, a cancelled session, a cancelled workshop, a draft) and every kind of feed is
fetched once through Django's test client. Each feed is then read by ``icalendar`` +
``recurring_ical_events``, by ``vobject`` (zones built from the file's VTIMEZONE) and by
Mozilla's ical.js in node (Thunderbird's parser, with the file's VTIMEZONEs only); every
occurrence each of them sees must be one that ``Session.occurrences()`` gives, at the same UTC
instants, with the same STATUS and SEQUENCE, and none may be missing.

The tests that change things (SEQUENCE, ETag, tokens, query counts) build their own small
worlds.
"""

import datetime
from email.utils import parsedate_to_datetime

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from capacity_lms.workshops.models import (
    CalendarFeedToken,
    OccurrenceChange,
    Registration,
    Session,
    Workshop,
)
from capacity_lms.workshops.schedule_edits import (
    CreateOccurrenceChangeAction,
    DeleteOccurrenceChangeAction,
    EditOccurrenceChangeAction,
)
from sandbox.testing.factories import (
    CatalogueIndexPageFactory,
    CountryFactory,
    CoursePageFactory,
    RegistrationFactory,
    SessionFactory,
    StrategicAxisFactory,
    UserFactory,
    WorkshopFactory,
)
from sandbox.testing.world import ensure_wagtail_site
from tests.calendar_clients.readers import (
    expected_occurrences,
    icalendar_occurrences,
    icaljs_occurrences,
    vobject_occurrences,
)

# django_db also for the tests that only read the module's world: pytest-django creates the
# test database only when a selected test asks for it.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

UTC = datetime.UTC
PARIS, TORONTO, CASABLANCA = "Europe/Paris", "America/Toronto", "Africa/Casablanca"
# The world's dates are fixed (2027); feeds only list sessions of the past CALENDAR_PAST_DAYS.
EVERYTHING = override_settings(CAPACITY_LMS_CALENDAR_PAST_DAYS=100_000)
ONLINE = {
    "paris": "https://meet.example.org/paris-7f3a",
    "toronto": "https://meet.example.org/toronto-91c2",
    "casablanca": "https://meet.example.org/casablanca-4be8",
}


def day(text):
    return datetime.date.fromisoformat(text)


def at(text):
    return datetime.time.fromisoformat(text)


def utc(text):
    return datetime.datetime.fromisoformat(text).replace(tzinfo=UTC)


# name: (workshop, date, start, end, zone, rule)
SESSIONS = {
    "paris spring change day": ("paris", "2027-03-28", "09:00", "11:00", PARIS, ""),
    "paris autumn change day": ("paris", "2027-10-31", "09:00", "11:00", PARIS, ""),
    "paris spring series": ("paris", "2027-03-21", "09:00", "11:00", PARIS, "FREQ=WEEKLY;COUNT=3"),
    "paris autumn series": ("paris", "2027-10-24", "09:00", "11:00", PARIS, "FREQ=WEEKLY;COUNT=3"),
    "paris series with changes": (
        "paris", "2027-03-16", "18:00", "20:00", PARIS, "FREQ=WEEKLY;COUNT=6",
    ),
    "paris cancelled session": ("paris", "2027-05-04", "10:00", "12:00", PARIS, ""),
    # Before midnight UTC: the VTIMEZONE must already hold (ical.js read it as UTC once).
    "paris first hour of the year": ("paris", "2027-01-01", "00:30", "01:30", PARIS, ""),
    "toronto spring change day": ("toronto", "2027-03-14", "09:00", "11:00", TORONTO, ""),
    "toronto autumn change day": ("toronto", "2027-11-07", "09:00", "11:00", TORONTO, ""),
    "toronto daily series": (
        "toronto", "2027-03-12", "09:00", "10:00", TORONTO, "FREQ=DAILY;COUNT=5",
    ),
    "toronto autumn series": (
        "toronto", "2027-10-31", "18:00", "20:00", TORONTO, "FREQ=WEEKLY;COUNT=3",
    ),
    "casablanca ramadan": ("casablanca", "2027-02-20", "18:00", "20:00", CASABLANCA, ""),
    "casablanca before ramadan": ("casablanca", "2027-02-06", "18:00", "20:00", CASABLANCA, ""),
    "casablanca weekly series": (
        "casablanca", "2027-01-31", "18:00", "20:00", CASABLANCA, "FREQ=WEEKLY;COUNT=8",
    ),
    "casablanca until series": (
        "casablanca", "2027-02-06", "10:00", "12:00", CASABLANCA,
        "FREQ=WEEKLY;BYDAY=SA;UNTIL=20270320",
    ),
    "cancelled workshop session": ("cancelled", "2027-02-25", "10:00", "12:00", CASABLANCA, ""),
    "cancelled workshop series": (
        "cancelled", "2027-03-01", "10:00", "12:00", CASABLANCA, "FREQ=WEEKLY;COUNT=3",
    ),
    "draft session": ("draft", "2027-03-28", "09:00", "11:00", PARIS, ""),
}  # fmt: skip

# (session, original date): cancelled, or moved to (date, start, end).
CHANGES = {
    ("paris series with changes", "2027-03-23"): ("2027-03-29", "09:00", "11:00"),
    ("paris series with changes", "2027-04-06"): None,
    ("toronto autumn series", "2027-11-07"): ("2027-11-08", "18:00", "20:00"),
    ("toronto autumn series", "2027-11-14"): None,
    ("casablanca weekly series", "2027-02-21"): None,
    ("casablanca weekly series", "2027-02-28"): ("2027-03-15", "18:00", "20:00"),
}

# Facts of the IANA database the stored instants must match (first occurrence of each).
KNOWN_STARTS = {
    "paris spring change day": utc("2027-03-28T07:00"),
    "paris autumn change day": utc("2027-10-31T08:00"),
    "toronto spring change day": utc("2027-03-14T13:00"),
    "toronto autumn change day": utc("2027-11-07T14:00"),
    "casablanca ramadan": utc("2027-02-20T18:00"),
    "casablanca before ramadan": utc("2027-02-06T17:00"),
    "paris first hour of the year": utc("2026-12-31T23:30"),
}
# Every occurrence of the Casablanca series: UTC+1, then UTC+0 from 7 February to 14 March.
CASABLANCA_SERIES = [
    utc("2027-01-31T17:00"),
    utc("2027-02-07T18:00"),
    utc("2027-02-14T18:00"),
    utc("2027-03-07T18:00"),
    utc("2027-03-14T17:00"),
    utc("2027-03-15T17:00"),  # the occurrence of 28 February, moved
    utc("2027-03-21T17:00"),
]


def build_world():
    site = ensure_wagtail_site()
    catalogue = CatalogueIndexPageFactory(parent=site.root_page, slug="feed-modules")
    course = CoursePageFactory(parent=catalogue, title="Project engineering")
    countries = {
        "fr": CountryFactory(code="fr", name_en="France", default_time_zone=PARIS),
        "ca": CountryFactory(code="ca", name_en="Canada", default_time_zone=TORONTO),
        "ma": CountryFactory(code="ma", name_en="Morocco", default_time_zone=CASABLANCA),
    }
    people = {
        name: UserFactory(username=name)
        for name in ("trainer-amina", "trainer-karim", "member-youssef")
    }
    amina, karim, youssef = people.values()
    axis = StrategicAxisFactory(code="governance")
    workshops = {
        "paris": WorkshopFactory(
            title="Budgets that funders read",
            country=countries["fr"],
            trainers=[amina],
            course=course,
            format="hybrid",
            online_url=ONLINE["paris"],
            strategic_axis=axis,
        ),
        "toronto": WorkshopFactory(
            title="Volunteers in winter",
            country=countries["ca"],
            trainers=[karim],
            format="hybrid",
            online_url=ONLINE["toronto"],
            city="Toronto",
        ),
        "casablanca": WorkshopFactory(
            title="Reporting during Ramadan",
            country=countries["ma"],
            trainers=[karim],
            format="online",
            venue_name="",
            address="",
            city="",
            online_url=ONLINE["casablanca"],
        ),
        "cancelled": WorkshopFactory(
            title="Cancelled in Rabat", country=countries["ma"], trainers=[amina], city="Rabat"
        ),
        "draft": WorkshopFactory(
            title="Not yet", country=countries["fr"], trainers=[amina], status="draft"
        ),
    }
    sessions = {}
    for name, (workshop, date, start, end, zone, rule) in SESSIONS.items():
        sessions[name] = SessionFactory(
            workshop=workshops[workshop],
            title=name,
            date=day(date),
            start_time=at(start),
            end_time=at(end),
            time_zone=zone,
            recurrence=rule,
        )
    for (name, original), moved in CHANGES.items():
        change = OccurrenceChange(session=sessions[name], original_date=day(original))
        if moved:
            change.status = OccurrenceChange.Status.MOVED
            change.date, change.start_time, change.end_time = day(moved[0]), *map(at, moved[1:])
        change.full_clean()
        change.save()
    cancelled_session = sessions["paris cancelled session"]
    cancelled_session.status = Session.Status.CANCELLED
    cancelled_session.save()
    workshops["cancelled"].status = Workshop.Status.CANCELLED
    workshops["cancelled"].save()

    RegistrationFactory(workshop=workshops["casablanca"], user=youssef, status="confirmed")
    RegistrationFactory(workshop=workshops["toronto"], user=youssef, status="waiting")
    RegistrationFactory(workshop=workshops["paris"], user=youssef, status="cancelled")
    tokens = {
        user.username: CalendarFeedToken.objects.create(
            user=user, token=CalendarFeedToken.new_token()
        ).token
        for user in (youssef, amina)
    }
    return course, countries, people, workshops, sessions, tokens


def feed_plan(course, countries, people, workshops, sessions, tokens):
    """name: (url, workshops whose sessions it holds, tentative ones, online links it shows)."""

    def of(*names):
        return [workshops[name] for name in names]

    def workshop_url(name):
        return reverse("capacity_lms:workshop_calendar", kwargs={"slug": workshops[name].slug})

    def country_url(code):
        return reverse("capacity_lms:country_calendar", kwargs={"code": code})

    def trainer_url(username):
        return reverse("capacity_lms:trainer_calendar", kwargs={"user_id": people[username].pk})

    def personal_url(username):
        return reverse("capacity_lms:personal_calendar", kwargs={"token": tokens[username]})

    plan = {
        f"workshop {name}": (workshop_url(name), of(name), (), ())
        for name in ("paris", "toronto", "casablanca", "cancelled")
    }
    course_url = reverse("capacity_lms:course_calendar", kwargs={"course_id": course.pk})
    plan["course"] = (course_url, of("paris"), (), ())
    plan["country fr"] = (country_url("fr"), of("paris"), (), ())
    plan["country ca"] = (country_url("ca"), of("toronto"), (), ())
    plan["country ma"] = (country_url("ma"), of("casablanca", "cancelled"), (), ())
    plan["trainer amina"] = (trainer_url("trainer-amina"), of("paris", "cancelled"), (), ())
    plan["trainer karim"] = (trainer_url("trainer-karim"), of("toronto", "casablanca"), (), ())
    plan["personal youssef"] = (
        personal_url("member-youssef"),
        of("casablanca", "toronto"),
        of("toronto"),
        [ONLINE["casablanca"]],
    )
    plan["personal amina"] = (
        personal_url("trainer-amina"),
        of("paris", "cancelled"),
        (),
        [ONLINE["paris"]],
    )
    for name, session in sessions.items():
        if session.workshop.is_listed:
            url = reverse(
                "capacity_lms:session_calendar",
                kwargs={"slug": session.workshop.slug, "pk": session.pk},
            )
            plan[f"session {name}"] = (url, [session], (), ())
    return plan


def unfolded(data):
    """The text of an .ics file with its folded lines joined again (RFC 5545, 3.1)."""
    return data.decode().replace("\r\n ", "")


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """Builds the world, fetches every feed (plain and conditional GETs), and keeps only
    plain data: the database work is rolled back before any test runs."""
    folder = tmp_path_factory.mktemp("feeds")
    client = Client()
    with (
        django_db_blocker.unblock(),
        EVERYTHING,
        translation.override("en"),
        transaction.atomic(),
    ):
        course, countries, people, workshops, sessions, tokens = build_world()
        plan = feed_plan(course, countries, people, workshops, sessions, tokens)
        loaded = {
            session.pk: session
            for session in Session.objects.select_related("workshop").prefetch_related("changes")
        }
        feeds = {}
        for name, (url, members, tentative, links) in plan.items():
            response = client.get(url)
            assert response.status_code == 200, (name, url, response.status_code)
            path = folder / f"{name.replace(' ', '-')}.ics"
            path.write_bytes(response.content)
            if members and isinstance(members[0], Session):
                in_feed = [loaded[session.pk] for session in members]
            else:
                ids = {workshop.pk for workshop in members}
                in_feed = [s for s in loaded.values() if s.workshop_id in ids]
            feed = {
                "url": url,
                "path": path,
                "data": response.content,
                "headers": dict(response.headers),
                "expected": expected_occurrences(
                    in_feed, tentative_for={workshop.pk for workshop in tentative}
                ),
                "links": list(links),
                "workshop_urls": {
                    s.uid: f"http://testserver{s.workshop.get_absolute_url()}" for s in in_feed
                },
            }
            if not name.startswith("session "):
                etag, modified = response["ETag"], response["Last-Modified"]
                feed["conditional"] = {
                    "If-None-Match": client.get(url, headers={"if-none-match": etag}),
                    "If-Modified-Since": client.get(url, headers={"if-modified-since": modified}),
                    "both": client.get(
                        url, headers={"if-none-match": etag, "if-modified-since": modified}
                    ),
                    "another ETag": client.get(url, headers={"if-none-match": '"other"'}),
                }
            feeds[name] = feed
        draft = workshops["draft"]
        result = {
            "feeds": feeds,
            "uids": {name: session.uid for name, session in sessions.items()},
            "stored": {
                name: (loaded[session.pk].starts_at, loaded[session.pk].ends_at)
                for name, session in sessions.items()
            },
            "draft urls": {
                "workshop": client.get(
                    reverse("capacity_lms:workshop_calendar", kwargs={"slug": draft.slug})
                ).status_code,
                "session": client.get(
                    reverse(
                        "capacity_lms:session_calendar",
                        kwargs={"slug": draft.slug, "pk": sessions["draft session"].pk},
                    )
                ).status_code,
            },
        }
        transaction.set_rollback(True)
    return result


@pytest.fixture(scope="module")
def icaljs(world):
    feeds = world["feeds"]
    readings = icaljs_occurrences([feed["path"] for feed in feeds.values()])
    return {name: readings[str(feed["path"])] for name, feed in feeds.items()}


READERS = {"icalendar": icalendar_occurrences, "vobject": vobject_occurrences}


def show(occurrences):
    return "\n".join(
        f"    {seen.uid[:8]} {seen.start:%Y-%m-%d %H:%M}Z-{seen.end:%H:%M}Z {seen.status} "
        f"seq {seen.sequence}"
        for seen in sorted(occurrences, key=lambda seen: (seen.start, seen.uid))
    )


def compare(feeds, read):
    problems = []
    for name, feed in feeds.items():
        seen = read(name, feed)
        if seen != feed["expected"]:
            problems.append(
                f"{name}:\n  shown but not stored:\n{show(seen - feed['expected'])}\n"
                f"  stored but not shown:\n{show(feed['expected'] - seen)}"
            )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("reader", ["icalendar", "vobject", "ical.js"])
def test_every_feed_shows_the_stored_instants(world, reader, request):
    if reader == "ical.js":
        readings = request.getfixturevalue("icaljs")
        compare(world["feeds"], lambda name, feed: readings[name])
    else:
        compare(world["feeds"], lambda name, feed: READERS[reader](feed["data"]))


def test_the_world_has_every_case_the_feeds_are_tested_with(world):
    """Guards the test itself: every feed kind, and nothing that ought to be shown is empty."""
    kinds = {name.split(" ")[0] for name in world["feeds"]}
    assert kinds == {"workshop", "course", "country", "trainer", "personal", "session"}
    assert all(feed["expected"] for feed in world["feeds"].values())
    statuses = {seen.status for feed in world["feeds"].values() for seen in feed["expected"]}
    assert statuses == {"CONFIRMED", "TENTATIVE", "CANCELLED"}


def test_stored_instants_are_the_wall_times_in_their_zone(world, icaljs):
    for name, start in KNOWN_STARTS.items():
        assert world["stored"][name][0] == start, name
        shown = {seen.start for seen in icaljs[f"session {name}"]}
        assert shown == {start}, name
    ramadan = icaljs["session casablanca ramadan"]
    assert {(seen.start, seen.end) for seen in ramadan} == {
        (utc("2027-02-20T18:00"), utc("2027-02-20T20:00"))
    }


def test_series_across_the_changes_keep_their_wall_time(world, icaljs):
    series = sorted(seen.start for seen in icaljs["session casablanca weekly series"])
    assert series == CASABLANCA_SERIES
    paris = sorted(seen.start for seen in icaljs["session paris spring series"])
    assert paris == [utc("2027-03-21T08:00"), utc("2027-03-28T07:00"), utc("2027-04-04T07:00")]
    toronto = sorted(seen.start for seen in icaljs["session toronto daily series"])
    assert toronto == [
        utc("2027-03-12T14:00"),
        utc("2027-03-13T14:00"),
        utc("2027-03-14T13:00"),
        utc("2027-03-15T13:00"),
        utc("2027-03-16T13:00"),
    ]
    # UNTIL=20270320 (a date) includes that Saturday; it is published as COUNT.
    until = sorted(seen.start for seen in icaljs["session casablanca until series"])
    assert until[0] == utc("2027-02-06T09:00") and until[-1] == utc("2027-03-20T09:00")
    assert len(until) == 7


def events(feed):
    return Calendar.from_ical(feed["data"]).walk("VEVENT")


def test_every_event_carries_what_clients_need(world):
    for name, feed in world["feeds"].items():
        calendar = Calendar.from_ical(feed["data"])
        assert not calendar.get_missing_tzids(), name
        assert feed["headers"]["Content-Type"] == "text/calendar; charset=utf-8"
        for event in calendar.walk("VEVENT"):
            uid = str(event["UID"])
            for field in ("DTSTAMP", "LAST-MODIFIED", "SEQUENCE", "STATUS", "DTSTART", "DTEND"):
                assert field in event, (name, uid, field)
            assert event["DTSTART"].params["TZID"] in {PARIS, TORONTO, CASABLANCA}
            assert str(event["URL"]) == feed["workshop_urls"][uid], (name, uid)


def test_uids_are_the_sessions_own_in_every_feed(world):
    uids = set(world["uids"].values())
    for name, feed in world["feeds"].items():
        assert {str(event["UID"]) for event in events(feed)} <= uids, name
    # The same session has the same UID in its workshop, country, trainer and own feeds.
    uid = world["uids"]["casablanca weekly series"]
    for name in ("workshop casablanca", "country ma", "trainer karim", "personal youssef"):
        assert uid in {str(event["UID"]) for event in events(world["feeds"][name])}, name


def test_series_carry_rrule_exdate_and_recurrence_id(world):
    feed = world["feeds"]["session paris series with changes"]
    master, moved = events(feed)
    assert master["RRULE"].to_ical() == b"FREQ=WEEKLY;COUNT=6"
    assert [d.dt for d in master["EXDATE"].dts] == [
        datetime.datetime(2027, 4, 6, 18, tzinfo=master.DTSTART.tzinfo)
    ]
    assert master["EXDATE"].params["TZID"] == PARIS
    assert moved["UID"] == master["UID"]
    assert moved["RECURRENCE-ID"].dt.replace(tzinfo=None) == datetime.datetime(2027, 3, 23, 18)
    assert moved["RECURRENCE-ID"].params["TZID"] == PARIS
    assert moved.DTSTART.replace(tzinfo=None) == datetime.datetime(2027, 3, 29, 9)
    until = events(world["feeds"]["session casablanca until series"])[0]
    assert until["RRULE"].to_ical() == b"FREQ=WEEKLY;COUNT=7;BYDAY=SA"
    # Clients drop an override older than its series: its SEQUENCE is never below the series'.
    for name, feed in world["feeds"].items():
        masters = {str(e["UID"]): e["SEQUENCE"] for e in events(feed) if "RECURRENCE-ID" not in e}
        for event in events(feed):
            if "RECURRENCE-ID" in event:
                assert event["SEQUENCE"] >= masters[str(event["UID"])], name


def test_cancellations_stay_in_feeds_as_cancelled(world):
    cancelled = {world["uids"][name] for name in SESSIONS if name.startswith("cancelled work")}
    cancelled.add(world["uids"]["paris cancelled session"])
    for name in ("country ma", "country fr", "trainer amina", "personal amina"):
        statuses = {str(e["UID"]): str(e["STATUS"]) for e in events(world["feeds"][name])}
        shown = cancelled & set(statuses)
        assert shown, name
        assert {statuses[uid] for uid in shown} == {"CANCELLED"}, name


def test_a_draft_never_appears(world):
    uid = world["uids"]["draft session"]
    for name, feed in world["feeds"].items():
        assert uid not in unfolded(feed["data"]), name
        assert "Not yet" not in unfolded(feed["data"]), name
    assert world["draft urls"] == {"workshop": 404, "session": 404}


def test_online_links_only_in_the_personal_feed_of_those_who_may_join(world):
    every_link = set(ONLINE.values())
    for name, feed in world["feeds"].items():
        text = unfolded(feed["data"])
        shown = {link for link in every_link if link in text}
        assert shown == set(feed["links"]), name
    # Waiting for a seat is not enough: Youssef's Toronto sessions carry no link.
    assert ONLINE["toronto"] not in unfolded(world["feeds"]["personal youssef"]["data"])


def test_personal_feeds_are_private_and_public_ones_cacheable(world):
    for name, feed in world["feeds"].items():
        control = feed["headers"].get("Cache-Control", "")
        if name.startswith("personal "):
            assert "private" in control, name
            assert feed["headers"]["X-Robots-Tag"] == "noindex"
        elif not name.startswith("session "):
            assert "private" not in control and "max-age=300" in control, name


def test_conditional_gets_answer_304(world):
    for name, feed in world["feeds"].items():
        if name.startswith("session "):
            continue
        answers = feed["conditional"]
        for kind in ("If-None-Match", "If-Modified-Since", "both"):
            assert answers[kind].status_code == 304, (name, kind)
            assert answers[kind]["ETag"] == feed["headers"]["ETag"], (name, kind)
            assert answers[kind].content == b""
        assert answers["another ETag"].status_code == 200, name
        assert answers["another ETag"].content == feed["data"], name


# -- Changes: SEQUENCE, ETag and Last-Modified -------------------------------------------------


def sequences(response):
    """{(UID, RECURRENCE-ID or None): (SEQUENCE, LAST-MODIFIED, STATUS)} of a feed."""
    result = {}
    for event in Calendar.from_ical(response.content).walk("VEVENT"):
        recurrence_id = event.get("RECURRENCE-ID")
        key = (str(event["UID"]), recurrence_id.dt.replace(tzinfo=None) if recurrence_id else None)
        result[key] = (int(event["SEQUENCE"]), event["LAST-MODIFIED"].dt, str(event["STATUS"]))
    return result


def move(session, original, date, start, end):
    change = OccurrenceChange.objects.get(session=session, original_date=day(original))
    change.status = OccurrenceChange.Status.MOVED
    change.date, change.start_time, change.end_time = day(date), at(start), at(end)
    EditOccurrenceChangeAction(change).execute()


def change_session(session, **values):
    for name, value in values.items():
        setattr(session, name, value)
    session.save()


def change_workshop(session, **values):
    workshop = Workshop.objects.get(pk=session.workshop_id)
    for name, value in values.items():
        setattr(workshop, name, value)
    workshop.save()


EDITS = {
    "session start time": lambda s: change_session(s, start_time=at("17:00")),
    "session date": lambda s: change_session(s, date=day("2027-02-01")),
    "session title": lambda s: change_session(s, title="Day 1: reading a budget"),
    "session rule": lambda s: change_session(s, recurrence="FREQ=WEEKLY;COUNT=7"),
    "session cancelled": lambda s: change_session(s, status=Session.Status.CANCELLED),
    "workshop title": lambda s: change_workshop(s, title="Reading budgets"),
    "workshop venue": lambda s: change_workshop(s, venue_name="Dar Al Jamia"),
    "workshop cancelled": lambda s: change_workshop(s, status=Workshop.Status.CANCELLED),
    "occurrence cancelled": lambda s: CreateOccurrenceChangeAction(
        OccurrenceChange(session=s, original_date=day("2027-02-21"))
    ).execute(),
    "occurrence moved": lambda s: CreateOccurrenceChangeAction(
        OccurrenceChange(
            session=s,
            original_date=day("2027-02-21"),
            status=OccurrenceChange.Status.MOVED,
            date=day("2027-02-22"),
            start_time=at("09:00"),
            end_time=at("11:00"),
        )
    ).execute(),
    "moved occurrence moved again": lambda s: move(
        s, "2027-02-14", "2027-02-16", "10:00", "12:00"
    ),
    "occurrence change undone": lambda s: DeleteOccurrenceChangeAction(
        OccurrenceChange.objects.get(session=s)
    ).execute(),
}


@pytest.fixture
def small_world(countries, trainer):
    """A Casablanca workshop with one weekly series whose 14 February meeting is moved; every
    stored timestamp an hour old, so that a change now is a later Last-Modified."""
    workshop = WorkshopFactory(country=countries["ma"], trainers=[trainer], city="Casablanca")
    session = SessionFactory(
        workshop=workshop,
        date=day("2027-01-31"),
        start_time=at("18:00"),
        end_time=at("20:00"),
        time_zone=CASABLANCA,
        recurrence="FREQ=WEEKLY;COUNT=6",
    )
    OccurrenceChange.objects.create(
        session=session,
        original_date=day("2027-02-14"),
        status=OccurrenceChange.Status.MOVED,
        date=day("2027-02-15"),
        start_time=at("18:00"),
        end_time=at("20:00"),
    )
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    Workshop.objects.update(updated_at=an_hour_ago)
    Session.objects.update(updated_at=an_hour_ago)
    OccurrenceChange.objects.update(updated_at=an_hour_ago)
    return Session.objects.get(pk=session.pk)


@pytest.mark.parametrize("edit", list(EDITS))
def test_every_change_grows_sequence_and_changes_etag(
    client, settings, small_world, trainer, edit
):
    settings.CAPACITY_LMS_CALENDAR_PAST_DAYS = 100_000
    session = small_world
    urls = [
        reverse("capacity_lms:workshop_calendar", kwargs={"slug": session.workshop.slug}),
        reverse("capacity_lms:country_calendar", kwargs={"code": "ma"}),
        reverse("capacity_lms:trainer_calendar", kwargs={"user_id": trainer.pk}),
        session.get_calendar_url(),
    ]
    before = {url: client.get(url) for url in urls}
    EDITS[edit](session)
    for url in urls:
        old = before[url]
        headers = {"if-none-match": old.get("ETag", '"none"')}
        if old.has_header("Last-Modified"):
            headers["if-modified-since"] = old["Last-Modified"]
        new = client.get(url, headers=headers)
        assert new.status_code == 200, (edit, url)
        if old.has_header("ETag"):
            assert new["ETag"] != old["ETag"], (edit, url)
            assert client.get(url, headers={"if-none-match": new["ETag"]}).status_code == 304
            later = parsedate_to_datetime(new["Last-Modified"])
            assert later > parsedate_to_datetime(old["Last-Modified"]), (edit, url)
            alone = client.get(url, headers={"if-modified-since": old["Last-Modified"]})
            assert alone.status_code == 200, (edit, url, "If-Modified-Since alone")
        old_events, new_events = sequences(old), sequences(new)
        master = (session.uid, None)
        assert new_events[master][0] > old_events[master][0], (edit, url)
        assert new_events[master][1] > old_events[master][1], (edit, url, "LAST-MODIFIED")
        for key in set(old_events) & set(new_events):
            assert new_events[key][0] > old_events[key][0], (edit, url, key)
        if edit.endswith("cancelled") and "occurrence" not in edit:
            assert {status for _, _, status in new_events.values()} == {"CANCELLED"}
        # And clients show what is stored now.
        fresh = Session.objects.select_related("workshop").prefetch_related("changes")
        expected = expected_occurrences([fresh.get(pk=session.pk)])
        assert icalendar_occurrences(new.content) == expected, (edit, url)
        assert vobject_occurrences(new.content) == expected, (edit, url)


def test_a_workshop_taken_back_to_draft_leaves_its_feeds(client, settings, small_world):
    settings.CAPACITY_LMS_CALENDAR_PAST_DAYS = 100_000
    session = small_world
    other = WorkshopFactory(country=session.workshop.country, city="Rabat")
    SessionFactory(workshop=other, date=day("2027-02-02"), time_zone=CASABLANCA)
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    Workshop.objects.filter(pk=other.pk).update(updated_at=an_hour_ago)
    Session.objects.filter(workshop=other).update(updated_at=an_hour_ago)
    url = reverse("capacity_lms:country_calendar", kwargs={"code": "ma"})
    old = client.get(url)
    assert session.uid in unfolded(old.content)
    change_workshop(session, status=Workshop.Status.DRAFT)
    new = client.get(url, headers={"if-none-match": old["ETag"]})
    assert new.status_code == 200
    assert session.uid not in unfolded(new.content)
    alone = client.get(url, headers={"if-modified-since": old["Last-Modified"]})
    assert alone.status_code == 200, "If-Modified-Since alone must see the removal"


def test_personal_feed_follows_registrations(client, settings, countries, member):
    settings.CAPACITY_LMS_CALENDAR_PAST_DAYS = 100_000
    workshop = WorkshopFactory(
        country=countries["fr"], format="hybrid", online_url=ONLINE["paris"]
    )
    session = SessionFactory(workshop=workshop, date=day("2027-03-28"), start_time=at("09:00"))
    registration = RegistrationFactory(workshop=workshop, user=member, status="waiting")
    token = CalendarFeedToken.objects.create(user=member, token=CalendarFeedToken.new_token())
    url = token.get_absolute_url()
    waiting = client.get(url)
    assert sequences(waiting)[(session.uid, None)][2] == "TENTATIVE"
    assert ONLINE["paris"] not in unfolded(waiting.content)
    registration.status = Registration.Status.CONFIRMED
    registration.save()
    confirmed = client.get(url, headers={"if-none-match": waiting["ETag"]})
    assert confirmed.status_code == 200 and confirmed["ETag"] != waiting["ETag"]
    assert sequences(confirmed)[(session.uid, None)][2] == "CONFIRMED"
    assert ONLINE["paris"] in unfolded(confirmed.content)
    registration.status = Registration.Status.CANCELLED
    registration.save()
    gone = client.get(url, headers={"if-none-match": confirmed["ETag"]})
    assert gone.status_code == 200 and gone["ETag"] != confirmed["ETag"]
    assert session.uid not in unfolded(gone.content)
    assert ONLINE["paris"] not in unfolded(gone.content)


def test_a_revoked_or_renewed_personal_address_answers_404(client, member):
    client.force_login(member)
    page = reverse("capacity_lms:my_calendar")
    client.post(page, {"action": "create"})
    first = CalendarFeedToken.objects.get(user=member).get_absolute_url()
    assert client.get(first).status_code == 200
    client.post(page, {"action": "renew"})
    second = CalendarFeedToken.objects.get(user=member).get_absolute_url()
    assert second != first
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200
    client.post(page, {"action": "revoke"})
    assert not CalendarFeedToken.objects.filter(user=member).exists()
    assert client.get(second).status_code == 404
    client.post(page, {"action": "create"})
    third = CalendarFeedToken.objects.get(user=member).get_absolute_url()
    member.is_active = False
    member.save()
    assert client.get(third).status_code == 404


# -- Queries -----------------------------------------------------------------------------------


def add_sessions(workshops, count, axis_zone=PARIS):
    """``count`` sessions over ``workshops`` in turn: a third of them weekly series, each series
    with one cancelled and one moved occurrence. Bulk-created: the UTC columns are filled by
    ``compute_instants`` as ``save`` would."""
    sessions = []
    first = day("2027-03-01")
    for number in range(count):
        session = Session(
            workshop=workshops[number % len(workshops)],
            date=first + datetime.timedelta(days=number % 200),
            start_time=at("09:00"),
            end_time=at("11:00"),
            time_zone=(PARIS, TORONTO, CASABLANCA)[number % 3],
            recurrence="FREQ=WEEKLY;COUNT=4" if number % 3 == 0 else "",
        )
        session.compute_instants()
        sessions.append(session)
    sessions = Session.objects.bulk_create(sessions)
    series = [session for session in sessions if session.recurrence]
    changes = []
    for session in series:
        dates = session.occurrence_dates()
        changes.append(OccurrenceChange(session=session, original_date=dates[1]))
        changes.append(
            OccurrenceChange(
                session=session,
                original_date=dates[2],
                status=OccurrenceChange.Status.MOVED,
                date=dates[2] + datetime.timedelta(days=1),
                start_time=at("14:00"),
                end_time=at("16:00"),
            )
        )
    OccurrenceChange.objects.bulk_create(changes)


def test_feed_queries_do_not_grow_with_sessions(client, settings, countries, trainer, member):
    settings.CAPACITY_LMS_CALENDAR_PAST_DAYS = 100_000
    axis = StrategicAxisFactory(code="governance")
    main = WorkshopFactory(country=countries["fr"], trainers=[trainer], strategic_axis=axis)
    token = CalendarFeedToken.objects.create(user=member, token=CalendarFeedToken.new_token())
    urls = {
        "workshop": reverse("capacity_lms:workshop_calendar", kwargs={"slug": main.slug}),
        "country": reverse("capacity_lms:country_calendar", kwargs={"code": "fr"}),
        "trainer": reverse("capacity_lms:trainer_calendar", kwargs={"user_id": trainer.pk}),
        "personal": token.get_absolute_url(),
    }

    def grow(workshop_count, session_count):
        # Bulk-created: factories would index every workshop for search, one by one.
        workshops = Workshop.objects.bulk_create(
            WorkshopFactory.build(
                country=countries["fr"],
                strategic_axis=axis,
                format="hybrid",
                online_url=ONLINE["paris"],
            )
            for _ in range(workshop_count)
        )
        Workshop.trainers.through.objects.bulk_create(
            Workshop.trainers.through(workshop=workshop, user=trainer) for workshop in workshops
        )
        Registration.objects.bulk_create(
            Registration(workshop=workshop, user=member, status=("confirmed", "waiting")[n % 2])
            for n, workshop in enumerate(workshops)
        )
        add_sessions([main], session_count // 3)
        add_sessions(workshops, session_count - session_count // 3)

    def measure():
        counts = {}
        for name, url in urls.items():
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == 200
            with CaptureQueriesContext(connection) as conditional:
                not_modified = client.get(url, headers={"if-none-match": response["ETag"]})
            assert not_modified.status_code == 304
            counts[name] = (len(queries), len(conditional))
        return counts, Session.objects.count()

    grow(5, 15)
    measure()  # warm caches (VTIMEZONE components, content types)
    small, small_sessions = measure()
    grow(45, 135)
    large, large_sessions = measure()
    assert (small_sessions, large_sessions) == (15, 150)
    assert large == small
    # Public feeds: the object, the version aggregate, the sessions, their changes; a 304 stops
    # after the aggregate. The personal feed adds the token and the person's registrations.
    for name in ("workshop", "country", "trainer"):
        assert small[name][0] <= 4 and small[name][1] <= 2, small
    assert small["personal"][0] <= 8 and small["personal"][1] <= 6, small


def test_last_modified_is_the_latest_change_of_the_feed(world):
    for name, feed in world["feeds"].items():
        if name.startswith("session "):
            continue
        latest = max(event["LAST-MODIFIED"].dt for event in events(feed))
        header = parsedate_to_datetime(feed["headers"]["Last-Modified"])
        if name.startswith("personal "):
            # Registrations count too: they change what the person sees.
            assert header >= latest, name
        else:
            assert header == latest, name


def test_a_series_that_stops_repeating_ignores_its_old_changes(countries):
    workshop = WorkshopFactory(country=countries["fr"], slug="no-longer-a-series")
    session = SessionFactory(
        workshop=workshop, date=datetime.date(2027, 5, 4), recurrence="FREQ=WEEKLY;COUNT=3"
    )
    OccurrenceChange.objects.create(
        session=session, original_date=datetime.date(2027, 5, 4), status="cancelled"
    )
    session.refresh_from_db()
    session.recurrence = ""
    session.save()

    [occurrence] = Session.objects.get(pk=session.pk).occurrences()
    assert not occurrence.is_cancelled
    assert occurrence.starts_at == session.starts_at
