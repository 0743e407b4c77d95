"""Attendance exports: what a formula-looking name becomes, the rows and rates, constant
queries whatever the size, and who may download."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from capacity_lms.attendance.actions import MarkAttendanceAction
from capacity_lms.attendance.models import AttendanceRecord, AttendanceStatus, WalkIn
from capacity_lms.core.spreadsheets import neutralise
from sandbox.testing.factories import RegistrationFactory, UserFactory
from tests.integration.attendance.conftest import session_around

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

FORMULA = '=HYPERLINK("http://x","y")'


def status(code):
    return AttendanceStatus.objects.get(code=code)


def read_csv(response):
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def read_xlsx(response):
    return load_workbook(io.BytesIO(b"".join(response.streaming_content)))


def workshop_url(workshop, extension):
    return reverse("capacity_lms:attendance_export_workshop", args=[workshop.slug, extension])


def meeting_url(workshop, session, extension):
    return reverse(
        "capacity_lms:attendance_export_meeting",
        args=[workshop.slug, session.pk, session.date.isoformat(), extension],
    )


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (FORMULA, "'" + FORMULA),
        ("+33 6 12", "'+33 6 12"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Amina = trainer", "Amina = trainer"),
        (42, 42),
        (None, None),
    ],
)
def test_formula_starts_are_neutralised(value, cell):
    assert neutralise(value) == cell


@pytest.fixture
def marked(workshop, trainer, now):
    """A meeting a week ago: a formula-named person present, another absent with remarks."""
    session = session_around(workshop, now - datetime.timedelta(days=7))
    hacker = UserFactory(first_name=FORMULA, last_name="", email="hacker@example.org")
    plain = UserFactory(first_name="Salma", last_name="Idrissi", email="salma@example.org")
    for person in (hacker, plain):
        RegistrationFactory(workshop=workshop, user=person, status="confirmed")
    MarkAttendanceAction(
        session,
        user=trainer,
        occurrence_date=session.date,
        status=status("present"),
        method="roster",
        person=hacker,
    ).execute()
    MarkAttendanceAction(
        session,
        user=trainer,
        occurrence_date=session.date,
        status=status("absent"),
        method="import",
        person=plain,
        remarks="@home",
    ).execute()
    return session, hacker, plain


def test_the_csv_neutralises_a_formula_name_and_holds_every_column(
    client, trainer, workshop, marked
):
    session, _hacker, _plain = marked
    client.force_login(trainer)
    response = client.get(workshop_url(workshop, "csv"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    header, *rows = read_csv(response)
    assert header[:4] == ["Workshop", "Session", "Meeting date", "Person"]
    assert rows[0][3:9] == ["'" + FORMULA, "hacker@example.org", "Present", "Roster", "", ""]
    assert rows[1][3:9] == ["Salma Idrissi", "salma@example.org", "Absent", "Import", "", "'@home"]
    assert rows[0][0] == workshop.title and rows[0][2] == session.date.isoformat()
    assert rows[0][9] == trainer.get_full_name() and rows[0][10].endswith(" UTC")


def test_a_walk_in_is_exported_with_their_name(client, trainer, workshop, marked):
    session, _hacker, _plain = marked
    walk_in = WalkIn.objects.create(
        workshop=workshop, name="+Nour", email="nour@example.org", added_by=trainer
    )
    MarkAttendanceAction(
        session,
        user=trainer,
        occurrence_date=session.date,
        status=status("late"),
        method="roster",
        walk_in=walk_in,
    ).execute()
    client.force_login(trainer)
    _header, *rows = read_csv(client.get(meeting_url(workshop, session, "csv")))
    assert rows[2][3:7] == ["'+Nour", "nour@example.org", "Late", "Roster"]


def test_the_xlsx_neutralises_a_formula_name_and_adds_the_rates(
    client, trainer, workshop, marked, registered
):
    client.force_login(trainer)
    response = client.get(workshop_url(workshop, "xlsx"))
    assert response.status_code == 200
    workbook = read_xlsx(response)
    assert workbook.sheetnames == ["Attendance", "Rates"]
    attendance = list(workbook["Attendance"].iter_rows(values_only=True))
    assert attendance[1][3] == "'" + FORMULA
    assert workbook["Attendance"]["D2"].data_type == "s"
    assert attendance[2][8] == "'@home"
    rates = {row[2]: row[3] for row in workbook["Rates"].iter_rows(min_row=2, values_only=True)}
    # One ended meeting: present 100 %, absent 0 %, no record counts as absent.
    assert rates["hacker@example.org"] == 100
    assert rates["salma@example.org"] == 0
    assert all(rates[person.email] == 0 for person in registered)


def test_the_rates_csv(client, trainer, workshop, marked):
    client.force_login(trainer)
    response = client.get(reverse("capacity_lms:attendance_export_rates", args=[workshop.slug]))
    header, *rows = read_csv(response)
    assert header == ["Workshop", "Person", "E-mail", "Attendance rate (%)"]
    by_email = {row[2]: row for row in rows}
    assert by_email["hacker@example.org"][1:] == ["'" + FORMULA, "hacker@example.org", "100.0"]
    assert by_email["salma@example.org"][3] == "0.0"


def test_a_meeting_export_holds_that_meeting_only(client, trainer, workshop, marked, now):
    session, hacker, _plain = marked
    other = session_around(workshop, now)
    MarkAttendanceAction(
        other,
        user=trainer,
        occurrence_date=other.date,
        status=status("late"),
        method="roster",
        person=hacker,
    ).execute()
    client.force_login(trainer)
    _header, *rows = read_csv(client.get(meeting_url(workshop, other, "csv")))
    assert [(row[2], row[5]) for row in rows] == [(other.date.isoformat(), "Late")]
    workbook = read_xlsx(client.get(meeting_url(workshop, session, "xlsx")))
    assert len(list(workbook["Attendance"].iter_rows())) == 3
    missing = reverse(
        "capacity_lms:attendance_export_meeting",
        args=[workshop.slug, session.pk, "2001-01-01", "csv"],
    )
    assert client.get(missing).status_code == 404


def add_records(session, count, marker):
    people = UserFactory.create_batch(count)
    present = status("present")
    AttendanceRecord.objects.bulk_create(
        AttendanceRecord(
            session=session,
            occurrence_date=session.date,
            user=person,
            status=present,
            method="roster",
            marked_by=marker,
            marked_at=timezone.now(),
        )
        for person in people
    )


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_the_export_runs_the_same_queries_for_10_and_100_records(
    client, trainer, workshop, now, extension
):
    session = session_around(workshop, now)
    client.force_login(trainer)
    counts = []
    for total in (10, 100):
        add_records(session, total - AttendanceRecord.objects.count(), trainer)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(meeting_url(workshop, session, extension))
            content = b"".join(response.streaming_content)
        if extension == "csv":
            assert content.decode("utf-8").count("\n") == total + 1
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_workshop_export_runs_the_same_queries_for_10_and_100_records(
    client, trainer, workshop, now
):
    session = session_around(workshop, now)
    client.force_login(trainer)
    counts = []
    for total in (10, 100):
        add_records(session, total - AttendanceRecord.objects.count(), trainer)
        with CaptureQueriesContext(connection) as queries:
            b"".join(client.get(workshop_url(workshop, "xlsx")).streaming_content)
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_another_trainer_or_a_member_gets_404_and_staff_get_every_workshop(
    client, workshop, marked, other_trainer, member, staff
):
    session, _hacker, _plain = marked
    urls = [
        workshop_url(workshop, "csv"),
        workshop_url(workshop, "xlsx"),
        meeting_url(workshop, session, "csv"),
        meeting_url(workshop, session, "xlsx"),
        reverse("capacity_lms:attendance_export_rates", args=[workshop.slug]),
        reverse("capacity_lms:attendance_transfer", args=[workshop.slug]),
    ]
    for url in urls:
        assert client.get(url).status_code == 302  # to sign in
    for outsider in (other_trainer, member):
        client.force_login(outsider)
        assert [client.get(url).status_code for url in urls] == [404] * len(urls)
    client.force_login(staff)
    assert [client.get(url).status_code for url in urls] == [200] * len(urls)
    assert client.get(workshop_url(workshop, "pdf")).status_code == 404


def test_the_files_page_links_every_meeting(client, trainer, workshop, marked):
    session, _hacker, _plain = marked
    client.force_login(trainer)
    page = client.get(reverse("capacity_lms:attendance_transfer", args=[workshop.slug]))
    assert meeting_url(workshop, session, "xlsx") in page.content.decode()
