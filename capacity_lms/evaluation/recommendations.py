"""An association's capacity profile and the modules it is recommended (issue #25, point 1).

The profile is the latest self-assessment's score per capacity area. An area scored below
``CAPACITY_LMS_EVALUATION_WEAK_AREA_BELOW`` (60 of 100) is weak; the modules recommended are the
live ones that declare a weak area among those they strengthen, open to the association's
country, in the reader's language where the module has a version in it: the weakest area's
modules first, then those that strengthen more of the weak areas, then by title. Modules the
reader completed (in any language) are left out. A fixed number of queries, whatever the
catalogue's size.
"""

from dataclasses import dataclass

from django.db.models import Q
from wagtail.models import Locale

from capacity_lms.conf import get_setting
from capacity_lms.evaluation.models import AreaScore, SelfAssessment
from courses.models import CoursePage, Enrolment


@dataclass(frozen=True)
class AreaResult:
    area: object  # CapacityArea
    score: object  # Decimal, 0 to 100
    weak: bool
    previous: object = None  # the score of the self-assessment before, if any

    @property
    def change(self):
        return None if self.previous is None else self.score - self.previous


@dataclass(frozen=True)
class Profile:
    assessment: object  # SelfAssessment
    areas: list  # [AreaResult], in the areas' order
    previous: object = None  # the self-assessment of an earlier year, if any

    @property
    def weak_areas(self):
        return sorted((result for result in self.areas if result.weak), key=lambda r: r.score)


def profile_of(association):
    """The association's latest :class:`Profile`, compared with the year before it; None if
    it never took the self-assessment (two queries)."""
    assessments = list(
        SelfAssessment.objects.filter(association=association).order_by("-year")[:2]
    )
    if not assessments:
        return None
    latest = assessments[0]
    previous = assessments[1] if len(assessments) > 1 else None
    rows = AreaScore.objects.filter(
        assessment__in=[assessment.pk for assessment in assessments]
    ).select_related("area")
    before = {
        row.area_id: row.score for row in rows if previous and row.assessment_id == previous.pk
    }
    threshold = get_setting("EVALUATION_WEAK_AREA_BELOW")
    areas = [
        AreaResult(row.area, row.score, row.score < threshold, before.get(row.area_id))
        for row in sorted(rows, key=lambda row: (row.area.sort_order, row.area.name_en))
        if row.assessment_id == latest.pk
    ]
    return Profile(latest, areas, previous)


def recommended_modules(profile, *, association=None, user=None, limit=None):
    """The modules ``profile``'s weak areas lead to, best first (three queries at most)."""
    if profile is None or not profile.weak_areas:
        return []
    limit = limit or get_setting("EVALUATION_RECOMMENDATIONS")
    weakness = {result.area.pk: result.score for result in profile.weak_areas}
    modules = CoursePage.objects.live().public().filter(capacity_areas__in=list(weakness))
    country = getattr(association, "host_country_id", None)
    if association is not None:
        modules = modules.filter(Q(countries__isnull=True) | Q(countries=country))
    if user is not None and user.is_authenticated:
        completed = CoursePage.objects.filter(
            pk__in=Enrolment.objects.filter(user=user, completed_at__isnull=False).values("course")
        ).values("translation_key")
        modules = modules.exclude(translation_key__in=completed)
    modules = modules.distinct().prefetch_related("capacity_areas").select_related("locale")
    chosen = _one_per_module(modules, Locale.get_active())

    def rank(module):
        matched = [
            weakness[area.pk] for area in module.capacity_areas.all() if area.pk in weakness
        ]
        return (min(matched), -len(matched), module.title)

    return sorted(chosen, key=rank)[:limit]


def _one_per_module(modules, locale):
    """One version of each module: the reader's language's, else the first one found."""
    chosen = {}
    for module in modules.order_by("pk"):
        key = module.translation_key
        if key not in chosen or module.locale_id == locale.pk:
            chosen[key] = module
    return list(chosen.values())
