"""The map (counts, links, table, geometry), the capacity record, the API endpoint and the
feeds: public fields only."""

import json
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from capacity_lms.certificates.models import Certificate
from capacity_lms.network.map import GEOMETRY_FILE, geometry
from capacity_lms.network.models import OfferOrNeed
from capacity_lms.people.models import Association, LearnerProfile
from capacity_lms.taxonomy.models import Region
from courses.models import Enrolment
from sandbox.testing.factories import MembershipFactory, UserFactory
from tests.integration.courses.conftest import catalogue, make_course  # noqa: F401
from tests.integration.network.directory_world import abroad, local, offer, partnership

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_the_geometry_is_small_and_draws_morocco_whole_with_its_twelve_regions(taxonomy):
    assert GEOMETRY_FILE.stat().st_size < 60_000
    data = geometry()
    assert set(data["morocco"]["regions"]) == set(Region.objects.values_list("code", flat=True))
    # One outline for the whole country, from Tangier (35.8°N) to Lagouira (20.8°N).
    latitudes = [lat for _lon, lat in data["morocco"]["outline"]]
    assert max(latitudes) > 35.7 and min(latitudes) < 20.9
    assert "ma" not in data["countries"]


def test_map_counts_link_to_the_filtered_directory(client, directory):
    paris = abroad("Jeunesse Paris", origins=("oriental",))
    abroad("Lyon Solidarité", city="Lyon")
    montreal = abroad("Entraide Montréal", country="ca", city="Montréal")
    oujda = local("Association Oujda", region="oriental")
    abroad("Pending", verification_status=Association.VerificationStatus.PENDING)
    partnership(paris, oujda, region="oriental")
    partnership(montreal, oujda, region="oriental", status="proposed")
    response = client.get(directory.map_url())
    assert response.status_code == 200
    world = response.context["map"]["world"]
    by_code = {area.code: area for area in world["countries"]}
    assert (by_code["fr"].associations, by_code["fr"].partnerships) == (2, 1)
    assert (by_code["ca"].associations, by_code["ca"].partnerships) == (1, 0)
    assert world["morocco"]["associations"] == 1
    regions = {area.code: area for area in response.context["map"]["morocco"]["regions"]}
    assert len(regions) == 12
    # Coordinates are text the template cannot localise ("12,5" in French breaks SVG).
    for area in [*world["countries"], *regions.values()]:
        if area.d:
            assert re.fullmatch(r"-?\d+\.\d", area.x) and re.fullmatch(r"-?\d+\.\d", area.y)
    assert (regions["oriental"].associations, regions["oriental"].partnerships) == (2, 1)
    # Following a link lists as many associations as the map says.
    for area in [by_code["fr"], regions["oriental"]]:
        listed = client.get(area.url).context["directory"].paginator_page.paginator.count
        assert listed == area.associations
    content = response.content.decode()
    assert "<svg" in content and "<table" in content and "<script" not in content
    assert 'href="' + by_code["fr"].url.replace("&", "&amp;") + '"' in content
    assert "http://" not in content.split("<svg", 1)[1].split("</svg>")[0].replace(
        "http://www.w3.org/2000/svg", ""
    )


def test_capacity_record_counts_accepted_members_and_names_only_consenting_holders(
    client,
    directory,
    catalogue,  # noqa: F811
):
    paris = abroad("Jeunesse Paris")
    course = make_course(catalogue, title="Budgeting")
    named = UserFactory(first_name="Named", last_name="Holder")
    hidden = UserFactory(first_name="Hidden", last_name="Holder")
    outsider = UserFactory()
    for user in (named, hidden):
        MembershipFactory(user=user, association=paris)
        Enrolment.objects.create(user=user, course=course, completed_at=timezone.now())
    Enrolment.objects.create(user=outsider, course=course, completed_at=timezone.now())
    LearnerProfile.objects.create(user=named, name_on_association_page=True)
    LearnerProfile.objects.create(user=hidden, name_on_association_page=False)
    for number, user in enumerate((named, hidden)):
        Certificate.objects.create(
            user=user,
            course=course,
            subject_key=f"course:{number}",
            code=f"CODE{number}",
            reference=f"REF{number}",
            layout="en",
            holder_names={"en": f"{user.first_name} {user.last_name}"},
            titles={"en": "Budgeting"},
            issued_on=timezone.localdate(),
            origin="rule",
        )
    response = client.get(directory.association_url(paris.pk))
    record = response.context["record"]
    assert record.members == 2
    assert record.modules == [("Budgeting", 2)]
    assert (record.certificates, record.certificate_holders) == (2, 2)
    assert [name for name, _titles in record.named_holders] == ["Named Holder"]
    content = response.content.decode()
    assert "Named Holder" in content and "Hidden Holder" not in content


def test_api_lists_public_fields_of_verified_associations(client, directory):
    paris = abroad(
        "Jeunesse Paris",
        published=["description"],
        description_fr="Soutien scolaire",
        contact_email="secret@example.org",
        founding_year=1990,
        website="https://paris.example.org",
    )
    local("Association Oujda")
    abroad("Pending", verification_status=Association.VerificationStatus.PENDING)
    response = client.get("/api/v2/associations/")
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["total_count"] == 2
    row = next(item for item in data["items"] if item["id"] == paris.pk)
    assert row["descriptions"] == {"fr": "Soutien scolaire"}
    assert row["founding_year"] is None and row["website"] == ""
    text = json.dumps(data)
    for hidden in (
        "secret@example.org",
        "1990",
        "paris.example.org",
        "Pending",
        paris.registration_number,
    ):
        assert hidden not in text
    assert client.get(f"/api/v2/associations/{paris.pk}/").json()["name"] == "Jeunesse Paris"
    pending = Association.objects.get(name="Pending")
    # (Django's LocaleMiddleware sends a 404 outside the language prefixes to the prefixed URL.)
    assert client.get(f"/api/v2/associations/{pending.pk}/", follow=True).status_code == 404
    local_only = client.get("/api/v2/associations/", {"kind": "local"}).json()
    assert [item["name"] for item in local_only["items"]] == ["Association Oujda"]
    assert client.get("/api/v2/associations/", {"unknown": "1"}).status_code == 400


def test_feeds_of_new_associations_and_open_offers(directory):
    paris = abroad("Jeunesse Paris", contact_email="secret@example.org")
    pending = abroad("Pending", verification_status=Association.VerificationStatus.PENDING)
    offer(paris, title="Volunteers for the summer")
    offer(pending, title="Hidden offer")
    offer(paris, title="Closed offer", status=OfferOrNeed.Status.CLOSED)
    offer(paris, title="Old offer", expires_on=timezone.localdate().replace(year=2000))
    client = Client()
    for name in ("directory_associations_rss", "directory_associations_atom"):
        response = client.get(reverse(f"capacity_lms:{name}", args=[directory.pk]))
        assert response.status_code == 200
        content = response.content.decode()
        assert content.startswith("<?xml")
        assert "Jeunesse Paris" in content
        assert "Pending" not in content and "secret@example.org" not in content
        assert directory.association_url(paris.pk) in content
    for name in ("directory_offers_rss", "directory_offers_atom"):
        response = client.get(reverse(f"capacity_lms:{name}", args=[directory.pk]))
        assert response.status_code == 200
        content = response.content.decode()
        assert "Volunteers for the summer" in content
        for hidden in ("Hidden offer", "Closed offer", "Old offer"):
            assert hidden not in content
