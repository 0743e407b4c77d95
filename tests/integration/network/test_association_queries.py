"""The member pages run the same number of queries whatever the number of associations,
requests and members."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from capacity_lms.people.models import Membership
from capacity_lms.people.records import MembershipRequest
from sandbox.testing.factories import AssociationFactory, UserFactory
from tests.integration.network.association_world import person

pytestmark = pytest.mark.django_db


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def grow(leader, associations, count):
    for _ in range(count):
        association = AssociationFactory()
        associations.append(association)
        Membership.objects.create(user=leader, association=association, role="leader")
        MembershipRequest.objects.create(user=UserFactory(), association=association)
        other = AssociationFactory(verification_status="pending")
        MembershipRequest.objects.create(user=leader, association=other)


def test_my_associations_at_n_and_ten_n(taxonomy):
    leader = person("leader")
    client = Client()
    client.force_login(leader)
    url = reverse("capacity_lms:association_mine")
    associations = []
    grow(leader, associations, 2)
    client.get(url)  # warm the session and caches
    few = queries(client, url)
    grow(leader, associations, 18)
    assert queries(client, url) == few


def test_manage_at_n_and_ten_n(taxonomy):
    leader = person("leader")
    association = AssociationFactory()
    Membership.objects.create(user=leader, association=association, role="leader")
    client = Client()
    client.force_login(leader)
    url = reverse("capacity_lms:association_manage", args=[association.pk])

    def add(count):
        for _ in range(count):
            MembershipRequest.objects.create(user=UserFactory(), association=association)
            Membership.objects.create(user=UserFactory(), association=association)

    add(2)
    client.get(url)
    few = queries(client, url)
    add(18)
    assert queries(client, url) == few
