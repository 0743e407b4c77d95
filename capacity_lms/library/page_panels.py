"""What the library shows on pages of lower domains, registered in the core's panel registry
(:mod:`capacity_lms.core.panels`): a course page lists case studies related to its module."""

from functools import partial

from django.db.models import Case, IntegerField, Value, When

from capacity_lms.core.panels import register_panel
from capacity_lms.core.written_language import prefetch_written_languages
from capacity_lms.library.models import CARD_FIELDS, CaseStudyPage


def course_case_studies(course, limit=4):
    """Live public case studies related to ``course`` (in any of its translations), in the
    reader's language first, newest first. One query (plus the cards' axes)."""
    case_studies = list(
        CaseStudyPage.objects.live()
        .public()
        .filter(related_courses__translation_key=course.translation_key)
        .annotate(
            same_language=Case(
                When(locale_id=course.locale_id, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .distinct()
        .order_by("same_language", "-first_published_at")
        .for_listing()[:limit]
    )
    prefetch_written_languages(case_studies, *CARD_FIELDS)
    return case_studies


def register():
    register_panel(
        "course_page",
        "capacity_lms/library/includes/course_case_studies.html",
        # Called by the template only when its fragment is not kept (a case study published,
        # changed or unpublished purges every fragment).
        context=lambda page, request: {"find_case_studies": partial(course_case_studies, page)},
        order=20,
    )
