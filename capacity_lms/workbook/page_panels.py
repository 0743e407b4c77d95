"""What the workbook shows on a lesson page (``courses`` renders the "lesson_work" slot): for
each of the lesson's deliverable steps, the status of the reader's association's work and
the way to it. Nothing for a reader who works for no association in the module."""

from django.urls import reverse

from capacity_lms.core.panels import register_panel
from capacity_lms.workbook import access
from capacity_lms.workbook.models import Deliverable


def lesson_work(lesson, request):
    steps = lesson.deliverables
    user = getattr(request, "user", None)
    if not steps or not access.signed_in(user):
        return None
    associations = list(access.working_associations(user, lesson.course.translation_key))
    if not associations:
        return None
    statuses = {
        (item.workbook.association_id, item.step_id): item
        for item in Deliverable.objects.filter(
            workbook__association__in=associations,
            workbook__course_key=lesson.course.translation_key,
            lesson_key=lesson.translation_key,
        ).select_related("workbook")
    }
    rows = []
    for step_id, value in steps:
        for association in associations:
            url = reverse("capacity_lms:workbook_step", args=[association.pk, lesson.pk, step_id])
            rows.append(
                {
                    "title": value["title"],
                    "association": association,
                    "deliverable": statuses.get((association.pk, step_id)),
                    "url": url,
                }
            )
    return {"work_rows": rows}


def register():
    register_panel(
        "lesson_work", "capacity_lms/workbook/includes/lesson_work.html", context=lesson_work
    )
