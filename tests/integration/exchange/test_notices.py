"""E-mails about new posts (issue #23, point 3): one per post per follower, in the follower's
language, never to its author or to someone who no longer belongs; a daily digest run twice
sends nothing the second time; the unsubscribe link works without signing in, its GET changes
nothing, its POST (also the one-click form of mail clients) stops the e-mails."""

import pytest
from django.core import mail
from django.urls import reverse

from capacity_lms.exchange.notices import send_digests, unsubscribe_token
from capacity_lms.exchange.people_models import Notice, NotificationPreference
from capacity_lms.exchange.posting import Reply, SetFollowing, StartThread
from capacity_lms.exchange.spaces import space_for
from capacity_lms.people.models import LearnerProfile
from capacity_lms.workshops.models import Registration

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def thread(world, committing):
    with committing():
        return (
            StartThread(
                space_for("workshop", world.workshop.pk),
                user=world.people.learner,
                title="Logical framework",
                body="Where do we start?",
                language="en",
            )
            .execute()
            .thread
        )


def reply(world, thread, committing, person=None, body="Start from the problem tree."):
    with committing():
        return Reply(
            thread, user=person or world.people.trainer, body=body, language="en"
        ).execute()


def test_the_asker_gets_one_email_in_their_language_and_the_author_none(world, thread, committing):
    LearnerProfile.objects.update_or_create(
        user=world.people.learner, defaults={"preferred_language": "fr"}
    )
    mail.outbox.clear()
    post = reply(world, thread, committing)
    assert [message.to for message in mail.outbox] == [[world.people.learner.email]]
    message = mail.outbox[0]
    assert "Nouveau message" in message.subject
    assert "Start from the problem tree." in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/exchange/unsubscribe/" in message.extra_headers["List-Unsubscribe"]
    assert Notice.objects.filter(post=post).count() == 1
    # The same post published again tells nobody twice.
    from capacity_lms.exchange.notices import QueueNotices

    with committing():
        QueueNotices(post).execute()
    assert len(mail.outbox) == 1


def test_someone_who_left_the_workshop_hears_nothing_more(world, thread, committing):
    Registration.objects.filter(user=world.people.learner).update(status="cancelled")
    mail.outbox.clear()
    reply(world, thread, committing)
    assert mail.outbox == []


def test_a_daily_digest_gathers_the_posts_and_a_second_run_sends_nothing(
    world, thread, committing
):
    NotificationPreference.objects.create(user=world.people.learner, mode="daily")
    mail.outbox.clear()
    reply(world, thread, committing, body="First answer")
    reply(world, thread, committing, body="Second answer")
    assert mail.outbox == []
    with committing():
        assert send_digests() == 1
    assert len(mail.outbox) == 1
    assert "First answer" in mail.outbox[0].body and "Second answer" in mail.outbox[0].body
    with committing():
        assert send_digests() == 0
    reply(world, thread, committing, body="Third answer")
    with committing():
        assert send_digests() == 0  # never two digests a day
    assert len(mail.outbox) == 1


def test_the_unsubscribe_link_asks_first_then_stops_every_email(client, world, thread, committing):
    url = reverse(
        "capacity_lms:exchange_unsubscribe", args=[unsubscribe_token(world.people.learner)]
    )
    page = client.get(url)
    assert page.status_code == 200
    assert not NotificationPreference.objects.filter(user=world.people.learner).exists()
    assert client.post(url).status_code == 200
    assert NotificationPreference.objects.get(user=world.people.learner).mode == "none"
    mail.outbox.clear()
    reply(world, thread, committing)
    assert mail.outbox == []


def test_a_mail_client_unsubscribes_in_one_click_and_a_forged_token_does_nothing(client, world):
    url = reverse(
        "capacity_lms:exchange_unsubscribe", args=[unsubscribe_token(world.people.learner)]
    )
    assert client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert NotificationPreference.objects.get(user=world.people.learner).mode == "none"
    forged = url.replace("/unsubscribe/", "/unsubscribe/x")
    assert client.post(forged, follow=True).status_code == 404
    other = reverse("capacity_lms:exchange_unsubscribe", args=["not-a-token"])
    assert client.get(other, follow=True).status_code == 404
    assert NotificationPreference.objects.count() == 1


def test_following_a_space_brings_its_new_threads(world, committing):
    space = space_for("axis", world.axis.pk)
    SetFollowing(space, user=world.people.partner, following=True).execute()
    mail.outbox.clear()
    with committing():
        StartThread(
            space_for("axis", world.axis.pk),
            user=world.people.learner,
            title="Indicators",
            body="How many?",
            language="en",
        ).execute()
    assert [message.to for message in mail.outbox] == [[world.people.partner.email]]


def test_the_choice_page_saves_the_choice(client, world):
    client.force_login(world.people.learner)
    url = reverse("capacity_lms:exchange_notifications")
    assert client.get(url).status_code == 200
    assert client.post(url, {"mode": "daily"}).status_code == 302
    assert NotificationPreference.objects.get(user=world.people.learner).mode == "daily"
    assert client.post(url, {"mode": "hourly"}).status_code == 400
    assert NotificationPreference.objects.get(user=world.people.learner).mode == "daily"
