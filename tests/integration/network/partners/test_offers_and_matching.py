"""Offers and needs: posted, edited and closed by an association's admins, open until they
expire, moderated by staff; matches ranked by a shared region of origin, then the axis, then a
group, in the same number of queries whatever the number of candidates."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from capacity_lms.network.matching import suggestions_for
from capacity_lms.network.models import AbuseReport, OfferOrNeed
from sandbox.testing.factories import AssociationFactory
from sandbox.testing.network_factories import OfferOrNeedFactory
from tests.integration.network.partners.conftest import client_for

pytestmark = pytest.mark.django_db

NEED = OfferOrNeed.Direction.NEED
OFFER = OfferOrNeed.Direction.OFFER


def form_data(network, **extra):
    return {
        "association": network.montreal.pk,
        "direction": OFFER,
        "category": OfferOrNeed.Category.EQUIPMENT,
        "title": "Solar pumps for wells",
        "description": "Four pumps, installed with the village.",
        "strategic_axis": network.axes[0].pk,
        "regions": [network.regions[0].pk],
        "expires_on": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
        **extra,
    }


def test_an_admin_posts_edits_and_closes_an_offer(network):
    admin = client_for(network.montreal_admin)
    response = admin.post(reverse("capacity_lms:network_offer_post"), form_data(network))
    assert response.status_code == 302
    item = OfferOrNeed.objects.get()
    assert (item.association, item.posted_by, item.status) == (
        network.montreal,
        network.montreal_admin,
        OfferOrNeed.Status.OPEN,
    )
    assert list(item.regions.all()) == [network.regions[0]]
    board = client_for(None).get(reverse("capacity_lms:network_board")).content.decode()
    assert "Solar pumps for wells" in board
    assert "karima" not in board and "montreal.example" not in board

    response = admin.post(
        reverse("capacity_lms:network_offer_edit", args=[item.pk]),
        form_data(network, title="Six solar pumps"),
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Six solar pumps"

    assert (
        admin.post(reverse("capacity_lms:network_offer_close", args=[item.pk])).status_code == 302
    )
    item.refresh_from_db()
    assert item.status == OfferOrNeed.Status.CLOSED
    board = client_for(None).get(reverse("capacity_lms:network_board")).content.decode()
    assert "Six solar pumps" not in board
    # Closed: only its own admins still reach it.
    url = reverse("capacity_lms:network_offer", args=[item.pk])
    assert client_for(None).get(url).status_code == 404
    assert admin.get(url).status_code == 200


def test_others_cannot_post_or_touch_an_association_s_offers(network):
    item = OfferOrNeedFactory(association=network.montreal)
    member = client_for(network.montreal_member)
    assert member.get(reverse("capacity_lms:network_offer_post")).status_code == 403
    response = member.post(reverse("capacity_lms:network_offer_post"), form_data(network))
    assert response.status_code == 403
    for user in (network.montreal_member, network.lyon_admin, network.staff):
        client = client_for(user)
        edit = reverse("capacity_lms:network_offer_edit", args=[item.pk])
        assert client.get(edit).status_code == 404
        assert client.post(edit, form_data(network, title="Taken")).status_code == 404
        close = reverse("capacity_lms:network_offer_close", args=[item.pk])
        assert client.post(close).status_code == 404
    # Posting for an association one does not lead: the choice is refused.
    response = client_for(network.lyon_admin).post(
        reverse("capacity_lms:network_offer_post"), form_data(network)
    )
    assert response.status_code == 400
    item.refresh_from_db()
    assert item.status == OfferOrNeed.Status.OPEN and item.title != "Taken"
    assert OfferOrNeed.objects.count() == 1


@pytest.mark.parametrize("days, message", [(-1, "from today on"), (400, "at most a year")])
def test_an_expiry_in_the_past_or_too_far_is_refused(network, days, message):
    expires_on = (timezone.localdate() + datetime.timedelta(days=days)).isoformat()
    response = client_for(network.montreal_admin).post(
        reverse("capacity_lms:network_offer_post"), form_data(network, expires_on=expires_on)
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not OfferOrNeed.objects.exists()


def test_expired_ones_and_those_of_unverified_associations_are_not_listed(network):
    expired = OfferOrNeedFactory(
        association=network.montreal,
        title="Old offer",
        expires_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    pending = AssociationFactory(verification_status="pending")
    OfferOrNeedFactory(association=pending, title="Pending association's offer")
    OfferOrNeedFactory(association=network.montreal, title="Fresh offer")
    board = client_for(None).get(reverse("capacity_lms:network_board")).content.decode()
    assert "Fresh offer" in board
    assert "Old offer" not in board and "Pending association" not in board
    assert (
        client_for(None).get(reverse("capacity_lms:network_offer", args=[expired.pk])).status_code
        == 404
    )


def test_matches_are_ranked_by_region_then_axis_then_group(network):
    region, other_region = network.regions[0], network.regions[1]
    axis, other_axis = network.axes[0], network.axes[1]
    group = network.groups[0]
    need = OfferOrNeedFactory(
        association=network.lyon,
        direction=NEED,
        regions=[region],
        strategic_axis=axis,
        specialized_groups=[group],
    )
    by_group = OfferOrNeedFactory(
        association=network.montreal,
        title="group only",
        regions=[other_region],
        strategic_axis=other_axis,
        specialized_groups=[group],
    )
    by_axis = OfferOrNeedFactory(
        association=network.montreal,
        title="axis only",
        regions=[other_region],
        strategic_axis=axis,
    )
    by_region = OfferOrNeedFactory(
        association=network.tiznit,
        title="region only",
        regions=[region],
        strategic_axis=other_axis,
    )
    everything = OfferOrNeedFactory(
        association=network.tiznit,
        title="all three",
        regions=[region],
        strategic_axis=axis,
        specialized_groups=[group],
    )
    OfferOrNeedFactory(
        association=network.montreal, title="nothing shared", regions=[other_region]
    )
    OfferOrNeedFactory(association=network.montreal, direction=NEED, regions=[region])
    OfferOrNeedFactory(association=network.lyon, title="our own offer", regions=[region])
    # A region of origin of the association counts when the item names none.
    network.montreal.regions_of_origin.set([region])
    # Equal scores: the one open longer comes first.
    from_origin = OfferOrNeedFactory(
        association=network.montreal,
        title="origin",
        expires_on=timezone.localdate() + datetime.timedelta(days=10),
    )

    [(_item, matches)] = [
        pair
        for pair in suggestions_for([network.lyon.pk], timezone.localdate())
        if pair[0] == need
    ]
    assert [match.candidate for match in matches] == [
        everything,
        by_region,
        from_origin,
        by_axis,
        by_group,
    ]
    page = client_for(network.lyon_admin).get(reverse("capacity_lms:network_matches"))
    assert page.status_code == 200
    text = page.content.decode()
    assert text.index("all three") < text.index("region only") < text.index("axis only")
    assert "nothing shared" not in text and "our own offer" not in text.split("all three")[1]


def test_matching_reads_a_fixed_number_of_queries(network):
    need = OfferOrNeedFactory(association=network.lyon, direction=NEED, regions=network.regions)

    def add(count):
        for _ in range(count):
            OfferOrNeedFactory(
                association=AssociationFactory(),
                regions=[network.regions[0]],
                specialized_groups=[network.groups[0]],
            )

    add(3)
    with CaptureQueriesContext(connection) as few:
        [(_, matches)] = suggestions_for([network.lyon.pk], timezone.localdate())
    assert len(matches) == 3
    add(30)
    with CaptureQueriesContext(connection) as many:
        [(_, matches)] = suggestions_for([network.lyon.pk], timezone.localdate())
    assert len(matches) == 5 and need
    assert len(many) == len(few)
    for path in (
        reverse("capacity_lms:network_board"),
        reverse("capacity_lms:network_matches"),
    ):
        client = client_for(network.lyon_admin)
        client.get(path)
        with CaptureQueriesContext(connection) as before:
            client.get(path)
        add(10)
        with CaptureQueriesContext(connection) as after:
            client.get(path)
        assert len(after) == len(before), path


def test_a_reported_offer_upheld_by_staff_is_removed(network):
    item = OfferOrNeedFactory(association=network.montreal, title="Dubious offer")
    reporter = client_for(network.lyon_member)
    response = reporter.post(
        reverse("capacity_lms:network_offer_report", args=[item.pk]), {"reason": "A scam"}
    )
    assert response.status_code == 302
    report = AbuseReport.objects.get()
    staff = client_for(network.staff)
    assert (
        "Dubious offer"
        in staff.get(reverse("capacity_abuse_reports:inspect", args=[report.pk])).content.decode()
    )
    assert (
        staff.post(reverse("capacity_abuse_reports:uphold", args=[report.pk])).status_code == 302
    )
    item.refresh_from_db()
    assert item.status == OfferOrNeed.Status.REMOVED
    board = client_for(None).get(reverse("capacity_lms:network_board")).content.decode()
    assert "Dubious offer" not in board
    # The association's admins can no longer edit it; staff may put it back.
    edit = reverse("capacity_lms:network_offer_edit", args=[item.pk])
    assert client_for(network.montreal_admin).get(edit).status_code == 404
    assert staff.post(reverse("capacity_offers_needs:reopen", args=[item.pk])).status_code == 302
    item.refresh_from_db()
    assert item.status == OfferOrNeed.Status.OPEN
    # A dismissed report changes nothing else.
    reporter.post(
        reverse("capacity_lms:network_offer_report", args=[item.pk]), {"reason": "Again"}
    )
    second = AbuseReport.objects.exclude(pk=report.pk).get()
    staff.post(reverse("capacity_abuse_reports:dismiss", args=[second.pk]))
    second.refresh_from_db()
    item.refresh_from_db()
    assert second.status == AbuseReport.Status.DISMISSED
    assert item.status == OfferOrNeed.Status.OPEN
    # Members never reach the moderation screens.
    for url in (
        reverse("capacity_offers_needs:index"),
        reverse("capacity_offers_needs:remove", args=[item.pk]),
        reverse("capacity_abuse_reports:index"),
    ):
        assert client_for(network.montreal_admin).get(url).status_code in (302, 403)
