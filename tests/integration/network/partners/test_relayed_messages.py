"""Relayed contact: the message reaches the other association's admins, answers come back the
same way, nobody's address shows on the other side (pages and e-mails, headers included), and
the 21st message in an hour answers 429."""

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from capacity_lms.core import ratelimit
from capacity_lms.network.models import AbuseReport, RelayedMessage
from sandbox.testing.network_factories import OfferOrNeedFactory
from tests.integration.network.partners.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_limits(monkeypatch):
    cache.clear()
    monkeypatch.setattr(ratelimit, "clock", lambda: 1_800_000_000.0)
    yield
    cache.clear()


def contact_url(association, about=None):
    url = reverse("capacity_lms:network_contact", args=[association.pk])
    return f"{url}?about={about.pk}" if about else url


def write(client, network, about=None, subject="Water project", body="Can we talk?"):
    return client.post(
        contact_url(network.montreal, about),
        {"from_association": network.lyon.pk, "subject": subject, "body": body},
    )


def everything_in(email):
    """An outgoing e-mail as the recipient's mail client receives it: headers and body."""
    return email.message().as_bytes().decode("utf-8", "replace")


def test_a_member_writes_about_an_offer_and_the_admins_read_it_without_any_address(
    network, committing
):
    offer = OfferOrNeedFactory(association=network.montreal, title="Solar pumps")
    sender = client_for(network.lyon_member)
    with committing():
        response = write(sender, network, about=offer, body="We need your solar pumps.")
    assert response.status_code == 302
    message = RelayedMessage.objects.get()
    assert (message.sender, message.sender_association) == (network.lyon_member, network.lyon)
    assert (message.recipient_association, message.about) == (network.montreal, offer)

    # The recipient association's admin is told by the platform, and only the admin.
    assert [email.to for email in mail.outbox] == [[network.montreal_admin.email]]
    email = mail.outbox[0]
    assert email.from_email == settings.DEFAULT_FROM_EMAIL
    assert email.reply_to == [] and email.cc == [] and email.bcc == []
    raw = everything_in(email)
    assert network.lyon_member.email not in raw
    assert "lyon.example" not in raw
    assert reverse("capacity_lms:network_message", args=[message.pk]) in raw

    # Every page of the recipient's side reads the message, and no address.
    admin = client_for(network.montreal_admin)
    for url in (
        reverse("capacity_lms:network_messages"),
        reverse("capacity_lms:network_message", args=[message.pk]),
        reverse("capacity_lms:network_message_report", args=[message.pk]),
    ):
        response = admin.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert "lyon.example" not in page, url
    page = admin.get(reverse("capacity_lms:network_message", args=[message.pk])).content.decode()
    assert "We need your solar pumps." in page
    assert "Horizons Lyon" in page


def test_the_answer_is_relayed_back_without_the_admins_address(network, committing):
    with committing():
        write(client_for(network.lyon_member), network)
    first = RelayedMessage.objects.get()
    mail.outbox.clear()
    admin = client_for(network.montreal_admin)
    with committing():
        response = admin.post(
            reverse("capacity_lms:network_message", args=[first.pk]),
            {"subject": "Re: Water project", "body": "Gladly, next week."},
        )
    assert response.status_code == 302
    answer = RelayedMessage.objects.exclude(pk=first.pk).get()
    assert (answer.sender_association, answer.recipient_association) == (
        network.montreal,
        network.lyon,
    )
    assert answer.in_reply_to == first
    first.refresh_from_db()
    assert first.read_at is not None
    # The person who wrote and Lyon's admin are told; nobody sees Montréal's address.
    told = sorted(address for email in mail.outbox for address in email.to)
    assert told == sorted([network.lyon_member.email, network.lyon_admin.email])
    for email in mail.outbox:
        assert email.from_email == settings.DEFAULT_FROM_EMAIL and not email.reply_to
        assert "montreal.example" not in everything_in(email)
    for user in (network.lyon_member, network.lyon_admin):
        client = client_for(user)
        for url in (
            reverse("capacity_lms:network_messages"),
            reverse("capacity_lms:network_message", args=[answer.pk]),
        ):
            response = client.get(url)
            assert response.status_code == 200
            page = response.content.decode()
            assert "Gladly" in page or url.endswith("messages/")
            assert "montreal.example" not in page


def test_the_21st_message_in_an_hour_answers_429_and_sends_nothing(network, committing):
    sender = client_for(network.lyon_member)
    with committing():
        statuses = [write(sender, network, subject=f"Message {n}").status_code for n in range(20)]
    assert statuses == [302] * 20
    sent = len(mail.outbox)
    with committing():
        over = write(sender, network, subject="Message 21")
    assert over.status_code == 429
    assert int(over["Retry-After"]) >= 1
    assert RelayedMessage.objects.count() == 20
    assert len(mail.outbox) == sent
    # An answer counts too; another person of the same association is not held back.
    first = RelayedMessage.objects.order_by("pk").first()
    assert (
        client_for(network.lyon_admin)
        .post(
            contact_url(network.montreal),
            {"from_association": network.lyon.pk, "subject": "Hello", "body": "From the admin"},
        )
        .status_code
        == 302
    )
    assert first is not None


def test_who_may_write_and_read(network):
    # Not a member of a verified association: refused, nothing stored.
    response = client_for(network.outsider).post(
        contact_url(network.montreal), {"subject": "Hi", "body": "Hello"}
    )
    assert response.status_code == 403
    # Writing "from" an association one is not a member of is refused as an invalid choice.
    response = client_for(network.montreal_member).post(
        contact_url(network.tiznit),
        {"from_association": network.lyon.pk, "subject": "Hi", "body": "Hello"},
    )
    assert response.status_code == 400
    assert not RelayedMessage.objects.exists()
    # A pending association cannot be written to.
    network.tiznit.verification_status = "pending"
    network.tiznit.save()
    assert client_for(network.lyon_member).get(contact_url(network.tiznit)).status_code == 404
    # A message is read by its sender and the recipient's admins only.
    write(client_for(network.lyon_member), network)
    message = RelayedMessage.objects.get()
    url = reverse("capacity_lms:network_message", args=[message.pk])
    assert client_for(network.montreal_member).get(url).status_code == 404
    assert client_for(network.tiznit_admin).get(url).status_code == 404
    assert client_for(network.lyon_admin).get(url).status_code == 404
    assert client_for(network.lyon_member).get(url).status_code == 200
    # The sender cannot answer their own message.
    response = client_for(network.lyon_member).post(url, {"subject": "x", "body": "y"})
    assert response.status_code == 403
    assert RelayedMessage.objects.count() == 1


def test_a_reported_message_upheld_by_staff_is_withheld_from_its_recipients(network):
    write(client_for(network.lyon_member), network, body="Something abusive")
    message = RelayedMessage.objects.get()
    admin = client_for(network.montreal_admin)
    response = admin.post(
        reverse("capacity_lms:network_message_report", args=[message.pk]),
        {"reason": "Insults"},
    )
    assert response.status_code == 302
    report = AbuseReport.objects.get()
    assert (report.message, report.reporter) == (message, network.montreal_admin)
    staff = client_for(network.staff)
    listing = staff.get(reverse("capacity_reported_messages:index")).content.decode()
    assert "Water project" in listing
    assert (
        staff.get(reverse("capacity_abuse_reports:inspect", args=[report.pk])).status_code == 200
    )
    response = staff.post(reverse("capacity_abuse_reports:uphold", args=[report.pk]))
    assert response.status_code == 302
    report.refresh_from_db()
    message.refresh_from_db()
    assert report.status == AbuseReport.Status.UPHELD and report.reviewed_by == network.staff
    assert message.withheld
    url = reverse("capacity_lms:network_message", args=[message.pk])
    assert admin.get(url).status_code == 404
    assert (
        "Something abusive"
        not in admin.get(reverse("capacity_lms:network_messages")).content.decode()
    )
    # Members cannot reach the moderation screens.
    assert client_for(network.montreal_admin).get(
        reverse("capacity_abuse_reports:uphold", args=[report.pk])
    ).status_code in (302, 403)
