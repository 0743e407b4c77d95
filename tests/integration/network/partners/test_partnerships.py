"""Partnerships: an association's admin declares, the partner's admin confirms or declines,
either ends; only a confirmed one between verified associations is shown."""

import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from capacity_lms.core.actions import ActionRefused
from capacity_lms.network.models import Partnership
from capacity_lms.network.partnerships import DeclarePartnershipAction
from capacity_lms.people.models import Association, Membership
from sandbox.testing.factories import AssociationFactory
from sandbox.testing.network_factories import PartnershipFactory
from tests.integration.network.partners.conftest import client_for

pytestmark = pytest.mark.django_db

DECLARE = "capacity_lms:network_partnership_declare"


def declare(client, network, partner=None, **extra):
    data = {
        "initiator": network.lyon.pk,
        "partner": (partner or network.tiznit).pk,
        "region": network.regions[0].pk,
        "strategic_axis": network.axes[0].pk,
        "purpose": "Schools of the Souss: tutoring and summer camps.",
        "starts_on": "2026-01-01",
        **extra,
    }
    return client.post(reverse(DECLARE), data)


def test_declared_then_confirmed_partnership_shows_and_both_sides_are_told(network, committing):
    with committing():
        response = declare(client_for(network.lyon_admin), network)
    assert response.status_code == 302
    partnership = Partnership.objects.get()
    assert partnership.status == Partnership.Status.PROPOSED
    assert partnership.declared_by == network.lyon_admin
    assert not Partnership.objects.shown().exists()
    assert [email.to for email in mail.outbox] == [[network.tiznit_admin.email]]
    assert mail.outbox[0].from_email == settings.DEFAULT_FROM_EMAIL
    assert "lyon.example" not in mail.outbox[0].message().as_string()

    tiznit = client_for(network.tiznit_admin)
    listing = tiznit.get(reverse("capacity_lms:network_partnerships")).content.decode()
    assert "Awaiting your answer" in listing and "Horizons Lyon" in listing
    mail.outbox.clear()
    with committing():
        response = tiznit.post(
            reverse("capacity_lms:network_partnership_confirm", args=[partnership.pk])
        )
    assert response.status_code == 302
    partnership.refresh_from_db()
    assert partnership.status == Partnership.Status.ACTIVE
    assert partnership.confirmed_by == network.tiznit_admin
    assert list(Partnership.objects.shown().involving(network.lyon)) == [partnership]
    assert list(Partnership.objects.shown().involving(network.tiznit)) == [partnership]
    assert [email.to for email in mail.outbox] == [[network.lyon_admin.email]]

    # Either side ends it; it stays on record, shown as ended.
    response = client_for(network.lyon_admin).post(
        reverse("capacity_lms:network_partnership_end", args=[partnership.pk])
    )
    assert response.status_code == 302
    partnership.refresh_from_db()
    assert partnership.status == Partnership.Status.ENDED
    assert partnership.ends_on is not None
    assert Partnership.objects.shown().filter(pk=partnership.pk).exists()


def test_a_declined_partnership_is_never_shown(network):
    declare(client_for(network.lyon_admin), network)
    partnership = Partnership.objects.get()
    client_for(network.tiznit_admin).post(
        reverse("capacity_lms:network_partnership_decline", args=[partnership.pk])
    )
    partnership.refresh_from_db()
    assert partnership.status == Partnership.Status.DECLINED
    assert not Partnership.objects.shown().exists()


def test_only_the_partners_admin_answers_and_others_get_404(network):
    declare(client_for(network.lyon_admin), network)
    partnership = Partnership.objects.get()
    for user in (network.lyon_admin, network.montreal_admin, network.lyon_member, network.staff):
        for name in ("confirm", "decline", "end"):
            url = reverse(f"capacity_lms:network_partnership_{name}", args=[partnership.pk])
            response = client_for(user).post(url)
            if user == network.lyon_admin and name == "end":
                # The initiator reaches it, but a proposal is not ended: refused, unchanged.
                assert response.status_code == 302
            else:
                assert response.status_code == 404, (user, name)
    partnership.refresh_from_db()
    assert partnership.status == Partnership.Status.PROPOSED
    # GET never changes anything.
    url = reverse("capacity_lms:network_partnership_confirm", args=[partnership.pk])
    assert client_for(network.tiznit_admin).get(url).status_code == 405


def test_members_who_are_not_admins_cannot_declare(network):
    client = client_for(network.lyon_member)
    assert client.get(reverse(DECLARE)).status_code == 403
    assert declare(client, network).status_code == 403
    # An admin cannot declare on behalf of an association they do not lead.
    response = declare(client_for(network.montreal_admin), network)
    assert response.status_code == 400
    assert not Partnership.objects.exists()


@pytest.mark.parametrize(
    "case",
    ["itself", "two_local", "ends_first", "twice", "pending_partner", "no_purpose"],
)
def test_bad_declarations_are_refused_with_a_message_and_change_nothing(network, case):
    partner, extra = network.tiznit, {}
    if case == "itself":
        partner = network.lyon
    elif case == "two_local":
        other_local = Association.objects.create(
            name="Agadir Avenir",
            kind=Association.Kind.LOCAL,
            region=network.regions[0],
            verification_status=Association.VerificationStatus.VERIFIED,
        )
        Membership.objects.filter(user=network.tiznit_admin).update(association=other_local)
        action = DeclarePartnershipAction(
            other_local,
            user=network.tiznit_admin,
            partner=network.tiznit,
            purpose="Two villages",
            starts_on=datetime.date(2026, 1, 1),
        )
        with pytest.raises(ActionRefused) as refused:
            action.execute()
        assert refused.value.code == "kinds"
        assert not Partnership.objects.exists()
        return
    elif case == "ends_first":
        extra = {"ends_on": "2025-01-01"}
    elif case == "twice":
        declare(client_for(network.lyon_admin), network)
    elif case == "pending_partner":
        partner.verification_status = "pending"
        partner.save()
    elif case == "no_purpose":
        extra = {"purpose": ""}
    before = Partnership.objects.count()
    response = declare(client_for(network.lyon_admin), network, partner=partner, **extra)
    assert response.status_code == 400
    assert Partnership.objects.count() == before
    assert "was not declared" in response.content.decode()


def test_the_partnerships_page_runs_the_same_queries_whatever_their_number(network):
    client = client_for(network.lyon_admin)
    url = reverse("capacity_lms:network_partnerships")

    def add(count):
        for _ in range(count):
            PartnershipFactory(initiator=network.lyon, partner=AssociationFactory())

    add(2)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    add(20)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)


def test_an_answered_partnership_cannot_be_answered_again(network):
    declare(client_for(network.lyon_admin), network)
    partnership = Partnership.objects.get()
    tiznit = client_for(network.tiznit_admin)
    tiznit.post(reverse("capacity_lms:network_partnership_confirm", args=[partnership.pk]))
    partnership.refresh_from_db()
    confirmed_at = partnership.confirmed_at
    response = tiznit.post(
        reverse("capacity_lms:network_partnership_decline", args=[partnership.pk]), follow=True
    )
    assert "already answered" in response.content.decode()
    partnership.refresh_from_db()
    assert partnership.status == Partnership.Status.ACTIVE
    assert partnership.confirmed_at == confirmed_at
