"""What the exchange spaces show on pages of lower layers, through the core's panel registry
(:mod:`capacity_lms.core.panels`): a course page and its lessons show the latest threads of the
module's cohort space, a workshop's page those of its cohort space, a case study its discussion,
with the way in; an offer or need of the directory the conversations about it between the
association that published it and those answering it, and the way to answer it.

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
from capacity_lms.exchange.naming import with_names
from capacity_lms.exchange.people_models import SpaceRemoval
from capacity_lms.exchange.versions import version_key

LATEST = 3
KEPT_SECONDS = 24 * 3600
TEMPLATE = "capacity_lms/exchange/includes/cohort_panel.html"
DISCUSSION_TEMPLATE = "capacity_lms/exchange/includes/discussion_panel.html"


@dataclass(frozen=True)
class ThreadLink:
    pk: int
    title: str
    language: str
    solved: bool


def latest(space):
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
    threads, removed = latest(space)
    if user.pk in removed:
        return None
    return {"cohort_threads": threads, "cohort_url": space.get_absolute_url()}


def course_panel(page, request):
    return _panel(Space(kind=Space.Kind.MODULE, course_key=page.translation_key), request)


def lesson_panel(page, request):
    return course_panel(page.course, request)


def workshop_panel(workshop, request):
    return _panel(Space(kind=Space.Kind.WORKSHOP, workshop=workshop), request)


def case_study_panel(page, request):
    """A case study's discussion: its latest threads and the way in for a signed-in person;
    a signed-out visitor is invited to sign in (the same for every visitor, so the page cache
    may keep it)."""
    space = Space(kind=Space.Kind.CASE_STUDY, case_study_key=page.translation_key)
    found = _panel(space, request)
    if found is None and access.signed_in(getattr(request, "user", None)):
        return None  # removed from the discussion
    return found or {"cohort_threads": (), "cohort_url": space.get_absolute_url()}


def offer_panel(offer, request):
    """An offer or need's conversations: those ``request``'s person may read (their
    association published it, or answered it), and, while it is open, the way to answer it as
    each of their associations that has not yet. Nothing for a signed-out visitor."""
    user = getattr(request, "user", None)
    if not access.signed_in(user):
        return None
    talks = with_names(
        access.readable_spaces(user).filter(kind=Space.Kind.OFFER, offer=offer)
    ).order_by("association__name")
    talks = list(talks)
    answering = {space.association_id for space in talks}
    answers = [
        Space(kind=Space.Kind.OFFER, offer=offer, association=association)
        for association in access.answering_associations(user, offer)
        .exclude(pk__in=answering)
        .order_by("name")
    ]
    if not talks and not answers:
        return None
    return {"offer_talks": talks, "offer_answers": answers}


def register():
    register_panel("course_page", TEMPLATE, context=course_panel, order=30, name="exchange")
    register_panel("lesson_page", TEMPLATE, context=lesson_panel, order=30, name="exchange")
    register_panel("workshop_page", TEMPLATE, context=workshop_panel, order=30, name="exchange")
    register_panel(
        "case_study_page", DISCUSSION_TEMPLATE, context=case_study_panel, name="exchange"
    )
    register_panel(
        "offer_page",
        "capacity_lms/exchange/includes/offer_panel.html",
        context=offer_panel,
        name="exchange",
    )
