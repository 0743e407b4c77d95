"""Signals other parts of the programme listen to (certificates, reports, notifications).

Both are sent once per fact, after the transaction that recorded it commits.
"""

from django.dispatch import Signal

# Sent with sender=LessonPage class, completion=LessonCompletion.
lesson_completed = Signal()

# Sent with sender=CoursePage class, enrolment=Enrolment (completed_at set).
course_completed = Signal()
