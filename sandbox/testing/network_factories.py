"""Factories of the associative network (partnerships, offers and needs, relayed messages),
for tests, the demo data and benchmarks."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from capacity_lms.network.models import OfferOrNeed, Partnership, RelayedMessage
from capacity_lms.people.models import Membership
from sandbox.testing.factories import AssociationFactory, UserFactory


def association_admin(association, **user_fields):
    """A new person who is an admin (``Membership.Role.LEADER``) of ``association``."""
    person = UserFactory(**user_fields)
    Membership.objects.create(user=person, association=association, role=Membership.Role.LEADER)
    return person


class PartnershipFactory(DjangoModelFactory):
    class Meta:
        model = Partnership

    initiator = factory.SubFactory(AssociationFactory)
    partner = factory.SubFactory(AssociationFactory)
    purpose = "School support and summer camps in the home region."
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    status = Partnership.Status.PROPOSED


class OfferOrNeedFactory(DjangoModelFactory):
    class Meta:
        model = OfferOrNeed
        skip_postgeneration_save = True

    association = factory.SubFactory(AssociationFactory)
    direction = OfferOrNeed.Direction.OFFER
    category = OfferOrNeed.Category.EXPERTISE
    title = factory.Sequence(lambda n: f"Offer or need {n}")
    description = "Two engineers can help with a water project for a few weeks."
    language = "en"
    expires_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=60))

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        if create and extracted:
            self.regions.set(extracted)

    @factory.post_generation
    def specialized_groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.specialized_groups.set(extracted)


class RelayedMessageFactory(DjangoModelFactory):
    class Meta:
        model = RelayedMessage

    sender = factory.SubFactory(UserFactory)
    sender_association = factory.SubFactory(AssociationFactory)
    recipient_association = factory.SubFactory(AssociationFactory)
    subject = factory.Sequence(lambda n: f"Message {n}")
    body = "We would like to learn from your project."
