"""The post-meeting e-mail (#25 point 2): each open request is e-mailed once, in its person's
language, with the link to the form; a second run sends nothing."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command

from capacity_lms.evaluation.models import ReactionRequest
from capacity_lms.evaluation.reaction_notices import send_reaction_requests
from capacity_lms.evaluation.reactions import ClaimReactionEmail
from capacity_lms.people.models import LearnerProfile
from sandbox.testing.factories import UserFactory
from tests.integration.conftest import make_workshop
from tests.integration.evaluation.reaction_world import (
    AFTER,
    DURING,
    MEETING_ENDS,
    answer,
    fixed_clock,
    meeting_session,
    request_about,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(countries, trainer):
    workshop = make_workshop(countries["fr"], trainers=[trainer], sessions=0, title="Budgets")
    return meeting_session(workshop)


def run(monkeypatch, at):
    fixed_clock(monkeypatch, at)
    call_command("send_reaction_requests", stdout=io.StringIO())


def test_the_command_run_twice_sends_each_request_once(session, trainer, monkeypatch):
    asked = [request_about(session, trainers=[trainer]) for _ in range(3)]

    run(monkeypatch, AFTER)
    assert len(mail.outbox) == 3
    run(monkeypatch, AFTER + datetime.timedelta(hours=1))

    assert len(mail.outbox) == 3
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        request.user.email for request in asked
    )
    assert set(ReactionRequest.objects.values_list("emailed_at", flat=True)) == {AFTER}


def test_nothing_is_sent_before_the_meeting_ends_nor_once_closed_nor_once_answered(
    session, monkeypatch
):
    request_about(session)
    run(monkeypatch, DURING)
    assert not mail.outbox

    answered = request_about(session)
    answer(answered)
    run(monkeypatch, MEETING_ENDS + datetime.timedelta(days=14))
    assert not mail.outbox
    assert not ReactionRequest.objects.filter(emailed_at__isnull=False).exists()


def test_the_email_is_in_the_persons_language_with_the_link_to_the_form(
    session, monkeypatch, settings
):
    settings.WAGTAILADMIN_BASE_URL = "https://learning.example.org"
    person = UserFactory(first_name="Samira")
    LearnerProfile.objects.create(user=person, preferred_language="fr")
    request = request_about(session, person=person)

    run(monkeypatch, AFTER)

    (message,) = mail.outbox
    assert message.to == [person.email]
    assert "Budgets" in message.subject
    assert f"https://learning.example.org/fr/learning/reactions/{request.pk}/" in message.body
    assert "Samira" in message.body


def test_a_claimed_request_is_not_sent_by_another_run(session, monkeypatch):
    request = request_about(session)
    # Another run claimed it a moment ago and is sending it.
    assert ClaimReactionEmail(request, now=AFTER).execute() is True
    assert ClaimReactionEmail(request, now=AFTER).execute() is False

    fixed_clock(monkeypatch, AFTER)
    assert send_reaction_requests.call(AFTER.isoformat()) == 0
    assert not mail.outbox


def test_a_failed_send_releases_its_claim(session, monkeypatch):
    request_about(session)

    def fail(*args, **kwargs):
        raise ConnectionError("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", fail)
    with pytest.raises(ConnectionError):
        send_reaction_requests.call(AFTER.isoformat())

    assert ReactionRequest.objects.get().emailed_at is None
