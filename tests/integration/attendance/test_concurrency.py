"""A crowd checking in at once against a real database: one record per person, no error.

Threads with their own connections, released together, on whatever database the run uses:
SQLite (IMMEDIATE transactions queue the writers) or PostgreSQL when DATABASE_URL points to
it (the unique constraint decides, and the loser of a race updates the winner's row); CI runs
this file on both. The crowd shares a pool of threads, each with its own connection, so that
the run stays within PostgreSQL's ``max_connections`` (100 in CI).
"""

import datetime
import queue
import threading
import time

import pytest
from django.db import connection

from capacity_lms.attendance.actions import MarkAttendanceAction
from capacity_lms.attendance.checkin import CheckInAction, make_token
from capacity_lms.attendance.models import AttendanceChange, AttendanceRecord, AttendanceStatus
from capacity_lms.people.roles import TRAINERS
from capacity_lms.workshops.models import Registration
from sandbox.testing.factories import UserFactory
from tests.concurrency import run_together
from tests.integration.attendance.conftest import session_around
from tests.integration.conftest import in_group, make_workshop

# A transactional test before this one (a browser test) may have flushed the database:
# "migrated_rows" puts back what the migrations made (roles, statuses, the Wagtail site).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("migrated_rows")]

CROWD = 200
TWICE = 40  # of whom this many check in twice at the same moment (a double tap)
WORKERS = 40  # threads, hence connections, at once


@pytest.fixture
def world(countries, trainer):
    workshop = make_workshop(countries["fr"], trainers=[trainer], sessions=0, capacity=None)
    session = session_around(workshop, datetime.datetime.now(datetime.UTC))
    people = [UserFactory(username=f"crowd-{number:03d}") for number in range(CROWD)]
    Registration.objects.bulk_create(
        Registration(workshop=workshop, user=person, status=Registration.Status.CONFIRMED)
        for person in people
    )
    return session, people


def during(session):
    return session.starts_at + datetime.timedelta(minutes=10)


def run_pool(tasks, workers):
    """Run ``tasks`` on ``workers`` threads, each with its own connection, all released at
    once; return (errors, seconds taken)."""
    pending = queue.SimpleQueue()
    for task in tasks:
        pending.put(task)
    barrier = threading.Barrier(workers + 1)
    errors = []

    def worker():
        try:
            barrier.wait()
            while True:
                try:
                    task = pending.get_nowait()
                except queue.Empty:
                    return
                try:
                    task()
                except Exception as error:
                    errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.monotonic()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a thread hung"
    return errors, time.monotonic() - started


def check_in(person, token, now):
    return lambda: CheckInAction.from_token(token, user=person, now=now).execute()


def test_two_hundred_check_ins_within_a_minute_leave_one_record_each_and_no_error(world):
    session, people = world
    token = make_token(session, session.date)
    now = during(session)
    tasks = []
    for number, person in enumerate(people):
        tasks.append(check_in(person, token, now))
        if number < TWICE:
            # Queued side by side, so two threads take them up at the same moment.
            tasks.append(check_in(person, token, now))

    errors, seconds = run_pool(tasks, WORKERS)

    assert errors == []
    assert seconds < 60, f"{len(tasks)} check-ins took {seconds:.1f} s"
    records = AttendanceRecord.objects.filter(session=session, occurrence_date=session.date)
    assert records.count() == CROWD
    assert set(records.values_list("user", flat=True)) == {person.pk for person in people}
    assert set(records.values_list("status__code", "method").distinct()) == {
        ("present", AttendanceRecord.Method.CHECK_IN)
    }
    # A second check-in that says the same adds no history row.
    assert AttendanceChange.objects.filter(record__session=session).count() == CROWD
    print(f"\n{len(tasks)} check-ins on {connection.vendor} in {seconds:.2f} s")


def test_a_double_tap_by_each_of_ten_people_at_the_same_instant_leaves_ten_records(world):
    session, people = world
    token = make_token(session, session.date)
    now = during(session)
    tappers = people[:10]

    errors = run_together([check_in(person, token, now) for person in tappers for _tap in (1, 2)])

    assert errors == []
    for person in tappers:
        assert AttendanceRecord.objects.filter(user=person).count() == 1
        assert AttendanceChange.objects.filter(record__user=person).count() == 1


def test_two_trainers_marking_the_same_people_at_once_leave_one_record_each(world, trainer):
    session, people = world
    second = in_group(UserFactory(username="trainer-second"), TRAINERS)
    workshop = session.workshop
    workshop.trainers.add(second)
    workshop.save()  # a ParentalManyToManyField keeps its change in memory until then
    late, absent = (AttendanceStatus.objects.get(code=code) for code in ("late", "absent"))
    marked = people[:10]

    def mark(marker, status, person):
        return lambda: MarkAttendanceAction(
            session,
            user=marker,
            occurrence_date=session.date,
            status=status,
            method=AttendanceRecord.Method.ROSTER,
            person=person,
        ).execute()

    errors = run_together(
        [mark(trainer, late, person) for person in marked]
        + [mark(second, absent, person) for person in marked]
    )

    assert errors == []
    for person in marked:
        record = AttendanceRecord.objects.get(user=person)
        changes = list(record.changes.all())
        assert 1 <= len(changes) <= 2
        assert (record.status, record.marked_by) in {(late, trainer), (absent, second)}
        # The history reads as a chain that ends in the record's state.
        assert changes[0].previous_status is None
        assert changes[-1].status == record.status
        if len(changes) == 2:
            assert changes[1].previous_status == changes[0].status != changes[1].status
