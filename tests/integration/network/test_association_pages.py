"""The member pages: register (with the duplicate offer), my associations, join, answer, edit."""

import pytest
from django.test import Client
from django.urls import reverse

from capacity_lms.people.models import Association, Membership
from capacity_lms.people.records import MembershipRequest
from capacity_lms.taxonomy.models import Country
from sandbox.testing.factories import AssociationFactory
from tests.integration.network.association_world import PDF, admin_of, person, upload

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def form_data(**overrides):
    data = {
        "kind": "abroad",
        "name": "Horizons Solidaires Lyon",
        "name_ar": "",
        "host_country": Country.objects.get(code="fr").pk,
        "city": "Lyon",
        "registration_number": "W 691234567",
        "languages": "fr, ar",
        "social_links": "https://social.example/horizons",
        "contact_email": "contact@horizons.example.org",
        "published_fields": ["website", "description"],
        "statutes": upload("statuts.pdf", PDF),
        "receipt": upload("recepisse.pdf", PDF),
    }
    data.update(overrides)
    return data


def test_registering_through_the_form(taxonomy, media_root):
    hajar = person("hajar")
    client = signed_in(hajar)
    assert client.get(reverse("capacity_lms:association_register")).status_code == 200
    response = client.post(reverse("capacity_lms:association_register"), form_data())
    assert response.status_code == 302, response.content.decode()[:2000]
    association = Association.objects.get()
    assert association.registration_number == "W 691234567"
    assert association.languages == ["fr", "ar"]
    assert association.social_links == ["https://social.example/horizons"]
    mine = client.get(response["Location"]).content.decode()
    assert "Horizons Solidaires Lyon" in mine
    assert "contact@horizons.example.org" not in mine


def test_a_bad_form_changes_nothing_and_says_why(taxonomy, media_root):
    response = signed_in(person("hajar")).post(
        reverse("capacity_lms:association_register"),
        form_data(host_country="", statutes=upload("statuts.pdf", b"MZ not a pdf")),
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert 'role="alert"' in body
    assert not Association.objects.exists()


def test_a_pending_duplicate_offers_to_join_without_naming_it(taxonomy, media_root):
    hidden = AssociationFactory(
        name="Secret Pending Name",
        host_country=Country.objects.get(code="fr"),
        registration_number="W 691234567",
        verification_status="pending",
    )
    admin_of(hidden, "leader")
    omar = person("omar")
    client = signed_in(omar)
    response = client.post(reverse("capacity_lms:association_register"), form_data())
    body = response.content.decode()
    assert response.status_code == 400
    assert "Secret Pending Name" not in body
    assert reverse("capacity_lms:association_join_registered") in body
    assert f"/associations/{hidden.pk}/" not in body
    joined = client.post(
        reverse("capacity_lms:association_join_registered"),
        {
            "kind": "abroad",
            "host_country": hidden.host_country.pk,
            "registration_number": "W 691234567",
        },
    )
    assert joined.status_code == 302
    request = MembershipRequest.objects.get(user=omar)
    assert request.association == hidden
    mine = client.get(reverse("capacity_lms:association_mine")).content.decode()
    assert "Secret Pending Name" not in mine


def test_a_verified_duplicate_is_named_with_a_link_to_join(taxonomy, media_root):
    existing = AssociationFactory(
        name="Atlas Lyon",
        host_country=Country.objects.get(code="fr"),
        registration_number="W 691234567",
    )
    response = signed_in(person("omar")).post(
        reverse("capacity_lms:association_register"), form_data()
    )
    body = response.content.decode()
    assert "Atlas Lyon" in body
    assert reverse("capacity_lms:association_join", args=[existing.pk]) in body


def test_ask_to_join_then_the_admin_accepts(taxonomy, verified):
    leader = admin_of(verified, "leader")
    omar = person("omar")
    join_url = reverse("capacity_lms:association_join", args=[verified.pk])
    assert signed_in(omar).get(join_url).status_code == 200
    signed_in(omar).post(join_url, {"message": "Salam"})
    request = MembershipRequest.objects.get(user=omar)
    assert not Membership.objects.filter(user=omar).exists()
    manage = signed_in(leader).get(reverse("capacity_lms:association_manage", args=[verified.pk]))
    assert "Salam" in manage.content.decode()
    signed_in(leader).post(reverse("capacity_lms:association_request_accept", args=[request.pk]))
    assert Membership.objects.get(user=omar).association == verified


def test_pages_of_another_association_are_not_found(taxonomy, verified):
    other = AssociationFactory(name="Other", registration_number="O-1")
    outsider = admin_of(other, "outsider")
    request = MembershipRequest.objects.create(user=person("omar"), association=verified)
    client = signed_in(outsider)
    for name in ("association_manage", "association_edit"):
        assert client.get(reverse(f"capacity_lms:{name}", args=[verified.pk])).status_code == 404
    for name in ("association_request_accept", "association_request_refuse"):
        response = client.post(reverse(f"capacity_lms:{name}", args=[request.pk]))
        assert response.status_code == 404
    request.refresh_from_db()
    assert request.status == "pending"


def test_an_unverified_association_cannot_be_joined_by_its_number(taxonomy):
    pending = AssociationFactory(verification_status="pending")
    url = reverse("capacity_lms:association_join", args=[pending.pk])
    assert signed_in(person("omar")).get(url).status_code == 404


def test_get_never_changes_anything(taxonomy, verified):
    omar = person("omar")
    response = signed_in(omar).get(reverse("capacity_lms:association_request_accept", args=[1]))
    assert response.status_code == 405


def test_the_admin_edits_through_the_form_and_published_fields_wait(taxonomy, verified):
    verified.published_fields = ["website"]
    verified.website = "https://old.example.org"
    verified.save()
    leader = admin_of(verified, "leader")
    client = signed_in(leader)
    url = reverse("capacity_lms:association_edit", args=[verified.pk])
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if value not in (None, []) and name not in ("strategic_axes", "specialized_groups")
    }
    data |= {
        "kind": "abroad",
        "host_country": verified.host_country_id,
        "website": "https://new.example.org",
        "contact_phone": "+1 514 000 0000",
        "published_fields": ["website"],
        "regions_of_origin": [],
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    verified.refresh_from_db()
    assert verified.website == "https://old.example.org"
    assert verified.contact_phone == "+1 514 000 0000"
    assert verified.profile_changes.get().changes == {"website": "https://new.example.org"}


def test_registering_past_the_limit_answers_429_and_changes_nothing(
    taxonomy, media_root, settings
):
    settings.CAPACITY_LMS_RATE_LIMITS = {"association_register": "1/3600"}
    client = signed_in(person("hajar"))
    url = reverse("capacity_lms:association_register")
    assert client.post(url, form_data()).status_code == 302
    over = client.post(url, form_data(registration_number="OTHER-1", name="Autre"))
    assert over.status_code == 429
    assert over["Retry-After"]
    assert Association.objects.count() == 1
