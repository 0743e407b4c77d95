"""A project's budget and its arithmetic, done on the server in ``Decimal`` from the lines.

The rules, so that anybody can recompute a budget by hand:

- A line's amount is ``quantity * unit cost`` in the line's own currency, rounded to 0.01
  (half up: 0.005 becomes 0.01).
- A line in another currency than the call's is converted at the rate the call fixes:
  ``rates["EUR"] = Decimal("10.85")`` means 10.85 units of the call's currency for one euro.
  The converted amount is ``quantity * unit cost * rate`` rounded once to 0.01, half up (not
  the rounded amount times the rate). A currency the call fixes no rate for is a problem the
  budget shows, never a crash; its lines count for nothing until a rate is fixed.
- Totals (per category and the total cost) are sums of the rounded converted amounts, so
  they add up exactly to what the lines show.
- The funding (amount requested, own contribution, other funders) is in the call's currency,
  each figure rounded to 0.01 the same way. The co-financing share is ``(own contribution +
  other funders) / total cost``; the amount requested, the own contribution and the other
  funders together must equal the total cost.

:func:`compute` never reads a total from its input: whatever a client sends as totals is not
even looked at. :func:`check` turns a computed budget into the problems a person reads.
"""

import itertools
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

CENT = Decimal("0.01")
MAX_LINES = 200
# No figure of a real project reaches this; past it an entry is a typing slip or an attack.
MAX_MAGNITUDE = Decimal(10) ** 12
# Enough digits for any product of figures under MAX_MAGNITUDE, with their decimals.
PRECISION = 60


class BudgetCategory(models.TextChoices):
    """The categories a budget line belongs to, as the programme's calls list them."""

    STAFF = "staff", gettext_lazy("Staff")
    TRAVEL = "travel", gettext_lazy("Travel")
    EQUIPMENT = "equipment", gettext_lazy("Equipment")
    SERVICES = "services", gettext_lazy("Services")
    COMMUNICATION = "communication", gettext_lazy("Communication")
    RUNNING_COSTS = "running_costs", gettext_lazy("Running costs")
    OTHER = "other", gettext_lazy("Other")


@dataclass(frozen=True)
class BudgetLine:
    """One line of a budget as the association entered it (no amount: that is computed)."""

    category: str
    description: str
    unit: str
    quantity: Decimal
    unit_cost: Decimal
    currency: str


@dataclass(frozen=True)
class Funding:
    """How the project is paid for, in the call's currency: the amount asked of the call, the
    association's own contribution and other funders as ``(funder, amount)`` pairs."""

    requested: Decimal
    own_contribution: Decimal
    others: tuple = ()

    def __post_init__(self):
        # A list given is kept as a tuple, so that equal fundings compare equal.
        object.__setattr__(self, "others", tuple(tuple(pair) for pair in self.others))


@dataclass(frozen=True)
class LineAmount:
    """A line with its computed amounts: ``amount`` in the line's currency, ``rate`` and
    ``converted`` in the call's currency (None when the line cannot be computed)."""

    number: int
    line: BudgetLine
    amount: Decimal | None
    rate: Decimal | None
    converted: Decimal | None


@dataclass(frozen=True)
class BudgetResult:
    """A computed budget: every figure here comes from the lines and the funding, none from
    totals a client sent."""

    currency: str
    lines: tuple
    category_totals: dict
    total_cost: Decimal
    requested: Decimal | None
    own_contribution: Decimal | None
    others: tuple
    others_total: Decimal | None
    share: Decimal | None
    missing_rates: tuple = ()
    too_many_lines: bool = False
    bad_funding: tuple = field(default=())

    @property
    def share_percent(self):
        """The co-financing share as a percentage rounded to 0.01, for people to read."""
        if self.share is None:
            return None
        return round_cent(self.share * 100)


@dataclass(frozen=True)
class BudgetProblem:
    """Something wrong with a budget: a stable ``code`` for programs, a ``message`` for
    people (translated when it was made)."""

    code: str
    message: str
    line: int | None = None

    def __str__(self):
        return self.message


def as_decimal(value):
    """``value`` as a finite Decimal, or None when it is not a number (text, NaN, infinity)."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError, TypeError):
        return None
    return number if number.is_finite() else None


def _reasonable(number):
    return number is not None and abs(number) <= MAX_MAGNITUDE


def round_cent(number):
    """``number`` rounded to 0.01, half up: the one rounding of this module."""
    return number.quantize(CENT, rounding=ROUND_HALF_UP)


def percent(fraction):
    """``fraction`` as a percentage for a sentence: 0.2 is "20", 0.12345 is "12.35"."""
    return f"{round_cent(fraction * 100):f}".rstrip("0").rstrip(".")


def _usable_rates(rates, currency):
    usable = {currency: Decimal(1)}
    for code, rate in (rates or {}).items():
        rate = as_decimal(rate)
        if _reasonable(rate) and rate > 0 and str(code).upper() != currency:
            usable[str(code).upper()] = rate
    return usable


def _line_amount(number, line, rates):
    quantity, unit_cost = as_decimal(line.quantity), as_decimal(line.unit_cost)
    if not (_reasonable(quantity) and _reasonable(unit_cost)):
        return LineAmount(number, line, None, None, None)
    exact = quantity * unit_cost
    rate = rates.get(str(line.currency).upper())
    converted = None if rate is None else round_cent(exact * rate)
    return LineAmount(number, line, round_cent(exact), rate, converted)


def compute(lines, funding, *, currency, rates):
    """The budget computed from ``lines`` and ``funding`` in the call's ``currency``.

    ``rates`` maps a currency code to the call-currency units one unit of it is worth. At
    most ``MAX_LINES`` lines are read (one more only tells that there are too many), so the
    work is bounded whatever a client sends.
    """
    currency = str(currency).upper()
    usable = _usable_rates(rates, currency)
    with localcontext() as context:
        context.prec = PRECISION
        read = list(itertools.islice(lines, MAX_LINES + 1))
        amounts = tuple(
            _line_amount(number, line, usable) for number, line in enumerate(read[:MAX_LINES], 1)
        )
        missing = sorted(
            {
                str(item.line.currency).upper()
                for item in amounts
                if item.amount is not None and item.rate is None
            }
        )
        category_totals = {}
        for item in amounts:
            if item.converted is not None:
                category = item.line.category
                category_totals[category] = category_totals.get(category, Decimal("0.00"))
                category_totals[category] += item.converted
        total_cost = sum(category_totals.values(), Decimal("0.00"))
        requested, own, others, others_total, bad = _funding(funding)
        share = None
        if own is not None and others_total is not None and total_cost > 0:
            share = (own + others_total) / total_cost
    return BudgetResult(
        currency=currency,
        lines=amounts,
        category_totals=category_totals,
        total_cost=total_cost,
        requested=requested,
        own_contribution=own,
        others=others,
        others_total=others_total,
        share=share,
        missing_rates=tuple(missing),
        too_many_lines=len(read) > MAX_LINES,
        bad_funding=tuple(bad),
    )


def _funding(funding):
    """The funding's figures rounded to 0.01, and the names of those that are not usable."""
    bad = []

    def figure(value, name):
        number = as_decimal(value)
        if not _reasonable(number) or number < 0:
            bad.append(name)
            return None
        return round_cent(number)

    requested = figure(funding.requested, "requested")
    own = figure(funding.own_contribution, "own_contribution")
    if len(funding.others) > MAX_LINES:
        bad.append("too_many_others")
    others = tuple(
        (funder, figure(amount, "others"))
        for funder, amount in itertools.islice(funding.others, MAX_LINES)
    )
    others_total = None
    if all(amount is not None for _funder, amount in others):
        others_total = sum((amount for _funder, amount in others), Decimal("0.00"))
    return requested, own, others, others_total, bad


def _line_problems(item):
    line, number = item.line, item.number
    problems = []
    if line.category not in BudgetCategory.values:
        problems.append(
            BudgetProblem(
                "line_category",
                _("Line %(number)s: “%(category)s” is not a budget category.")
                % {"number": number, "category": line.category},
                number,
            )
        )
    quantity, unit_cost = as_decimal(line.quantity), as_decimal(line.unit_cost)
    if quantity is None or unit_cost is None:
        problems.append(
            BudgetProblem(
                "line_not_a_number",
                _("Line %(number)s: the quantity and the unit cost must be numbers.")
                % {"number": number},
                number,
            )
        )
        return problems
    if not (_reasonable(quantity) and _reasonable(unit_cost)) or (
        item.converted is not None and not _reasonable(item.converted)
    ):
        problems.append(
            BudgetProblem(
                "line_too_large",
                _("Line %(number)s: the figures are too large to be real (over %(limit)s).")
                % {"number": number, "limit": f"{MAX_MAGNITUDE:,.0f}"},
                number,
            )
        )
    if quantity <= 0:
        problems.append(
            BudgetProblem(
                "line_quantity",
                _("Line %(number)s: the quantity must be more than zero.") % {"number": number},
                number,
            )
        )
    if unit_cost <= 0:
        problems.append(
            BudgetProblem(
                "line_unit_cost",
                _("Line %(number)s: the unit cost must be more than zero.") % {"number": number},
                number,
            )
        )
    return problems


def _funding_problems(result):
    messages = {
        "requested": _("The amount requested must be a number from 0 to %(limit)s."),
        "own_contribution": _("The own contribution must be a number from 0 to %(limit)s."),
        "others": _("Each other funder's amount must be a number from 0 to %(limit)s."),
    }
    problems = [
        BudgetProblem("funding_figure", messages[name] % {"limit": f"{MAX_MAGNITUDE:,.0f}"})
        for name in dict.fromkeys(result.bad_funding)
        if name in messages
    ]
    if "too_many_others" in result.bad_funding:
        problems.append(
            BudgetProblem(
                "too_many_others",
                _("A budget may name at most %(limit)s other funders.") % {"limit": MAX_LINES},
            )
        )
    return problems


def check(result, *, ceiling=None, minimum_share=None):
    """The problems of a computed budget, for people to read (an empty list: none).

    ``ceiling`` is the most a project may request, in the call's currency; ``minimum_share``
    the least co-financing share as a fraction (``Decimal("0.2")`` for 20 %). Either may be
    None when the call sets none.
    """
    problems = []
    if result.too_many_lines:
        problems.append(
            BudgetProblem(
                "too_many_lines",
                _("A budget may have at most %(limit)s lines.") % {"limit": MAX_LINES},
            )
        )
    if not result.lines:
        problems.append(BudgetProblem("no_lines", _("The budget has no lines.")))
    for item in result.lines:
        problems.extend(_line_problems(item))
    for code in result.missing_rates:
        problems.append(
            BudgetProblem(
                "missing_rate",
                _(
                    "The call fixes no rate for %(code)s: lines in %(code)s cannot be "
                    "converted into %(currency)s."
                )
                % {"code": code, "currency": result.currency},
            )
        )
    problems.extend(_funding_problems(result))
    if not _reasonable(result.total_cost):
        problems.append(
            BudgetProblem(
                "total_too_large",
                _("The total cost is too large to be real (over %(limit)s).")
                % {"limit": f"{MAX_MAGNITUDE:,.0f}"},
            )
        )
    problems.extend(_call_rules_problems(result, ceiling, minimum_share))
    return problems


def _call_rules_problems(result, ceiling, minimum_share):
    problems = []
    figures = {"currency": result.currency}
    requested, own, others = result.requested, result.own_contribution, result.others_total
    ceiling = as_decimal(ceiling)
    ceiling = ceiling if _reasonable(ceiling) else None
    if ceiling is not None and requested is not None and requested > ceiling:
        problems.append(
            BudgetProblem(
                "above_ceiling",
                _(
                    "The amount requested, %(requested)s %(currency)s, is above the call's "
                    "ceiling of %(ceiling)s %(currency)s."
                )
                % {**figures, "requested": requested, "ceiling": round_cent(ceiling)},
            )
        )
    if None in (requested, own, others):
        return problems
    funded = requested + own + others
    if funded != result.total_cost:
        problems.append(
            BudgetProblem(
                "unbalanced",
                _(
                    "The amount requested, the own contribution and the other funders add up "
                    "to %(funded)s %(currency)s; they must equal the total cost, %(total)s "
                    "%(currency)s."
                )
                % {**figures, "funded": funded, "total": result.total_cost},
            )
        )
    minimum_share = as_decimal(minimum_share)
    minimum_share = minimum_share if _reasonable(minimum_share) else None
    # Compared by multiplication, so that no rounding of the share decides the outcome.
    if minimum_share is not None and (own + others) < minimum_share * result.total_cost:
        problems.append(
            BudgetProblem(
                "share_below_minimum",
                _(
                    "The own contribution and other funders cover %(share)s%% of the total "
                    "cost; the call asks for at least %(minimum)s%%."
                )
                % {
                    "share": percent(result.share or 0),
                    "minimum": percent(minimum_share),
                },
            )
        )
    return problems
