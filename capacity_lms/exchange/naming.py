"""What a space is called, in the reader's language where it can be: a topic space by its axis
or region, a cohort space by its workshop or module, a private space by its partnership's two
associations or its project. Named in a fixed number of queries for any number of spaces."""

from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from capacity_lms.exchange.models import Space
from courses.models import CoursePage


@dataclass(frozen=True)
class SpaceName:
    """A space's name, and the language it is written in ("" when it is the page's)."""

    text: str
    language: str = ""


def with_names(spaces):
    """The queryset ``spaces`` with what naming them reads, joined."""
    return spaces.select_related(
        "strategic_axis",
        "region",
        "workshop",
        "partnership__initiator",
        "partnership__partner",
        "application__project",
    )


def name_spaces(spaces):
    """``{space.pk: SpaceName}`` for ``spaces`` (fetched through :func:`with_names`)."""
    spaces = list(spaces)
    language = (get_language() or "en").split("-")[0]
    keys = {space.course_key for space in spaces if space.kind == Space.Kind.MODULE}
    courses = {}
    if keys:
        # Each module in the reader's language when it has that version, else any version.
        for course in CoursePage.objects.filter(translation_key__in=keys).select_related("locale"):
            current = courses.get(course.translation_key)
            if current is None or course.locale.language_code == language:
                courses[course.translation_key] = course
    return {_key(space): _name(space, courses) for space in spaces}


def _key(space):
    """Spaces named by what they are about: saved or not, one name each."""
    return (space.kind, space.target_key())


def _name(space, courses):
    kind = space.kind
    if kind == Space.Kind.AXIS:
        return SpaceName(space.strategic_axis.name)
    if kind == Space.Kind.REGION:
        return SpaceName(space.region.name)
    if kind == Space.Kind.WORKSHOP:
        return SpaceName(space.workshop.title, space.workshop.language)
    if kind == Space.Kind.MODULE:
        course = courses.get(space.course_key)
        if course is None:
            return SpaceName(_("A module no longer published"))
        return SpaceName(course.title, course.locale.language_code)
    if kind == Space.Kind.PARTNERSHIP:
        partnership = space.partnership
        return SpaceName(f"{partnership.initiator.name} – {partnership.partner.name}")
    project = space.application.project
    return SpaceName(project.title, project.language or "")


def name_space(space):
    return name_spaces([space])[_key(space)]


def named(spaces):
    """``[(space, SpaceName)]`` for ``spaces``."""
    names = name_spaces(spaces)
    return [(space, names[_key(space)]) for space in spaces]
