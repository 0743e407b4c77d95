import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from capacity_lms.people.models import Association
from sandbox.testing.factories import AssociationFactory, CountryFactory, UserFactory

pytestmark = pytest.mark.django_db

ASSOCIATION_INDEX = "wagtailsnippets_capacity_lms_association:list"
ASSOCIATION_ADD = "wagtailsnippets_capacity_lms_association:add"


def member_of(group_name, **kwargs):
    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def codenames(group_name):
    return set(Group.objects.get(name=group_name).permissions.values_list("codename", flat=True))


def test_roles_are_created_by_migration_with_their_permissions():
    staff = codenames("Programme staff")
    assert {"access_admin", "add_association", "change_association", "delete_country"} <= staff
    trainers = codenames("Trainers")
    assert {"access_admin", "view_association", "view_membership"} <= trainers
    assert not {"add_association", "change_association", "delete_association"} & trainers
    editors = codenames("Editors")
    assert {"access_admin", "view_strategicaxis", "view_association"} <= editors
    assert "change_association" not in editors


def test_staff_create_an_association_through_the_admin(client):
    client.force_login(member_of("Programme staff"))
    france = CountryFactory(code="fr")
    response = client.post(
        reverse(ASSOCIATION_ADD),
        {
            "kind": "abroad",
            "name": "Association des Jeunes de Lille",
            "host_country": france.pk,
            "city": "Lille",
            "registration_number": "W595000001",
            "verification_status": "pending",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    assert Association.objects.get().city == "Lille"


def test_admin_refuses_an_invalid_association_and_saves_nothing(client):
    client.force_login(member_of("Programme staff"))
    response = client.post(reverse(ASSOCIATION_ADD), {"name": "", "city": "Lille"})
    assert response.status_code == 200
    assert "host_country" in response.context["form"].errors
    assert not Association.objects.exists()


def test_trainers_see_associations_but_cannot_add(client):
    AssociationFactory(name="Trait d'Union")
    client.force_login(member_of("Trainers"))
    assert b"Trait d&#x27;Union" in client.get(reverse(ASSOCIATION_INDEX)).content
    response = client.get(reverse(ASSOCIATION_ADD))
    assert response.status_code in (302, 403)
    response = client.post(reverse(ASSOCIATION_ADD), {"name": "X"})
    assert response.status_code in (302, 403)
    assert Association.objects.count() == 1


def test_a_learner_cannot_reach_the_admin(client):
    client.force_login(UserFactory())
    response = client.get(reverse(ASSOCIATION_INDEX))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_association_listing_filters_searches_and_exports_csv(client):
    client.force_login(member_of("Programme staff"))
    france, spain = CountryFactory(code="fr"), CountryFactory(code="es")
    AssociationFactory(name="Jeunesse Lyon", host_country=france, city="Lyon")
    AssociationFactory(name="Puente Barcelona", host_country=spain, city="Barcelona")

    filtered = client.get(reverse(ASSOCIATION_INDEX), {"host_country": spain.pk})
    assert b"Puente Barcelona" in filtered.content
    assert b"Jeunesse Lyon" not in filtered.content

    searched = client.get(reverse(ASSOCIATION_INDEX), {"q": "Lyon"})
    assert b"Jeunesse Lyon" in searched.content
    assert b"Puente Barcelona" not in searched.content

    exported = client.get(reverse(ASSOCIATION_INDEX), {"export": "csv", "host_country": france.pk})
    assert exported.status_code == 200
    body = b"".join(exported.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [row["Name"] for row in rows] == ["Jeunesse Lyon"]
    assert rows[0]["City"] == "Lyon"


def test_taxonomy_and_memberships_are_searchable(client):
    from capacity_lms.taxonomy.loading import load_standard_taxonomy
    from sandbox.testing.factories import MembershipFactory

    load_standard_taxonomy()
    client.force_login(member_of("Programme staff"))
    response = client.get(reverse("wagtailsnippets_capacity_lms_country:list"), {"q": "Maroc"})
    assert response.status_code == 200
    assert b"Africa/Casablanca" in response.content
    assert b"Europe/Paris" not in response.content

    MembershipFactory(user=UserFactory(username="salma"))
    MembershipFactory(user=UserFactory(username="omar"))
    response = client.get(reverse("wagtailsnippets_capacity_lms_membership:list"), {"q": "salma"})
    assert b"salma" in response.content
    assert b"omar" not in response.content
