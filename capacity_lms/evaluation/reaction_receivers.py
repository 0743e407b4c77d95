"""When to ask for a reaction: a person marked present at a workshop meeting, a module completed.

Both signals arrive after the transaction that recorded the fact committed. A mark corrected to
a status that does not count (absent, excused) takes back a request nobody was asked yet.
"""

import contextlib

from django.dispatch import receiver

from capacity_lms.attendance.signals import attendance_marked
from capacity_lms.core.actions import ActionRefused
from capacity_lms.evaluation.reactions import (
    OpenMeetingReaction,
    OpenModuleReaction,
    WithdrawMeetingReaction,
    status_counts_as_present,
)
from courses.signals import course_completed


@receiver(attendance_marked, dispatch_uid="capacity_lms_evaluation_attendance_marked")
def on_attendance_marked(sender, record, **kwargs):
    if not record.user_id:
        return
    arguments = {"person": record.user, "occurrence_date": record.occurrence_date}
    if not status_counts_as_present(record.status):
        WithdrawMeetingReaction(record.session, **arguments).execute()
        return
    # Refused for a meeting cancelled since: nobody is asked about it.
    with contextlib.suppress(ActionRefused):
        OpenMeetingReaction(record.session, **arguments).execute()


@receiver(course_completed, dispatch_uid="capacity_lms_evaluation_course_completed")
def on_course_completed(sender, enrolment, **kwargs):
    OpenModuleReaction(
        enrolment.course, person=enrolment.user, completed_at=enrolment.completed_at
    ).execute()
