"""A project read out for a snapshot, a PDF or a page: its logical framework numbered as the
forms number it, and its budget computed on the server from the lines.

What these return is JSON-able (amounts as decimal strings, dates in ISO format), so that a
frozen version reads the same whatever rows the database gives later. No writes.
"""

from capacity_lms.projects import budget


def _number(value):
    return None if value is None else str(value)


def _date(value):
    return None if value is None else value.isoformat()


def budget_lines(project):
    """The project's budget lines as :class:`~capacity_lms.projects.budget.BudgetLine`."""
    return [
        budget.BudgetLine(
            category=line.category,
            description=line.description,
            unit=line.unit,
            quantity=line.quantity,
            unit_cost=line.unit_cost,
            currency=line.currency,
        )
        for line in project.budget_lines.all()
    ]


def funding(project):
    """How the project is paid for, as a :class:`~capacity_lms.projects.budget.Funding`."""
    return budget.Funding(
        project.requested_amount,
        project.own_contribution,
        tuple((funder.name, funder.amount) for funder in project.other_funders.all()),
    )


def compute_budget(project, currency, rates):
    """The project's budget computed in ``currency`` at ``rates`` (currency → rate)."""
    return budget.compute(budget_lines(project), funding(project), currency=currency, rates=rates)


def logframe(project):
    """The logical framework with objectives and results numbered in order (results across
    the whole framework, as the form numbers them), indicators naming them by number: a
    version reads the same whatever rows the database gave them."""
    objectives = list(project.specific_objectives.prefetch_related("results__activities"))
    objective_numbers, result_numbers, frozen = {}, {}, []
    for objective in objectives:
        objective_numbers[objective.pk] = len(objective_numbers) + 1
        results = []
        for result in objective.results.all():
            result_numbers[result.pk] = len(result_numbers) + 1
            results.append(
                {
                    "number": result_numbers[result.pk],
                    "text": result.text,
                    "activities": [
                        {
                            "text": activity.text,
                            "starts_on": _date(activity.starts_on),
                            "ends_on": _date(activity.ends_on),
                        }
                        for activity in result.activities.all()
                    ],
                }
            )
        frozen.append(
            {"number": objective_numbers[objective.pk], "text": objective.text, "results": results}
        )
    indicators = [
        {
            "text": indicator.text,
            "unit": indicator.unit,
            "baseline": _number(indicator.baseline),
            "target": _number(indicator.target),
            "source": indicator.source,
            "objective": objective_numbers.get(indicator.objective_id),
            "result": result_numbers.get(indicator.result_id),
        }
        for indicator in project.indicators.all()
    ]
    return {
        "overall_objective": project.overall_objective,
        "specific_objectives": frozen,
        "indicators": indicators,
        "assumptions": [assumption.text for assumption in project.assumptions.all()],
    }


def budget_figures(result, problems):
    """A computed budget (:func:`compute_budget`) and its ``problems`` (each with a
    ``code``) as figures to freeze."""
    return {
        "currency": result.currency,
        "lines": [
            {
                "number": item.number,
                "category": item.line.category,
                "description": item.line.description,
                "unit": item.line.unit,
                "quantity": _number(item.line.quantity),
                "unit_cost": _number(item.line.unit_cost),
                "currency": item.line.currency,
                "amount": _number(item.amount),
                "rate": _number(item.rate),
                "converted": _number(item.converted),
            }
            for item in result.lines
        ],
        "category_totals": {key: str(value) for key, value in result.category_totals.items()},
        "total_cost": str(result.total_cost),
        "requested": _number(result.requested),
        "own_contribution": _number(result.own_contribution),
        "others": [[name, _number(amount)] for name, amount in result.others],
        "others_total": _number(result.others_total),
        "share_percent": _number(result.share_percent),
        "problems": [problem.code for problem in problems],
    }
