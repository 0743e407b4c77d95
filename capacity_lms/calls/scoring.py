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
    scale = 10**places
    scaled = value * scale
    rounded = math.floor(abs(scaled) + Fraction(1, 2))
    return Decimal(rounded if scaled >= 0 else -rounded).scaleb(-places)


def _criteria(criteria):
    """``criteria`` as :class:`Criterion` objects; ``(key, weight, max_score)`` tuples too."""
    return tuple(
        criterion if isinstance(criterion, Criterion) else Criterion(*criterion)
        for criterion in criteria
    )


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


def weighted_total(review, criteria):
    """The weighted total of ``review`` (``{criterion key: score}``) on a 0-100 scale.

    Raises ValueError naming the criterion when a score is missing, not a whole number or out
    of range, or when the review scores a criterion the call does not have.
    """
    criteria = _criteria(criteria)
    if not criteria:
        raise ValueError("a call needs at least one criterion to score")
    unknown = sorted(set(review) - {criterion.key for criterion in criteria})
    if unknown:
        raise ValueError(f"criterion {unknown[0]!r} is not one of the call's criteria")
    weighted = sum(
        (
            Fraction(criterion.weight) * _score(review, criterion) / criterion.max_score
            for criterion in criteria
        ),
        Fraction(0),
    )
    weights = sum((Fraction(criterion.weight) for criterion in criteria), Fraction(0))
    return round_half_up(weighted / weights * 100)


def application_figures(reviews, criteria):
    """The :class:`ApplicationFigures` of an application's submitted ``reviews``."""
    criteria = _criteria(criteria)
    totals = tuple(weighted_total(review, criteria) for review in reviews)
    if not totals:
        return ApplicationFigures(totals=(), mean=None, spread=None, spread_warning=False)
    mean = round_half_up(Fraction(sum(totals)) / len(totals))
    spread = max(totals) - min(totals)
    return ApplicationFigures(
        totals=totals,
        mean=mean,
        spread=spread,
        spread_warning=spread > SPREAD_WARNING_POINTS,
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
