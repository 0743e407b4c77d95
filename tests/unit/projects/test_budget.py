"""A project's budget is computed on the server from its lines: amounts, conversion at the
call's rates, totals, the co-financing share, and the problems a person is told about."""

from decimal import Decimal

from capacity_lms.projects.budget import (
    MAX_LINES,
    BudgetCategory,
    BudgetLine,
    Funding,
    check,
    compute,
)

D = Decimal
RATES = {"EUR": D("10.85"), "USD": D("9.9")}


def line(category="staff", quantity="1", unit_cost="100", currency="MAD", description="x"):
    return BudgetLine(category, description, "unit", D(quantity), D(unit_cost), currency)


def codes(problems):
    return sorted(problem.code for problem in problems)


def test_amounts_are_rounded_once_per_line_half_up():
    # 3 * 0.335 = 1.005 -> 1.01 (half up, where banker's rounding would give 1.00).
    result = compute(
        [line(quantity="3", unit_cost="0.335")], Funding(0, 0), currency="MAD", rates={}
    )
    assert result.lines[0].amount == D("1.01")
    assert result.lines[0].converted == D("1.01")


def test_a_line_in_another_currency_is_converted_at_the_calls_rate_rounded_once():
    # 3 * 3.33 EUR = 9.99 EUR; 9.99 * 10.85 = 108.3915 -> 108.39 MAD (not 9.99 rounded first).
    # 1 * 0.125 EUR = 0.13 EUR shown, but converted from the exact 0.125: 1.35625 -> 1.36.
    result = compute(
        [
            line(quantity="3", unit_cost="3.33", currency="EUR"),
            line(quantity="1", unit_cost="0.125", currency="eur"),
        ],
        Funding(0, 0),
        currency="MAD",
        rates=RATES,
    )
    first, second = result.lines
    assert (first.amount, first.rate, first.converted) == (D("9.99"), D("10.85"), D("108.39"))
    assert (second.amount, second.converted) == (D("0.13"), D("1.36"))
    assert result.total_cost == D("109.75")


def test_totals_by_category_and_share_come_from_the_lines_only():
    lines = [
        line("staff", "12", "4000"),
        line("travel", "2", "350", "EUR"),
        line("travel", "1", "1000"),
        line("equipment", "1", "2500.50"),
    ]
    funding = Funding(D("40000"), D("10000"), (("Région", D("9095.50")),))
    result = compute(lines, funding, currency="MAD", rates=RATES)
    assert result.category_totals == {
        "staff": D("48000.00"),
        "travel": D("8595.00"),
        "equipment": D("2500.50"),
    }
    assert result.total_cost == D("59095.50")
    assert result.others_total == D("9095.50")
    # (10000 + 9095.50) / 59095.50 = 0.323130...
    assert result.share_percent == D("32.31")
    assert check(result, ceiling=D("50000"), minimum_share=D("0.2")) == []


def test_the_categories_are_the_calls_seven_with_labels():
    assert BudgetCategory.values == [
        "staff",
        "travel",
        "equipment",
        "services",
        "communication",
        "running_costs",
        "other",
    ]
    assert str(BudgetCategory.RUNNING_COSTS.label) == "Running costs"


def test_a_currency_without_a_rate_is_a_problem_not_a_crash():
    result = compute(
        [line(currency="GBP"), line(unit_cost="50")],
        Funding(D("50"), 0),
        currency="MAD",
        rates=RATES,
    )
    assert result.lines[0].converted is None
    assert result.missing_rates == ("GBP",)
    assert result.total_cost == D("50.00")
    problems = check(result)
    assert codes(problems) == ["missing_rate"]
    assert "GBP" in str(problems[0]) and "MAD" in str(problems[0])


def test_requested_above_the_ceiling_and_share_below_the_minimum_are_problems():
    result = compute(
        [line(unit_cost="1000")], Funding(D("900"), D("100")), currency="MAD", rates={}
    )
    problems = check(result, ceiling=D("800"), minimum_share=D("0.2"))
    assert codes(problems) == ["above_ceiling", "share_below_minimum"]
    messages = " ".join(map(str, problems))
    assert "900.00" in messages and "800.00" in messages
    assert "10%" in messages and "20%" in messages


def test_a_share_exactly_at_the_minimum_passes():
    result = compute(
        [line(unit_cost="1000")], Funding(D("800"), D("200")), currency="MAD", rates={}
    )
    assert check(result, ceiling=D("800"), minimum_share=D("0.2")) == []


def test_funding_that_does_not_add_up_to_the_total_cost_is_a_problem():
    result = compute(
        [line(unit_cost="1000")],
        Funding(D("800"), D("100"), (("A", D("50")),)),
        currency="MAD",
        rates={},
    )
    problems = check(result)
    assert codes(problems) == ["unbalanced"]
    assert "950.00" in str(problems[0]) and "1000.00" in str(problems[0])


def test_zero_negative_and_unknown_lines_are_problems_named_by_line():
    lines = [line(quantity="0"), line(unit_cost="-5"), line(category="bribes"), line()]
    problems = check(compute(lines, Funding(0, 0), currency="MAD", rates={}))
    assert [(p.code, p.line) for p in problems if p.line] == [
        ("line_quantity", 1),
        ("line_unit_cost", 2),
        ("line_category", 3),
    ]
    assert "Line 2" in str(problems[1])


def test_text_and_absurd_figures_are_problems_not_crashes():
    lines = [
        BudgetLine("staff", "x", "u", "ten", D("5"), "MAD"),
        BudgetLine("staff", "x", "u", D("NaN"), D("5"), "MAD"),
        line(quantity="1E+13"),
        line(quantity="1E+999999"),
        line(quantity="1000000", unit_cost="9999999"),
    ]
    funding = Funding(D("Infinity"), D("-1"), (("A", "lots"),))
    result = compute(lines, funding, currency="MAD", rates={"EUR": D("NaN")})
    problems = check(result, ceiling=D("100"), minimum_share=D("0.1"))
    assert [(p.code, p.line) for p in problems if p.line] == [
        ("line_not_a_number", 1),
        ("line_not_a_number", 2),
        ("line_too_large", 3),
        ("line_too_large", 4),
        ("line_too_large", 5),
    ]
    assert {"funding_figure", "total_too_large"} <= set(codes(problems))
    messages = [str(p) for p in problems if p.code == "funding_figure"]
    assert len(messages) == 3
    assert messages[1] == "The own contribution must be a number from 0 to 1,000,000,000,000."


def test_more_than_the_maximum_of_lines_is_a_problem_and_reading_stops():
    consumed = []

    def endless():
        while True:
            consumed.append(1)
            yield line()

    result = compute(endless(), Funding(0, 0), currency="MAD", rates={})
    assert len(consumed) == MAX_LINES + 1
    assert len(result.lines) == MAX_LINES
    assert "too_many_lines" in codes(check(result))


def test_totals_sent_by_a_client_are_never_read():
    class Tampered(BudgetLine):
        amount = D("1")  # a total a hand-altered form might carry

    result = compute(
        [Tampered("staff", "x", "u", D("2"), D("10"), "MAD")],
        Funding(0, 0),
        currency="MAD",
        rates={},
    )
    assert result.lines[0].amount == D("20.00")
    assert result.total_cost == D("20.00")


def test_more_other_funders_than_the_maximum_is_a_problem():
    funding = Funding(D("0"), D("0"), [("A", D("0"))] * (MAX_LINES + 1))
    result = compute([line()], funding, currency="MAD", rates={})
    assert len(result.others) == MAX_LINES
    assert "too_many_others" in codes(check(result))


def test_other_funders_given_as_a_list_compare_equal():
    assert Funding(D("1"), D("2"), [["A", D("3")]]) == Funding(D("1"), D("2"), (("A", D("3")),))


def test_an_empty_budget_is_a_problem():
    assert codes(check(compute([], Funding(0, 0), currency="MAD", rates={}))) == ["no_lines"]
