"""Writing a project's rows: what stops entries being stored, and replacing the budget, the
logical framework or the partners whole; copying a project.

Plain functions, no actions: the domains that edit a project (an application to a call, the
project workbook) own the actions, which check who may change what, lock what they must and
call these inside their transaction. Each replacement deletes the rows it covers and creates
the new ones in their order, so what a form or a file held becomes the project, whole.
Totals are never stored: ``projects/budget.py`` computes them from the lines.
"""

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from capacity_lms.projects.budget import MAX_LINES, MAX_MAGNITUDE, BudgetCategory, as_decimal
from capacity_lms.projects.models import (
    Activity,
    Assumption,
    BudgetLine,
    ExpectedResult,
    Indicator,
    OtherFunder,
    Project,
    ProjectPartner,
    SpecificObjective,
)

CENT = Decimal("0.01")


def _cents(number):
    """Whether ``number`` is stored as given: at most two decimals, within the magnitude."""
    return abs(number) < MAX_MAGNITUDE and number == number.quantize(CENT)


def budget_entry_problems(lines, requested, own_contribution, others):
    """What stops lines and funding being stored as given (a budget line per
    :class:`~capacity_lms.projects.budget.BudgetLine`, ``others`` as (funder, amount) pairs):
    messages naming the line, empty when everything can be stored."""
    problems = []
    if len(lines) > MAX_LINES or len(others) > MAX_LINES:
        problems.append(_("A budget may have at most %(limit)s lines.") % {"limit": MAX_LINES})
    for number, line in enumerate(lines, 1):
        values = {"number": number}
        quantity, unit_cost = as_decimal(line.quantity), as_decimal(line.unit_cost)
        if line.category not in BudgetCategory.values:
            problems.append(_("Line %(number)s: choose a category.") % values)
        if not line.description or len(line.description) > 255 or len(line.unit or "") > 60:
            problems.append(
                _("Line %(number)s: a description of at most 255 characters is needed.") % values
            )
        if quantity is None or quantity <= 0 or not _cents(quantity):
            problems.append(
                _("Line %(number)s: the quantity must be more than zero, to the hundredth.")
                % values
            )
        if unit_cost is None or unit_cost < 0 or not _cents(unit_cost):
            problems.append(
                _("Line %(number)s: the unit cost must be zero or more, to the hundredth.")
                % values
            )
        if len(line.currency or "") != 3:
            problems.append(_("Line %(number)s: the currency is a three-letter code.") % values)
    amounts = [requested, own_contribution, *(amount for _name, amount in others)]
    for amount in amounts:
        number = as_decimal(amount)
        if number is None or number < 0 or not _cents(number):
            problems.append(
                _("The amounts of the funding must be zero or more, to the hundredth.")
            )
            break
    if any(not name or len(name) > 255 for name, _amount in others):
        problems.append(_("Each other funder needs a name of at most 255 characters."))
    return problems


def logframe_problems(objectives, results, activities, indicators):
    """What stops a logical framework being stored (the arguments as for
    :func:`replace_logframe`): a number naming no row. Messages, empty when none."""
    problems = []
    if any(not 1 <= number <= len(objectives) for number, _text in results):
        problems.append(_("Each expected result must name one of the specific objectives."))
    if any(not 1 <= activity[0] <= len(results) for activity in activities):
        problems.append(_("Each activity must name one of the expected results."))
    if any(
        indicator.get("result") and not 1 <= indicator["result"] <= len(results)
        for indicator in indicators
    ):
        problems.append(_("An indicator names an expected result that does not exist."))
    return problems


def replace_budget(project, lines, requested, own_contribution, others):
    """The project's budget becomes ``lines`` (budget lines as
    :class:`~capacity_lms.projects.budget.BudgetLine`), the amount ``requested``, the
    ``own_contribution`` and ``others``, (funder, amount) pairs. Checked first with
    :func:`budget_entry_problems`."""
    project.requested_amount = requested
    project.own_contribution = own_contribution
    project.save(update_fields=["requested_amount", "own_contribution", "updated_at"])
    project.budget_lines.all().delete()
    BudgetLine.objects.bulk_create(
        BudgetLine(
            project=project,
            order=number,
            category=line.category,
            description=line.description,
            unit=line.unit or "",
            quantity=as_decimal(line.quantity),
            unit_cost=as_decimal(line.unit_cost),
            currency=line.currency.upper(),
        )
        for number, line in enumerate(lines, 1)
    )
    project.other_funders.all().delete()
    OtherFunder.objects.bulk_create(
        OtherFunder(project=project, order=number, name=name, amount=as_decimal(amount))
        for number, (name, amount) in enumerate(others, 1)
    )


def replace_logframe(project, objectives, results, activities, indicators, assumptions):
    """The project's logical framework becomes, whole: ``objectives`` texts; ``results``
    (objective number, text); ``activities`` (result number, text, starts_on, ends_on);
    ``indicators`` dicts of text, unit, baseline, target, source and an optional result
    number; ``assumptions`` texts. Numbers count from 1 in the order given; checked first
    with :func:`logframe_problems`."""
    project.specific_objectives.all().delete()
    project.indicators.all().delete()
    project.assumptions.all().delete()
    new_objectives = SpecificObjective.objects.bulk_create(
        SpecificObjective(project=project, order=number, text=text)
        for number, text in enumerate(objectives, 1)
    )
    new_results = ExpectedResult.objects.bulk_create(
        ExpectedResult(objective=new_objectives[objective - 1], order=number, text=text)
        for number, (objective, text) in enumerate(results, 1)
    )
    Activity.objects.bulk_create(
        Activity(
            result=new_results[result - 1],
            order=number,
            text=text,
            starts_on=starts_on,
            ends_on=ends_on,
        )
        for number, (result, text, starts_on, ends_on) in enumerate(activities, 1)
    )
    Indicator.objects.bulk_create(
        Indicator(
            project=project,
            order=number,
            result=new_results[indicator["result"] - 1] if indicator.get("result") else None,
            text=indicator["text"],
            unit=indicator.get("unit", ""),
            baseline=indicator.get("baseline"),
            target=indicator.get("target"),
            source=indicator.get("source", ""),
        )
        for number, indicator in enumerate(indicators, 1)
    )
    Assumption.objects.bulk_create(
        Assumption(project=project, order=number, text=text)
        for number, text in enumerate(assumptions, 1)
    )


def replace_partners(project, partners):
    """The project's partners become ``partners``: dicts of kind, name and role."""
    project.partners.all().delete()
    ProjectPartner.objects.bulk_create(
        ProjectPartner(
            project=project,
            order=number,
            kind=partner["kind"],
            name=partner["name"],
            role=partner.get("role", ""),
        )
        for number, partner in enumerate(partners, 1)
    )


def _copies(model, rows, **links):
    """Unsaved copies of ``rows`` of ``model``: every field as it is but the primary key,
    and each foreign key named in ``links`` (field → {old id: new row}) pointed at the copy.
    """
    fields = [
        field
        for field in model._meta.concrete_fields
        if not field.primary_key and field.name not in links
    ]
    return [
        model(
            **{field.attname: getattr(row, field.attname) for field in fields},
            **{name: mapping.get(getattr(row, f"{name}_id")) for name, mapping in links.items()},
        )
        for row in rows
    ]


def copy_project(project, association=None, user=None):
    """A new project holding what ``project`` holds: its sections, logical framework
    (objectives, results, activities; indicators still measuring the copied objective or
    result), assumptions, budget lines, other funders and partners. It belongs to
    ``association`` (the same one when None) and was created by ``user`` (the original's
    author when None). The two share no row: changing either never changes the other.

    One query per kind of row, whatever their number; written in one transaction (a
    savepoint inside the caller's)."""
    objectives = list(project.specific_objectives.all())
    results = list(ExpectedResult.objects.filter(objective__project=project))
    activities = list(Activity.objects.filter(result__objective__project=project))
    with transaction.atomic():
        [copy] = _copies(Project, [project])
        if association is not None:
            copy.association = association
        if user is not None:
            copy.created_by = user
        copy.save()
        new_objectives = SpecificObjective.objects.bulk_create(
            _copies(SpecificObjective, objectives, project={project.pk: copy})
        )
        objective_for = {old.pk: new for old, new in zip(objectives, new_objectives, strict=True)}
        new_results = ExpectedResult.objects.bulk_create(
            _copies(ExpectedResult, results, objective=objective_for)
        )
        result_for = {old.pk: new for old, new in zip(results, new_results, strict=True)}
        Activity.objects.bulk_create(_copies(Activity, activities, result=result_for))
        Indicator.objects.bulk_create(
            _copies(
                Indicator,
                project.indicators.all(),
                project={project.pk: copy},
                objective=objective_for,
                result=result_for,
            )
        )
        for model, rows in (
            (Assumption, project.assumptions.all()),
            (BudgetLine, project.budget_lines.all()),
            (OtherFunder, project.other_funders.all()),
            (ProjectPartner, project.partners.all()),
        ):
            model.objects.bulk_create(_copies(model, rows, project={project.pk: copy}))
    return copy
