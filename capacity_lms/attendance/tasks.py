"""Attendance work done in the background, through the Django tasks API."""

from django.db import transaction
from django_tasks import task

from capacity_lms.attendance.models import AttendanceRecord
from capacity_lms.attendance.signals import attendance_marked


@task()
def announce_attendance(record_id):
    """Tell the listeners (certificates, evaluation) that the record ``record_id`` was marked,
    as it stands now. Returns False when the record is gone (its person was erased since)."""
    record = (
        AttendanceRecord.objects.select_related("status", "session__workshop", "user")
        .filter(pk=record_id, user__isnull=False)
        .first()
    )
    if record is None:
        return False
    attendance_marked.send(AttendanceRecord, record=record)
    return True


def announce_after_commit(record):
    """Send ``attendance_marked`` for ``record``, in a task queued once its transaction
    commits (at once, outside a transaction)."""
    if record.user_id:
        transaction.on_commit(lambda: announce_attendance.enqueue(record.pk))
