"""Signals other parts of the programme listen to (certificates, evaluation, reports).

``attendance_marked`` is sent with sender=AttendanceRecord class and record=the record, once per
change of a person's attendance, after the transaction that wrote it commits.

It is sent from a task (:func:`capacity_lms.attendance.tasks.announce_attendance`, queued by
:func:`~capacity_lms.attendance.tasks.announce_after_commit`), not from
the request that marked the person: forty people check in at the door within minutes, and what
the listeners do (ask for a reaction, look at certificate rules) is no reason to keep any of
them waiting. The request's only extra work after its commit is queueing that task. The task
reads the record again, so a listener always sees its current state: a mark corrected before
the task ran is announced as corrected.
"""

from django.dispatch import Signal

attendance_marked = Signal()
