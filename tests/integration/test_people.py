import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from capacity_lms.people.models import Association, LearnerProfile, Membership
from sandbox.testing.factories import (
    AssociationFactory,
    CountryFactory,
    LearnerProfileFactory,
    MembershipFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_the_suite_runs_on_a_custom_user_model():
    user_model = get_user_model()
    assert user_model._meta.label == "testapp.User"
    assert Membership._meta.get_field("user").related_model is user_model
    assert LearnerProfile._meta.get_field("user").related_model is user_model


def test_one_membership_per_person_and_association():
    membership = MembershipFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=membership.user, association=membership.association)
    assert Membership.objects.count() == 1


def test_registration_number_is_unique_within_a_country_only():
    france, spain = CountryFactory(code="fr"), CountryFactory(code="es")
    AssociationFactory(host_country=france, registration_number="W123")
    AssociationFactory(host_country=spain, registration_number="W123")
    AssociationFactory(host_country=france, registration_number="")
    AssociationFactory(host_country=france, registration_number="")
    with pytest.raises(IntegrityError), transaction.atomic():
        AssociationFactory(host_country=france, registration_number="W123")
    assert Association.objects.count() == 4


def test_duplicate_registration_gets_a_clear_validation_message():
    existing = AssociationFactory(registration_number="W9")
    duplicate = Association(
        name="Copy", host_country=existing.host_country, city="Lyon", registration_number="W9"
    )
    with pytest.raises(ValidationError, match="registration number already exists"):
        duplicate.full_clean()


def test_learner_profile_language_must_be_offered():
    profile = LearnerProfileFactory(preferred_language="ar")
    profile.full_clean()
    profile.preferred_language = "xx"
    with pytest.raises(ValidationError) as error:
        profile.full_clean()
    assert "preferred_language" in error.value.message_dict


def test_querysets_speak_the_domain():
    france = CountryFactory(code="fr")
    verified = AssociationFactory(host_country=france)
    AssociationFactory(host_country=france, verification_status="pending")
    assert list(Association.objects.verified().in_country(france)) == [verified]
    leader = MembershipFactory(association=verified, role=Membership.Role.LEADER)
    MembershipFactory(association=verified)
    assert list(Membership.objects.leaders()) == [leader]
    assert list(Membership.objects.for_user(leader.user)) == [leader]


def test_association_listing_queries_do_not_grow(django_assert_num_queries):
    def render(n):
        for _ in range(n):
            AssociationFactory(strategic_axes=[], specialized_groups=[])
        with django_assert_num_queries(3):
            rows = [
                (a.name, a.host_country.name, [g.name for g in a.specialized_groups.all()])
                for a in Association.objects.for_listing()
            ]
        return rows

    assert len(render(3)) == 3
    assert len(render(27)) == 30


def test_deleting_a_person_removes_their_memberships_and_profile():
    user = UserFactory()
    MembershipFactory(user=user)
    LearnerProfileFactory(user=user)
    user.delete()
    assert not Membership.objects.exists()
    assert not LearnerProfile.objects.exists()
    assert Association.objects.count() == 1
