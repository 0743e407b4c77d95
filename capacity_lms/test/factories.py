"""Factories for capacity-lms models, in one place.

The test suite, the sandbox's demo-data command and the benchmarks all build their worlds with
these, so a model change is made once. Needs ``factory-boy`` (the ``sandbox`` or ``test`` extra).
"""

import factory
from django.contrib.auth import get_user_model
from factory.django import DjangoModelFactory

from capacity_lms.people.models import Association, LearnerProfile, Membership
from capacity_lms.taxonomy.models import Country, SpecializedGroup, StrategicAxis

DEMO_PASSWORD = "capacity-demo"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person {n}")

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or DEMO_PASSWORD)
        if create:
            self.save(update_fields=["password"])


class CountryFactory(DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{chr(97 + (n // 26) % 26)}{chr(97 + n % 26)}")
    name_en = factory.LazyAttribute(lambda c: f"Country {c.code.upper()}")
    default_time_zone = "Europe/Paris"


class SpecializedGroupFactory(DjangoModelFactory):
    class Meta:
        model = SpecializedGroup
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"group-{n}")
    name_en = factory.LazyAttribute(lambda g: g.code.replace("-", " ").title())


class StrategicAxisFactory(DjangoModelFactory):
    class Meta:
        model = StrategicAxis
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"axis-{n}")
    name_en = factory.LazyAttribute(lambda a: a.code.replace("-", " ").title())


class AssociationFactory(DjangoModelFactory):
    class Meta:
        model = Association
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Association {n}")
    host_country = factory.SubFactory(CountryFactory)
    city = "Paris"
    registration_number = factory.Sequence(lambda n: f"REG-{n:06d}")
    verification_status = Association.VerificationStatus.VERIFIED

    @factory.post_generation
    def specialized_groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.specialized_groups.set(extracted)

    @factory.post_generation
    def strategic_axes(self, create, extracted, **kwargs):
        if create and extracted:
            self.strategic_axes.set(extracted)


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership
        django_get_or_create = ("user", "association")

    user = factory.SubFactory(UserFactory)
    association = factory.SubFactory(AssociationFactory)
    role = Membership.Role.MEMBER


class LearnerProfileFactory(DjangoModelFactory):
    class Meta:
        model = LearnerProfile
        django_get_or_create = ("user",)
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    country_of_residence = factory.SubFactory(CountryFactory)
    preferred_language = "fr"

    @factory.post_generation
    def specialized_groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.specialized_groups.set(extracted)
