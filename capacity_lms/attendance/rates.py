"""Attendance rates: the share of its meetings a person attended, weighted by status.

A meeting counts once it has ended and was not cancelled. A meeting with no record counts as
absent (weight 0); a status that does not count in the rate (excused) takes the meeting out of
both sides. The rate of a course is over the meetings of all its workshops the person was
registered for.
"""

from decimal import Decimal

from capacity_lms.attendance.models import AttendanceRecord
from capacity_lms.core import clock
from capacity_lms.workshops.models import Registration, Session


def ended_meetings(sessions, now=None):
    """``{(session_pk, occurrence_date)}`` of the meetings of ``sessions`` that have ended."""
    now = now or clock.now()
    return {
        (session.pk, occurrence.original_date)
        for session in sessions
        for occurrence in session.occurrences()
        if occurrence.ends_at <= now and not occurrence.is_cancelled
    }


def rate(meetings, records):
    """The weighted share (0 to 1, or None without a meeting that counts) of ``meetings``
    attended, from ``records`` keyed by (session_pk, occurrence_date)."""
    counted, attended = 0, Decimal(0)
    for meeting in meetings:
        record = records.get(meeting)
        if record is not None and not record.status.counts_in_rate:
            continue
        counted += 1
        if record is not None:
            attended += record.status.weight
    return attended / counted if counted else None


def workshop_rates(workshop, now=None):
    """``{user_pk: rate}`` for every confirmed registrant of ``workshop``; four queries."""
    sessions = list(
        Session.objects.filter(workshop=workshop)
        .select_related("workshop")
        .prefetch_related("changes")
    )
    meetings = ended_meetings(sessions, now)
    people = Registration.objects.filter(
        workshop=workshop, status=Registration.Status.CONFIRMED
    ).values_list("user_id", flat=True)
    by_person = {}
    for record in AttendanceRecord.objects.filter(
        session__workshop=workshop, user__isnull=False
    ).select_related("status"):
        by_person.setdefault(record.user_id, {})[(record.session_id, record.occurrence_date)] = (
            record
        )
    return {person: rate(meetings, by_person.get(person, {})) for person in people}


def person_rate(user, workshops, now=None):
    """One person's rate over the meetings of ``workshops`` (e.g. a course's)."""
    sessions = list(
        Session.objects.filter(workshop__in=workshops)
        .select_related("workshop")
        .prefetch_related("changes")
    )
    records = {
        (record.session_id, record.occurrence_date): record
        for record in AttendanceRecord.objects.filter(
            user=user, session__in=[session.pk for session in sessions]
        ).select_related("status")
    }
    return rate(ended_meetings(sessions, now), records)


def course_rate(user, course, now=None):
    """``user``'s rate over the workshops of ``course`` (any translation) they registered for."""
    from capacity_lms.workshops.models import Workshop

    workshops = Workshop.objects.filter(
        course__translation_key=course.translation_key,
        registrations__user=user,
        registrations__status=Registration.Status.CONFIRMED,
    )
    return person_rate(user, workshops, now)
