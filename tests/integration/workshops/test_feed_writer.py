"""The text writer writes, byte for byte, what icalendar's object model wrote for the same
sessions (``icalendar_reference``, the builder as it was): escaping, folding of long and
multibyte lines, UTC and TZID forms, RRULE parts, EXDATE lists, overrides, every variant."""

import datetime

import pytest
from django.test import RequestFactory
from django.utils import translation
from icalendar import Calendar

from capacity_lms.workshops import ical_text
from capacity_lms.workshops.calendar import CalendarBuilder
from capacity_lms.workshops.models import OccurrenceChange, Session
from sandbox.testing.factories import SessionFactory, StrategicAxisFactory, WorkshopFactory

from .icalendar_reference import IcalendarBuilder

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

ARABIC = "ورشة عمل حول الحوكمة والميزانية التشاركية في الجمعيات المحلية، الدار البيضاء"
AWKWARD = "Budgets, plans; and a back\\slash\\N with\r\nbreaks\rand ^carets^ " * 3


def day(offset):
    return datetime.date(2027, 3, 1) + datetime.timedelta(days=offset)


@pytest.fixture
def sessions(countries):
    axis = StrategicAxisFactory(code="governance", name_en="Governance, budgets; law")
    plain = WorkshopFactory(country=countries["fr"], strategic_axis=axis)
    arabic = WorkshopFactory(
        country=countries["ma"],
        title=ARABIC,
        description=f"<p>{ARABIC}</p><p>{ARABIC}</p>",
        format="hybrid",
        online_url="https://meet.example.org/ma?a=1,b=2;c",
        online_instructions="Code: 12;34, then \\wait",
        venue_name="Dar Al Jamia",
        city="الدار البيضاء",
    )
    awkward = WorkshopFactory(
        country=countries["ca"],
        title=AWKWARD[:60],
        description=AWKWARD,
        format="online",
        online_url="https://meet.example.org/x",
        status="cancelled",
    )
    rows = [
        SessionFactory(workshop=plain, date=day(0), title="Day 1"),
        SessionFactory(workshop=plain, date=day(1), time_zone="UTC", status="cancelled"),
        SessionFactory(workshop=plain, date=day(2), time_zone="Etc/GMT+1"),
        SessionFactory(
            workshop=arabic,
            date=day(3),
            time_zone="Africa/Casablanca",
            title=ARABIC[:40],
            recurrence="FREQ=WEEKLY;INTERVAL=1;COUNT=06;BYDAY=WE,SA",
        ),
        SessionFactory(
            workshop=awkward,
            date=day(4),
            time_zone="America/Toronto",
            recurrence="FREQ=MONTHLY;BYMONTHDAY=5;UNTIL=20271231",
        ),
        SessionFactory(
            workshop=plain,
            date=day(5),
            time_zone="Etc/UTC",
            recurrence="FREQ=DAILY;COUNT=4",
        ),
    ]
    for series in (rows[3], rows[4], rows[5]):
        dates = series.occurrence_dates()
        OccurrenceChange.objects.create(session=series, original_date=dates[1])
        OccurrenceChange.objects.create(session=series, original_date=dates[2])
        OccurrenceChange.objects.create(
            session=series,
            original_date=dates[3],
            status=OccurrenceChange.Status.MOVED,
            date=dates[3] + datetime.timedelta(days=1),
            start_time=datetime.time(7, 30, 15),
            end_time=datetime.time(9, 0),
        )
    return list(Session.objects.in_calendars())


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
@pytest.mark.parametrize("variant", ["public", "online link", "tentative"])
def test_the_text_writer_writes_what_icalendar_wrote(sessions, language, variant):
    workshops = {session.workshop_id for session in sessions}
    options = {
        "public": {},
        "online link": {"online_link_for": workshops},
        "tentative": {"tentative_for": workshops},
    }[variant]
    request = RequestFactory().get("/feed.ics")
    with translation.override(language):
        name = f"Programme – {ARABIC}, {AWKWARD[:30]}"
        ours = CalendarBuilder(name, request=request, **options).add_sessions(sessions)
        theirs = IcalendarBuilder(name, request=request, **options).add_sessions(sessions)
        written, reference = ours.to_ical(), theirs.to_ical()
    assert written == reference
    assert len(Calendar.from_ical(written).walk("VEVENT")) == 6 + 3


def test_folding_keeps_lines_short_and_characters_whole():
    for text in (ARABIC * 3, "é" * 200, "a" * 73 + "\\" + "b" * 200, "€" + "a" * 300):
        folded = ical_text.fold(f"DESCRIPTION:{text}")
        lines = folded.encode("utf-8").split(b"\r\n")
        assert all(len(line) <= 75 for line in lines)
        assert all(line.decode("utf-8") for line in lines)  # no character split
        assert "".join(part[1:] if n else part for n, part in enumerate(folded.split("\r\n"))) == (
            f"DESCRIPTION:{text}"
        )
