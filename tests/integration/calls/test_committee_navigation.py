"""The committee's way in (issue #22): a member who sits on a call's committee finds *My
reviews* in the site's navigation, a member who does not never sees it, and the check costs a
non-member no query once known (kept in the shared cache until a seat changes); the chair finds
the ranking of each call they chair on *My reviews*."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from capacity_lms.calls.pages import CommitteeMember
from sandbox.testing.committee_factories import CommitteeMemberFactory
from sandbox.testing.factories import UserFactory
from tests.integration.calls.world import committee  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

MY_REVIEWS = 'href="/en/learning/calls/review/"'


@pytest.fixture(autouse=True)
def _empty_cache():
    """What an earlier test kept for a person of the same id is not this test's."""
    cache.clear()
    yield
    cache.clear()


def view(client, capture):
    """A signed-in page, its on-commit work done (where the answer is kept)."""
    with capture(execute=True):
        response = client.get(reverse("capacity_lms:my_learning"))
    assert response.status_code == 200
    return response.content.decode()


def test_a_member_of_a_committee_finds_my_reviews_in_the_navigation(
    client,
    committee,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    assert reverse("capacity_lms:calls_my_reviews") == "/en/learning/calls/review/"
    client.force_login(committee["reviewers"][0])
    assert MY_REVIEWS in view(client, django_capture_on_commit_callbacks)


def test_a_member_of_no_committee_does_not_see_it(
    client,
    committee,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    client.force_login(UserFactory(username="not-a-reviewer"))
    assert MY_REVIEWS not in view(client, django_capture_on_commit_callbacks)


def test_the_check_costs_a_non_member_no_query_once_known(
    client,
    committee,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    client.force_login(UserFactory(username="not-a-reviewer"))
    view(client, django_capture_on_commit_callbacks)
    counts = []
    for _ in range(3):
        with CaptureQueriesContext(connection) as queries:
            view(client, django_capture_on_commit_callbacks)
        assert not [query for query in queries if "committeemember" in query["sql"].lower()]
        counts.append(len(queries))
    assert len(set(counts)) == 1, counts


def test_a_new_seat_shows_the_link_at_once_and_a_removed_one_hides_it(
    client,
    call,
    committee,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    newcomer = UserFactory(username="newcomer")
    client.force_login(newcomer)
    assert MY_REVIEWS not in view(client, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        seat = CommitteeMemberFactory(call=call, user=newcomer, department="Youth")
    assert MY_REVIEWS in view(client, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        CommitteeMember.objects.filter(pk=seat.pk).delete()
    assert MY_REVIEWS not in view(client, django_capture_on_commit_callbacks)


def test_the_chair_finds_the_ranking_of_their_calls_on_my_reviews(
    client,
    call,
    committee,  # noqa: F811
):
    ranking = reverse("capacity_lms:calls_ranking", args=[call.pk])
    client.force_login(committee["chair"])
    assert (
        f'href="{ranking}"'
        in client.get(reverse("capacity_lms:calls_my_reviews")).content.decode()
    )
    client.force_login(committee["reviewers"][0])
    assert ranking not in client.get(reverse("capacity_lms:calls_my_reviews")).content.decode()
