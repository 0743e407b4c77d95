"""Property-style (hypothesis is not installed: a seeded generator instead): over hundreds of
random criteria and score sets, the committee's weighted totals, means and spreads equal an
independent computation in exact fractions, written here from the rules in ``scoring.py``'s
docstring; and the ranking the chair reads, computed from the database, says the same."""

import random
from decimal import Decimal
from fractions import Fraction

import pytest

from capacity_lms.calls import scoring
from capacity_lms.calls.models import Application
from capacity_lms.calls.pages import CallCriterion
from capacity_lms.calls.review_scopes import ranking
from sandbox.testing.committee_factories import ApplicationFactory, scored_review
from sandbox.testing.factories import UserFactory

CASES = 400


def hundredths_half_up(value):
    """An exact non-negative Fraction to hundredths, half up, with integers only."""
    value = Fraction(value)
    numerator, denominator = value.numerator * 100, value.denominator
    return Fraction((2 * numerator + denominator) // (2 * denominator), 100)


def expected_total(weights, maxima, scores):
    weighted = sum(
        Fraction(w) * Fraction(s, m) for w, m, s in zip(weights, maxima, scores, strict=True)
    )
    return hundredths_half_up(weighted / sum(Fraction(w) for w in weights) * 100)


def random_criteria(rng):
    count = rng.randint(1, 8)
    weights = [Decimal(rng.randint(1, 9999)).scaleb(-2) for _n in range(count)]
    maxima = [
        rng.choice([1, 2, 3, 4, 5, 7, 10, 20, 32, 100, rng.randint(1, 100)]) for _n in weights
    ]
    return weights, maxima


def random_scores(rng, maxima):
    kind = rng.random()
    if kind < 0.05:
        return [0] * len(maxima)
    if kind < 0.1:
        return list(maxima)
    return [rng.randint(0, maximum) for maximum in maxima]


def criteria_of(weights, maxima):
    return [
        scoring.Criterion(key=f"c{n}", weight=w, max_score=m)
        for n, (w, m) in enumerate(zip(weights, maxima, strict=True))
    ]


def test_weighted_totals_means_and_spreads_equal_an_exact_computation():
    rng = random.Random(20261206)
    for _case in range(CASES):
        weights, maxima = random_criteria(rng)
        criteria = criteria_of(weights, maxima)
        score_sets = [random_scores(rng, maxima) for _n in range(rng.randint(1, 5))]
        reviews = [
            {criterion.key: score for criterion, score in zip(criteria, scores, strict=True)}
            for scores in score_sets
        ]
        totals = [expected_total(weights, maxima, scores) for scores in score_sets]
        for review, total in zip(reviews, totals, strict=True):
            assert Fraction(scoring.weighted_total(review, criteria)) == total, (
                weights,
                maxima,
                review,
            )
        figures = scoring.application_figures(reviews, criteria)
        assert [Fraction(t) for t in figures.totals] == totals
        assert Fraction(figures.mean) == hundredths_half_up(sum(totals) / len(totals))
        assert Fraction(figures.spread) == max(totals) - min(totals)
        assert figures.spread_warning is (max(totals) - min(totals) > 20)
        assert 0 <= figures.mean <= 100


def test_a_third_decimal_of_five_rounds_up():
    # 1 of 32 is 3.125 points: half up gives 3.13 (banker's rounding would give 3.12).
    criteria = [scoring.Criterion(key="only", weight=Decimal(1), max_score=32)]
    assert scoring.weighted_total({"only": 1}, criteria) == Decimal("3.13")
    assert hundredths_half_up(Fraction(3125, 1000)) == Fraction(313, 100)


@pytest.mark.django_db
def test_the_ranking_from_the_database_equals_the_exact_computation(call):
    rng = random.Random(22)
    weights, maxima = random_criteria(rng)
    call.criteria.all().delete()
    criteria = [
        CallCriterion.objects.create(call=call, name=f"Criterion {n}", weight=w, max_score=m)
        for n, (w, m) in enumerate(zip(weights, maxima, strict=True))
    ]
    reviewers = [UserFactory(username=f"scorer{n}") for n in range(3)]
    expected = {}
    for _n in range(40):
        application = ApplicationFactory(call=call, status=Application.Status.ELIGIBLE)
        totals = []
        for reviewer in reviewers[: rng.randint(1, 3)]:
            scores = random_scores(rng, maxima)
            scored_review(application, reviewer, dict(zip(criteria, scores, strict=True)))
            totals.append(expected_total(weights, maxima, scores))
        expected[application.pk] = (
            sorted(totals),
            hundredths_half_up(sum(totals) / len(totals)),
        )
    ranked = ranking(call)
    assert len(ranked) == 40
    for row in ranked:
        totals, mean = expected[row.application.pk]
        assert sorted(Fraction(t) for t in row.figures.totals) == totals
        assert Fraction(row.figures.mean) == mean
    means = [row.figures.mean for row in ranked]
    assert means == sorted(means, reverse=True)
