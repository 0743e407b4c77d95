"""Members drafting their application: saving its sections, budget and partners, its logical
framework, and a budget uploaded as XLSX. One action each; none changes the application's
state, so none writes a history row (the versions a member saves are ``SaveVersion``).

Each save replaces what it covers (the budget's lines and other funders, the partners, the
logical framework) in one transaction, through ``projects/writing.py`` (the project workbook
writes the same rows the same way): what a form or a file held becomes the project, whole,
or nothing changes. Totals are never taken from a form or a file: ``projects/budget.py``
computes them from the lines whenever they are shown or frozen.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from capacity_lms.calls.applications import can_edit
from capacity_lms.calls.models import Application
from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.projects.budget import as_decimal
from capacity_lms.projects.models import Project
from capacity_lms.projects.writing import (
    budget_entry_problems,
    logframe_problems,
    replace_budget,
    replace_logframe,
    replace_partners,
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
            replace_budget(
                project, data["lines"], data["requested"], data["own_contribution"], data["others"]
            )
            replace_partners(project, data["partners"])
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
            replace_budget(
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
        problems = logframe_problems(
            data["objectives"], data["results"], data["activities"], data["indicators"]
        )
        if problems:
            raise ActionRefused(*problems, code="bad_logframe")

    def execute(self):
        self.check()
        data = self.data
        with transaction.atomic():
            project = self.locked_project()
            replace_logframe(
                project,
                data["objectives"],
                data["results"],
                data["activities"],
                data["indicators"],
                data["assumptions"],
            )
        return project
