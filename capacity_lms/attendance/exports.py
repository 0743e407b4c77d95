"""Attendance as CSV and XLSX: per meeting and per workshop, with each person's rate.

One row per person and meeting. The CSV streams straight from the database cursor (one query,
whatever the size); the XLSX is written row by row by openpyxl's write-only workbook into a
temporary file, so memory stays bounded either way. Every cell a spreadsheet could read as a
formula (text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is prefixed
with an apostrophe, as OWASP advises against CSV injection: a participant's name is input the
trainer does not control.
"""

import csv
import datetime
import io
import tempfile

from django.contrib.auth import get_user_model
from django.http import FileResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from openpyxl import Workbook

from capacity_lms.attendance.models import AttendanceRecord
from capacity_lms.attendance.rates import workshop_rates

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK_SIZE = 2000
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value):
    """``value`` as a cell no spreadsheet runs as a formula; numbers and blanks pass through."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def records(workshop=None, session=None, occurrence_date=None):
    """The records of a workshop, or of one meeting, in meeting order."""
    queryset = AttendanceRecord.objects.order_by(
        "session__date", "session__start_time", "session_id", "occurrence_date", "pk"
    )
    if workshop is not None:
        queryset = queryset.filter(session__workshop=workshop)
    if session is not None:
        queryset = queryset.filter(session=session)
    if occurrence_date is not None:
        queryset = queryset.filter(occurrence_date=occurrence_date)
    return queryset


def person_name(user):
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def full_name(first_name, last_name, username):
    """What ``AbstractUser.get_full_name() or get_username()`` gives, from plain values."""
    return f"{first_name or ''} {last_name or ''}".strip() or username or ""


def utc_text(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S UTC") if moment else ""


def record_headers():
    return [
        _("Workshop"),
        _("Session"),
        _("Meeting date"),
        _("Person"),
        _("E-mail"),
        _("Status"),
        _("How"),
        _("Minutes present"),
        _("Remarks"),
        _("Marked by"),
        _("Marked at"),
    ]


def _columns():
    """The values a row needs, read as plain tuples: a model instance per related row would
    cost five times as much at 100,000 rows."""
    username = get_user_model().USERNAME_FIELD
    language = (get_language() or "en").split("-")[0]
    status_name = f"status__name_{language}" if language in ("fr", "ar") else "status__name_en"
    return [
        "session__workshop__title",
        "session__title",
        "session__date",
        "session__start_time",
        "occurrence_date",
        "user_id",
        "user__first_name",
        "user__last_name",
        f"user__{username}",
        "user__email",
        "walk_in__name",
        "walk_in__email",
        status_name,
        "status__name_en",
        "method",
        "minutes_present",
        "remarks",
        "marked_by__first_name",
        "marked_by__last_name",
        f"marked_by__{username}",
        "marked_at",
    ]


def record_rows(queryset):
    """Header then one row per record, read in chunks from a single query."""
    yield record_headers()
    methods = {value: str(label) for value, label in AttendanceRecord.Method.choices}
    values = queryset.values_list(*_columns()).iterator(chunk_size=CHUNK_SIZE)
    for (
        workshop_title,
        session_title,
        session_date,
        session_start,
        occurrence_date,
        user_id,
        first_name,
        last_name,
        username,
        user_email,
        walk_in_name,
        walk_in_email,
        status_name,
        status_name_en,
        method,
        minutes_present,
        remarks,
        marker_first_name,
        marker_last_name,
        marker_username,
        marked_at,
    ) in values:
        if user_id is not None:
            name, email = full_name(first_name, last_name, username), user_email
        else:
            name, email = walk_in_name, walk_in_email
        yield [
            workshop_title,
            session_title or f"{session_date:%Y-%m-%d} {session_start:%H:%M}",
            occurrence_date.isoformat(),
            name,
            email,
            status_name or status_name_en,
            methods.get(method, method),
            minutes_present,
            remarks,
            full_name(marker_first_name, marker_last_name, marker_username),
            utc_text(marked_at),
        ]


def rate_rows(workshop):
    """Header then each confirmed registrant's attendance rate in ``workshop`` (percent)."""
    yield [_("Workshop"), _("Person"), _("E-mail"), _("Attendance rate (%)")]
    rates = workshop_rates(workshop)
    people = get_user_model().objects.filter(pk__in=rates.keys()).order_by("last_name", "pk")
    for person in people.iterator(chunk_size=CHUNK_SIZE):
        rate = rates[person.pk]
        yield [
            workshop.title,
            person_name(person),
            person.email,
            None if rate is None else float(round(rate * 100, 1)),
        ]


class _Echo:
    """A file whose ``write`` hands back what it was given, for ``csv.writer`` to stream."""

    def write(self, value):
        return value


def csv_lines(rows):
    """CSV text, one line at a time, neutralised; a BOM first so that Excel reads UTF-8."""
    writer = csv.writer(_Echo())
    yield "\ufeff"
    for row in rows:
        yield writer.writerow(["" if cell is None else neutralise(cell) for cell in row])


def csv_batches(rows, size=5000, bom=True):
    """CSV text ``size`` lines at a time, neutralised, a BOM first: for very large exports,
    where handing the response one line at a time costs more than writing it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    if bom:
        yield "\ufeff"
    for count, row in enumerate(rows, 1):
        writer.writerow([neutralise(cell) for cell in row])
        if count % size == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def csv_response(rows, filename, lines=csv_lines):
    response = StreamingHttpResponse(lines(rows), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def write_xlsx(sheets, file):
    """Write ``sheets`` (``[(title, rows)]``) to ``file`` with a write-only workbook."""
    workbook = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title=title[:31])
        for row in rows:
            sheet.append([neutralise(cell) for cell in row])
    workbook.save(file)


def xlsx_response(sheets, filename):
    """The workbook in an anonymous temporary file, sent and then deleted."""
    # FileResponse closes the file once sent, which deletes it: no context manager here.
    file = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115
    write_xlsx(sheets, file)
    file.seek(0)
    return FileResponse(
        file, as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE
    )


def meeting_filename(session, occurrence_date, extension):
    return (
        f"attendance-{session.workshop.slug}-{occurrence_date:%Y-%m-%d}-{session.pk}.{extension}"
    )


def workshop_filename(workshop, extension, part="attendance"):
    return f"{part}-{workshop.slug}.{extension}"
