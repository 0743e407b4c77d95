"""A workshop's attendance CSV at 100,000 records, against csv.writer writing the same rows.

Run with `make benchmarks` (SQLite) or `make benchmarks DATABASE_URL=postgres://...`.
Reports the median time to stream the whole export through Django's request handler as a
ratio to the median time ``csv.writer`` takes to write the same rows from tuples already in
memory, in the same run; the queries the export runs (the same at 10,000 and 100,000
records); and its peak memory (tracemalloc) at 10,000 and at 100,000 records, which must not
grow with the number of rows.
"""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from capacity_lms.attendance import exports
from capacity_lms.attendance.models import AttendanceRecord, AttendanceStatus
from capacity_lms.workshops.models import Session
from sandbox.testing.factories import CountryFactory, UserFactory, WorkshopFactory
from tests.integration.conftest import in_group

from .conftest import median_seconds, peak_memory_and_queries, report

PEOPLE = 1_000
MEETINGS = 100
RECORDS = PEOPLE * MEETINGS
FIRST_STEP = 10  # meetings seeded before the first measure: 10,000 records
# Few runs: one export takes seconds, and the whole benchmark must stay under two minutes.
REPEAT = 3


def seed_people():
    return get_user_model().objects.bulk_create(
        get_user_model()(
            username=f"learner{number}",
            email=f"learner{number}@example.org",
            first_name="Learner",
            # Every tenth name looks like a formula: the export neutralises it.
            last_name=f"=HYPERLINK({number})" if number % 10 == 0 else f"Number {number}",
        )
        for number in range(PEOPLE)
    )


def seed_meetings(workshop, first_day, count):
    sessions = []
    for number in range(count):
        session = Session(
            workshop=workshop,
            title=f"Day {number + 1}",
            date=first_day + datetime.timedelta(days=number),
            start_time=datetime.time(9),
            end_time=datetime.time(12),
            time_zone="Europe/Paris",
        )
        session.compute_instants()
        sessions.append(session)
    return Session.objects.bulk_create(sessions)


def seed_records(sessions, people, marker):
    statuses = list(AttendanceStatus.objects.order_by("sort_order"))
    marked_at = timezone.now()
    AttendanceRecord.objects.bulk_create(
        (
            AttendanceRecord(
                session=session,
                occurrence_date=session.date,
                user=person,
                status=statuses[(session.pk + person.pk) % len(statuses)],
                method=AttendanceRecord.Method.ROSTER,
                remarks="-arrived late" if (session.pk + person.pk) % 7 == 0 else "",
                minutes_present=None,
                marked_by=marker,
                marked_at=marked_at,
            )
            for session in sessions
            for person in people
        ),
        batch_size=5000,
    )


def stream(client, url):
    """Request the export and read it to the end without keeping it; its size in bytes."""
    response = client.get(url)
    assert response.status_code == 200
    return sum(len(chunk) for chunk in response.streaming_content)


@pytest.mark.django_db
def test_attendance_csv_of_100000_records(client):
    from capacity_lms.people.roles import TRAINERS

    trainer = in_group(UserFactory(username="trainer-bench"), TRAINERS)
    country = CountryFactory(code="fr", name_en="France", default_time_zone="Europe/Paris")
    workshop = WorkshopFactory(country=country, trainers=[trainer], capacity=None)
    people = seed_people()
    first_day = datetime.date.today() - datetime.timedelta(days=MEETINGS + 7)
    sessions = seed_meetings(workshop, first_day, MEETINGS)
    url = reverse("capacity_lms:attendance_export_workshop", args=[workshop.slug, "csv"])
    client.force_login(trainer)

    seed_records(sessions[:FIRST_STEP], people, trainer)
    _, small_peak, small_queries = peak_memory_and_queries(lambda: stream(client, url))

    seed_records(sessions[FIRST_STEP:], people, trainer)
    assert AttendanceRecord.objects.count() == RECORDS
    size, large_peak, large_queries = peak_memory_and_queries(lambda: stream(client, url))

    rows = [tuple(row) for row in exports.record_rows(exports.records(workshop=workshop))]
    assert len(rows) == RECORDS + 1

    def direct():
        writer = csv.writer(io.StringIO())
        for row in rows:
            writer.writerow(row)

    export_median = median_seconds(lambda: stream(client, url), repeat=REPEAT, warmup=0)
    direct_median = median_seconds(direct, repeat=REPEAT, warmup=0)
    ratio = export_median / direct_median
    growth = large_peak / small_peak
    report(
        "attendance CSV export",
        {
            "records": RECORDS,
            "file size (MB)": round(size / 2**20, 1),
            "csv.writer from memory median (ms)": round(direct_median * 1000, 1),
            "export median (ms)": round(export_median * 1000, 1),
            "ratio": round(ratio, 2),
            "queries (10,000, 100,000 records)": (small_queries, large_queries),
            "peak memory at 10,000 records (MB)": round(small_peak / 2**20, 2),
            "peak memory at 100,000 records (MB)": round(large_peak / 2**20, 2),
            "peak memory growth for 10x the records": round(growth, 2),
            "target": "same queries; peak memory growth < 2; ratio <= 15",
        },
    )
    assert small_queries == large_queries
    assert growth < 2
    assert ratio <= 15
