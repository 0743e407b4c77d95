"""The roster import: a CSV from another tool, one row per person (and meeting), with a status.

Each row gets an outcome in the report: created, updated, unchanged, or refused and why. With
``all_or_nothing`` one refused row writes nothing (the report still shows what each row would
have done); without it the good rows are applied.
"""

from django.utils.translation import gettext as _

from capacity_lms.attendance.imports.reading import normalise, parse_date, read_table
from capacity_lms.attendance.imports.report import (
    ImportReport,
    Mark,
    Outcome,
    ReportRow,
    apply_marks,
    check_marker,
    existing_records,
    meetings_of,
    predicted_outcome,
    registrants,
    statuses_by_name,
)
from capacity_lms.attendance.models import AttendanceRecord
from capacity_lms.core.actions import ImportRefused
from capacity_lms.core.names import person_name


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
    check_marker(marker, workshop)
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
        row.person = f"{identifier} ({person_name(person)})"
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
        marks.append(Mark(row, target, person, row.status, remarks, minutes))
    return apply_marks(marker, marks, AttendanceRecord.Method.IMPORT, report, all_or_nothing)
