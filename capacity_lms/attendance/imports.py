"""Attendance from CSV files: a roster from another tool, or a video meeting's participants.

Both read the file whole and check it before writing anything. A file that cannot be read as
CSV (wrong encoding, no header, a mapped column missing, a row with more cells than the
header) is refused with a message naming the bad lines, and nothing is written. Otherwise each
row gets an outcome in the report: created, updated, unchanged, or refused and why. With
``all_or_nothing`` one refused row writes nothing (the report still shows what each row would
have done); without it the good rows are applied. Every write goes through
:class:`MarkAttendanceAction`, so the same file twice changes nothing the second time.
"""

import csv
import datetime
import io
import math
import re
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import TextChoices
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from capacity_lms.attendance.actions import MarkAttendanceAction
from capacity_lms.attendance.models import AttendanceRecord, AttendanceStatus
from capacity_lms.core.actions import ActionRefused, ImportRefused
from capacity_lms.workshops.models import Registration, Session

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
# The delimiter is guessed from the first lines, at most this many characters of them: the
# sniffer's regular expressions take time that grows with the square of what they read (40 KB
# of crafted text took 9 seconds; 4 KB take about a tenth of a second).
SNIFF_CHARS = 4096
SNIFF_LINES = 20
# One participant's time in one meeting, which lasts a day at most.
MAX_MINUTES = 24 * 60
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y")
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


class Outcome(TextChoices):
    CREATED = "created", gettext_lazy("created")
    UPDATED = "updated", gettext_lazy("updated")
    UNCHANGED = "unchanged", gettext_lazy("unchanged")
    REFUSED = "refused", gettext_lazy("refused")


@dataclass
class ReportRow:
    """What became of one row (or, for an online report, of one e-mail's rows)."""

    lines: list
    person: str
    outcome: str
    meeting: datetime.date | None = None
    status: AttendanceStatus | None = None
    minutes: int | None = None
    reason: str = ""

    @property
    def outcome_label(self):
        return Outcome(self.outcome).label


@dataclass
class ImportReport:
    rows: list = field(default_factory=list)
    applied: bool = True
    unmatched: list = field(default_factory=list)
    threshold: int | None = None
    columns: dict = field(default_factory=dict)

    def count(self, outcome):
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def created(self):
        return self.count(Outcome.CREATED)

    @property
    def updated(self):
        return self.count(Outcome.UPDATED)

    @property
    def unchanged(self):
        return self.count(Outcome.UNCHANGED)

    @property
    def refused(self):
        return self.count(Outcome.REFUSED)


@dataclass
class Meeting:
    """One meeting a row can name: a session's occurrence, by its date in the series."""

    session: Session
    occurrence_date: datetime.date
    date: datetime.date
    starts_at: datetime.datetime
    ends_at: datetime.datetime

    @property
    def minutes(self):
        return int((self.ends_at - self.starts_at).total_seconds() // 60)


def meetings_of(workshop):
    """Every meeting of ``workshop`` that is not cancelled, in order."""
    sessions = Session.objects.filter(workshop=workshop).select_related("workshop")
    return sorted(
        (
            Meeting(
                session,
                occurrence.original_date,
                occurrence.date,
                occurrence.starts_at,
                occurrence.ends_at,
            )
            for session in sessions.prefetch_related("changes")
            for occurrence in session.occurrences()
            if not occurrence.is_cancelled
        ),
        key=lambda meeting: meeting.starts_at,
    )


def find_meeting(workshop, session_pk, occurrence_date):
    for meeting in meetings_of(workshop):
        if meeting.session.pk == session_pk and meeting.occurrence_date == occurrence_date:
            return meeting
    return None


# Reading ---------------------------------------------------------------------------------


@dataclass
class Table:
    headers: list
    rows: list  # [(line number, [cells])]

    def column(self, name, label):
        """The index of the column headed ``name`` (case and spaces ignored)."""
        wanted = normalise(name)
        for index, header in enumerate(self.headers):
            if normalise(header) == wanted:
                return index
        raise ImportRefused(
            [
                _(
                    "The file has no column “%(name)s” (for the %(label)s); "
                    "its columns are: %(columns)s."
                )
                % {"name": name, "label": label, "columns": ", ".join(self.headers)}
            ]
        )


def normalise(text):
    return " ".join(str(text).split()).casefold()


def decode(data):
    if not data or not data.strip():
        raise ImportRefused([_("The file is empty.")])
    if len(data) > MAX_BYTES:
        raise ImportRefused([_("The file is larger than 2 MB.")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportRefused(
            [
                _("Line %(line)s is not UTF-8 text: save the file as CSV UTF-8 and try again.")
                % {"line": line}
            ]
        ) from error


def sniff_dialect(text):
    """The CSV dialect of ``text``, guessed from its first lines (SNIFF_LINES of them, at most
    SNIFF_CHARS characters, cut at a line's end when one is in reach)."""
    sample = text[:SNIFF_CHARS]
    if len(text) > SNIFF_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    sample = "\n".join(sample.splitlines()[:SNIFF_LINES])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        first = sample.splitlines()[0] if sample else ""
        return "excel" if first.count(",") >= first.count(";") else _Semicolon


class _Semicolon(csv.excel):
    delimiter = ";"


def read_table(data, header_finder=None):
    """The header and rows of CSV ``data`` (bytes), or ImportRefused naming the bad lines.

    ``header_finder(cells)`` picks the header row when a file has lines before it (a video
    meeting tool's summary); by default the first non-blank row is the header.
    """
    text = decode(data)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ImportRefused(
            [_("Line %(line)s holds binary data: this is not a CSV file.") % {"line": line}]
        )
    reader = csv.reader(io.StringIO(text, newline=""), sniff_dialect(text))
    read = []
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                read.append((reader.line_num, [cell.strip() for cell in cells]))
    except csv.Error as error:
        raise ImportRefused(
            [
                _("Line %(line)s cannot be read as CSV: %(error)s")
                % {"line": reader.line_num, "error": error}
            ]
        ) from error
    # A tool's summary may come first and name some of the same columns: the last row that
    # looks like a header is the participants' one.
    starts = [
        index
        for index, (_line, cells) in enumerate(read)
        if header_finder is None or header_finder(cells)
    ]
    if not starts:
        raise ImportRefused([_("The file has no header row.")])
    start = 0 if header_finder is None else starts[-1]
    headers, rows, problems = read[start][1], [], []
    for line, cells in read[start + 1 :]:
        if len(cells) > len(headers) and any(cells[len(headers) :]):
            problems.append(
                _("Line %(line)s has %(count)s cells where the header has %(columns)s.")
                % {"line": line, "count": len(cells), "columns": len(headers)}
            )
            continue
        rows.append((line, cells + [""] * (len(headers) - len(cells))))
    if problems:
        raise ImportRefused(problems)
    if not rows:
        raise ImportRefused([_("The file has a header but no row.")])
    if len(rows) > MAX_ROWS:
        raise ImportRefused([_("The file has more than %(count)s rows.") % {"count": MAX_ROWS}])
    return Table(headers, rows)


def parse_date(text):
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


_DURATION_PARTS = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(h|hr|hrs|hours?|m|min|mins|minutes?|s|sec|secs|seconds?)\b"
)


def parse_minutes(text):
    """Minutes in ``text``: ``42``, ``42.5``, ``1:05:30``, ``1h 5m 30s``, ``45 min``; or None
    for text that is not a finite number of minutes (``inf``, ``nan``, ``1e400``). A negative or
    absurd number is returned: the caller says what is wrong with it."""
    text = text.strip().casefold()
    if not text:
        return None
    minutes = _read_minutes(text)
    if minutes is None or not math.isfinite(minutes):
        return None
    return minutes


def _read_minutes(text):
    try:
        return float(text.replace(",", "."))
    except ValueError:
        pass
    if re.fullmatch(r"\d+(:\d{1,2}){1,2}", text):
        try:
            parts = [int(part) for part in text.split(":")]
        except ValueError:  # more digits than Python converts
            return None
        if len(parts) == 2:
            parts = [0, *parts]
        hours, minutes, seconds = parts
        return hours * 60 + minutes + seconds / 60
    found = _DURATION_PARTS.findall(text)
    if not found or _DURATION_PARTS.sub("", text).strip():
        return None
    scale = {"h": 60, "m": 1, "s": 1 / 60}
    return sum(float(amount.replace(",", ".")) * scale[unit[0]] for amount, unit in found)


def _shown(value, length=40):
    """A cell's text short enough to quote in a message."""
    return value if len(value) <= length else value[: length - 1] + "…"


# Matching ---------------------------------------------------------------------------------


def registrants(workshop):
    """The confirmed registrants of ``workshop``, by lower-cased e-mail and username."""
    by_email, by_username = {}, {}
    people = get_user_model().objects.filter(
        workshop_registrations__workshop=workshop,
        workshop_registrations__status=Registration.Status.CONFIRMED,
    )
    for person in people:
        if person.email:
            by_email.setdefault(person.email.casefold(), person)
        by_username[person.get_username().casefold()] = person
    return by_email, by_username


def statuses_by_name():
    """Every status by its code and by its name in each language, case-insensitive."""
    names = {}
    for status in AttendanceStatus.objects.all():
        for name in (status.code, status.name_en, status.name_fr, status.name_ar):
            if name:
                names.setdefault(normalise(name), status)
    return names


def existing_records(session_pks):
    return {
        (record.session_id, record.occurrence_date, record.user_id): record
        for record in AttendanceRecord.objects.filter(session__in=session_pks, user__isnull=False)
    }


def predicted_outcome(existing, status, remarks, minutes):
    if existing is None:
        return Outcome.CREATED
    if (
        existing.status_id == status.pk
        and existing.remarks == remarks
        and existing.minutes_present == minutes
    ):
        return Outcome.UNCHANGED
    return Outcome.UPDATED


@dataclass
class _Mark:
    row: ReportRow
    meeting: Meeting
    person: object
    status: AttendanceStatus
    remarks: str
    minutes: int | None


def _apply(marker, marks, method, report, all_or_nothing):
    """Write ``marks`` unless ``all_or_nothing`` and a row was refused; one transaction."""
    if all_or_nothing and report.refused:
        report.applied = False
        return report
    with transaction.atomic():
        for mark in marks:
            try:
                _record, changed = MarkAttendanceAction(
                    mark.meeting.session,
                    user=marker,
                    occurrence_date=mark.meeting.occurrence_date,
                    status=mark.status,
                    method=method,
                    person=mark.person,
                    remarks=mark.remarks,
                    minutes_present=mark.minutes,
                ).execute()
            except ActionRefused as error:
                mark.row.outcome, mark.row.reason = Outcome.REFUSED, " ".join(error.messages)
                if all_or_nothing:
                    # Refused only now (the meeting was cancelled meanwhile): undo the rows
                    # already written, and report what each would have done.
                    transaction.set_rollback(True)
                    report.applied = False
                    break
                continue
            if mark.row.outcome != Outcome.CREATED:
                mark.row.outcome = Outcome.UPDATED if changed else Outcome.UNCHANGED
    return report


def _check_marker(marker, workshop):
    if not workshop.is_managed_by(marker):
        raise ImportRefused(
            [_("Only this workshop's trainers and programme staff import its attendance.")]
        )


# Roster import ----------------------------------------------------------------------------


def import_roster(
    marker,
    workshop,
    data,
    person_column,
    status_column,
    remarks_column="",
    date_column="",
    meeting=None,
    all_or_nothing=False,
):
    """Import a roster CSV into ``meeting`` (a :class:`Meeting`), or into the meetings named by
    ``date_column``. Returns an :class:`ImportReport`; raises ImportRefused for a malformed
    file, having written nothing."""
    _check_marker(marker, workshop)
    table = read_table(data)
    person_index = table.column(person_column, _("person"))
    status_index = table.column(status_column, _("status"))
    remarks_index = table.column(remarks_column, _("remarks")) if remarks_column else None
    if meeting is None:
        if not date_column:
            raise ImportRefused([_("Choose a meeting, or the column that holds its date.")])
        date_index = table.column(date_column, _("date"))
    meetings_by_date = {}
    for candidate in meetings_of(workshop):
        meetings_by_date.setdefault(candidate.date, []).append(candidate)

    by_email, by_username = registrants(workshop)
    statuses = statuses_by_name()
    existing = existing_records([m.session.pk for ms in meetings_by_date.values() for m in ms])

    report, marks, seen = ImportReport(), [], {}
    for line, cells in table.rows:
        identifier = cells[person_index]
        row = ReportRow(lines=[line], person=identifier, outcome=Outcome.REFUSED)
        report.rows.append(row)
        target = meeting
        if target is None:
            row.meeting = parse_date(cells[date_index])
            if row.meeting is None:
                row.reason = _("“%(value)s” is not a date (write it as 2026-03-31).") % {
                    "value": cells[date_index]
                }
                continue
            found = meetings_by_date.get(row.meeting, [])
            if len(found) != 1:
                row.reason = (
                    _("The workshop has no meeting on that date.")
                    if not found
                    else _("The workshop has several meetings on that date; import each alone.")
                )
                continue
            target = found[0]
        else:
            row.meeting = target.date
        key = identifier.casefold()
        person = by_email.get(key) or by_username.get(key)
        if person is None:
            # One message whether or not an account has this e-mail: the import must not tell
            # a trainer who has an account on the site.
            row.reason = (
                _("No e-mail or username given.")
                if not key
                else _("No confirmed registrant of this workshop has this e-mail or username.")
            )
            continue
        row.person = f"{identifier} ({_person_name(person)})"
        row.status = statuses.get(normalise(cells[status_index]))
        if row.status is None:
            row.reason = _("Unknown status “%(value)s”.") % {"value": cells[status_index]}
            continue
        meeting_key = (target.session.pk, target.occurrence_date, person.pk)
        if meeting_key in seen:
            row.status = None
            row.reason = _("Duplicate row: line %(line)s already gives this person's status.") % {
                "line": seen[meeting_key]
            }
            continue
        seen[meeting_key] = line
        record = existing.get(meeting_key)
        if remarks_index is not None:
            remarks = cells[remarks_index][:500]
        else:
            remarks = record.remarks if record else ""
        minutes = record.minutes_present if record else None
        row.outcome = predicted_outcome(record, row.status, remarks, minutes)
        marks.append(_Mark(row, target, person, row.status, remarks, minutes))
    return _apply(marker, marks, AttendanceRecord.Method.IMPORT, report, all_or_nothing)


def _person_name(person):
    return person.get_full_name() or person.get_username()


# Online meeting report --------------------------------------------------------------------


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
    _check_marker(marker, workshop)

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
                % {"line": line, "value": _shown(cells[duration_index])}
            )
            continue
        if not 0 <= minutes <= MAX_MINUTES:
            problems.append(
                _("Line %(line)s: “%(value)s” is not a duration between 0 and %(max)s minutes.")
                % {"line": line, "value": _shown(cells[duration_index]), "max": MAX_MINUTES}
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
            person=f"{email} ({_person_name(person)})",
            outcome=Outcome.REFUSED,
            meeting=meeting.occurrence_date,
            status=status,
            minutes=minutes,
        )
        record = existing.get((meeting.session.pk, meeting.occurrence_date, person.pk))
        remarks = record.remarks if record else ""
        row.outcome = predicted_outcome(record, status, remarks, minutes)
        report.rows.append(row)
        marks.append(_Mark(row, meeting, person, status, remarks, minutes))
    return _apply(marker, marks, AttendanceRecord.Method.ONLINE_REPORT, report, False)
