"""The online meeting report: a video meeting tool's participants, with the minutes each
stayed.

A confirmed registrant is present with at least the threshold's minutes (summed over their
rejoins) and absent below it; the minutes are kept. E-mails that match no registrant are listed.
"""

import math

from django.utils.translation import gettext as _

from capacity_lms.attendance.imports.reading import (
    MAX_MINUTES,
    normalise,
    parse_minutes,
    read_table,
    shown,
)
from capacity_lms.attendance.imports.report import (
    ImportReport,
    Mark,
    Outcome,
    ReportRow,
    apply_marks,
    check_marker,
    existing_records,
    predicted_outcome,
    registrants,
)
from capacity_lms.attendance.models import AttendanceRecord, AttendanceStatus
from capacity_lms.core.actions import ImportRefused
from capacity_lms.core.names import person_name

ZOOM_EMAIL_HEADERS = (
    "user email",
    "email",
    "e-mail",
    "email address",
    "participant email",
    "attendee email",
    "courriel",
    "adresse e-mail",
    "adresse électronique",
    "البريد الإلكتروني",
)
DURATION_HEADERS = (
    "duration (minutes)",
    "duration (mins)",
    "total duration (minutes)",
    "time in meeting (minutes)",
    "in-meeting duration",
    "attendance duration",
    "duration",
    "minutes",
    "durée (minutes)",
    "durée",
    "المدة",
)


def default_column(headers, candidates):
    """The first of ``headers`` that is one of ``candidates``, or that starts with one."""
    normalised = [normalise(header) for header in headers]
    for candidate in candidates:
        if candidate in normalised:
            return headers[normalised.index(candidate)]
    for candidate in candidates:
        for index, header in enumerate(normalised):
            if header.startswith(candidate):
                return headers[index]
    return ""


def threshold_minutes(meeting, minimum_minutes=None, minimum_percent=None):
    """Minutes needed to count as present: a number, or a share of the meeting's length."""
    if minimum_minutes is not None:
        return minimum_minutes
    return math.ceil(meeting.minutes * (minimum_percent or 0) / 100)


def import_online_report(
    marker,
    workshop,
    meeting,
    data,
    email_column="",
    duration_column="",
    minimum_minutes=None,
    minimum_percent=30,
):
    """Mark the confirmed registrants found in a video meeting's participants report: present
    with at least the threshold's minutes (summed over their rejoins), absent below it, with
    the minutes kept. E-mails that match no registrant are listed in ``report.unmatched``."""
    check_marker(marker, workshop)

    def is_header(cells):
        wanted = {normalise(email_column)} if email_column else set(ZOOM_EMAIL_HEADERS)
        return any(normalise(cell) in wanted for cell in cells)

    table = read_table(data, header_finder=is_header)
    email_column = email_column or default_column(table.headers, ZOOM_EMAIL_HEADERS)
    duration_column = duration_column or default_column(table.headers, DURATION_HEADERS)
    if not duration_column:
        raise ImportRefused([_("Name the column that holds the minutes each person stayed.")])
    email_index = table.column(email_column, _("e-mail"))
    duration_index = table.column(duration_column, _("duration"))

    totals, lines, problems = {}, {}, []
    for line, cells in table.rows:
        minutes = parse_minutes(cells[duration_index])
        if minutes is None:
            problems.append(
                _("Line %(line)s: “%(value)s” is not a duration.")
                % {"line": line, "value": shown(cells[duration_index])}
            )
            continue
        if not 0 <= minutes <= MAX_MINUTES:
            problems.append(
                _("Line %(line)s: “%(value)s” is not a duration between 0 and %(max)s minutes.")
                % {"line": line, "value": shown(cells[duration_index]), "max": MAX_MINUTES}
            )
            continue
        email = cells[email_index].casefold()
        totals[email] = totals.get(email, 0) + minutes
        lines.setdefault(email, []).append(line)
    if problems:
        raise ImportRefused(problems)

    threshold = threshold_minutes(meeting, minimum_minutes, minimum_percent)
    present = AttendanceStatus.present()
    absent = AttendanceStatus.objects.filter(weight=0, counts_in_rate=True).order_by(
        "sort_order", "pk"
    )
    absent = absent.filter(code="absent").first() or absent.first()
    by_email, _by_username = registrants(workshop)
    existing = existing_records([meeting.session.pk])
    report = ImportReport(
        threshold=threshold, columns={"email": email_column, "duration": duration_column}
    )
    marks = []
    for email, total in totals.items():
        person = by_email.get(email)
        if person is None:
            report.unmatched.append((email or _("(no e-mail)"), lines[email]))
            continue
        minutes = round(total)
        status = present if minutes >= threshold else absent
        row = ReportRow(
            lines=lines[email],
            person=f"{email} ({person_name(person)})",
            outcome=Outcome.REFUSED,
            meeting=meeting.occurrence_date,
            status=status,
            minutes=minutes,
        )
        record = existing.get((meeting.session.pk, meeting.occurrence_date, person.pk))
        remarks = record.remarks if record else ""
        row.outcome = predicted_outcome(record, status, remarks, minutes)
        report.rows.append(row)
        marks.append(Mark(row, meeting, person, status, remarks, minutes))
    return apply_marks(marker, marks, AttendanceRecord.Method.ONLINE_REPORT, report, False)
