"""What trainers and staff read of reactions (#25 point 2): a trainer their own figures, each
once at least CAPACITY_LMS_REACTION_MIN_ANSWERS answers make it (across meetings if need be),
and the comments about them, unsigned ones without names; staff every figure and comment."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from capacity_lms.evaluation.reaction_figures import trainer_summary
from sandbox.testing.factories import UserFactory
from tests.integration.conftest import make_workshop
from tests.integration.evaluation.reaction_world import (
    AFTER,
    MEETING_DAY,
    answer,
    answered_meetings,
    meeting_session,
    request_about,
)

pytestmark = pytest.mark.django_db

NOT_ENOUGH = "not enough answers yet"
MINE = reverse("capacity_lms:reaction_mine")
ALL = reverse("capacity_lms:reaction_all")


@pytest.fixture
def workshop(countries, trainer):
    return make_workshop(countries["fr"], trainers=[trainer], sessions=0, title="Budgets")


@pytest.fixture
def other_workshop(countries, other_trainer):
    return make_workshop(countries["fr"], trainers=[other_trainer], sessions=0, title="Boards")


def page(client, person, url=MINE, **query):
    client.force_login(person)
    response = client.get(url, query)
    assert response.status_code == 200
    return response.content.decode()


def test_four_answers_show_no_figure_and_five_do(client, workshop, trainer, english):
    answered_meetings(workshop, [trainer], 4, content=3, trainer=5)
    overall, (row,) = trainer_summary(trainer)
    assert not overall.content.shown and not row.content.shown
    assert not overall.trainer.shown and not row.trainer.shown
    shown = page(client, trainer)
    assert NOT_ENOUGH in shown
    assert "3.0" not in shown and "5.0" not in shown

    answered_meetings(workshop, [trainer], 1, content=3, trainer=5)
    overall, (row,) = trainer_summary(trainer)
    assert overall.content.shown and row.content.shown
    assert (overall.content.average, overall.trainer.average) == (3.0, 5.0)
    shown = page(client, trainer)
    assert NOT_ENOUGH not in shown
    assert "3.0" in shown and "5.0" in shown


def test_answers_add_up_across_the_meetings_of_a_workshop(workshop, trainer):
    answered_meetings(workshop, [trainer], 3, content=4)
    answered_meetings(workshop, [trainer], 2, content=2, day=MEETING_DAY + datetime.timedelta(7))

    _overall, (row,) = trainer_summary(trainer)

    assert row.content.shown and row.answers == 5
    assert row.content.average == 3.2


def test_across_workshops_the_overall_figure_shows_before_each_workshops(
    countries, workshop, trainer
):
    second = make_workshop(countries["fr"], trainers=[trainer], sessions=0)
    answered_meetings(workshop, [trainer], 3)
    answered_meetings(second, [trainer], 2)

    overall, rows = trainer_summary(trainer)

    assert overall.content.shown and overall.answers == 5
    assert not any(row.content.shown for row in rows)


def test_a_workshop_figure_that_would_give_away_a_smaller_one_is_hidden_too(
    countries, workshop, trainer
):
    small = make_workshop(countries["fr"], trainers=[trainer], sessions=0)
    answered_meetings(workshop, [trainer], 5, content=4)
    answered_meetings(small, [trainer], 1, content=1)

    overall, rows = trainer_summary(trainer)

    # Shown, the big one and the overall figure would give the small one's single rating.
    assert overall.content.shown
    assert not any(row.content.shown for row in rows)


def test_with_enough_hidden_answers_together_the_big_workshop_stays_shown(
    countries, workshop, trainer
):
    answered_meetings(workshop, [trainer], 6)
    for _ in range(3):
        answered_meetings(
            make_workshop(countries["fr"], trainers=[trainer], sessions=0), [trainer], 2
        )

    _overall, rows = trainer_summary(trainer)

    assert [row.content.shown for row in rows if row.answers == 6] == [True]
    assert not any(row.content.shown for row in rows if row.answers == 2)


def test_a_trainer_never_sees_another_trainers_ratings_or_comments(
    client, workshop, other_workshop, trainer, other_trainer, english
):
    answered_meetings(workshop, [trainer], 5, content=2, trainer=2)
    session = meeting_session(other_workshop)
    for _ in range(5):
        answer(
            request_about(session, trainers=[other_trainer]),
            content=5,
            trainer=5,
            comment="Karim explains budgets brilliantly",
        )

    overall, rows = trainer_summary(trainer)
    shown = page(client, trainer)

    assert overall.answers == 5 and overall.content.average == 2.0
    assert [row.subject for row in rows] == [workshop]
    assert "Karim explains" not in shown
    assert "Boards" not in shown
    assert "5.0" not in shown


def test_unsigned_comments_carry_no_name_and_no_day(client, workshop, trainer, english):
    session = meeting_session(workshop)
    unsigned = UserFactory(first_name="Zineb", last_name="Alaoui", username="zineb")
    signed = UserFactory(first_name="Omar", last_name="Bennani", username="omar")
    answer(
        request_about(session, person=unsigned, trainers=[trainer]),
        comment="Too fast for me",
        at=datetime.datetime(2026, 3, 17, 9, 41, tzinfo=datetime.UTC),
    )
    answer(
        request_about(session, person=signed, trainers=[trainer]),
        comment="Clear and useful",
        signed=True,
    )

    shown = page(client, trainer)

    assert "Too fast for me" in shown and "Clear and useful" in shown
    assert "Omar Bennani" in shown
    assert "Zineb" not in shown and "Alaoui" not in shown and "zineb" not in shown
    assert "March 2026" in shown
    card = shown.split("Too fast for me")[1].split("</li>")[0]
    assert "17" not in card and "<a " not in card


def test_someone_named_in_no_request_sees_an_empty_page(client, workshop, trainer, english):
    answered_meetings(workshop, [trainer], 5)

    shown = page(client, UserFactory())

    assert "No reactions about your training yet." in shown
    assert "No comments yet." in shown


def test_the_staff_page_is_for_programme_staff_only(client, trainer, member):
    for person in (trainer, member):
        client.force_login(person)
        assert client.get(ALL).status_code == 404


def test_staff_see_every_figure_with_its_count_and_names_only_on_signed_comments(
    client, workshop, other_workshop, trainer, other_trainer, staff, english
):
    answered_meetings(workshop, [trainer], 2, content=3, trainer=4)
    session = meeting_session(other_workshop)
    unsigned = UserFactory(first_name="Zineb", last_name="Alaoui")
    signed = UserFactory(first_name="Omar", last_name="Bennani")
    answer(request_about(session, person=unsigned, trainers=[other_trainer]), comment="Slow")
    answer(
        request_about(session, person=signed, trainers=[other_trainer]),
        comment="Great",
        signed=True,
    )

    shown = page(client, staff, ALL)

    assert NOT_ENOUGH not in shown
    assert "3.0" in shown and "2 answers" in shown
    assert "Slow" in shown and "Great" in shown
    assert "Omar Bennani" in shown and "Alaoui" not in shown
    assert trainer.get_full_name() in shown and other_trainer.get_full_name() in shown


def test_staff_filter_by_trainer_and_period(
    client, workshop, other_workshop, trainer, other_trainer, staff, english
):
    session = meeting_session(workshop)
    answer(request_about(session, trainers=[trainer]), comment="March words")
    answer(
        request_about(session, trainers=[trainer]),
        comment="May words",
        at=datetime.datetime(2026, 5, 5, tzinfo=datetime.UTC),
    )
    answer(
        request_about(meeting_session(other_workshop), trainers=[other_trainer]), comment="Karim"
    )

    by_trainer = page(client, staff, ALL, trainer=trainer.pk)
    in_may = page(client, staff, ALL, since="2026-04-01", until="2026-05-31")

    assert "March words" in by_trainer and "May words" in by_trainer
    assert "Karim" not in by_trainer.split("<h2>Averages by trainer</h2>")[1]
    assert "May words" in in_may
    assert "March words" not in in_may and ">Karim<" not in in_may


def queries(client, person, url):
    client.force_login(person)
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def add_answers(countries, trainer, workshops):
    for number in range(workshops):
        workshop = make_workshop(countries["fr"], trainers=[trainer], sessions=0)
        session = meeting_session(workshop)
        for signed in (False, True):
            answer(
                request_about(session, trainers=[trainer]),
                comment=f"Comment {number}",
                signed=signed,
                at=AFTER,
            )


def test_the_trainers_page_runs_the_same_queries_at_n_and_10n(client, countries, trainer):
    add_answers(countries, trainer, 2)
    few = queries(client, trainer, MINE)
    add_answers(countries, trainer, 18)

    assert queries(client, trainer, MINE) == few


def test_the_staff_page_runs_the_same_queries_at_n_and_10n(
    client, countries, trainer, other_trainer, staff
):
    add_answers(countries, trainer, 1)
    add_answers(countries, other_trainer, 1)
    few = queries(client, staff, ALL)
    add_answers(countries, trainer, 9)
    add_answers(countries, other_trainer, 9)

    assert queries(client, staff, ALL) == few
