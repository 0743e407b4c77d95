"""A person's relayed messages and reports of abuse in their export, and what the erasure
leaves of them."""

import pytest

from capacity_lms.network.models import AbuseReport, RelayedMessage
from capacity_lms.privacy.actions import ErasePersonAction, export_data
from sandbox.testing.network_factories import OfferOrNeedFactory, RelayedMessageFactory

pytestmark = pytest.mark.django_db


def test_messages_and_reports_are_exported_and_scrubbed_on_erasure(network):
    offer = OfferOrNeedFactory(association=network.montreal, title="Solar pumps")
    message = RelayedMessageFactory(
        sender=network.lyon_member,
        sender_association=network.lyon,
        recipient_association=network.montreal,
        about=offer,
        subject="Pumps",
        body="My phone is on my profile",
    )
    report = AbuseReport.objects.create(
        reporter=network.lyon_member, offer_or_need=offer, reason="Looks like a scam"
    )
    data = export_data(network.lyon_member)["data"]
    [row] = data["capacity_lms.relayedmessage"]
    assert row["from association"] == "Horizons Lyon"
    assert row["to association"] == "Atlas Montréal"
    assert (row["about"], row["subject"], row["body"]) == ("Solar pumps", "Pumps", message.body)
    [reported] = data["capacity_lms.abusereport"]
    assert (reported["offer or need"], reported["reason"]) == ("Solar pumps", "Looks like a scam")

    ErasePersonAction(network.lyon_member, user=network.staff, reason="Asked").execute()
    message = RelayedMessage.objects.get(pk=message.pk)
    assert (message.subject, message.body) == ("—", "")
    assert message.recipient_association == network.montreal
    report.refresh_from_db()
    assert report.reason == "Looks like a scam"
    assert "lyon.example" not in report.reporter.username
    assert "lyon.example" not in report.reporter.email
