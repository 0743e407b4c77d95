"""One record per person and meeting, a history of every change, trainers only."""

import pytest

from capacity_lms.attendance.actions import MarkAttendanceAction
from capacity_lms.attendance.models import AttendanceChange, AttendanceRecord, AttendanceStatus
from capacity_lms.core.actions import ActionRefused

pytestmark = pytest.mark.django_db

ROSTER = AttendanceRecord.Method.ROSTER


def status(code):
    return AttendanceStatus.objects.get(code=code)


def test_the_programme_statuses_are_data_with_weights():
    statuses = {s.code: s for s in AttendanceStatus.objects.all()}
    assert set(statuses) == {"present", "late", "excused", "absent"}
    assert statuses["present"].weight == 1 and statuses["absent"].weight == 0
    assert not statuses["excused"].counts_in_rate
    assert AttendanceStatus.present().code == "present"


def test_marking_twice_leaves_one_record_and_one_history_row(session, trainer, registered):
    person = registered[0]
    for _ in range(2):
        MarkAttendanceAction(
            session,
            user=trainer,
            occurrence_date=session.date,
            status=status("present"),
            method=ROSTER,
            person=person,
        ).execute()
    assert AttendanceRecord.objects.filter(user=person).count() == 1
    assert AttendanceChange.objects.filter(record__user=person).count() == 1


def test_every_change_is_kept(session, trainer, registered):
    person = registered[0]
    for code in ("present", "late", "excused"):
        MarkAttendanceAction(
            session,
            user=trainer,
            occurrence_date=session.date,
            status=status(code),
            method=ROSTER,
            person=person,
        ).execute()
    record = AttendanceRecord.objects.get(user=person)
    assert record.status.code == "excused"
    history = [
        (c.previous_status and c.previous_status.code, c.status.code) for c in record.changes.all()
    ]
    assert history == [(None, "present"), ("present", "late"), ("late", "excused")]
    assert all(change.changed_by == trainer for change in record.changes.all())


def test_only_the_workshops_trainers_and_staff_mark(
    session, other_trainer, staff, member, registered
):
    for outsider in (other_trainer, member):
        with pytest.raises(ActionRefused):
            MarkAttendanceAction(
                session,
                user=outsider,
                occurrence_date=session.date,
                status=status("present"),
                method=ROSTER,
                person=registered[0],
            ).execute()
    assert not AttendanceRecord.objects.exists()
    MarkAttendanceAction(
        session,
        user=staff,
        occurrence_date=session.date,
        status=status("present"),
        method=ROSTER,
        person=registered[0],
    ).execute()
    assert AttendanceRecord.objects.count() == 1
