from django import template
from django.urls import NoReverseMatch, reverse

from capacity_lms.conf import get_languages
from capacity_lms.conf import programme_name as conf_programme_name

register = template.Library()


@register.simple_tag
def programme_name():
    """The programme's name in the active language, with its ``language`` (see
    :func:`capacity_lms.conf.programme_name`)."""
    return conf_programme_name()


@register.simple_tag
def capacity_languages():
    """The languages offered in the language switcher, as (code, name in that language)."""
    from django.utils.translation import get_language_info

    offered = []
    for code, fallback_name in get_languages():
        try:
            name = get_language_info(code)["name_local"]
        except KeyError:
            name = fallback_name
        offered.append((code, name))
    return offered


@register.simple_tag
def set_language_url():
    """Where the language switcher posts: ours, or Django's if the host included it instead."""
    for name in ("capacity_lms:set_language", "set_language"):
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return ""


@register.simple_tag
def course_workshops(course, limit=5):
    """Upcoming published workshops of ``course`` (in any of its translations), soonest first.

    One query; ``next_session`` is the first upcoming session's (or series') start.
    """
    from django.db.models import Min, Q
    from django.utils import timezone

    from capacity_lms.workshops.models import Workshop

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


@register.simple_tag
def course_case_studies(course, limit=4):
    """Live public case studies related to ``course`` (in any of its translations), in the
    reader's language first, newest first. One query (plus the cards' axes)."""
    from django.db.models import Case, IntegerField, Value, When

    from capacity_lms.library.models import CARD_FIELDS, CaseStudyPage
    from courses.written_language import prefetch_written_languages

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
