"""Marking attendance, by a trainer or by the person themself, as actions.

``MarkAttendanceAction`` is the one way a record changes: from the roster, an import, an online
meeting report or a check-in. It writes the record and its history row in one transaction and
is idempotent: marking the same status twice leaves one record and one history row, whether
the two marks come one after the other or at the same instant (the unique constraint decides,
and the loser of a race updates the winner's row).
"""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from capacity_lms.attendance.models import AttendanceChange, AttendanceRecord
from capacity_lms.attendance.tasks import announce_after_commit
from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused, BaseAction

__all__ = ["MarkAttendanceAction", "meeting_of", "record_change"]


def meeting_of(session, occurrence_date):
    """The :class:`Occurrence` of ``session`` on ``occurrence_date`` (its date in the series),
    or ActionRefused when the session has no meeting then or it is cancelled."""
    for occurrence in session.occurrences():
        if occurrence.original_date == occurrence_date:
            if occurrence.is_cancelled:
                raise ActionRefused(_("This meeting is cancelled."), code="cancelled")
            return occurrence
    raise ActionRefused(_("This session has no meeting on that date."), code="no_meeting")


def may_mark(user, session):
    return session.workshop.is_managed_by(user)


class MarkAttendanceAction(BaseAction):
    """Give ``person`` (a user) or ``walk_in`` the ``status`` for one meeting.

    ``marker`` is who does it: a trainer of the workshop or staff, or the person themself for a
    check-in (``method=CHECK_IN``, checked by the caller: see ``checkin.CheckInAction``).
    """

    def __init__(
        self,
        session,
        user=None,
        *,
        occurrence_date,
        status,
        method,
        person=None,
        walk_in=None,
        remarks="",
        minutes_present=None,
    ):
        super().__init__(session, user=user)
        self.marker = user
        self.session = session
        self.occurrence_date = occurrence_date
        self.status = status
        self.method = method
        self.person = person
        self.walk_in = walk_in
        self.remarks = remarks or ""
        self.minutes_present = minutes_present

    def check(self):
        if (self.person is None) == (self.walk_in is None):
            raise ActionRefused(_("Mark one person at a time."), code="who")
        # A check-in is the one mark a person gives themself; every other mark, and a
        # check-in on someone else's behalf, is the trainers' and staff's.
        checks_in_themself = (
            self.method == AttendanceRecord.Method.CHECK_IN
            and self.person is not None
            and self.person.is_authenticated
            and self.person.pk == getattr(self.marker, "pk", None)
        )
        if not checks_in_themself and not may_mark(self.marker, self.session):
            raise ActionRefused(
                _("Only this workshop's trainers and programme staff mark attendance."),
                code="not_trainer",
            )
        if self.walk_in is not None and self.walk_in.workshop_id != self.session.workshop_id:
            raise ActionRefused(_("This walk-in came to another workshop."), code="walk_in")
        meeting_of(self.session, self.occurrence_date)

    def execute(self):
        """Returns ``(record, changed)``."""
        self.check()
        key = {
            "session": self.session,
            "occurrence_date": self.occurrence_date,
            "user": self.person,
            "walk_in": self.walk_in,
        }
        with transaction.atomic():
            record = AttendanceRecord.objects.select_for_update().filter(**key).first()
            if record is None:
                try:
                    with transaction.atomic():
                        record = AttendanceRecord.objects.create(
                            **key, **self._values(), marked_at=clock.now()
                        )
                except IntegrityError:
                    # Someone marked the same person at the same instant: theirs stands, and
                    # this mark applies to it like any second mark.
                    record = AttendanceRecord.objects.select_for_update().get(**key)
                else:
                    self._history(record, previous=None)
                    return record, True
            if self._same_as(record):
                return record, False
            previous = record.status
            for name, value in self._values().items():
                setattr(record, name, value)
            record.marked_at = clock.now()
            record.save()
            self._history(record, previous=previous)
            return record, True

    def _values(self):
        return {
            "status": self.status,
            "method": self.method,
            "remarks": self.remarks,
            "minutes_present": self.minutes_present,
            "marked_by": self.marker if self.marker.is_authenticated else None,
        }

    def _same_as(self, record):
        # A check-in after the trainer's roster mark changes nothing: the first word on
        # whether someone came is as good as the second when they say the same.
        return record.status_id == self.status.pk and (
            self.method == AttendanceRecord.Method.CHECK_IN
            or (record.remarks == self.remarks and record.minutes_present == self.minutes_present)
        )

    def _history(self, record, previous):
        announce_after_commit(record)
        record_change(record, previous)


def history_of(record, previous=None):
    """The history row (unsaved) of ``record`` as it now stands (``previous``: its status
    before)."""
    return AttendanceChange(
        record=record,
        status=record.status,
        previous_status=previous,
        method=record.method,
        remarks=record.remarks,
        changed_by=record.marked_by,
        changed_at=record.marked_at,
    )


def record_change(record, previous):
    """Save the history row of ``record`` as it now stands (``previous``: its status before)."""
    change = history_of(record, previous)
    change.save(force_insert=True)
    return change
