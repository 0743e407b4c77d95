"""Signals other parts of the programme listen to (certificates, reports).

``attendance_marked`` is sent with sender=AttendanceRecord class and record=the record, once per
change of a person's attendance, after the transaction that wrote it commits.
"""

from django.dispatch import Signal

attendance_marked = Signal()
