"""A member registers an association: pending, they are its admin, documents kept private;
duplicates by number are refused without revealing an unverified one; near names are flagged."""

import os

import pytest

from capacity_lms.core.actions import ActionRefused
from capacity_lms.core.storage import PrivateStorage
from capacity_lms.network.registration import (
    DuplicateRegistration,
    RegisterAssociationAction,
    UploadsRefused,
    find_near_name,
    normalised_name,
)
from capacity_lms.people.models import Association, Membership
from capacity_lms.people.records import AssociationDocument, VerificationEvent
from sandbox.testing.factories import AssociationFactory
from tests.integration.network.association_world import (
    abroad_data,
    local_data,
    person,
    png_bytes,
    upload,
)

pytestmark = pytest.mark.django_db


def stored(root):
    return {name for _folder, _dirs, names in os.walk(root) for name in names}


def test_registering_makes_a_pending_association_with_its_registrant_as_admin(
    taxonomy, media_root
):
    hajar = person("hajar")
    association = RegisterAssociationAction(hajar, data=abroad_data()).execute()
    assert association.verification_status == Association.VerificationStatus.PENDING
    assert association.created_by == hajar
    assert association.city == "Lyon" and association.host_country.code == "fr"
    assert association.published_fields == ["description", "website"]
    assert [r.code for r in association.regions_of_origin.all()] == ["oriental"]
    membership = Membership.objects.get(association=association)
    assert (membership.user, membership.role) == (hajar, Membership.Role.LEADER)
    kinds = set(AssociationDocument.objects.values_list("kind", flat=True))
    assert kinds == {"statutes", "receipt"}
    document = AssociationDocument.objects.get(kind="statutes")
    assert document.original_name == "statuts.pdf"
    assert isinstance(document.file.storage, PrivateStorage)
    event = VerificationEvent.objects.get(association=association)
    assert (event.from_status, event.to_status, event.actor) == ("", "pending", hajar)


def test_a_local_association_has_its_region_province_and_commune(taxonomy, media_root):
    association = RegisterAssociationAction(person("omar"), data=local_data()).execute()
    assert association.kind == "local" and association.host_country is None
    assert association.province.code == "figuig" and association.region.code == "oriental"


def test_a_document_whose_content_is_not_its_type_changes_nothing(taxonomy, media_root):
    data = abroad_data(statutes=upload("statuts.pdf", b"<html>not a pdf</html>"))
    with pytest.raises(UploadsRefused) as refused:
        RegisterAssociationAction(person("hajar"), data=data).execute()
    assert "statuts.pdf" in refused.value.by_field["statutes"]
    assert not Association.objects.exists()
    assert not stored(media_root)


def test_a_missing_receipt_is_refused(taxonomy, media_root):
    with pytest.raises(UploadsRefused) as refused:
        RegisterAssociationAction(person("hajar"), data=abroad_data(receipt=None)).execute()
    assert set(refused.value.by_field) == {"receipt"}
    assert not Association.objects.exists()


def test_a_logo_must_be_an_image(taxonomy, media_root):
    with pytest.raises(UploadsRefused) as refused:
        RegisterAssociationAction(
            person("hajar"), data=abroad_data(logo=upload("logo.png", b"%PDF-1.4 nope"))
        ).execute()
    assert "logo.png" in refused.value.by_field["logo"]
    association = RegisterAssociationAction(
        person("omar"), data=abroad_data(logo=upload("logo.png", png_bytes()))
    ).execute()
    assert association.logo.name.endswith(".png")


def test_same_number_same_country_names_a_verified_association(taxonomy, media_root, verified):
    data = abroad_data(host_country=verified.host_country, registration_number="qc-1")
    with pytest.raises(DuplicateRegistration) as refused:
        RegisterAssociationAction(person("hajar"), data=data).execute()
    assert "Atlas Montréal" in refused.value.messages[0]
    assert refused.value.existing == verified
    assert Association.objects.count() == 1


@pytest.mark.parametrize("status", ["pending", "rejected", "suspended"])
def test_same_number_of_an_unverified_association_reveals_nothing(taxonomy, media_root, status):
    hidden = AssociationFactory(
        name="Secret Pending Name",
        host_country=abroad_data()["host_country"],
        registration_number="W691234567",
        verification_status=status,
    )
    with pytest.raises(DuplicateRegistration) as refused:
        RegisterAssociationAction(person("hajar"), data=abroad_data()).execute()
    message = refused.value.messages[0]
    assert "Secret Pending Name" not in message
    assert "awaiting review" in message
    assert refused.value.existing == hidden


def test_the_same_number_in_another_country_is_another_association(taxonomy, media_root):
    AssociationFactory(host_country=abroad_data()["host_country"], registration_number="X1")
    from capacity_lms.taxonomy.models import Country

    data = abroad_data(host_country=Country.objects.get(code="be"), registration_number="X1")
    assert RegisterAssociationAction(person("hajar"), data=data).execute().pk


def test_local_numbers_are_unique_across_morocco(taxonomy, media_root):
    RegisterAssociationAction(person("hajar"), data=local_data()).execute()
    with pytest.raises(DuplicateRegistration):
        RegisterAssociationAction(person("omar"), data=local_data(name="Autre")).execute()


def test_a_near_identical_name_in_the_same_city_is_flagged_to_staff(taxonomy, media_root):
    first = AssociationFactory(
        name="Association Horizons Solidaires - Lyon", city="lyon", registration_number="A1"
    )
    AssociationFactory(name="Horizons Solidaires Lyon", city="Paris", registration_number="A2")
    association = RegisterAssociationAction(person("hajar"), data=abroad_data()).execute()
    assert association.possible_duplicate_of == first
    other = RegisterAssociationAction(
        person("omar"),
        data=abroad_data(name="Entraide Rhône", registration_number="W69999"),
    ).execute()
    assert other.possible_duplicate_of is None


def test_names_compare_without_accents_case_and_common_words():
    assert normalised_name("L'Association des Jeunes de Fès") == normalised_name(
        "association jeunes fes"
    )


def test_near_name_ignores_merged_associations(taxonomy):
    survivor = AssociationFactory(name="Other", city="Lyon", registration_number="B0")
    AssociationFactory(
        name="Horizons Solidaires Lyon",
        city="Lyon",
        registration_number="B1",
        merged_into=survivor,
    )
    assert find_near_name("Horizons Solidaires Lyon", "Lyon") is None


def test_an_anonymous_visitor_cannot_register(taxonomy):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(ActionRefused):
        RegisterAssociationAction(AnonymousUser(), data=abroad_data()).check()
