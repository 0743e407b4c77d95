"""Roster CSV imports and online meeting reports: a report per row, all or nothing, the same
file twice changes nothing, a malformed file writes nothing and names its bad lines."""

import datetime

import pytest
from django.urls import reverse

from capacity_lms.attendance.imports.online import import_online_report
from capacity_lms.attendance.imports.reading import parse_minutes, read_table
from capacity_lms.attendance.imports.report import Outcome, find_meeting
from capacity_lms.attendance.imports.roster import import_roster
from capacity_lms.attendance.models import AttendanceChange, AttendanceRecord
from capacity_lms.core.actions import ImportRefused
from sandbox.testing.factories import UserFactory
from tests.integration.attendance.conftest import session_around
from tests.timing import assert_about_as_fast, fastest

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(workshop, session):
    return find_meeting(workshop, session.pk, session.date)


def table():
    """(session, occurrence_date, username, status code, remarks, method, minutes) of all."""
    return sorted(
        (
            r.session_id,
            r.occurrence_date,
            r.user.username,
            r.status.code,
            r.remarks,
            r.method,
            r.minutes_present,
        )
        for r in AttendanceRecord.objects.select_related("user", "status")
    )


def roster(*lines, delimiter=","):
    return "\n".join(delimiter.join(cells) for cells in lines).encode()


def outcomes(report):
    return [(row.lines[0], row.outcome) for row in report.rows]


def test_columns_are_mapped_and_statuses_read_in_any_language(
    trainer, workshop, meeting, registered
):
    a, b, c = registered
    data = roster(
        ("Courriel", "Présence", "Note"),
        (a.email.upper(), "PRÉSENT", "front row"),
        (b.username, "late", ""),
        (c.email, "غائب", "ill"),
    )
    report = import_roster(
        trainer,
        workshop,
        data,
        person_column="courriel",
        status_column="présence",
        remarks_column="NOTE",
        meeting=meeting,
    )
    assert outcomes(report) == [(2, "created"), (3, "created"), (4, "created")]
    assert {(r[2], r[3], r[4], r[5]) for r in table()} == {
        (a.username, "present", "front row", "import"),
        (b.username, "late", "", "import"),
        (c.username, "absent", "ill", "import"),
    }


def test_every_row_has_its_outcome_and_reason(trainer, workshop, meeting, registered):
    a, b, c = registered
    stranger_with_account = UserFactory()
    import_roster(
        trainer,
        workshop,
        roster(("email", "status"), (b.email, "present")),
        "email",
        "status",
        meeting=meeting,
    )
    report = import_roster(
        trainer,
        workshop,
        roster(
            ("email", "status"),
            (a.email, "present"),
            (b.email, "late"),
            (c.email, "sleeping"),
            ("nobody@example.org", "present"),
            (stranger_with_account.email, "present"),
            (a.email, "absent"),
            ("", "present"),
        ),
        "email",
        "status",
        meeting=meeting,
    )
    assert outcomes(report) == [
        (2, "created"),
        (3, "updated"),
        (4, "refused"),
        (5, "refused"),
        (6, "refused"),
        (7, "refused"),
        (8, "refused"),
    ]
    reasons = [row.reason for row in report.rows]
    assert "Unknown status “sleeping”" in reasons[2]
    assert "No confirmed registrant" in reasons[3]
    assert reasons[4] == reasons[3]
    assert "Duplicate row: line 2" in reasons[5]
    assert "No e-mail" in reasons[6]
    assert (report.created, report.updated, report.unchanged, report.refused) == (1, 1, 0, 5)
    assert report.applied
    assert {(r[2], r[3]) for r in table()} == {(a.username, "present"), (b.username, "late")}


def test_all_or_nothing_writes_nothing_and_still_reports_every_row(
    trainer, workshop, meeting, registered
):
    a, b, _c = registered
    data = roster(("email", "status"), (a.email, "present"), (b.email, "asleep"))
    report = import_roster(
        trainer, workshop, data, "email", "status", meeting=meeting, all_or_nothing=True
    )
    assert not report.applied
    assert outcomes(report) == [(2, "created"), (3, "refused")]
    assert AttendanceRecord.objects.count() == 0


def test_a_row_refused_while_writing_undoes_the_others_when_all_or_nothing(
    trainer, workshop, meeting, registered, monkeypatch
):
    from capacity_lms.attendance.actions import MarkAttendanceAction
    from capacity_lms.core.actions import ActionRefused

    a, b, _c = registered
    data = roster(("email", "status"), (a.email, "present"), (b.email, "present"))
    original = MarkAttendanceAction.execute

    def refuse_b(action):
        if action.person == b:
            raise ActionRefused("This meeting is cancelled.")
        return original(action)

    monkeypatch.setattr(MarkAttendanceAction, "execute", refuse_b)
    report = import_roster(
        trainer, workshop, data, "email", "status", meeting=meeting, all_or_nothing=True
    )
    assert not report.applied
    assert outcomes(report) == [(2, "created"), (3, "refused")]
    assert AttendanceRecord.objects.count() == 0

    report = import_roster(trainer, workshop, data, "email", "status", meeting=meeting)
    assert report.applied and outcomes(report) == [(2, "created"), (3, "refused")]
    assert AttendanceRecord.objects.count() == 1


def test_the_same_file_twice_creates_nothing_and_changes_nothing(
    trainer, workshop, meeting, registered
):
    a, b, c = registered
    data = roster(
        ("email", "status", "remarks"),
        (a.email, "present", ""),
        (b.email, "excused", "doctor"),
        (c.email, "late", ""),
        delimiter=";",
    )
    first = import_roster(trainer, workshop, data, "email", "status", "remarks", meeting=meeting)
    after_first, history = table(), AttendanceChange.objects.count()
    second = import_roster(trainer, workshop, data, "email", "status", "remarks", meeting=meeting)
    assert first.created == 3
    assert (second.created, second.updated, second.unchanged) == (0, 0, 3)
    assert table() == after_first
    assert AttendanceChange.objects.count() == history


def test_a_workshop_file_names_each_meeting_by_its_date(trainer, workshop, now, registered):
    a, b, _c = registered
    today = session_around(workshop, now)
    earlier = session_around(workshop, now - datetime.timedelta(days=7))
    data = "\ufeffemail,status,date\n" + "\n".join(
        [
            f"{a.email},present,{today.date.isoformat()}",
            f"{a.email},absent,{earlier.date:%d/%m/%Y}",
            f"{b.email},present,{(today.date + datetime.timedelta(days=2)).isoformat()}",
            f"{b.email},present,yesterday",
        ]
    )
    report = import_roster(
        trainer, workshop, data.encode("utf-8"), "email", "status", date_column="date"
    )
    assert outcomes(report) == [(2, "created"), (3, "created"), (4, "refused"), (5, "refused")]
    assert "no meeting on that date" in report.rows[2].reason
    assert "not a date" in report.rows[3].reason
    assert {(r[0], r[1], r[3]) for r in table()} == {
        (today.pk, today.date, "present"),
        (earlier.pk, earlier.date, "absent"),
    }


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not UTF-8"),
        (b"email,status\n", "no row"),
        (b"mail,state\nx@example.org,present\n", "no column “email”"),
        (b"email,status\n{a},present\n{b},present,extra,cells\n{c},late,,x\n", "Line 3"),
    ],
)
def test_a_malformed_file_changes_nothing_and_names_its_bad_lines(
    trainer, workshop, meeting, registered, data, says
):
    a, b, c = registered
    data = data.replace(b"{a}", a.email.encode()).replace(b"{b}", b.email.encode())
    data = data.replace(b"{c}", c.email.encode())
    with pytest.raises(ImportRefused) as refused:
        import_roster(trainer, workshop, data, "email", "status", meeting=meeting)
    assert says in " ".join(refused.value.problems)
    if says == "Line 3":
        assert "Line 4" in " ".join(refused.value.problems)
    assert AttendanceRecord.objects.count() == 0


def test_an_undecodable_line_is_named(trainer, workshop, meeting, registered):
    data = f"email,status\n{registered[0].email},present\nx\xe9@example.org,present\n".encode(
        "latin-1"
    )
    with pytest.raises(ImportRefused) as refused:
        import_roster(trainer, workshop, data, "email", "status", meeting=meeting)
    assert "Line 3" in refused.value.problems[0]
    assert AttendanceRecord.objects.count() == 0


def test_another_trainer_imports_nothing(other_trainer, workshop, meeting, registered):
    data = roster(("email", "status"), (registered[0].email, "present"))
    with pytest.raises(ImportRefused):
        import_roster(other_trainer, workshop, data, "email", "status", meeting=meeting)
    assert AttendanceRecord.objects.count() == 0


ZOOM = """Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants
812 3456 7890,Budgets,11/29/2026 09:00 AM,11/29/2026 11:00 AM,trainer@example.org,120,4

Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
{a_name},{a_email},11/29/2026 09:01:00 AM,11/29/2026 09:30:00 AM,29,No
{a_name},{a_email_upper},11/29/2026 09:40:00 AM,11/29/2026 10:00:00 AM,20,No
{b_name},{b_email},11/29/2026 09:02:00 AM,11/29/2026 09:30:00 AM,28,No
Visitor,visitor@elsewhere.org,11/29/2026 09:05:00 AM,11/29/2026 10:50:00 AM,105,Yes
"""


def zoom_report(a, b):
    return ZOOM.format(
        a_name=a.get_full_name(),
        a_email=a.email,
        a_email_upper=a.email.upper(),
        b_name=b.get_full_name(),
        b_email=b.email,
    ).encode("utf-8-sig")


def test_an_online_report_sums_rejoins_and_applies_the_threshold(
    trainer, workshop, meeting, registered
):
    a, b, _c = registered
    report = import_online_report(trainer, workshop, meeting, zoom_report(a, b))
    assert report.columns == {"email": "User Email", "duration": "Duration (Minutes)"}
    assert report.threshold == 36  # 30 % of the two-hour meeting
    assert report.unmatched == [("visitor@elsewhere.org", [8])]
    assert {(r[2], r[3], r[5], r[6]) for r in table()} == {
        (a.username, "present", "online_report", 49),
        (b.username, "absent", "online_report", 28),
    }
    assert [row.lines for row in report.rows] == [[5, 6], [7]]

    again = import_online_report(trainer, workshop, meeting, zoom_report(a, b))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)

    stricter = import_online_report(
        trainer, workshop, meeting, zoom_report(a, b), minimum_minutes=60
    )
    assert (stricter.created, stricter.updated, stricter.unchanged) == (0, 1, 1)
    assert {(r[2], r[3]) for r in table()} == {(a.username, "absent"), (b.username, "absent")}


def test_an_online_report_with_its_columns_named_and_teams_durations(
    trainer, workshop, meeting, registered
):
    a, b, _c = registered
    data = "\n".join(
        [
            "Full Name;Participant ID;In-Meeting Duration;Role",
            f"Amal;{a.email};1h 5m 30s;Attendee",
            f"Bilal;{b.email};25m 10s;Attendee",
        ]
    ).encode()
    report = import_online_report(
        trainer,
        workshop,
        meeting,
        data,
        email_column="participant id",
        duration_column="in-meeting duration",
        minimum_minutes=30,
    )
    assert [(row.minutes, row.status.code, row.outcome) for row in report.rows] == [
        (66, "present", Outcome.CREATED),
        (25, "absent", Outcome.CREATED),
    ]


def test_an_unreadable_duration_refuses_the_report(trainer, workshop, meeting, registered):
    data = f"User Email,Duration (Minutes)\n{registered[0].email},a while\n".encode()
    with pytest.raises(ImportRefused) as refused:
        import_online_report(trainer, workshop, meeting, data)
    assert "Line 2" in refused.value.problems[0]
    assert AttendanceRecord.objects.count() == 0


@pytest.mark.parametrize(
    "duration",
    ["inf", "-inf", "nan", "-30", "1e400", "1e300", "1441", "99999999999:00", "9" * 5000 + ":00"],
)
def test_a_duration_that_is_not_finite_negative_or_absurd_is_refused_by_its_row(
    trainer, workshop, meeting, registered, duration
):
    a, b, _c = registered
    data = "\n".join(
        ["User Email,Duration (Minutes)", f"{a.email},45", f"{b.email},{duration}"]
    ).encode()
    with pytest.raises(ImportRefused) as refused:
        import_online_report(trainer, workshop, meeting, data)
    assert len(refused.value.problems) == 1
    assert refused.value.problems[0].startswith("Line 3: ")
    assert len(refused.value.problems[0]) < 200
    assert AttendanceRecord.objects.count() == 0


# The delimiter sniffer's regular expressions take time that grows with the square of what they
# read: 40 KB of this took 9 seconds when whole lines were sniffed.
CRAFTED = ',"' * (1024 * 1024 - 64)


@pytest.mark.parametrize("where", ["first line", "after the header"])
def test_sniffing_a_crafted_two_megabyte_line_takes_what_a_plain_one_takes(where):
    if where == "first line":
        data = f"{CRAFTED}\nUser Email,Duration\n".encode()
    else:
        data = f"User Email,Duration\n{CRAFTED}\n".encode()
    assert len(data) > 2_000_000

    def sniff(data):
        try:
            read_table(data)  # as a header, the line is read (the import then finds no column)
        except ImportRefused as refused:
            return refused.problems
        return []

    # The reference: the same file with a plain line of cells of the same length in its place.
    plain = data.replace(CRAFTED.encode(), b"a," * (len(CRAFTED) // 2))
    reference, _ = fastest(lambda: sniff(plain))
    elapsed, problems = fastest(lambda: sniff(data))
    if where == "after the header":
        assert problems[0].startswith("Line 2 has ")
    assert_about_as_fast(elapsed, reference, what="sniffing")


def test_a_long_summary_before_the_header_still_finds_the_semicolons(
    trainer, workshop, meeting, registered
):
    a, b, _c = registered
    summary = [f"Meeting note {number};{'x' * 300}" for number in range(30)]
    data = "\n".join(
        [*summary, "", "User Email;Duration (Minutes)", f"{a.email};45", f"{b.email};10"]
    ).encode()
    report = import_online_report(trainer, workshop, meeting, data)
    assert [(row.minutes, row.status.code) for row in report.rows] == [
        (45, "present"),
        (10, "absent"),
    ]


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("42", 42), ("42,5", 42.5), ("1:05:30", 65.5), ("05:30", 5.5), ("1h 5m 30s", 65.5)],
)
def test_durations_as_tools_write_them(text, minutes):
    assert parse_minutes(text) == minutes


def test_the_import_pages_work_for_the_workshops_trainer_only(
    client, trainer, other_trainer, member, workshop, meeting, registered
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = reverse("capacity_lms:attendance_import_roster", args=[workshop.slug])
    for outsider in (other_trainer, member):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
        online = reverse("capacity_lms:attendance_import_online", args=[workshop.slug])
        assert client.get(online).status_code == 404

    client.force_login(trainer)
    for page in ("attendance_import_roster", "attendance_import_online"):
        form_page = client.get(reverse(f"capacity_lms:{page}", args=[workshop.slug]))
        assert form_page.status_code == 200
        assert 'enctype="multipart/form-data"' in form_page.content.decode()
    data = roster(("email", "status"), (registered[0].email, "present"), ("x@y.org", "present"))
    meeting_value = f"{meeting.session.pk}:{meeting.occurrence_date.isoformat()}"
    form = {
        "meeting": meeting_value,
        "person_column": "email",
        "status_column": "status",
        "all_or_nothing": "on",
    }
    response = client.post(url, {**form, "roster_file": SimpleUploadedFile("r.csv", data)})
    assert response.status_code == 200
    assert "Nothing was imported" in response.content.decode()
    assert AttendanceRecord.objects.count() == 0

    del form["all_or_nothing"]
    response = client.post(url, {**form, "roster_file": SimpleUploadedFile("r.csv", data)})
    assert "1 created, 0 updated, 0 unchanged, 1 refused." in response.content.decode()
    assert AttendanceRecord.objects.count() == 1


def test_staff_import_into_any_workshop(client, staff, workshop, meeting, registered):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(staff)
    response = client.post(
        reverse("capacity_lms:attendance_import_online", args=[workshop.slug]),
        {
            "meeting": f"{meeting.session.pk}:{meeting.occurrence_date.isoformat()}",
            "minimum_percent": "30",
            "report_file": SimpleUploadedFile(
                "zoom.csv", zoom_report(registered[0], registered[1])
            ),
        },
    )
    assert response.status_code == 200
    assert "visitor@elsewhere.org" in response.content.decode()
    assert AttendanceRecord.objects.filter(method="online_report").count() == 2
