"""``{% my_attendance %}``: the signed-in person's own attendance, per workshop.

For the person's pages only: it reads ``request.user`` and nobody else's records. Three
queries, whatever the number of workshops and meetings.
"""

from django import template
from django.db.models import Q

from capacity_lms.attendance.models import AttendanceRecord
from capacity_lms.attendance.rates import ended_meetings, rate
from capacity_lms.workshops.models import Registration, Session

register = template.Library()


def attendance_by_workshop(user, now=None):
    """``[{"workshop", "attended", "counted", "rate"}]`` for the workshops ``user`` is
    registered for (confirmed) or has a record in, over the meetings that have ended."""
    sessions = list(
        Session.objects.filter(
            Q(
                workshop__registrations__user=user,
                workshop__registrations__status=Registration.Status.CONFIRMED,
            )
            | Q(workshop__sessions__attendance__user=user)
        )
        .distinct()
        .select_related("workshop")
        .prefetch_related("changes")
        .order_by("workshop__title", "starts_at", "pk")
    )
    records = {
        (record.session_id, record.occurrence_date): record
        for record in AttendanceRecord.objects.filter(user=user).select_related("status")
    }
    by_workshop = {}
    for session in sessions:
        by_workshop.setdefault(session.workshop, []).append(session)
    summary = []
    for workshop, its_sessions in by_workshop.items():
        meetings = ended_meetings(its_sessions, now)
        counted = [
            meeting
            for meeting in meetings
            if meeting not in records or records[meeting].status.counts_in_rate
        ]
        attended = sum(
            1 for meeting in counted if meeting in records and records[meeting].status.weight > 0
        )
        share = rate(meetings, records)
        summary.append(
            {
                "workshop": workshop,
                "attended": attended,
                "counted": len(counted),
                "rate": None if share is None else round(share * 100),
            }
        )
    return summary


@register.inclusion_tag("capacity_lms/attendance/includes/my_attendance.html", takes_context=True)
def my_attendance(context):
    user = context["request"].user
    rows = attendance_by_workshop(user) if user.is_authenticated else []
    return {"attendance_rows": rows}
