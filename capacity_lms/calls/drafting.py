"""Members drafting their application: saving its sections, budget and partners, its logical
framework, and a budget uploaded as XLSX. One action each; none changes the application's
state, so none writes a history row (the versions a member saves are ``SaveVersion``).

Each save replaces what it covers (the budget's lines and other funders, the partners, the
logical framework) in one transaction: what a form or a file held becomes the project, whole,
or nothing changes. Totals are never taken from a form or a file: ``projects/budget.py``
computes them from the lines whenever they are shown or frozen.
"""

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from capacity_lms.calls.applications import can_edit
from capacity_lms.calls.models import Application
from capacity_lms.core.actions import ActionRefused, BaseAction
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

SECTION_FIELDS = (
    "title",
    "language",
    "summary",
    "context",
    "target_groups",
    "overall_objective",
    "starts_on",
    "ends_on",
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


class _DraftAction(BaseAction):
    """A change to a draft by a member, while the call is open."""

    def __init__(self, application, user=None, **kwargs):
        super().__init__(application, user=user)
        self.application = application
        self.now = kwargs.pop("now", None)
        self.data = kwargs

    def check(self):
        if self.user is None or not self.user.is_authenticated:
            raise ActionRefused(_("Sign in to continue."), code="anonymous")
        if not can_edit(self.user, self.application, self.now):
            raise ActionRefused(
                _("This application cannot be changed: it is not a draft or the call is closed."),
                code="not_editable",
            )

    def locked_project(self):
        """The application's row locked (so that a submission waits for the save), and its
        project; refused when the application stopped being a draft meanwhile."""
        application = Application.objects.select_for_update(of=("self",)).get(
            pk=self.application.pk
        )
        if not application.is_draft:
            raise ActionRefused(_("This application is no longer a draft."), code="not_editable")
        return Project.objects.get(pk=application.project_id)


def _replace_budget(project, lines, requested, own_contribution, others):
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


class SaveDraft(_DraftAction):
    """A member saves the sections, the budget (lines, amount requested, own contribution,
    other funders) and the partners: ``sections`` a dict of :data:`SECTION_FIELDS`,
    ``lines`` budget lines, ``others`` (funder, amount) pairs, ``partners`` dicts of kind,
    name and role."""

    def check(self):
        super().check()
        data = self.data
        problems = budget_entry_problems(
            data["lines"], data["requested"], data["own_contribution"], data["others"]
        )
        if problems:
            raise ActionRefused(*problems, code="bad_budget")

    def execute(self):
        self.check()
        data = self.data
        with transaction.atomic():
            project = self.locked_project()
            for name, value in data["sections"].items():
                if name in SECTION_FIELDS:
                    setattr(project, name, value)
            project.save()
            _replace_budget(
                project, data["lines"], data["requested"], data["own_contribution"], data["others"]
            )
            project.partners.all().delete()
            ProjectPartner.objects.bulk_create(
                ProjectPartner(
                    project=project,
                    order=number,
                    kind=partner["kind"],
                    name=partner["name"],
                    role=partner.get("role", ""),
                )
                for number, partner in enumerate(data["partners"], 1)
            )
        return project


class ReplaceBudget(_DraftAction):
    """A member's uploaded budget replaces the lines and the funding, whole: ``lines`` and
    ``funding`` as :func:`~capacity_lms.projects.budget_xlsx.read_budget` returns them."""

    def check(self):
        super().check()
        funding = self.data["funding"]
        problems = budget_entry_problems(
            self.data["lines"], funding.requested, funding.own_contribution, funding.others
        )
        if problems:
            raise ActionRefused(*problems, code="bad_budget")

    def execute(self):
        self.check()
        funding = self.data["funding"]
        with transaction.atomic():
            project = self.locked_project()
            _replace_budget(
                project,
                list(self.data["lines"]),
                as_decimal(funding.requested),
                as_decimal(funding.own_contribution),
                list(funding.others),
            )
        return project


class SaveLogframe(_DraftAction):
    """A member saves the logical framework, whole: ``objectives`` texts; ``results``
    (objective number, text); ``activities`` (result number, text, starts_on, ends_on);
    ``indicators`` dicts of text, unit, baseline, target, source and an optional result
    number; ``assumptions`` texts. Numbers count from 1 in the order given."""

    def check(self):
        super().check()
        data = self.data
        problems = []
        if any(not 1 <= number <= len(data["objectives"]) for number, _t in data["results"]):
            problems.append(_("Each expected result must name one of the specific objectives."))
        results = len(data["results"])
        if any(not 1 <= activity[0] <= results for activity in data["activities"]):
            problems.append(_("Each activity must name one of the expected results."))
        if any(
            indicator.get("result") and not 1 <= indicator["result"] <= results
            for indicator in data["indicators"]
        ):
            problems.append(_("An indicator names an expected result that does not exist."))
        if problems:
            raise ActionRefused(*problems, code="bad_logframe")

    def execute(self):
        self.check()
        data = self.data
        with transaction.atomic():
            project = self.locked_project()
            project.specific_objectives.all().delete()
            project.indicators.all().delete()
            project.assumptions.all().delete()
            objectives = [
                SpecificObjective.objects.create(project=project, order=number, text=text)
                for number, text in enumerate(data["objectives"], 1)
            ]
            results = [
                ExpectedResult.objects.create(
                    objective=objectives[objective - 1], order=number, text=text
                )
                for number, (objective, text) in enumerate(data["results"], 1)
            ]
            Activity.objects.bulk_create(
                Activity(
                    result=results[result - 1],
                    order=number,
                    text=text,
                    starts_on=starts_on,
                    ends_on=ends_on,
                )
                for number, (result, text, starts_on, ends_on) in enumerate(data["activities"], 1)
            )
            Indicator.objects.bulk_create(
                Indicator(
                    project=project,
                    order=number,
                    result=results[indicator["result"] - 1] if indicator.get("result") else None,
                    text=indicator["text"],
                    unit=indicator.get("unit", ""),
                    baseline=indicator.get("baseline"),
                    target=indicator.get("target"),
                    source=indicator.get("source", ""),
                )
                for number, indicator in enumerate(data["indicators"], 1)
            )
            Assumption.objects.bulk_create(
                Assumption(project=project, order=number, text=text)
                for number, text in enumerate(data["assumptions"], 1)
            )
        return project
