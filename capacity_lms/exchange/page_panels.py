"""What the exchange spaces show on pages of lower layers, through the core's panel registry
(:mod:`capacity_lms.core.panels`): a course page and its lessons show the latest threads of the
module's cohort space, a workshop's page those of its cohort space, with the way in.

Signed-out visitors get nothing (no query), so a page kept for them in the page cache never
holds a cohort's threads. The latest threads and who was removed from the space are kept in the
shared cache while the space's version number stays put (``exchange/versions.py``): a page
pays one cache round trip and no query for them. The template shows them only to who belongs
on that page (an enrolled learner, a registered person, the workshop's trainers and staff), and
never to a person removed from the space.
"""

from dataclasses import dataclass

from capacity_lms.core.panels import register_panel
from capacity_lms.core.versions import kept_while
from capacity_lms.exchange import access
from capacity_lms.exchange.models import Space, Thread
from capacity_lms.exchange.people_models import SpaceRemoval
from capacity_lms.exchange.versions import version_key

LATEST = 3
KEPT_SECONDS = 24 * 3600
TEMPLATE = "capacity_lms/exchange/includes/cohort_panel.html"


@dataclass(frozen=True)
class ThreadLink:
    pk: int
    title: str
    language: str
    solved: bool


def cohort(space):
    """``(latest threads, ids of the people removed)`` of the (saved or not) ``space``, kept
    while its version number stays put."""
    kind, key = space.kind, space.target_key()

    def load():
        found = Space.objects.filter(kind=kind, **space.target_filter()).first()
        if found is None:
            return ((), frozenset())
        latest = Thread.objects.filter(space=found).order_by("-last_post_at", "-pk")[:LATEST]
        links = tuple(
            ThreadLink(thread.pk, thread.title, thread.language, bool(thread.solution_id))
            for thread in latest
        )
        removed = frozenset(
            SpaceRemoval.objects.filter(space=found).values_list("user_id", flat=True)
        )
        return (links, removed)

    versioned = version_key(kind, key)
    return kept_while(versioned, f"{versioned}:panel", load, KEPT_SECONDS)


def _panel(space, request):
    """The panel's context for a signed-in person not removed from ``space``."""
    user = getattr(request, "user", None)
    if not access.signed_in(user):
        return None
    threads, removed = cohort(space)
    if user.pk in removed:
        return None
    return {"cohort_threads": threads, "cohort_url": space.get_absolute_url()}


def course_panel(page, request):
    return _panel(Space(kind=Space.Kind.MODULE, course_key=page.translation_key), request)


def lesson_panel(page, request):
    return course_panel(page.course, request)


def workshop_panel(workshop, request):
    return _panel(Space(kind=Space.Kind.WORKSHOP, workshop=workshop), request)


def register():
    register_panel("course_page", TEMPLATE, context=course_panel, order=30, name="exchange")
    register_panel("lesson_page", TEMPLATE, context=lesson_panel, order=30, name="exchange")
    register_panel("workshop_page", TEMPLATE, context=workshop_panel, order=30, name="exchange")
