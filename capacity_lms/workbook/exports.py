"""A whole workbook read out: who may read it, and its PDF.

A workbook is read by those who may read its work (``access.py``): the association's members
enrolled in the module, the module's trainers, and staff holding "view deliverable". The PDF
holds every step's latest version, as the step and review pages show a version
(``display.shown_parts``), in the reader's language; what the members wrote keeps the
language the project is written in (``Project.language``) where it is a text of its own.
"""

from django.db.models import Q
from django.template.loader import render_to_string
from wagtail.models import Locale

from capacity_lms.core import clock
from capacity_lms.core.pdf import FONT_FAMILY, font_faces, html_to_pdf
from capacity_lms.workbook import access
from capacity_lms.workbook.display import shown_parts
from capacity_lms.workbook.models import Workbook
from capacity_lms.workbook.steps import steps_for
from courses.models import CoursePage


def readable_workbooks(user):
    """The workbooks ``user`` may read whole; none for anybody else."""
    if not access.signed_in(user):
        return Workbook.objects.none()
    if access.sees_every_workbook(user):
        return Workbook.objects.all()
    return Workbook.objects.filter(
        Q(pk__in=access.workable_workbooks(user).values("pk"))
        | Q(course_key__in=access.trained_course_keys(user))
    )


def module_of(workbook):
    """The module's live version in the reader's language, else another live one."""
    versions = list(CoursePage.objects.live().filter(translation_key=workbook.course_key))
    try:
        locale_id = Locale.get_active().pk
    except Locale.DoesNotExist:
        locale_id = None
    versions.sort(key=lambda course: course.locale_id != locale_id)
    return versions[0] if versions else None


def _place(step):
    """Where a step comes in the module: its lesson's place, then its own in the lesson."""
    if step is None:
        return ("~", 0)
    order = [step_id for step_id, _value in step.lesson.deliverables]
    return (step.lesson.path, order.index(step.step_id) if step.step_id in order else 0)


def latest_steps(workbook, request):
    """The workbook's steps in the module's order, each a dict of ``deliverable``, ``step``
    (None when its lesson is gone), ``version`` (the latest, or None) and ``parts``."""
    deliverables = list(workbook.deliverables.all())
    found = steps_for(deliverables)
    steps = []
    for deliverable in deliverables:
        version = deliverable.versions.order_by("-number").first()
        step = found.get(deliverable.pk)
        steps.append(
            {
                "deliverable": deliverable,
                "step": step,
                "version": version,
                "parts": shown_parts(version.content) if version is not None else [],
            }
        )
    steps.sort(key=lambda item: (_place(item["step"]), item["deliverable"].pk))
    return steps


def render_workbook_pdf(workbook, request):
    """The workbook's PDF as bytes, in the active language."""
    written_in = workbook.project.language or "und"
    html = render_to_string(
        "capacity_lms/workbook/workbook_pdf.html",
        {
            "workbook": workbook,
            "project": workbook.project,
            "module": module_of(workbook),
            "steps": latest_steps(workbook, request),
            "written_in": written_in,
            "made_at": clock.now(),
            "font_family": FONT_FAMILY,
            "font_faces": font_faces(),
        },
        request=request,
    )
    return html_to_pdf(html)
