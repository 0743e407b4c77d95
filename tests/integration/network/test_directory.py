"""The directory page: verified associations only, filters, search, pagination, and the public
page of an association with its capacity record."""

import pytest

from capacity_lms.people.models import Association
from tests.integration.network.directory_world import abroad, local, partnership

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def names(client, directory, **params):
    response = client.get(directory.url, params)
    assert response.status_code == 200
    return sorted(profile.name for profile in response.context["directory"].associations)


@pytest.fixture
def world(directory):
    return {
        "paris": abroad(
            "Jeunesse Paris",
            description_fr="Soutien scolaire à Belleville",
            origins=("souss-massa",),
        ),
        "lyon": abroad(
            "Lyon Solidarité",
            city="Lyon",
            axes=("project-engineering",),
            groups=("women",),
            published=["description"],
            description_en="Wells and schools",
        ),
        "montreal": abroad("Entraide Montréal", country="ca", city="Montréal"),
        "oujda": local("Association Oujda", region="oriental", name_ar="جمعية وجدة"),
        "agadir": local("Association Agadir", region="souss-massa"),
        "pending": abroad(
            "Pending Association", verification_status=Association.VerificationStatus.PENDING
        ),
        "suspended": abroad(
            "Suspended Association",
            verification_status=Association.VerificationStatus.SUSPENDED,
        ),
    }


def test_only_verified_associations_are_listed(client, directory, world):
    assert names(client, directory) == sorted(
        [
            "Jeunesse Paris",
            "Lyon Solidarité",
            "Entraide Montréal",
            "Association Oujda",
            "Association Agadir",
        ]
    )


def test_each_filter_narrows_the_list(client, directory, world):
    assert names(client, directory, kind="local") == ["Association Agadir", "Association Oujda"]
    assert names(client, directory, country="ca") == ["Entraide Montréal"]
    assert names(client, directory, city="Lyon") == ["Lyon Solidarité"]
    # A region: its local associations and those that publish it as a region of origin.
    assert names(client, directory, region="souss-massa") == [
        "Association Agadir",
        "Jeunesse Paris",
    ]
    # Lyon keeps its axes and groups private: no filter on them finds it.
    assert "Lyon Solidarité" not in names(client, directory, axis="project-engineering")
    assert "Lyon Solidarité" not in names(client, directory, group="women")
    assert names(client, directory, axis="school-support", kind="abroad") == [
        "Entraide Montréal",
        "Jeunesse Paris",
    ]
    # An unknown value in a shared URL is ignored.
    assert len(names(client, directory, country="zz")) == 5


def test_search_across_languages_and_only_shown_fields(client, directory, world):
    assert names(client, directory, q="belleville") == ["Jeunesse Paris"]
    assert names(client, directory, q="wells") == ["Lyon Solidarité"]
    assert names(client, directory, q="وجدة") == ["Association Oujda"]
    assert names(client, directory, q="montréal entraide") == ["Entraide Montréal"]
    # Contacts and registration numbers are not searched.
    world["lyon"].contact_email = "secret-person@example.org"
    world["lyon"].save()
    assert names(client, directory, q="secret-person") == []
    assert names(client, directory, q=world["paris"].registration_number) == []
    assert names(client, directory, q="Pending") == []


def test_pagination_keeps_the_filters(client, directory, world):
    for number in range(6):
        abroad(f"Extra {number}")
    response = client.get(directory.url, {"kind": "abroad"})
    listing = response.context["directory"]
    assert listing.paginator_page.paginator.count == 9
    assert len(listing.associations) == 5
    assert "kind=abroad" in listing.next_url()
    second = client.get(directory.url, {"kind": "abroad", "page": 2})
    assert len(second.context["directory"].associations) == 4


def test_association_page_shows_published_fields_only(client, directory, world):
    lyon = world["lyon"]
    lyon.contact_name = "Fatima Contact"
    lyon.contact_email = "fatima@example.org"
    lyon.contact_phone = "+33 1 23 45 67 89"
    lyon.website = "https://lyon.example.org"
    lyon.founding_year = 1999
    lyon.save()
    response = client.get(directory.association_url(lyon.pk))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Lyon Solidarité" in content
    assert "Wells and schools" in content
    for hidden in (
        "Fatima Contact",
        "fatima@example.org",
        "+33 1 23 45 67 89",
        "lyon.example.org",
        "1999",
        lyon.registration_number,
    ):
        assert hidden not in content


@pytest.mark.parametrize("key", ["pending", "suspended"])
def test_unverified_association_pages_are_not_found(client, directory, world, key):
    assert client.get(directory.association_url(world[key].pk)).status_code == 404


def test_partnerships_shown_when_confirmed_between_verified(client, directory, world):
    partnership(world["paris"], world["oujda"])
    partnership(world["lyon"], world["oujda"], status="proposed")
    partnership(world["suspended"], world["oujda"])
    response = client.get(directory.association_url(world["oujda"].pk))
    record = response.context["record"]
    assert [other.name for _p, other in record.partnerships] == ["Jeunesse Paris"]
