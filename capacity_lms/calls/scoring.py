"""The committee's arithmetic: a review's weighted total, an application's mean and spread,
and the ranking.

A call weighs its assessment criteria; a reviewer gives each criterion a whole score from 0 to
its maximum. The rules, so that anybody can recompute them by hand:

- A review's weighted total, on a 0-100 scale, is
  ``sum(weight * score / max_score) / sum(weights) * 100``, worked out exactly (as fractions)
  and rounded once at the end to 0.01, half up.
- An application's mean is the mean of its reviews' rounded totals, rounded to 0.01 half up;
  its spread is the highest rounded total minus the lowest. A spread of more than
  ``SPREAD_WARNING_POINTS`` points is flagged for the chair: the reviewers read it differently.
- Applications rank by mean, highest first; equal means keep the order the caller's
  tie-break gives (for example the earlier submission first), and applications not yet scored
  come last.
"""

import functools
import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

SPREAD_WARNING_POINTS = 20


@dataclass(frozen=True)
class Criterion:
    """One assessment criterion of a call: its ``key``, its ``weight`` (a positive number)
    and the highest score a reviewer may give (a positive whole number)."""

    key: str
    weight: Decimal
    max_score: int

    def __post_init__(self):
        if isinstance(self.max_score, bool) or not isinstance(self.max_score, int):
            raise ValueError(f"criterion {self.key!r}: the maximum score must be a whole number")
        if self.max_score <= 0:
            raise ValueError(f"criterion {self.key!r}: the maximum score must be above zero")
        if not Fraction(self.weight) > 0:
            raise ValueError(f"criterion {self.key!r}: the weight must be above zero")


@dataclass(frozen=True)
class ApplicationFigures:
    """An application's reviews in figures: each review's total, their mean, their spread
    and whether the spread is wide enough to warn the chair (None and False with no review)."""

    totals: tuple
    mean: Decimal | None
    spread: Decimal | None
    spread_warning: bool


def round_half_up(value, places=2):
    """The exact ``value`` (a Fraction) as a Decimal rounded to ``places`` decimals, half up."""
    scaled = Fraction(value) * 10**places
    return Decimal(_half_up(scaled.numerator, scaled.denominator)).scaleb(-places)


def _half_up(numerator, denominator):
    """``numerator / denominator`` (denominator above zero) to the nearest whole number, halves
    away from zero, in integers only."""
    rounded = (2 * abs(numerator) + denominator) // (2 * denominator)
    return rounded if numerator >= 0 else -rounded


def _criteria(criteria):
    """``criteria`` as :class:`Criterion` objects; ``(key, weight, max_score)`` tuples too."""
    return tuple(
        criterion if isinstance(criterion, Criterion) else Criterion(*criterion)
        for criterion in criteria
    )


@functools.lru_cache(maxsize=64)
def _scale(criteria):
    """``criteria``'s keys and the integers that give a review's exact total in hundredths,
    ``sum(score * factor) * multiplier / denominator`` (then rounded once, half up): the rule's
    ``sum(weight * score / max_score) / sum(weights) * 100`` over a common denominator, so that
    thousands of reviews need no fractions."""
    if not criteria:
        raise ValueError("a call needs at least one criterion to score")
    weights = [Fraction(criterion.weight) for criterion in criteria]
    common = math.lcm(
        *(weight.denominator * c.max_score for weight, c in zip(weights, criteria, strict=True))
    )
    factors = tuple(
        weight.numerator * common // (weight.denominator * c.max_score)
        for weight, c in zip(weights, criteria, strict=True)
    )
    total_weight = sum(weights, Fraction(0))
    # total = N / common / total_weight * 100, in hundredths: N * 10_000 * q / (common * p).
    keys = frozenset(criterion.key for criterion in criteria)
    return keys, factors, 10_000 * total_weight.denominator, common * total_weight.numerator


def _score(review, criterion):
    if criterion.key not in review:
        raise ValueError(f"criterion {criterion.key!r} has no score")
    score = review[criterion.key]
    if isinstance(score, bool) or not isinstance(score, int):
        raise ValueError(f"criterion {criterion.key!r}: the score must be a whole number")
    if not 0 <= score <= criterion.max_score:
        raise ValueError(
            f"criterion {criterion.key!r}: the score {score} is outside 0 to {criterion.max_score}"
        )
    return score


def _hundredths(review, criteria):
    """The weighted total of ``review`` in whole hundredths (see :func:`weighted_total`)."""
    keys, factors, multiplier, denominator = _scale(criteria)
    if review.keys() != keys:
        unknown = sorted(set(review) - keys)
        if unknown:
            raise ValueError(f"criterion {unknown[0]!r} is not one of the call's criteria")
    weighted = 0
    for criterion, factor in zip(criteria, factors, strict=True):
        weighted += _score(review, criterion) * factor
    return _half_up(weighted * multiplier, denominator)


def weighted_total(review, criteria):
    """The weighted total of ``review`` (``{criterion key: score}``) on a 0-100 scale.

    Raises ValueError naming the criterion when a score is missing, not a whole number or out
    of range, or when the review scores a criterion the call does not have.
    """
    criteria = _criteria(criteria)
    return Decimal(_hundredths(review, criteria)).scaleb(-2)


def application_figures(reviews, criteria):
    """The :class:`ApplicationFigures` of an application's submitted ``reviews``."""
    criteria = _criteria(criteria)
    hundredths = [_hundredths(review, criteria) for review in reviews]
    if not hundredths:
        return ApplicationFigures(totals=(), mean=None, spread=None, spread_warning=False)
    mean = _half_up(sum(hundredths), len(hundredths))
    spread = max(hundredths) - min(hundredths)
    return ApplicationFigures(
        totals=tuple(Decimal(total).scaleb(-2) for total in hundredths),
        mean=Decimal(mean).scaleb(-2),
        spread=Decimal(spread).scaleb(-2),
        spread_warning=spread > SPREAD_WARNING_POINTS * 100,
    )


def rank(applications, *, mean, tie_break):
    """``applications`` in ranking order: by ``mean(application)`` highest first, then by
    ``tie_break(application)`` ascending; those whose mean is None (not scored) come last."""
    return sorted(
        applications,
        key=lambda application: (
            mean(application) is None,
            -(mean(application) or 0),
            tie_break(application),
        ),
    )
