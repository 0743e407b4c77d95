"""Signals other parts of the programme listen to (certificates, reports, notifications).

Each is sent once per fact, after the transaction that recorded it commits.
"""

from django.dispatch import Signal

# Sent with sender=LessonPage class, completion=LessonCompletion.
lesson_completed = Signal()

# Sent with sender=CoursePage class, enrolment=Enrolment (completed_at set).
course_completed = Signal()

# Sent with sender=LessonPage class, attempt=QuizAttempt, quiz=the quiz block's value (its
# "measures" says whether it is the module's pre-test or post-test).
quiz_submitted = Signal()
