"""Who reads, writes and moderates in an exchange space: decided by the space's kind and what it
names, each time, never by a list kept per person (a cancelled registration, a left
association, an ended partnership count at once). Everything fails closed: a signed-out
visitor reads public topic spaces only; a person removed from a space reads nothing of it.

- Topic spaces (axis, region): every signed-in person reads and writes; everyone reads a public
  one. Programme staff moderate.
- A workshop's cohort: its registrants (confirmed or waiting) and its trainers; the trainers and
  programme staff moderate.
- A module's cohort (every language version): its learners (in progress or completed) and the
  trainers of any of its versions; they, programme staff and editors moderate.
- A partnership: the members of its two associations while it is active (an ended one is read,
  not written); programme staff moderate.
- A funded project: the association's members and programme staff, once the call is decided.
- A case study's discussion (every language version): like a topic space, every signed-in
  person; programme staff and editors (who look after the library) moderate.
- An offer or need answered by an association: the members of the association that published
  it and of the one answering; programme staff moderate.

A space is addressed by what it names (``Space.for_target``) and its row is made by the first
act that needs one (a thread, a follow): the rule is checked on the space, saved or not
(:func:`may_read`), and as a queryset over saved spaces for listings and search
(:func:`readable_spaces`); a test holds the two to the same answers.
"""

from django.db.models import Q

from capacity_lms.calls.decisions import announced
from capacity_lms.calls.models import Application
from capacity_lms.core import clock
from capacity_lms.exchange.models import Space
from capacity_lms.exchange.people_models import SpaceRemoval
from capacity_lms.network.models import Partnership
from capacity_lms.people.models import Membership
from capacity_lms.workshops.models import Registration
from courses.models import CoursePage, Enrolment

MODERATE_EVERYWHERE = "capacity_lms.moderate_exchange"
MODERATE_MODULES = "capacity_lms.moderate_module_spaces"

OPEN_PARTNERSHIPS = (Partnership.Status.ACTIVE,)
READ_PARTNERSHIPS = (Partnership.Status.ACTIVE, Partnership.Status.ENDED)


def signed_in(user):
    return user is not None and user.is_authenticated and user.is_active


def moderates_everywhere(user):
    return signed_in(user) and user.has_perm(MODERATE_EVERYWHERE)


def _associations(user):
    return Membership.objects.filter(user=user).values("association")


def registrations(user):
    return Registration.objects.filter(user=user).exclude(status=Registration.Status.CANCELLED)


def course_keys(user):
    learning = Enrolment.objects.filter(user=user).exclude(status=Enrolment.Status.WITHDRAWN)
    return CoursePage.objects.filter(pk__in=learning.values("course")).values("translation_key")


def trained_course_keys(user):
    return CoursePage.objects.filter(trainers=user).values("translation_key")


def partnerships(user, statuses=READ_PARTNERSHIPS):
    ours = _associations(user)
    return Partnership.objects.filter(
        Q(initiator__in=ours) | Q(partner__in=ours), status__in=statuses
    )


def projects(user):
    return Application.objects.filter(
        association__in=_associations(user), status=Application.Status.FUNDED
    ).filter(announced())


def readable_spaces(user):
    """The saved spaces ``user`` may read, as a queryset."""
    if not signed_in(user):
        return Space.objects.filter(kind__in=Space.OPEN_KINDS, is_public=True)
    removed = SpaceRemoval.objects.filter(user=user).values("space")
    if moderates_everywhere(user):
        return Space.objects.exclude(pk__in=removed)
    ours = _associations(user)
    member = (
        Q(kind__in=Space.OPEN_KINDS)
        | Q(kind=Space.Kind.WORKSHOP, workshop__in=registrations(user).values("workshop"))
        | Q(kind=Space.Kind.WORKSHOP, workshop__in=user.trained_workshops.values("pk"))
        | Q(kind=Space.Kind.MODULE, course_key__in=course_keys(user))
        | Q(kind=Space.Kind.MODULE, course_key__in=trained_course_keys(user))
        | Q(kind=Space.Kind.PARTNERSHIP, partnership__in=partnerships(user))
        | Q(kind=Space.Kind.PROJECT, application__in=projects(user))
        | Q(kind=Space.Kind.OFFER, association__in=ours)
        | Q(kind=Space.Kind.OFFER, offer__association__in=ours)
    )
    if user.has_perm(MODERATE_MODULES):
        member |= Q(kind=Space.Kind.MODULE)
    return Space.objects.filter(member).exclude(pk__in=removed)


def is_removed(user, space):
    return bool(space.pk) and SpaceRemoval.objects.filter(space=space, user=user).exists()


def _member(user, space):
    """Whether the space's rule lets ``user`` in (signed in, not removed, not staff)."""
    kind = space.kind
    if kind in Space.OPEN_KINDS:
        return True
    if kind == Space.Kind.WORKSHOP:
        return (
            registrations(user).filter(workshop_id=space.workshop_id).exists()
            or user.trained_workshops.filter(pk=space.workshop_id).exists()
        )
    if kind == Space.Kind.MODULE:
        return (
            user.has_perm(MODERATE_MODULES)
            or course_keys(user).filter(translation_key=space.course_key).exists()
            or _trains_module(user, space)
        )
    if kind == Space.Kind.PARTNERSHIP:
        return partnerships(user).filter(pk=space.partnership_id).exists()
    if kind == Space.Kind.PROJECT:
        return projects(user).filter(pk=space.application_id).exists()
    if kind == Space.Kind.OFFER:
        return (
            Membership.objects.filter(user=user)
            .filter(
                Q(association_id=space.association_id)
                | Q(association__offers_and_needs=space.offer_id)
            )
            .exists()
        )
    return False


def may_read(user, space):
    """Whether ``user`` may read ``space`` (saved or not)."""
    if not signed_in(user):
        return space.kind in Space.OPEN_KINDS and space.is_public
    if is_removed(user, space):
        return False
    return moderates_everywhere(user) or _member(user, space)


def may_moderate(user, space):
    if not signed_in(user) or is_removed(user, space):
        return False
    if moderates_everywhere(user):
        return True
    if space.kind == Space.Kind.WORKSHOP:
        return user.trained_workshops.filter(pk=space.workshop_id).exists()
    if space.kind == Space.Kind.MODULE and _trains_module(user, space):
        return True
    if space.kind in (Space.Kind.MODULE, Space.Kind.CASE_STUDY):
        return user.has_perm(MODERATE_MODULES)
    return False


def _trains_module(user, space):
    return trained_course_keys(user).filter(translation_key=space.course_key).exists()


def may_write(user, space):
    """Whether ``user`` may start threads and reply in ``space`` (a locked thread aside)."""
    if not signed_in(user) or not may_read(user, space):
        return False
    if space.kind == Space.Kind.PARTNERSHIP and not moderates_everywhere(user):
        return space.partnership.status in OPEN_PARTNERSHIPS
    if space.kind == Space.Kind.OFFER and not space.pk:
        return may_answer(user, space.offer, space.association)
    return True


def answering_associations(user, offer):
    """The associations as which ``user`` may open a conversation with the association that
    published ``offer`` (open, of a verified association): their other verified ones. Only
    the answering side starts one, so nobody opens spaces with associations at will."""
    from capacity_lms.network.models import OfferOrNeed
    from capacity_lms.network.reach import active_associations

    is_open = OfferOrNeed.objects.open(clock.today()).filter(pk=offer.pk).exists()
    if not signed_in(user) or not is_open:
        return active_associations().none()
    return (
        active_associations()
        .filter(memberships__user=user)
        .exclude(pk=offer.association_id)
        .distinct()
    )


def may_answer(user, offer, association):
    """Whether ``user`` may open a conversation about ``offer`` as ``association``."""
    return answering_associations(user, offer).filter(pk=association.pk).exists()
