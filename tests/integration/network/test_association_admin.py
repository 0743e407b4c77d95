"""Staff verify, merge and review in the admin; documents only reach staff."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from capacity_lms.network.profile import EditProfileAction, form_initial
from capacity_lms.people.models import Association, Membership
from capacity_lms.people.records import AssociationDocument, ProfileChange, VerificationEvent
from sandbox.testing.factories import AssociationFactory
from tests.integration.network.association_world import PDF, admin_of

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def pending(taxonomy):
    return AssociationFactory(name="Jeunesse Agadir", verification_status="pending")


def url(name, association):
    return reverse(f"wagtailsnippets_capacity_lms_association:{name}", args=[association.pk])


def test_staff_verify_from_the_inspect_page(pending, staff):
    client = client_for(staff)
    page = client.get(url("inspect", pending))
    assert page.status_code == 200
    assert url("verify", pending) in page.content.decode()
    assert url("suspend", pending) not in page.content.decode()
    response = client.post(url("verify", pending), {"reason": ""})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.verification_status == "verified"
    assert VerificationEvent.objects.filter(association=pending, actor=staff).exists()


def test_refusing_without_a_reason_shows_the_form_again(pending, staff):
    response = client_for(staff).post(url("refuse", pending), {"reason": ""})
    assert response.status_code == 200
    assert "reason" in response.content.decode().lower()
    pending.refresh_from_db()
    assert pending.verification_status == "pending"


def test_an_association_admin_cannot_verify_their_own(pending):
    leader = admin_of(pending, "leader")
    response = client_for(leader).post(url("verify", pending), {})
    assert response.status_code in (302, 403)
    pending.refresh_from_db()
    assert pending.verification_status == "pending"


def test_merge_from_the_admin(pending, staff):
    survivor = AssociationFactory(name="Jeunesse d'Agadir", registration_number="S-1")
    Membership.objects.create(user=admin_of(pending, "leader"), association=survivor)
    response = client_for(staff).post(
        url("merge", pending), {"into": survivor.pk, "reason": "Same"}
    )
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.merged_into == survivor
    assert Membership.objects.filter(association=survivor).count() == 1


def test_documents_reach_staff_only(pending, staff):
    document = AssociationDocument(association=pending, kind="statutes", original_name="s.pdf")
    document.file.save("s.pdf", ContentFile(PDF), save=False)
    document.save()
    address = reverse("capacity_lms_association_document", args=[document.pk])
    response = client_for(staff).get(address)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == PDF
    leader = admin_of(pending, "leader")
    assert client_for(leader).get(address).status_code in (302, 403, 404)


def test_staff_apply_a_profile_change_in_the_admin(taxonomy, staff):
    association = AssociationFactory(name="Atlas", published_fields=["website"])
    leader = admin_of(association, "leader")
    data = {**form_initial(association), "website": "https://new.example.org"}
    data |= {"languages": [], "social_links": [], "host_country": association.host_country}
    for field in ("strategic_axes", "specialized_groups", "regions_of_origin"):
        data[field] = []
    data |= {"region": None, "province": None}
    change = EditProfileAction(association, user=leader, data=data).execute()
    client = client_for(staff)
    assert client.get(reverse("capacity_profile_changes:index")).status_code == 200
    inspect = client.get(reverse("capacity_profile_changes:inspect", args=[change.pk]))
    assert "https://new.example.org" in inspect.content.decode()
    client.post(reverse("capacity_profile_changes:apply", args=[change.pk]), {"reason": ""})
    association.refresh_from_db()
    assert association.website == "https://new.example.org"
    assert ProfileChange.objects.get().status == "applied"
    assert client.get(reverse("capacity_profile_changes:edit", args=[change.pk])).status_code in (
        302,
        403,
    )


def test_the_admin_form_offers_both_kinds_and_the_consent(taxonomy, staff):
    response = client_for(staff).get(reverse("wagtailsnippets_capacity_lms_association:add"))
    body = response.content.decode()
    for field in ("kind", "region", "province", "commune", "name_ar", "published_fields"):
        assert f'name="{field}"' in body
    assert 'name="verification_status"' not in body
    assert Association.objects.count() == 0
