"""The committee's pages (issue #22, point 4): a reviewer declares then scores through the
pages and sees the others' scores after submitting; a conflicted or unassigned person gets 404
on the application by every URL; the chair assigns, ranks, decides and downloads the minutes;
a hand-made POST naming another application's criterion or assignment writes nothing; the
ranking page takes the same queries at 50 and 500 applications."""

import random
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from capacity_lms.calls.committee import AssignReviewer
from capacity_lms.calls.models import Application
from capacity_lms.calls.review_models import Decision, ReviewAssignment, Score
from sandbox.testing.call_factories import CallPageFactory
from sandbox.testing.committee_factories import (
    ApplicationFactory,
    bulk_reviewed_applications,
    scored_review,
)
from sandbox.testing.factories import UserFactory
from tests.integration.calls.world import committee, eligible  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def url(name, *args):
    return reverse(f"capacity_lms:{name}", args=args)


def scores_data(call, score=4, comment="Well argued."):
    data = {}
    for criterion in call.criteria.all():
        data[f"score_{criterion.pk}"] = str(score)
        data[f"comment_{criterion.pk}"] = comment
    return data


def get(client, address):
    # The locale middleware turns a 404 into a redirect to the language's prefix: follow it.
    return client.get(address, follow=True)


def post(client, address, data):
    return client.post(address, data, follow=True)


def test_a_reviewer_declares_then_scores_then_sees_the_others(
    client,
    call,
    committee,  # noqa: F811
    eligible,  # noqa: F811
):
    chair, (first, second, _third) = committee["chair"], committee["reviewers"]
    mine = AssignReviewer(eligible, user=chair, reviewer=first).execute()
    scored_review(eligible, second, dict.fromkeys(call.criteria.all(), 2), comment="Too vague.")
    client.force_login(first)
    listing = get(client, url("calls_my_reviews"))
    assert listing.status_code == 200 and list(listing.context["assignments"]) == [mine]
    # Not declared yet: the application is closed.
    assert get(client, url("calls_review_application", eligible.pk)).status_code == 404
    response = post(client, url("calls_declare", mine.pk), {"conflict": "no"})
    assert response.status_code == 200
    page = get(client, url("calls_review_application", eligible.pk))
    assert page.status_code == 200 and page.context["form"] is not None
    assert "Too vague." not in page.content.decode()
    response = post(client, url("calls_review_application", eligible.pk), scores_data(call))
    assert response.status_code == 200
    mine.refresh_from_db()
    assert mine.submitted_at is not None
    assert Score.objects.filter(assignment=mine).count() == call.criteria.count()
    after = get(client, url("calls_review_application", eligible.pk))
    assert after.context["form"] is None and "Too vague." in after.content.decode()


def test_a_conflicted_or_unassigned_person_gets_404_by_every_url(
    client,
    call,
    committee,  # noqa: F811
    eligible,  # noqa: F811
):
    chair, (first, second, third) = committee["chair"], committee["reviewers"]
    conflicted = AssignReviewer(eligible, user=chair, reviewer=first).execute()
    client.force_login(first)
    data = {"conflict": "yes", "declaration": "I sit on its board."}
    post(client, url("calls_declare", conflicted.pk), data)
    conflicted.refresh_from_db()
    assert conflicted.conflict is True
    scored_review(eligible, second, dict.fromkeys(call.criteria.all(), 3))
    urls = [
        url("calls_declare", conflicted.pk),
        url("calls_review_application", eligible.pk),
        url("calls_ranking", call.pk),
        url("calls_minutes", call.pk),
        url("calls_assign", eligible.pk),
    ]
    for person in (first, third, UserFactory(), UserFactory(is_staff=True, is_superuser=True)):
        client.force_login(person)
        assert list(get(client, url("calls_my_reviews")).context["assignments"]) == []
        for address in urls:
            assert get(client, address).status_code == 404, (person, address)
            assert post(client, address, scores_data(call)).status_code in (404, 405)
        post(client, url("calls_decide", eligible.pk), {"outcome": "refused", "reason": "x"})
    assert Score.objects.filter(assignment=conflicted).count() == 0
    assert not Decision.objects.exists() and ReviewAssignment.objects.count() == 2


def test_a_post_naming_another_calls_criterion_is_refused_and_writes_nothing(
    client,
    call,
    calls,
    committee,  # noqa: F811
    eligible,  # noqa: F811
):
    chair, first = committee["chair"], committee["reviewers"][0]
    mine = AssignReviewer(eligible, user=chair, reviewer=first).execute()
    other_call = CallPageFactory(parent=calls, title="Another call", slug="another")
    other = ApplicationFactory(call=other_call, status=Application.Status.ELIGIBLE)
    other_reviewer = scored_review(other, UserFactory(), {})
    client.force_login(first)
    post(client, url("calls_declare", mine.pk), {"conflict": "no"})
    data = scores_data(call)
    foreign = other_call.criteria.first()
    data[f"score_{foreign.pk}"] = "5"
    data[f"comment_{foreign.pk}"] = "Planted."
    response = post(client, url("calls_review_application", eligible.pk), data)
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    mine.refresh_from_db()
    assert mine.submitted_at is None and not Score.objects.filter(assignment=mine).exists()
    # Another person's assignment, by its URL: 404, nothing declared.
    response = post(client, url("calls_declare", other_reviewer.pk), {"conflict": "yes"})
    assert response.status_code == 404
    # Another application's page: 404, nothing scored.
    response = post(client, url("calls_review_application", other.pk), scores_data(other_call))
    assert response.status_code == 404
    assert not Score.objects.filter(criterion__in=other_call.criteria.all()).exists()


def test_the_chair_assigns_ranks_decides_and_downloads_the_minutes(
    client,
    call,
    committee,  # noqa: F811
    eligible,  # noqa: F811
):
    chair, (first, second, _third) = committee["chair"], committee["reviewers"]
    client.force_login(chair)
    response = post(client, url("calls_assign", eligible.pk), {"reviewer": first.pk})
    assert response.status_code == 200
    assert ReviewAssignment.objects.filter(application=eligible, reviewer=first).exists()
    outsider = UserFactory()
    response = post(client, url("calls_assign", eligible.pk), {"reviewer": outsider.pk})
    assert "reviewer" in response.context["form"].errors
    assert not ReviewAssignment.objects.filter(reviewer=outsider).exists()
    ReviewAssignment.objects.filter(application=eligible).delete()
    for reviewer, score in ((first, 5), (second, 4)):
        scored_review(eligible, reviewer, dict.fromkeys(call.criteria.all(), score))
    ranking = get(client, url("calls_ranking", call.pk))
    assert ranking.status_code == 200 and ranking.context["rows"][0].position == 1
    decide = url("calls_decide", eligible.pk)
    too_much = {"outcome": "funded", "amount": "999999999", "reason": "Strong."}
    post(client, decide, too_much)
    assert not Decision.objects.exists()
    post(client, decide, {"outcome": "funded", "amount": "50000", "reason": "Strong."})
    decision = Decision.objects.get()
    assert decision.outcome == "funded" and decision.amount == 50000
    minutes = client.get(url("calls_minutes", call.pk))
    assert minutes.status_code == 200 and minutes["Content-Type"] == "application/pdf"
    assert b"".join(minutes.streaming_content).startswith(b"%PDF")


def test_a_chair_who_reviews_sees_no_figures_of_that_application_before_submitting(
    client,
    call,
    committee,  # noqa: F811
    eligible,  # noqa: F811
):
    chair, (first, second, _third) = committee["chair"], committee["reviewers"]
    for reviewer, score in ((first, 5), (second, 1)):
        scored_review(eligible, reviewer, dict.fromkeys(call.criteria.all(), score))
    client.force_login(chair)
    shown = get(client, url("calls_ranking", call.pk))
    assert "Hidden:" not in shown.content.decode()
    assert shown.context["rows"][0].figures.spread_warning
    AssignReviewer(eligible, user=chair, reviewer=chair).execute()
    hidden = get(client, url("calls_ranking", call.pk))
    assert hidden.context["hidden"] == {eligible.pk}
    assert "Hidden:" in hidden.content.decode()
    assert "Reviewers disagree" not in hidden.content.decode()


def test_the_ranking_page_takes_the_same_queries_at_50_and_500_applications(
    client,
    call,
    committee,  # noqa: F811
):
    rng = random.Random(22)
    client.force_login(committee["chair"])
    address = url("calls_ranking", call.pk)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(address).status_code == 200
        return len(captured)

    bulk_reviewed_applications(call, committee["reviewers"], 50, rng)
    small = queries()
    bulk_reviewed_applications(call, committee["reviewers"], 450, rng, start=50)
    assert queries() == small


def test_the_ranking_shows_a_hundred_rows_a_page_ranked_over_the_whole_call(
    client,
    call,
    committee,  # noqa: F811
):
    bulk_reviewed_applications(call, committee["reviewers"], 150, random.Random(5))
    client.force_login(committee["chair"])
    address = url("calls_ranking", call.pk)
    first = client.get(address).content.decode()
    second = client.get(address, {"page": 2}).content.decode()
    # Each row links to its application's reviewers once.
    assert first.count("/assign/") == 100 and second.count("/assign/") == 50
    assert 'rel="next"' in first and 'rel="prev"' in second
    # The second page goes on where the first stopped.
    first_positions, second_positions = positions(first), positions(second)
    assert first_positions and second_positions
    assert max(first_positions) <= min(second_positions)
    # A page number out of range or not a number gives a page of the ranking, not an error.
    assert client.get(address, {"page": "x"}).status_code == 200
    assert client.get(address, {"page": 99}).status_code == 200


def positions(html):
    """The ranks shown in the first cell of the ranking's rows."""
    return [int(rank) for rank in re.findall(r"<tr>\s*<td>(\d+)</td>", html)]


def test_a_decision_keeps_the_language_its_reason_was_written_in(
    client,
    call,
    committee,  # noqa: F811
    eligible,  # noqa: F811
):
    from django.utils import translation

    chair, (first, second, _third) = committee["chair"], committee["reviewers"]
    for reviewer in (first, second):
        scored_review(eligible, reviewer, dict.fromkeys(call.criteria.all(), 4))
    client.force_login(chair)
    with translation.override("fr"):
        decide, ranking = url("calls_decide", eligible.pk), url("calls_ranking", call.pk)
    post(client, decide, {"outcome": "refused", "reason": "Budget non documenté."})
    assert Decision.objects.get(application=eligible).language == "fr"
    shown = get(client, ranking).content.decode()
    assert re.search(r'<div lang="fr" dir="auto">Budget non documenté\.</div>', shown)
