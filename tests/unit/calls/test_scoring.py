"""The committee's arithmetic: weighted totals, means, spreads and ranking, checked by hand
and against an independent computation over random score sets."""

import random
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

import pytest

from capacity_lms.calls.scoring import (
    SPREAD_WARNING_POINTS,
    Criterion,
    application_figures,
    rank,
    weighted_total,
)

D = Decimal
CRITERIA = (
    Criterion("relevance", D("3"), 5),
    Criterion("feasibility", D("2"), 10),
    Criterion("budget", D("1"), 4),
)


def test_a_weighted_total_by_hand():
    # (3 * 4/5 + 2 * 7/10 + 1 * 1/4) / 6 * 100 = (2.4 + 1.4 + 0.25) / 6 * 100 = 67.5
    review = {"relevance": 4, "feasibility": 7, "budget": 1}
    assert weighted_total(review, CRITERIA) == D("67.50")


def test_criteria_may_be_plain_tuples():
    plain = [("relevance", D("3"), 5), ("feasibility", 2, 10), ("budget", "1", 4)]
    review = {"relevance": 4, "feasibility": 7, "budget": 1}
    assert weighted_total(review, plain) == D("67.50")


def test_full_and_empty_marks_are_100_and_0():
    assert weighted_total({"relevance": 5, "feasibility": 10, "budget": 4}, CRITERIA) == 100
    assert weighted_total({"relevance": 0, "feasibility": 0, "budget": 0}, CRITERIA) == 0


def test_rounding_is_half_up_at_the_end_only():
    # 1/3 * 100 = 33.333.. -> 33.33; 2/3 -> 66.67; one criterion of max 8: 1/8 = 12.5 -> 12.50.
    one = (Criterion("a", D("1"), 3),)
    assert weighted_total({"a": 1}, one) == D("33.33")
    assert weighted_total({"a": 2}, one) == D("66.67")
    # 1/400 * 100 = 0.25; 1/800 * 100 = 0.125 -> 0.13 (half up; banker's would give 0.12).
    assert weighted_total({"a": 1}, (Criterion("a", D("1"), 800),)) == D("0.13")


@pytest.mark.parametrize(
    ("review", "named"),
    [
        ({"relevance": 4, "feasibility": 7}, "budget"),
        ({"relevance": 6, "feasibility": 7, "budget": 1}, "relevance"),
        ({"relevance": -1, "feasibility": 7, "budget": 1}, "relevance"),
        ({"relevance": 4, "feasibility": 7.5, "budget": 1}, "feasibility"),
        ({"relevance": 4, "feasibility": "7", "budget": 1}, "feasibility"),
        ({"relevance": 4, "feasibility": 7, "budget": True}, "budget"),
        ({"relevance": 4, "feasibility": 7, "budget": 1, "charm": 3}, "charm"),
    ],
)
def test_missing_or_bad_scores_raise_naming_the_criterion(review, named):
    with pytest.raises(ValueError, match=named):
        weighted_total(review, CRITERIA)


def test_criteria_need_positive_weights_and_whole_maxima():
    with pytest.raises(ValueError, match="weight"):
        Criterion("a", D("0"), 5)
    with pytest.raises(ValueError, match="maximum"):
        Criterion("a", D("1"), 0)
    with pytest.raises(ValueError, match="maximum"):
        Criterion("a", D("1"), 5.0)


def test_mean_spread_and_warning():
    reviews = [
        {"relevance": 5, "feasibility": 10, "budget": 4},  # 100
        {"relevance": 4, "feasibility": 7, "budget": 1},  # 67.50
        {"relevance": 3, "feasibility": 8, "budget": 2},  # (1.8 + 1.6 + 0.5)/6 = 65
    ]
    figures = application_figures(reviews, CRITERIA)
    assert figures.totals == (D("100.00"), D("67.50"), D("65.00"))
    assert figures.mean == D("77.50")
    assert figures.spread == D("35.00")
    assert figures.spread_warning is True
    close = application_figures(reviews[1:], CRITERIA)
    assert (close.mean, close.spread, close.spread_warning) == (D("66.25"), D("2.50"), False)


def test_a_spread_of_exactly_the_threshold_does_not_warn():
    one = (Criterion("a", D("1"), 100),)
    figures = application_figures([{"a": 50}, {"a": 50 + SPREAD_WARNING_POINTS}], one)
    assert figures.spread == SPREAD_WARNING_POINTS
    assert figures.spread_warning is False
    wider = application_figures([{"a": 50}, {"a": 51 + SPREAD_WARNING_POINTS}], one)
    assert wider.spread_warning is True


def test_no_review_has_no_figures():
    figures = application_figures([], CRITERIA)
    assert (figures.mean, figures.spread, figures.spread_warning) == (None, None, False)


def test_rank_by_mean_then_the_callers_tie_break_unscored_last():
    applications = [
        {"name": "late tie", "mean": D("70"), "submitted": 3},
        {"name": "unscored", "mean": None, "submitted": 0},
        {"name": "best", "mean": D("91.5"), "submitted": 5},
        {"name": "early tie", "mean": D("70"), "submitted": 1},
        {"name": "low", "mean": D("12.25"), "submitted": 2},
    ]
    ranked = rank(applications, mean=lambda a: a["mean"], tie_break=lambda a: a["submitted"])
    assert [a["name"] for a in ranked] == ["best", "early tie", "late tie", "low", "unscored"]


# Property-style: an independent computation with fractions ----------------------------------


def independent_total(review, criteria):
    """The total as the rule reads, in fractions, rounded through a wide Decimal context."""
    weighted = Fraction(0)
    for criterion in criteria:
        weighted += Fraction(str(criterion.weight)) * Fraction(
            review[criterion.key], criterion.max_score
        )
    exact = weighted / sum(Fraction(str(c.weight)) for c in criteria) * 100
    with localcontext() as context:
        context.prec = 200
        return (D(exact.numerator) / D(exact.denominator)).quantize(
            D("0.01"), rounding=ROUND_HALF_UP
        )


def random_criteria(generator):
    return tuple(
        Criterion(
            f"c{index}",
            D(generator.randint(1, 500)) / D(generator.choice([1, 10, 100])),
            generator.choice([1, 3, 4, 5, 6, 7, 10, 12, 20, 100]),
        )
        for index in range(generator.randint(1, 8))
    )


@pytest.mark.parametrize("seed", range(5))
def test_totals_equal_an_independent_fraction_computation(seed):
    generator = random.Random(seed)
    for _ in range(400):
        criteria = random_criteria(generator)
        reviews = [
            {c.key: generator.randint(0, c.max_score) for c in criteria}
            for _ in range(generator.randint(1, 5))
        ]
        expected = [independent_total(review, criteria) for review in reviews]
        figures = application_figures(reviews, criteria)
        assert list(figures.totals) == expected
        assert all(D(0) <= total <= D(100) for total in figures.totals)
        mean = Fraction(sum(expected)) / len(expected)
        with localcontext() as context:
            context.prec = 200
            expected_mean = (D(mean.numerator) / D(mean.denominator)).quantize(
                D("0.01"), rounding=ROUND_HALF_UP
            )
        assert figures.mean == expected_mean
        assert figures.spread == max(expected) - min(expected)
