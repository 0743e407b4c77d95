"""Attendance pages: the trainer's meetings, a meeting's roster and check-in screen, and the
member's check-in.

Every trainer page is scoped: another trainer's session answers 404, as does a date that is
not a meeting of the session (a cancelled meeting says so). Every change is a POST with CSRF
that goes through an action (``MarkAttendanceAction``, ``CheckInAction``, the walk-in
actions) and is answered by a redirect, except check-in, which answers with its true outcome.
"""
