"""What a space is called, in the reader's language where it can be: a topic space by its axis
or region, a cohort space by its workshop or module, a private space by its partnership's two
associations or its project, a case study's discussion by the case study, an offer's
conversation by the offer and its two associations. Named in a fixed number of queries for any
number of spaces."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from capacity_lms.exchange.models import KEY_KINDS, TARGET_FIELDS, Space
from capacity_lms.library.models import CaseStudyPage
from courses.models import CoursePage


@dataclass(frozen=True)
class SpaceName:
    """A space's name, and the language it is written in ("" when it is the page's)."""

    text: str
    language: str = ""
    # Said after the name, in no particular language (the names of associations).
    detail: str = ""

    def __str__(self):
        return f"{self.text} – {self.detail}" if self.detail else self.text


def with_names(spaces):
    """The queryset ``spaces`` with what naming them reads, joined."""
    return spaces.select_related(
        "strategic_axis",
        "region",
        "workshop",
        "partnership__initiator",
        "partnership__partner",
        "application__project",
        "offer__association",
        "association",
    )


def name_spaces(spaces):
    """``{space.pk: SpaceName}`` for ``spaces`` (fetched through :func:`with_names`)."""
    spaces = list(spaces)
    language = (get_language() or "en").split("-")[0]
    pages = {}
    for kind, model in ((Space.Kind.MODULE, CoursePage), (Space.Kind.CASE_STUDY, CaseStudyPage)):
        keys = {
            space.target_filter()[TARGET_FIELDS[kind][0]] for space in spaces if space.kind == kind
        }
        if not keys:
            continue
        # Each page in the reader's language when it has that version, else any version.
        found = model.objects.filter(translation_key__in=keys).live().select_related("locale")
        for page in found.only("title", "translation_key", "locale"):
            current = pages.get(page.translation_key)
            if current is None or page.locale.language_code == language:
                pages[page.translation_key] = page
    return {_key(space): _name(space, pages) for space in spaces}


def _key(space):
    """Spaces named by what they are about: saved or not, one name each."""
    return (space.kind, space.target_key())


def _name(space, pages):
    kind = space.kind
    if kind == Space.Kind.AXIS:
        return SpaceName(space.strategic_axis.name)
    if kind == Space.Kind.REGION:
        return SpaceName(space.region.name)
    if kind == Space.Kind.WORKSHOP:
        return SpaceName(space.workshop.title, space.workshop.language)
    if kind in KEY_KINDS:
        page = pages.get(next(iter(space.target_filter().values())))
        if page is None:
            return SpaceName(_("A page no longer published"))
        return SpaceName(page.title, page.locale.language_code)
    if kind == Space.Kind.OFFER:
        offer = space.offer
        return SpaceName(
            offer.title,
            offer.language or "",
            f"{offer.association.name} – {space.association.name}",
        )
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


def about_url(space):
    """Where what the space discusses is read: the case study (in the reader's language when
    it has that version), the offer or need; None for the other kinds (one query at most)."""
    if space.kind == Space.Kind.OFFER:
        return reverse("capacity_lms:network_offer", args=[space.offer_id])
    if space.kind != Space.Kind.CASE_STUDY:
        return None
    language = (get_language() or "en").split("-")[0]
    versions = CaseStudyPage.objects.filter(translation_key=space.case_study_key).live().public()
    page = versions.filter(locale__language_code=language).first() or versions.first()
    return page.url if page is not None else None
