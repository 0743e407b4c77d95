"""Who reads, writes and moderates each kind of space (issue #23, point 1), and the rule as a
queryset (listings, search) answering as the rule on one space does, for every kind and
person; a removed member loses access at once; signed-out visitors read public topics only."""

import pytest
from django.contrib.auth.models import AnonymousUser

from capacity_lms.exchange import access
from capacity_lms.exchange.models import Space
from capacity_lms.exchange.people_models import SpaceRemoval
from capacity_lms.exchange.posting import saved
from capacity_lms.exchange.spaces import space_for
from capacity_lms.network.models import OfferOrNeed, Partnership
from capacity_lms.workshops.models import Registration
from sandbox.testing.factories import AssociationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def spaces_of(world):
    return {
        "axis": space_for("axis", world.axis.pk),
        "region": space_for("region", world.region.pk),
        "workshop": space_for("workshop", world.workshop.pk),
        "module": space_for("module", world.course.translation_key),
        "partnership": space_for("partnership", world.partnership.pk),
        "project": space_for("project", world.application.pk),
        "case_study": space_for("case_study", world.case_study.translation_key),
        "offer": space_for("offer", f"{world.offer.pk}-{world.ours.pk}"),
    }


# Every signed-in person of the world.
EVERYONE = frozenset(
    {
        "learner",
        "other",
        "trainer",
        "other_trainer",
        "staff",
        "editor",
        "partner",
        "course_trainer",
    }
)
# Who reads each kind (the learner is in every one of them).
READERS = {
    "axis": EVERYONE,
    "region": EVERYONE,
    "workshop": {"learner", "trainer", "staff"},
    "module": {"learner", "staff", "editor", "course_trainer"},
    "partnership": {"learner", "partner", "staff"},
    "project": {"learner", "staff"},
    "case_study": EVERYONE,
    "offer": {"learner", "partner", "staff"},
}
# Who starts the first thread where it differs from the readers: an offer's conversation is
# opened by a member of the answering association only.
FIRST_WRITERS = {"offer": {"learner"}}
MODERATORS = {
    "axis": {"staff"},
    "region": {"staff"},
    "workshop": {"trainer", "staff"},
    "module": {"staff", "editor", "course_trainer"},
    "partnership": {"staff"},
    "project": {"staff"},
    "case_study": {"staff", "editor"},
    "offer": {"staff"},
}


def test_each_kind_lets_in_its_people_only(world):
    for kind, space in spaces_of(world).items():
        for name, person in vars(world.people).items():
            assert access.may_read(person, space) == (name in READERS[kind]), (kind, name)
            writers = FIRST_WRITERS.get(kind, READERS[kind])
            assert access.may_write(person, space) == (name in writers), (kind, name)
            assert access.may_moderate(person, space) == (name in MODERATORS[kind]), (kind, name)
        assert not access.may_read(AnonymousUser(), space), kind


def test_the_queryset_answers_as_the_rule_for_every_kind_and_person(world):
    spaces = {kind: saved(space) for kind, space in spaces_of(world).items()}
    for name, person in vars(world.people).items():
        readable = set(access.readable_spaces(person).values_list("pk", flat=True))
        for kind, space in spaces.items():
            assert (space.pk in readable) == access.may_read(person, space), (kind, name)


def test_a_removed_member_loses_access_at_once_and_the_queryset_agrees(world):
    learner = world.people.learner
    space = saved(space_for("workshop", world.workshop.pk))
    SpaceRemoval.objects.create(space=space, user=learner, reason="Spam.")
    assert not access.may_read(learner, space)
    assert not access.may_write(learner, space)
    assert space.pk not in set(access.readable_spaces(learner).values_list("pk", flat=True))


def test_leaving_the_workshop_or_ending_the_partnership_counts_at_once(world):
    learner = world.people.learner
    workshop = space_for("workshop", world.workshop.pk)
    Registration.objects.filter(user=learner).update(status=Registration.Status.CANCELLED)
    assert not access.may_read(learner, workshop)
    partnership = space_for("partnership", world.partnership.pk)
    Partnership.objects.filter(pk=world.partnership.pk).update(status=Partnership.Status.ENDED)
    partnership = space_for("partnership", world.partnership.pk)
    # An ended partnership's space is read, no longer written.
    assert access.may_read(learner, partnership) and not access.may_write(learner, partnership)


def test_a_public_topic_space_is_read_by_everyone_and_written_by_members(world):
    space = saved(space_for("axis", world.axis.pk))
    Space.objects.filter(pk=space.pk).update(is_public=True)
    space.refresh_from_db()
    assert access.may_read(AnonymousUser(), space)
    assert not access.may_write(AnonymousUser(), space)
    assert space.pk in set(access.readable_spaces(AnonymousUser()).values_list("pk", flat=True))


def test_an_unknown_kind_or_target_is_no_space(world):
    assert space_for("nothing", 1) is None
    assert space_for("workshop", 999999) is None
    assert space_for("workshop", "1 OR 1=1") is None
    assert space_for("module", "not-a-uuid") is None


def test_once_opened_both_associations_write_in_an_offers_conversation(world):
    space = saved(space_for("offer", f"{world.offer.pk}-{world.ours.pk}"))
    assert access.may_write(world.people.partner, space)
    assert access.may_write(world.people.learner, space)
    assert not access.may_read(world.people.other, space)


def test_nobody_opens_a_conversation_for_an_association_not_theirs_or_a_closed_offer(world):
    other_association = AssociationFactory(name="Tiznit Solidarité")
    foreign = space_for("offer", f"{world.offer.pk}-{other_association.pk}")
    assert not access.may_read(world.people.learner, foreign)
    assert not access.may_write(world.people.learner, foreign)
    # An association does not talk to itself about its own offer.
    assert space_for("offer", f"{world.offer.pk}-{world.theirs.pk}") is None
    assert space_for("offer", f"{world.offer.pk}") is None
    assert space_for("offer", f"{world.offer.pk}-{world.ours.pk}-1") is None
    OfferOrNeed.objects.filter(pk=world.offer.pk).update(status=OfferOrNeed.Status.CLOSED)
    closed = space_for("offer", f"{world.offer.pk}-{world.ours.pk}")
    assert access.may_read(world.people.learner, closed)
    assert not access.may_write(world.people.learner, closed)


def test_a_case_study_discussion_needs_a_live_public_case_study(world):
    assert space_for("case_study", world.case_study.translation_key) is not None
    world.case_study.unpublish()
    assert space_for("case_study", world.case_study.translation_key) is None
    assert space_for("case_study", world.course.translation_key) is None


def test_a_modules_trainers_are_chosen_among_trainers_and_staff(world):
    form_class = type(world.course).get_edit_handler().get_form_class()
    form = form_class(instance=world.course, for_user=world.people.staff)
    choices = set(form.fields["trainers"].queryset)
    assert {world.people.course_trainer, world.people.trainer, world.people.staff} <= choices
    assert not {world.people.learner, world.people.editor, world.people.partner} & choices


def test_the_modules_trainers_find_its_space_among_theirs(world):
    from capacity_lms.exchange.spaces import listed_spaces

    listed = listed_spaces(world.people.course_trainer)
    assert ("module", str(world.course.translation_key)) in {
        (space.kind, space.target_key()) for space in listed
    }
