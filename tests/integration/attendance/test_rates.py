"""Attendance rates: weighted by status, excused and cancelled left out, over a workshop or a
course; the weights are the programme's data."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from capacity_lms.attendance.actions import MarkAttendanceAction
from capacity_lms.attendance.models import AttendanceRecord, AttendanceStatus
from capacity_lms.attendance.rates import course_rate, person_rate, workshop_rates
from capacity_lms.workshops.models import OccurrenceChange
from sandbox.testing.factories import (
    CatalogueIndexPageFactory,
    CoursePageFactory,
    RegistrationFactory,
    SessionFactory,
    UserFactory,
)
from sandbox.testing.world import ensure_wagtail_site
from tests.integration.conftest import make_workshop

pytestmark = pytest.mark.django_db

ROSTER = AttendanceRecord.Method.ROSTER
FIRST = datetime.date(2026, 3, 2)
# After the four weekly meetings of the series, before the session of May.
NOW = datetime.datetime(2026, 4, 1, 12, 0, tzinfo=datetime.UTC)


def status(code):
    return AttendanceStatus.objects.get(code=code)


def weekly(workshop, first=FIRST, count=4):
    return SessionFactory(
        workshop=workshop,
        date=first,
        start_time=datetime.time(10),
        end_time=datetime.time(12),
        time_zone="UTC",
        recurrence=f"FREQ=WEEKLY;COUNT={count}",
    )


def week(number, first=FIRST):
    """The date of meeting ``number`` (from 1) of a weekly series."""
    return first + datetime.timedelta(weeks=number - 1)


def mark(trainer, session, day, person, code):
    MarkAttendanceAction(
        session,
        user=trainer,
        occurrence_date=day,
        status=status(code),
        method=ROSTER,
        person=person,
    ).execute()


@pytest.fixture
def workshop(countries, trainer):
    return make_workshop(countries["fr"], trainers=[trainer], sessions=0, capacity=None)


@pytest.fixture
def series(workshop):
    return weekly(workshop)


@pytest.fixture
def person(workshop):
    person = UserFactory()
    RegistrationFactory(workshop=workshop, user=person, status="confirmed")
    return person


def rate_of(person, workshop):
    return workshop_rates(workshop, now=NOW)[person.pk]


def test_present_counts_one_late_three_quarters_absent_and_no_record_nothing(
    workshop, series, person, trainer
):
    mark(trainer, series, week(1), person, "present")
    mark(trainer, series, week(2), person, "late")
    mark(trainer, series, week(3), person, "absent")
    # Week 4: no record at all, which counts as absent.
    assert rate_of(person, workshop) == Decimal("1.75") / 4
    assert person_rate(person, [workshop], now=NOW) == Decimal("1.75") / 4


def test_an_excused_meeting_is_left_out_of_both_sides(workshop, series, person, trainer):
    mark(trainer, series, week(1), person, "present")
    mark(trainer, series, week(2), person, "excused")
    mark(trainer, series, week(3), person, "present")
    mark(trainer, series, week(4), person, "excused")
    assert rate_of(person, workshop) == 1


def test_no_meeting_that_counts_gives_no_rate(workshop, series, person, trainer):
    for number in range(1, 5):
        mark(trainer, series, week(number), person, "excused")
    assert rate_of(person, workshop) is None
    before_the_first_meeting = datetime.datetime.combine(FIRST, datetime.time(9), datetime.UTC)
    assert person_rate(UserFactory(), [workshop], now=before_the_first_meeting) is None


def test_cancelled_meetings_and_meetings_not_yet_ended_are_left_out(
    workshop, series, person, trainer
):
    OccurrenceChange.objects.create(session=series, original_date=week(2))
    later = SessionFactory(
        workshop=workshop,
        date=datetime.date(2026, 5, 4),
        start_time=datetime.time(10),
        end_time=datetime.time(12),
        time_zone="UTC",
    )
    cancelled_session = SessionFactory(
        workshop=workshop,
        date=datetime.date(2026, 3, 20),
        start_time=datetime.time(10),
        end_time=datetime.time(12),
        time_zone="UTC",
        status="cancelled",
    )
    for number in (1, 3, 4):
        mark(trainer, series, week(number), person, "present")
    assert rate_of(person, workshop) == 1
    # Once May's session has ended without a record, it counts as an absence.
    after_may = datetime.datetime(2026, 5, 5, tzinfo=datetime.UTC)
    assert workshop_rates(workshop, now=after_may)[person.pk] == Decimal(3) / 4
    # A meeting under way has not ended: it is not counted yet.
    during_may = datetime.datetime(2026, 5, 4, 11, tzinfo=datetime.UTC)
    assert workshop_rates(workshop, now=during_may)[person.pk] == 1
    assert later.pk and cancelled_session.is_cancelled


def test_every_confirmed_registrant_has_a_rate_and_no_one_else(workshop, series, person, trainer):
    never_came = UserFactory()
    RegistrationFactory(workshop=workshop, user=never_came, status="confirmed")
    waiting = UserFactory()
    RegistrationFactory(workshop=workshop, user=waiting, status="waiting")
    mark(trainer, series, week(1), person, "present")
    rates = workshop_rates(workshop, now=NOW)
    assert set(rates) == {person.pk, never_came.pk}
    assert rates[never_came.pk] == 0
    assert rates[person.pk] == Decimal(1) / 4


def test_workshop_rates_take_four_queries_whatever_the_size(workshop, series, trainer):
    def queries():
        with CaptureQueriesContext(connection) as context:
            workshop_rates(workshop, now=NOW)
        return len(context)

    def add_people(count):
        for _ in range(count):
            someone = UserFactory()
            RegistrationFactory(workshop=workshop, user=someone, status="confirmed")
            mark(trainer, series, week(1), someone, "present")

    add_people(2)
    small = queries()
    weekly(workshop, first=datetime.date(2026, 1, 5))
    add_people(20)
    # Sessions, their occurrence changes, registrations, records.
    assert queries() == small == 4


def test_a_course_rate_is_over_the_workshops_of_the_course_the_person_registered_for(
    countries, trainer
):
    site = ensure_wagtail_site()
    catalogue = CatalogueIndexPageFactory(parent=site.root_page, slug="rate-modules")
    course = CoursePageFactory(parent=catalogue, title="Project engineering")
    other_course = CoursePageFactory(parent=catalogue, title="Governance")
    person = UserFactory()

    def workshop_of(course, registration="confirmed"):
        workshop = make_workshop(countries["fr"], trainers=[trainer], sessions=0, course=course)
        if registration:
            RegistrationFactory(workshop=workshop, user=person, status=registration)
        return workshop, weekly(workshop, count=2)

    first, first_series = workshop_of(course)
    second, second_series = workshop_of(course)
    _not_registered, _ = workshop_of(course, registration=None)
    _waiting, _ = workshop_of(course, registration="waiting")
    other, other_series = workshop_of(other_course)

    mark(trainer, first_series, week(1), person, "present")
    mark(trainer, first_series, week(2), person, "present")
    mark(trainer, second_series, week(1), person, "late")
    # Second workshop, week 2: no record (absent). The other course does not count.
    mark(trainer, other_series, week(1), person, "present")

    assert course_rate(person, course, now=NOW) == Decimal("2.75") / 4
    assert course_rate(person, other_course, now=NOW) == Decimal(1) / 2
    assert person_rate(person, [first, second], now=NOW) == Decimal("2.75") / 4
    assert other


def test_a_programme_that_changes_what_late_is_worth_changes_the_rate(
    workshop, series, person, trainer
):
    mark(trainer, series, week(1), person, "late")
    mark(trainer, series, week(2), person, "late")
    mark(trainer, series, week(3), person, "present")
    mark(trainer, series, week(4), person, "present")
    assert rate_of(person, workshop) == Decimal("3.5") / 4

    AttendanceStatus.objects.filter(code="late").update(weight=Decimal("0.5"))
    assert rate_of(person, workshop) == Decimal("3") / 4

    # Excused made to count (as an absence) brings excused meetings back into the rate.
    AttendanceStatus.objects.filter(code="excused").update(counts_in_rate=True)
    mark(trainer, series, week(4), person, "excused")
    assert rate_of(person, workshop) == Decimal("2") / 4


def test_a_status_the_programme_adds_counts_with_its_own_weight(workshop, series, person, trainer):
    AttendanceStatus.objects.create(
        code="left-early", name_en="Left early", weight=Decimal("0.4"), sort_order=5
    )
    mark(trainer, series, week(1), person, "left-early")
    for number in (2, 3, 4):
        mark(trainer, series, week(number), person, "present")
    assert rate_of(person, workshop) == Decimal("3.4") / 4
