"""Programme reports on 1,000,000 attendance records (PostgreSQL only).

Run with `make benchmarks DATABASE_URL=postgres://...`. Seeds the data with
`manage.py seed_report_data` (COPY), then measures, in the same run:

- the full country x specialized group x strategic axis attendance-rate report
  (`engine.cube`) against the same GROUP BY written by hand in SQL (target: at most 1.5x);
- the CSV export of the 1,000,000 underlying rows, streamed as the admin's "underlying rows"
  download does (PostgreSQL's COPY of the report's own query, cells neutralised in SQL), against
  PostgreSQL's `COPY (SELECT ...) TO STDOUT` of the same columns (target: at most 3x), with
  its peak memory at 1/6 and at all of the rows (target: flat).
"""

import io
import time
import tracemalloc

import pytest
from django.core.management import call_command
from django.db import connection

from capacity_lms.reports.engine import ReportRequest, cube
from capacity_lms.reports.exports import rows_csv

from .conftest import median_seconds, report

RECORDS = 1_000_000

HAND_WRITTEN = """
SELECT c.code, g.code, a.code,
       SUM(st.weight) * 100 / COUNT(r.id)
FROM capacity_lms_attendancerecord r
JOIN capacity_lms_attendancestatus st ON st.id = r.status_id
JOIN capacity_lms_session s ON s.id = r.session_id
JOIN capacity_lms_workshop w ON w.id = s.workshop_id
LEFT JOIN capacity_lms_country c ON c.id = w.country_id
LEFT JOIN capacity_lms_strategicaxis a ON a.id = w.strategic_axis_id
LEFT JOIN capacity_lms_learnerprofile p ON p.user_id = r.user_id
LEFT JOIN capacity_lms_learnerprofile_specialized_groups pg ON pg.learnerprofile_id = p.id
LEFT JOIN capacity_lms_specializedgroup g ON g.id = pg.specializedgroup_id
WHERE r.user_id IS NOT NULL AND st.counts_in_rate
GROUP BY c.code, g.code, a.code
"""

COPY = """
COPY (
  SELECT r.occurrence_date, c.code, a.code, co.translation_key, r.user_id
  FROM capacity_lms_attendancerecord r
  JOIN capacity_lms_attendancestatus st ON st.id = r.status_id
  JOIN capacity_lms_session s ON s.id = r.session_id
  JOIN capacity_lms_workshop w ON w.id = s.workshop_id
  LEFT JOIN capacity_lms_country c ON c.id = w.country_id
  LEFT JOIN capacity_lms_strategicaxis a ON a.id = w.strategic_axis_id
  LEFT JOIN wagtailcore_page co ON co.id = w.course_id
  WHERE r.user_id IS NOT NULL AND st.counts_in_rate
) TO STDOUT WITH CSV
"""


def engine_report():
    return cube(ReportRequest(metric="attendance_rate"), ["country", "group", "axis"])


def sql_report():
    with connection.cursor() as cursor:
        cursor.execute(HAND_WRITTEN)
        return {(c, g, a): value for c, g, a, value in cursor.fetchall()}


def export(request):
    size = 0
    for chunk in rows_csv(request, None, ["date", "country", "axis", "course", "person"]):
        size += len(chunk)
    return size


def copy_out():
    sink = io.BytesIO()
    with connection.cursor() as cursor, cursor.cursor.copy(COPY) as copy:
        for data in copy:
            sink.write(data)
            sink.seek(0)
            sink.truncate()
    return True


def peak(function):
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.django_db(transaction=True)
def test_reports_on_a_million_attendance_records():
    if connection.vendor != "postgresql":
        pytest.skip("the report benchmark compares with PostgreSQL's GROUP BY and COPY")
    start = time.perf_counter()
    call_command("seed_report_data", records=RECORDS, stdout=io.StringIO())
    seeding = time.perf_counter() - start
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    ours, theirs = engine_report(), sql_report()
    assert set(ours) == set(theirs)
    assert all(abs(ours[key] - float(theirs[key])) < 0.001 for key in theirs)
    report_median = median_seconds(engine_report, repeat=3, warmup=1)
    sql_median = median_seconds(sql_report, repeat=3, warmup=1)

    everything = ReportRequest(metric="attendance_rate")
    one_axis = ReportRequest(metric="attendance_rate", filters={"axis": ["school-support"]})
    small_peak = peak(lambda: export(one_axis))
    large_peak = peak(lambda: export(everything))
    export_median = median_seconds(lambda: export(everything), repeat=1, warmup=0)
    copy_median = median_seconds(copy_out, repeat=1, warmup=0)
    report(
        "programme reports",
        {
            "attendance records": RECORDS,
            "seeding (s)": round(seeding),
            "cells in the country x group x axis report": len(ours),
            "report median (ms)": round(report_median * 1000),
            "hand-written GROUP BY median (ms)": round(sql_median * 1000),
            "report ratio": round(report_median / sql_median, 2),
            "CSV export of all rows (s)": round(export_median, 1),
            "COPY TO STDOUT (s)": round(copy_median, 1),
            "export ratio": round(export_median / copy_median, 2),
            "export peak memory, 1/6 of the rows / all (MB)": (
                round(small_peak / 2**20, 2),
                round(large_peak / 2**20, 2),
            ),
            "target": "report <= 1.5x, export <= 3x, memory flat",
        },
    )
