"""What workshops show on pages of lower domains, registered in the core's panel registry
(:mod:`capacity_lms.core.panels`): a course page lists its module's upcoming workshops."""

from django.db.models import Min, OuterRef, Q, Subquery

from capacity_lms.core import clock
from capacity_lms.core.panels import register_panel
from capacity_lms.core.structured_data import register_part
from capacity_lms.workshops.models import Session, Workshop
from capacity_lms.workshops.structured_data import workshop_instance


def course_workshops(course, limit=5):
    """Upcoming published workshops of ``course`` (in any of its translations), soonest first.

    One query; ``next_session`` is the first upcoming session's (or series') start,
    ``next_zone`` its time zone.
    """
    now = clock.now()
    upcoming = Session.objects.filter(workshop=OuterRef("pk"), series_ends_at__gte=now)
    return list(
        Workshop.objects.filter(
            status=Workshop.Status.PUBLISHED,
            course__translation_key=course.translation_key,
            sessions__series_ends_at__gte=now,
        )
        .annotate(
            next_session=Min("sessions__starts_at", filter=Q(sessions__series_ends_at__gte=now)),
            next_zone=Subquery(upcoming.order_by("starts_at", "pk").values("time_zone")[:1]),
        )
        .select_related("country")
        .order_by("next_session", "pk")[:limit]
    )


def workshops_of_the_page(page, request):
    """:func:`course_workshops` of ``page``, read once for the request (the panel and the
    page's JSON-LD both show them)."""
    if request is None:
        return course_workshops(page)
    read = request.__dict__.setdefault("_capacity_course_workshops", {})
    if page.pk not in read:
        read[page.pk] = course_workshops(page)
    return read[page.pk]


def course_instances(page, request):
    """The course's upcoming workshops as schema.org ``CourseInstance`` entries."""
    return [workshop_instance(workshop) for workshop in workshops_of_the_page(page, request)]


def register():
    register_panel(
        "course_page",
        "capacity_lms/workshops/includes/course_workshops.html",
        context=lambda page, request: {"workshops": workshops_of_the_page(page, request)},
        order=10,
    )
    register_part("course", "hasCourseInstance", course_instances)
