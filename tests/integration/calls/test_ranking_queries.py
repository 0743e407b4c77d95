"""The committee's ranking: in order, with the server's figures, and in the same number of
queries at 50 and at 500 applications (issue #22, "Done when")."""

import random
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from capacity_lms.calls import scoring
from capacity_lms.calls.chair_views import RANKING_PAGE_SIZE
from capacity_lms.calls.models import Application
from capacity_lms.calls.review_models import ReviewAssignment
from capacity_lms.calls.review_scopes import ranking
from sandbox.testing.committee_factories import (
    ApplicationFactory,
    bulk_reviewed_applications,
    scored_review,
)
from tests.integration.calls.world import committee  # noqa: F401

pytestmark = pytest.mark.django_db


def queries_of_ranking(call):
    """The queries of the ranking and of reading one page of its rows (as the chair's page
    does), with that page."""
    with CaptureQueriesContext(connection) as queries:
        ranked = ranking(call)
        rows = ranked[:RANKING_PAGE_SIZE]
    return len(queries), ranked, rows


def test_the_ranking_takes_the_same_queries_at_50_and_500_applications(call, committee):  # noqa: F811
    rng = random.Random(22)
    reviewers = committee["reviewers"]
    bulk_reviewed_applications(call, reviewers, 50, rng)
    small, ranked, rows = queries_of_ranking(call)
    assert len(ranked) == len(rows) == 50
    bulk_reviewed_applications(call, reviewers, 450, rng, start=50)
    large, ranked, rows = queries_of_ranking(call)
    assert len(ranked) == 500
    assert len(rows) == RANKING_PAGE_SIZE
    assert small == large <= 5
    # The rows are those the page shows: nothing more is fetched to read them.
    with CaptureQueriesContext(connection) as more:
        for row in rows:
            assert row.application.association.name
            assert row.application.project.requested_amount is not None
            getattr(row.application, "decision", None)
    assert len(more) == 0
    # All 500 rows (the minutes read them all) come in one more query, decisions included.
    with CaptureQueriesContext(connection) as everything:
        decisions = [getattr(row.application, "decision", None) for row in ranked]
    assert len(everything) == 1
    assert sum(decision is not None for decision in decisions) == 100
    assert [row.position for row in ranked] == list(range(1, 501))


def test_the_ranking_orders_by_mean_with_the_server_figures(call, committee):  # noqa: F811
    rng = random.Random(7)
    bulk_reviewed_applications(call, committee["reviewers"], 30, rng)
    ranked = ranking(call)
    criteria = call.scoring_criteria()
    means = [row.figures.mean for row in ranked]
    assert means == sorted(means, reverse=True)
    assert [row.position for row in ranked] == list(range(1, 31))
    for row in ranked[:5]:
        reviews = [
            {str(score.criterion_id): score.score for score in assignment.scores.all()}
            for assignment in ReviewAssignment.objects.filter(application=row.application)
        ]
        assert row.figures == scoring.application_figures(reviews, criteria)


def test_only_submitted_reviews_of_reviewed_applications_count(call, committee):  # noqa: F811
    first, second, third = committee["reviewers"]
    criteria = list(call.criteria.all())
    top = ApplicationFactory(call=call, status=Application.Status.ELIGIBLE)
    scored_review(top, first, dict.fromkeys(criteria, 5))
    scored_review(top, second, dict.fromkeys(criteria, 1))
    # Declared, not submitted; and a conflict: neither counts.
    ReviewAssignment.objects.create(application=top, reviewer=third, conflict=False)
    unscored = ApplicationFactory(call=call, status=Application.Status.ELIGIBLE)
    ReviewAssignment.objects.create(application=unscored, reviewer=first, conflict=True)
    for status in ["draft", "submitted", "withdrawn", "ineligible"]:
        ApplicationFactory(call=call, status=status)
    ranked = ranking(call)
    assert [row.application for row in ranked] == [top, unscored]
    assert ranked[0].figures.totals == (Decimal("100.00"), Decimal("20.00"))
    assert ranked[0].figures.mean == Decimal("60.00")
    assert ranked[0].figures.spread_warning is True
    assert ranked[0].position == 1
    assert ranked[1].position is None and ranked[1].figures.mean is None


def test_a_review_missing_a_criterion_added_later_is_not_counted_but_reported(call, committee):  # noqa: F811
    first, second = committee["reviewers"][:2]
    criteria = list(call.criteria.all())
    application = ApplicationFactory(call=call, status=Application.Status.ELIGIBLE)
    scored_review(application, first, dict.fromkeys(criteria, 3))
    scored_review(application, second, dict.fromkeys(criteria[:2], 3))
    (row,) = ranking(call)
    assert row.uncounted_reviews == 1 and len(row.figures.totals) == 1
