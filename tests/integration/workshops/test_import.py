"""A trainer imports sessions from an ``.ics`` file: created or updated by UID, all or nothing."""

import datetime
import uuid

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from icalendar import Calendar, Event
from icalendar.timezone import tzp

from capacity_lms.workshops import schedule
from capacity_lms.workshops.models import OccurrenceChange, Session
from sandbox.testing.factories import SessionFactory
from tests.integration.conftest import make_workshop
from tests.integration.workshops.hostile import HOSTILE_RULES, hostile_vtimezone
from tests.timing import assert_about_as_fast, fastest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

UTC = datetime.UTC
SERIES_UID = "budget-clinic-2030@trainer.example"
SINGLE_UID = "closing-day-2030@trainer.example"


def at(day, hour, minute=0, zone="Europe/Paris"):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=schedule.zone(zone))


def event(uid, summary, start, end, **properties):
    item = Event()
    item.add("uid", uid)
    item.add("summary", summary)
    item.add("dtstamp", datetime.datetime(2029, 12, 1, tzinfo=UTC))
    item.add("dtstart", start)
    item.add("dtend", end)
    for name, value in properties.items():
        item.add(name.replace("_", "-"), value)
    return item


def schedule_events(series_start=(18, 0)):
    """A weekly series across Paris's spring clock change, with one date cancelled (EXDATE)
    and one moved (RECURRENCE-ID), and a single session in Casablanca."""
    hour, minute = series_start
    first = datetime.date(2030, 3, 19)  # Tuesdays: 19, 26 March (CET); 2, 9, 16 April (CEST)
    return [
        event(
            SERIES_UID,
            "Budget clinic",
            at(first, hour, minute),
            at(first, hour + 2, minute),
            rrule={"FREQ": "WEEKLY", "COUNT": 5},
            exdate=[at(datetime.date(2030, 3, 26), hour, minute)],
        ),
        event(
            SERIES_UID,
            "Budget clinic (moved to Wednesday)",
            at(datetime.date(2030, 4, 3), 17),
            at(datetime.date(2030, 4, 3), 19),
            recurrence_id=at(datetime.date(2030, 4, 2), hour, minute),
        ),
        event(
            SINGLE_UID,
            "Closing day",
            at(datetime.date(2030, 4, 20), 9, 30, "Africa/Casablanca"),
            at(datetime.date(2030, 4, 20), 16, 0, "Africa/Casablanca"),
        ),
    ]


def ics(events):
    calendar = Calendar()
    calendar.add("prodid", "-//Trainer's calendar//EN")
    calendar.add("version", "2.0")
    for item in events:
        calendar.add_component(item)
    calendar.add_missing_timezones()
    return calendar.to_ical()


@pytest.fixture
def workshop(countries, trainer):
    return make_workshop(countries["fr"], trainers=[trainer], sessions=0)


def upload(client, workshop, data, name="schedule.ics"):
    url = reverse("capacity_workshops:import", args=[workshop.pk])
    return client.post(url, {"calendar_file": SimpleUploadedFile(name, data, "text/calendar")})


def report(response):
    """The last message the import left (earlier uploads' messages are not shown yet)."""
    return [str(message) for message in get_messages(response.wsgi_request)][-1]


def state():
    """Every session and occurrence change, to prove a refused file wrote nothing."""
    return (
        list(
            Session.objects.order_by("uid").values_list(
                "uid", "title", "start_time", "recurrence", "sequence", "starts_at"
            )
        ),
        list(
            OccurrenceChange.objects.order_by("original_date").values_list(
                "session__uid", "original_date", "status", "date", "sequence"
            )
        ),
    )


def test_a_trainer_imports_a_series_with_its_exceptions_and_a_single_session(
    client, trainer, workshop
):
    client.force_login(trainer)

    response = upload(client, workshop, ics(schedule_events()))

    assert response.status_code == 302
    assert response.url == reverse("capacity_workshops:edit", args=[workshop.pk])
    assert report(response) == "2 sessions created, 0 updated, 0 unchanged."
    series = Session.objects.get(uid=SERIES_UID, workshop=workshop)
    assert (series.title, series.time_zone, series.recurrence) == (
        "Budget clinic",
        "Europe/Paris",
        "FREQ=WEEKLY;COUNT=5",
    )
    assert series.starts_at == datetime.datetime(2030, 3, 19, 17, 0, tzinfo=UTC)  # CET
    assert series.series_ends_at == datetime.datetime(2030, 4, 16, 18, 0, tzinfo=UTC)  # CEST
    changes = {change.original_date: change for change in series.changes.all()}
    assert changes[datetime.date(2030, 3, 26)].status == OccurrenceChange.Status.CANCELLED
    moved = changes[datetime.date(2030, 4, 2)]
    assert (moved.status, moved.date, moved.start_time, moved.end_time) == (
        OccurrenceChange.Status.MOVED,
        datetime.date(2030, 4, 3),
        datetime.time(17, 0),
        datetime.time(19, 0),
    )
    starts = [(o.starts_at, o.is_cancelled) for o in series.occurrences()]
    assert starts == [
        (datetime.datetime(2030, 3, 19, 17, 0, tzinfo=UTC), False),
        (datetime.datetime(2030, 3, 26, 17, 0, tzinfo=UTC), True),
        (datetime.datetime(2030, 4, 3, 15, 0, tzinfo=UTC), False),
        (datetime.datetime(2030, 4, 9, 16, 0, tzinfo=UTC), False),
        (datetime.datetime(2030, 4, 16, 16, 0, tzinfo=UTC), False),
    ]
    single = Session.objects.get(uid=SINGLE_UID)
    assert (single.time_zone, single.recurrence) == ("Africa/Casablanca", "")
    assert single.starts_at == datetime.datetime(2030, 4, 20, 8, 30, tzinfo=UTC)  # UTC+1
    assert single.ends_at == datetime.datetime(2030, 4, 20, 15, 0, tzinfo=UTC)


def test_the_same_file_again_changes_nothing(client, trainer, workshop):
    client.force_login(trainer)
    data = ics(schedule_events())
    upload(client, workshop, data)
    before = state()

    response = upload(client, workshop, data)

    assert report(response) == "0 sessions created, 0 updated, 2 unchanged."
    assert state() == before


def test_a_corrected_file_updates_by_uid_and_calendars_learn_of_it(client, trainer, workshop):
    client.force_login(trainer)
    upload(client, workshop, ics(schedule_events()))
    series = Session.objects.get(uid=SERIES_UID)
    single_before = Session.objects.get(uid=SINGLE_UID)

    response = upload(client, workshop, ics(schedule_events(series_start=(18, 30))))

    assert report(response) == "0 sessions created, 1 updated, 1 unchanged."
    updated = Session.objects.get(uid=SERIES_UID)
    assert updated.pk == series.pk
    assert updated.start_time == datetime.time(18, 30)
    assert updated.starts_at == datetime.datetime(2030, 3, 19, 17, 30, tzinfo=UTC)
    assert updated.sequence > series.sequence
    assert Session.objects.get(uid=SINGLE_UID).sequence == single_before.sequence
    assert Session.objects.count() == 2


def test_a_file_without_the_exceptions_removes_them(client, trainer, workshop):
    client.force_login(trainer)
    upload(client, workshop, ics(schedule_events()))
    plain_series = schedule_events()[0]
    del plain_series["EXDATE"]
    response = upload(client, workshop, ics([plain_series]))
    assert report(response) == "0 sessions created, 1 updated, 0 unchanged."
    assert not OccurrenceChange.objects.exists()


def broken(kind):
    """A file with good events and one bad one, and words the refusal must contain."""
    day = datetime.date(2030, 5, 7)
    good = schedule_events()
    if kind == "garbage":
        return b"\x00\xffThis is a spreadsheet, not a calendar", "not an iCalendar"
    if kind == "no-event":
        return ics([]), "The file has no event."
    if kind == "no-uid":
        bad = event("x", "Nameless", at(day, 18), at(day, 20))
        del bad["UID"]
        return ics([*good, bad]), "it has no UID"
    if kind == "ends-before-start":
        bad = event("backwards@x", "Backwards", at(day, 18), at(day, 17))
        return ics([*good, bad]), "it must end after it starts"
    if kind == "unknown-zone":
        data = ics(good).replace(
            b"END:VCALENDAR",
            b"BEGIN:VEVENT\r\nUID:mars@x\r\nSUMMARY:On Mars\r\n"
            b"DTSTART;TZID=Mars/Olympus_Mons:20300507T180000\r\n"
            b"DTEND;TZID=Mars/Olympus_Mons:20300507T200000\r\nEND:VEVENT\r\nEND:VCALENDAR",
        )
        return data, "Mars/Olympus_Mons"
    if kind == "whole-day":
        bad = event("allday@x", "All day", day, day + datetime.timedelta(days=1))
        return ics([*good, bad]), "is a whole day"
    if kind == "endless-series":
        bad = event("endless@x", "Forever", at(day, 18), at(day, 20), rrule={"FREQ": "WEEKLY"})
        return ics([*good, bad]), "A series needs an end"
    if kind == "nonexistent-time":
        spring = datetime.date(2030, 3, 31)
        bad = event("gap@x", "In the gap", at(spring, 2, 30), at(spring, 4))
        return ics([*good, bad]), "does not exist in Europe/Paris"
    if kind == "year-9999":
        far = datetime.date(9999, 5, 7)
        bad = event("far@x", "Far away", at(far, 18), at(far, 20))
        return ics([*good, bad]), "A session takes place between 2000-01-01 and"
    if kind in HOSTILE_RULES:
        rule, problem = HOSTILE_RULES[kind]
        bad = event(f"{kind}@x", "Hostile", at(day, 18), at(day, 20))
        data = ics([*good, bad]).replace(
            f"UID:{kind}@x\r\n".encode(), f"UID:{kind}@x\r\nRRULE:{rule}\r\n".encode()
        )
        return data, problem
    if kind == "own-time-zone-rules":
        tzid = f"Custom/Evil-{uuid.uuid4().hex}"
        data = ics(good).replace(
            b"END:VCALENDAR",
            hostile_vtimezone(tzid, "DAILY")
            + f"BEGIN:VEVENT\r\nUID:evil@x\r\nSUMMARY:Evil\r\n"
            f"DTSTART;TZID={tzid}:20300507T180000\r\n"
            f"DTEND;TZID={tzid}:20300507T200000\r\nEND:VEVENT\r\nEND:VCALENDAR".encode(),
        )
        return data, f"“{tzid}”, which is not an IANA name"
    raise AssertionError(kind)


@pytest.mark.parametrize(
    "kind",
    [
        "garbage",
        "no-event",
        "no-uid",
        "ends-before-start",
        "unknown-zone",
        "whole-day",
        "endless-series",
        "nonexistent-time",
        *HOSTILE_RULES,
        "own-time-zone-rules",
        "year-9999",
    ],
)
def test_a_bad_file_is_refused_with_a_clear_message_and_writes_nothing(
    client, trainer, workshop, kind
):
    client.force_login(trainer)
    # Already imported once: a refused file must neither create nor update anything.
    earlier = schedule_events(series_start=(9, 0))
    upload(client, workshop, ics(earlier))
    before = state()
    data, problem = broken(kind)
    # The refusal costs about what refusing a plain mistake costs; an expansion walking
    # towards the year 9999 would take hundreds of times longer.
    plain, _ = broken("ends-before-start")
    reference, _ = fastest(lambda: upload(client, workshop, plain))

    elapsed, response = fastest(lambda: upload(client, workshop, data))

    assert response.status_code == 200
    assert_about_as_fast(elapsed, reference, what="the refusal")
    content = response.content.decode().replace("&#x27;", "'").replace("&quot;", '"')
    assert "Nothing was imported" in content
    assert problem in content
    assert problem in " ".join(response.context["problems"])
    assert state() == before


def test_a_uid_of_another_trainers_workshop_is_refused(
    client, trainer, other_trainer, countries, workshop
):
    theirs = make_workshop(countries["ca"], trainers=[other_trainer], sessions=0)
    their_session = SessionFactory(workshop=theirs, uid=SERIES_UID, time_zone="America/Toronto")
    client.force_login(trainer)
    before = state()

    response = upload(client, workshop, ics(schedule_events()))

    assert response.status_code == 200
    assert (
        f"UID {SERIES_UID} belongs to a session of another workshop."
        in (response.context["problems"])
    )
    assert state() == before
    their_session.refresh_from_db()
    assert (their_session.workshop, their_session.sequence) == (theirs, 0)


def test_a_trainer_cannot_import_into_another_trainers_workshop(
    client, trainer, other_trainer, countries
):
    theirs = make_workshop(countries["ca"], trainers=[other_trainer], sessions=0)
    client.force_login(trainer)
    response = upload(client, theirs, ics(schedule_events()))
    assert response.status_code in (302, 404)
    assert response.status_code == 404 or response.url.startswith("/en/admin/")
    assert not Session.objects.exists()


def test_a_moved_occurrence_named_in_utc_is_matched_in_the_series_zone(client, trainer, workshop):
    """Some calendars write RECURRENCE-ID in UTC: 20:00 in Toronto is 01:00Z the next day."""
    first = datetime.date(2030, 5, 7)
    toronto = "America/Toronto"
    series = event(
        "evening@x",
        "Evening series",
        at(first, 20, zone=toronto),
        at(first, 21, zone=toronto),
        rrule={"FREQ": "WEEKLY", "COUNT": 3},
    )
    second = at(first + datetime.timedelta(days=7), 20, zone=toronto)
    moved = event(
        "evening@x",
        "Evening series (earlier)",
        at(first + datetime.timedelta(days=7), 18, zone=toronto),
        at(first + datetime.timedelta(days=7), 19, zone=toronto),
        recurrence_id=second.astimezone(UTC),
    )
    client.force_login(trainer)

    response = upload(client, workshop, ics([series, moved]))

    assert response.status_code == 302, response.context["problems"]
    [change] = OccurrenceChange.objects.all()
    assert change.original_date == first + datetime.timedelta(days=7)
    assert change.start_time == datetime.time(18, 0)


def test_a_moved_occurrence_the_series_does_not_have_is_refused(client, trainer, workshop):
    client.force_login(trainer)
    series, override, single = schedule_events()
    del override["RECURRENCE-ID"]
    override.add("recurrence-id", at(datetime.date(2030, 3, 20), 18))  # a Wednesday
    before = state()

    response = upload(client, workshop, ics([series, override, single]))

    assert response.status_code == 200
    problems = " ".join(response.context["problems"])
    assert "its RECURRENCE-ID is not a date of its series." in problems
    assert state() == before


def test_a_files_own_time_zone_rules_are_never_evaluated(client, trainer, workshop):
    """A VTIMEZONE is dropped before the file is read: icalendar would otherwise build a zone
    from its rules and keep it for the whole process, under a name later files could use."""
    client.force_login(trainer)
    tzid = f"Custom/Evil-{uuid.uuid4().hex}"
    data = ics(schedule_events()).replace(
        b"BEGIN:VEVENT", hostile_vtimezone(tzid, "SECONDLY") + b"BEGIN:VEVENT", 1
    )

    elapsed, response = fastest(lambda: upload(client, workshop, data), repeat=1)
    # The reference: the same sessions again, in a file without the zone's rules.
    reference, again = fastest(lambda: upload(client, workshop, ics(schedule_events())))

    assert response.status_code == 302
    assert report(response) == "2 sessions created, 0 updated, 0 unchanged."
    assert report(again) == "0 sessions created, 0 updated, 2 unchanged."
    assert_about_as_fast(elapsed, reference, what="the import")
    assert tzp.timezone(tzid) is None
