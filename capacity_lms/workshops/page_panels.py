"""What workshops show on pages of lower domains, registered in the core's panel registry
(:mod:`capacity_lms.core.panels`): a course page lists its module's upcoming workshops."""

from django.db.models import Min, Q
from django.utils import timezone

from capacity_lms.core.panels import register_panel
from capacity_lms.workshops.models import Workshop


def course_workshops(course, limit=5):
    """Upcoming published workshops of ``course`` (in any of its translations), soonest first.

    One query; ``next_session`` is the first upcoming session's (or series') start.
    """
    now = timezone.now()
    return list(
        Workshop.objects.filter(
            status=Workshop.Status.PUBLISHED,
            course__translation_key=course.translation_key,
            sessions__series_ends_at__gte=now,
        )
        .annotate(
            next_session=Min("sessions__starts_at", filter=Q(sessions__series_ends_at__gte=now))
        )
        .select_related("country")
        .order_by("next_session", "pk")[:limit]
    )


def register():
    register_panel(
        "course_page",
        "capacity_lms/workshops/includes/course_workshops.html",
        context=lambda page, request: {"workshops": course_workshops(page)},
        order=10,
    )
