"""What an import does with each row: the meetings a row can name, the people and statuses it
can match, the report of outcomes, and the one transaction that applies the marks.

Every write goes through :class:`MarkAttendanceAction`, so the same file twice changes nothing
the second time.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import TextChoices
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from capacity_lms.attendance.actions import MarkAttendanceAction
from capacity_lms.attendance.imports.reading import normalise
from capacity_lms.attendance.models import AttendanceRecord, AttendanceStatus
from capacity_lms.core.actions import ActionRefused, ImportRefused
from capacity_lms.workshops.models import Registration, Session


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
class Mark:
    row: ReportRow
    meeting: Meeting
    person: object
    status: AttendanceStatus
    remarks: str
    minutes: int | None


def apply_marks(marker, marks, method, report, all_or_nothing):
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


def check_marker(marker, workshop):
    if not workshop.is_managed_by(marker):
        raise ImportRefused(
            [_("Only this workshop's trainers and programme staff import its attendance.")]
        )
