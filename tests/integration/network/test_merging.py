"""Merging a duplicate: every person's membership once, every partnership, case studies,
offers and needs, messages moved; logged; the duplicate leaves every listing."""

import datetime

import pytest

from capacity_lms.core.actions import ActionRefused
from capacity_lms.network.merging import MergeAssociationsAction
from capacity_lms.network.models import OfferOrNeed, Partnership, RelayedMessage
from capacity_lms.people.models import Association, Membership
from capacity_lms.people.records import MembershipRequest, VerificationEvent
from capacity_lms.taxonomy.models import Country
from sandbox.testing.factories import AssociationFactory
from tests.integration.network.association_world import admin_of, person

pytestmark = pytest.mark.django_db
START = datetime.date(2026, 1, 1)


@pytest.fixture
def pair(taxonomy):
    france = Country.objects.get(code="fr")
    survivor = AssociationFactory(name="Horizons Lyon", host_country=france, city="Lyon")
    duplicate = AssociationFactory(
        name="Horizons  Lyon", host_country=france, city="Lyon", possible_duplicate_of=survivor
    )
    return survivor, duplicate


def partnership(initiator, partner):
    return Partnership.objects.create(
        initiator=initiator, partner=partner, purpose="Twinning", starts_on=START
    )


def test_merge_keeps_each_membership_once_and_every_partnership(pair, staff):
    survivor, duplicate = pair
    both = person("in-both")
    Membership.objects.create(user=both, association=survivor)
    Membership.objects.create(user=both, association=duplicate, role=Membership.Role.LEADER)
    admin_of(survivor, "only-survivor")
    only_duplicate = person("only-duplicate")
    Membership.objects.create(user=only_duplicate, association=duplicate)
    third = AssociationFactory(name="Oasis Figuig")
    fourth = AssociationFactory(name="Atlas Tiznit")
    partnership(duplicate, third)
    partnership(fourth, duplicate)
    partnership(survivor, third)
    people_before = set(
        Membership.objects.filter(association__in=pair).values_list("user_id", flat=True)
    )
    partnerships_before = Partnership.objects.count()

    MergeAssociationsAction(duplicate, user=staff, into=survivor).execute()

    memberships = Membership.objects.filter(association=survivor)
    assert set(memberships.values_list("user_id", flat=True)) == people_before
    assert memberships.count() == len(people_before) == 3
    assert memberships.get(user=both).role == Membership.Role.LEADER  # the admin role wins
    assert not Membership.objects.filter(association=duplicate).exists()
    assert Partnership.objects.count() == partnerships_before
    assert Partnership.objects.filter(initiator=survivor).count() == 2
    assert Partnership.objects.filter(partner=survivor).count() == 1
    duplicate.refresh_from_db()
    assert duplicate.merged_into == survivor
    assert duplicate not in Association.objects.live()
    survivor.refresh_from_db()
    assert survivor.possible_duplicate_of is None
    assert VerificationEvent.objects.filter(association=duplicate, actor=staff).exists()
    assert VerificationEvent.objects.filter(association=survivor, actor=staff).exists()


def test_merge_moves_case_studies_offers_and_messages(pair, staff):
    survivor, duplicate = pair
    third = AssociationFactory(name="Oasis Figuig")
    offer = OfferOrNeed.objects.create(
        association=duplicate,
        direction="offer",
        category="expertise",
        title="Accounting",
        description="We help",
        expires_on=START,
    )
    message = RelayedMessage.objects.create(
        sender=person("writer"),
        sender_association=third,
        recipient_association=duplicate,
        subject="Hello",
        body="Hi",
    )
    moved = MergeAssociationsAction(duplicate, user=staff, into=survivor).execute()
    offer.refresh_from_db()
    message.refresh_from_db()
    assert offer.association == survivor
    assert message.recipient_association == survivor
    assert moved["offerorneed.association"] == 1


def test_requests_move_unless_the_person_is_already_in(pair, staff):
    survivor, duplicate = pair
    member = person("member")
    Membership.objects.create(user=member, association=survivor)
    asked_both = person("asked")
    MembershipRequest.objects.create(user=member, association=duplicate)
    MembershipRequest.objects.create(user=asked_both, association=duplicate)
    MembershipRequest.objects.create(user=asked_both, association=survivor)
    newcomer = person("newcomer")
    MembershipRequest.objects.create(user=newcomer, association=duplicate)
    MergeAssociationsAction(duplicate, user=staff, into=survivor).execute()
    pending = MembershipRequest.objects.filter(association=survivor, status="pending")
    assert set(pending.values_list("user__username", flat=True)) == {"asked", "newcomer"}


def test_only_staff_merge_and_never_into_itself(pair):
    survivor, duplicate = pair
    leader = admin_of(duplicate, "leader")
    with pytest.raises(ActionRefused):
        MergeAssociationsAction(duplicate, user=leader, into=survivor).execute()
    duplicate.refresh_from_db()
    assert duplicate.merged_into is None


def test_cannot_merge_into_itself_or_twice(pair, staff):
    survivor, duplicate = pair
    with pytest.raises(ActionRefused):
        MergeAssociationsAction(duplicate, user=staff, into=duplicate).execute()
    MergeAssociationsAction(duplicate, user=staff, into=survivor).execute()
    with pytest.raises(ActionRefused):
        MergeAssociationsAction(duplicate, user=staff, into=survivor).execute()


def test_the_association_report_then_counts_the_people_under_the_survivor(pair, staff):
    from capacity_lms.reports.associations import member_rows

    survivor, duplicate = pair
    both = person("in-both")
    for association in pair:
        Membership.objects.create(user=both, association=association)
    Membership.objects.create(user=person("only-duplicate"), association=duplicate)
    assert len(member_rows(survivor)) == 1
    MergeAssociationsAction(duplicate, user=staff, into=survivor).execute()
    assert sorted(row["person"].username for row in member_rows(survivor)) == [
        "in-both",
        "only-duplicate",
    ]
    assert member_rows(duplicate) == []
