"""The reaction form (#25 point 2): for the person asked only, within its window, answered once;
listed on My learning while it waits for an answer."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from capacity_lms.core.actions import ActionRefused
from capacity_lms.evaluation.models import Reaction
from capacity_lms.evaluation.reactions import AnswerReaction
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

ANSWER = {"content_rating": "4", "trainer_rating": "5", "comment": "Very practical."}


@pytest.fixture
def session(countries, trainer):
    workshop = make_workshop(countries["fr"], trainers=[trainer], sessions=0, title="Budgets")
    return meeting_session(workshop)


@pytest.fixture
def asked(session, member, trainer):
    return request_about(session, person=member, trainers=[trainer])


def url(request):
    return reverse("capacity_lms:reaction", args=[request.pk])


def test_the_person_asked_answers_once_within_the_window(
    client, asked, member, monkeypatch, english
):
    fixed_clock(monkeypatch, AFTER)
    client.force_login(member)

    page = client.get(url(asked)).content.decode()
    assert "<fieldset" in page and "<legend>How useful was the content?</legend>" in page
    assert "How was the trainer?" in page
    response = client.post(url(asked), ANSWER)

    assert response.status_code == 302
    reaction = Reaction.objects.get(request=asked)
    assert (reaction.content_rating, reaction.trainer_rating) == (4, 5)
    assert reaction.comment == "Very practical."
    assert reaction.signed is False  # unsigned unless ticked
    assert reaction.answered_at == AFTER


def test_a_double_submit_leaves_one_answer_and_shows_it(
    client, asked, member, monkeypatch, english
):
    fixed_clock(monkeypatch, AFTER)
    client.force_login(member)

    client.post(url(asked), ANSWER)
    second = client.post(url(asked), {**ANSWER, "content_rating": "1"}, follow=True)

    assert Reaction.objects.count() == 1
    assert Reaction.objects.get().content_rating == 4
    page = second.content.decode()
    assert "You have answered already" in page
    assert "4 out of 5" in page
    assert '<form method="post" class="cl-form"' not in page


def test_the_action_twice_gives_the_first_answer(asked, member, monkeypatch):
    fixed_clock(monkeypatch, AFTER)
    first, created = AnswerReaction(
        asked, user=member, content_rating=4, trainer_rating=4
    ).execute()
    again, created_again = AnswerReaction(
        asked, user=member, content_rating=2, trainer_rating=2
    ).execute()

    assert (created, created_again) == (True, False)
    assert first == again
    assert Reaction.objects.get().content_rating == 4


@pytest.mark.parametrize(
    ("at", "message"),
    [
        (DURING, "This form opens when the meeting ends."),
        (MEETING_ENDS + datetime.timedelta(days=14), "This form is closed"),
        (MEETING_ENDS + datetime.timedelta(days=30), "This form is closed"),
    ],
)
def test_before_it_opens_and_after_it_closes_the_form_is_refused(
    client, asked, member, monkeypatch, english, at, message
):
    fixed_clock(monkeypatch, at)
    client.force_login(member)

    shown = client.get(url(asked)).content.decode()
    posted = client.post(url(asked), ANSWER)

    assert message in shown
    assert 'name="content_rating"' not in shown
    assert message in posted.content.decode()
    assert not Reaction.objects.exists()
    with pytest.raises(ActionRefused):
        AnswerReaction(asked, user=member, content_rating=4, trainer_rating=4).execute()


def test_the_last_instant_before_closing_is_still_open(client, asked, member, monkeypatch):
    fixed_clock(monkeypatch, asked.closes_at - datetime.timedelta(seconds=1))
    client.force_login(member)

    client.post(url(asked), ANSWER)

    assert Reaction.objects.count() == 1


def test_anybody_else_gets_404(client, asked, trainer, staff, monkeypatch):
    fixed_clock(monkeypatch, AFTER)
    for person in (UserFactory(), trainer, staff):
        client.force_login(person)
        assert client.get(url(asked)).status_code == 404
        assert client.post(url(asked), ANSWER).status_code == 404
    assert not Reaction.objects.exists()
    with pytest.raises(ActionRefused):
        AnswerReaction(asked, user=trainer, content_rating=4, trainer_rating=4).execute()


def test_no_trainer_question_without_trainers(client, session, member, monkeypatch, english):
    fixed_clock(monkeypatch, AFTER)
    request = request_about(session, person=member, trainers=[])
    client.force_login(member)

    assert "How was the trainer?" not in client.get(url(request)).content.decode()
    client.post(url(request), {"content_rating": "3", "trainer_rating": "5"})

    reaction = Reaction.objects.get()
    assert (reaction.content_rating, reaction.trainer_rating) == (3, None)


@pytest.mark.parametrize(
    "data",
    [
        {"trainer_rating": "4"},
        {"content_rating": "4"},
        {"content_rating": "6", "trainer_rating": "4"},
        {"content_rating": "4", "trainer_rating": "0"},
        {"content_rating": "4", "trainer_rating": "4", "comment": "x" * 2001},
    ],
)
def test_a_bad_answer_is_refused_and_writes_nothing(client, asked, member, monkeypatch, data):
    fixed_clock(monkeypatch, AFTER)
    client.force_login(member)

    response = client.post(url(asked), data)

    assert response.status_code == 400
    assert not Reaction.objects.exists()


def test_a_scale_sent_empty_says_so_to_a_screen_reader(
    client, asked, member, monkeypatch, english
):
    fixed_clock(monkeypatch, AFTER)
    client.force_login(member)

    page = BeautifulSoup(client.post(url(asked), {"trainer_rating": "4"}).content, "html.parser")

    (fieldset,) = [
        each for each in page.find_all("fieldset") if "content" in each.legend.get_text()
    ]
    described = fieldset["aria-describedby"].split()
    assert all(page.find(id=name) for name in described)
    assert "This field is required." in page.find(id=described[-1]).get_text()
    assert all(radio.get("aria-invalid") == "true" for radio in fieldset.find_all("input"))
    assert page.select_one("#form-errors a")["href"] == "#id_content_rating_0"


def test_a_signed_comment_is_signed_and_a_signature_without_comment_is_not(
    client, session, trainer, monkeypatch
):
    fixed_clock(monkeypatch, AFTER)
    with_comment, without = (
        request_about(session, person=UserFactory(), trainers=[trainer]) for _ in range(2)
    )
    for request, comment in ((with_comment, "Thanks"), (without, "")):
        client.force_login(request.user)
        client.post(url(request), {**ANSWER, "comment": comment, "signed": "on"})

    assert Reaction.objects.get(request=with_comment).signed is True
    assert Reaction.objects.get(request=without).signed is False


def my_learning(client):
    return client.get(reverse("capacity_lms:my_learning")).content.decode()


def test_my_learning_lists_the_open_unanswered_requests(
    client, session, member, trainer, monkeypatch, english
):
    fixed_clock(monkeypatch, AFTER)
    waiting = request_about(session, person=member, trainers=[trainer])
    client.force_login(member)

    page = my_learning(client)
    assert "Tell us how it went" in page
    assert url(waiting) in page and "Budgets" in page

    answer(waiting)
    assert url(waiting) not in my_learning(client)


def test_my_learning_leaves_out_requests_not_open_yet_or_closed(
    client, session, member, monkeypatch, english
):
    request_about(session, person=member)
    client.force_login(member)
    fixed_clock(monkeypatch, DURING)
    assert "Tell us how it went" not in my_learning(client)
    fixed_clock(monkeypatch, MEETING_ENDS + datetime.timedelta(days=15))
    assert "Tell us how it went" not in my_learning(client)


def test_my_learning_runs_the_same_queries_at_2_and_20_requests(
    client, countries, trainer, member, monkeypatch
):
    fixed_clock(monkeypatch, AFTER)
    client.force_login(member)

    def add(count):
        for _ in range(count):
            workshop = make_workshop(countries["fr"], trainers=[trainer], sessions=0)
            request_about(meeting_session(workshop), person=member, trainers=[trainer])

    def queries():
        client.get(reverse("capacity_lms:my_learning"))
        with CaptureQueriesContext(connection) as captured:
            page = my_learning(client)
        return len(captured), page.count("/reactions/")

    add(2)
    few, shown = queries()
    add(18)
    many, shown_many = queries()

    assert (shown, shown_many) == (2, 20)
    assert many == few
