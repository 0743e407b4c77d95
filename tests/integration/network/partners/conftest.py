"""A small network for the partnership tests: two verified associations abroad and a local
one, each with an admin and a member; people whose usernames are their e-mail addresses, so a
page that names anyone by username would show an address."""

from dataclasses import dataclass

import pytest
from django.test import Client

from capacity_lms.people.models import Association, Membership
from capacity_lms.people.roles import PROGRAMME_STAFF
from capacity_lms.taxonomy.loading import load_standard_taxonomy
from capacity_lms.taxonomy.models import Region, SpecializedGroup, StrategicAxis
from sandbox.testing.factories import AssociationFactory, CountryFactory, UserFactory
from tests.integration.conftest import in_group


@dataclass
class Network:
    lyon: Association
    montreal: Association
    tiznit: Association
    lyon_admin: object
    lyon_member: object
    montreal_admin: object
    montreal_member: object
    tiznit_admin: object
    staff: object
    outsider: object
    regions: list
    axes: list
    groups: list


def person(email, association=None, role=Membership.Role.MEMBER):
    user = UserFactory(username=email, email=email, first_name="", last_name="")
    if association is not None:
        Membership.objects.create(user=user, association=association, role=role)
    return user


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def network(db):
    load_standard_taxonomy()
    france = CountryFactory(code="fr", name_en="France")
    canada = CountryFactory(code="ca", name_en="Canada")
    regions = list(Region.objects.order_by("pk")[:3])
    lyon = AssociationFactory(name="Horizons Lyon", host_country=france, city="Lyon")
    montreal = AssociationFactory(name="Atlas Montréal", host_country=canada, city="Montréal")
    tiznit = AssociationFactory(
        name="Tiznit Solidarité",
        kind=Association.Kind.LOCAL,
        host_country=None,
        region=regions[0],
        city="",
    )
    leader = Membership.Role.LEADER
    return Network(
        lyon=lyon,
        montreal=montreal,
        tiznit=tiznit,
        lyon_admin=person("salma.admin@lyon.example", lyon, leader),
        lyon_member=person("yassine.member@lyon.example", lyon),
        montreal_admin=person("karima.admin@montreal.example", montreal, leader),
        montreal_member=person("omar.member@montreal.example", montreal),
        tiznit_admin=person("hassan.admin@tiznit.example", tiznit, leader),
        staff=in_group(person("nadia.staff@programme.example"), PROGRAMME_STAFF),
        outsider=person("nobody@elsewhere.example"),
        regions=regions,
        axes=list(StrategicAxis.objects.order_by("pk")[:3]),
        groups=list(SpecializedGroup.objects.order_by("pk")[:3]),
    )
