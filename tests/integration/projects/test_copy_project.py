"""Copying a project (``projects/writing.py``): the copy holds everything the original holds,
its indicators measure the copied objectives and results, the two never share a row, and the
copy runs the same queries whatever the number of rows."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from capacity_lms.projects import readout
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
from capacity_lms.projects.writing import copy_project, replace_logframe
from sandbox.testing.factories import AssociationFactory, UserFactory

pytestmark = pytest.mark.django_db


def project_with(rows, association=None):
    """A project with ``rows`` of every kind: objectives each with a result and an activity,
    indicators on each result and each objective, assumptions, budget lines, funders and
    partners (half of them from the directory)."""
    project = Project.objects.create(
        association=association or AssociationFactory(),
        title="Wells in Figuig",
        language="fr",
        summary="Two wells.",
        context="Dry summers.",
        target_groups="Farmers.",
        overall_objective="Water all year.",
        currency="MAD",
        requested_amount=Decimal("70000"),
        own_contribution=Decimal("20000"),
        starts_on=datetime.date(2027, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
        created_by=UserFactory(),
    )
    for number in range(1, rows + 1):
        objective = SpecificObjective.objects.create(
            project=project, order=number, text=f"Objective {number}"
        )
        result = ExpectedResult.objects.create(
            objective=objective, order=number, text=f"Result {number}"
        )
        Activity.objects.create(
            result=result,
            order=number,
            text=f"Activity {number}",
            starts_on=datetime.date(2027, 2, number % 28 + 1),
        )
        Indicator.objects.create(
            project=project, result=result, order=2 * number, text=f"Result indicator {number}"
        )
        Indicator.objects.create(
            project=project,
            objective=objective,
            order=2 * number + 1,
            text=f"Objective indicator {number}",
            baseline=Decimal(number),
            target=Decimal(10 * number),
        )
        Assumption.objects.create(project=project, order=number, text=f"Assumption {number}")
        BudgetLine.objects.create(
            project=project,
            order=number,
            category="equipment",
            description=f"Pump {number}",
            unit="piece",
            quantity=Decimal(number),
            unit_cost=Decimal("100.50"),
            currency="EUR" if number % 2 else "MAD",
        )
        OtherFunder.objects.create(
            project=project, order=number, name=f"Funder {number}", amount=Decimal(number)
        )
        ProjectPartner.objects.create(
            project=project,
            order=number,
            kind=ProjectPartner.Kind.TERRITORIAL,
            association=AssociationFactory() if number % 2 else None,
            name="" if number % 2 else f"Commune {number}",
            role=f"Role {number}",
        )
    return project


def everything(project):
    """What a project holds, without its own ids: equal for a faithful copy."""
    project = Project.objects.get(pk=project.pk)
    sections = {
        name: getattr(project, name)
        for name in (
            "title",
            "language",
            "summary",
            "context",
            "target_groups",
            "overall_objective",
            "currency",
            "requested_amount",
            "own_contribution",
            "starts_on",
            "ends_on",
        )
    }
    return {
        "sections": sections,
        "logframe": readout.logframe(project),
        "budget": readout.budget_lines(project),
        "funding": readout.funding(project),
        "partners": [
            (partner.kind, partner.association_id, partner.name, partner.role, partner.order)
            for partner in project.partners.all()
        ],
    }


def test_the_copy_holds_everything_and_its_indicators_measure_its_own_rows():
    original = project_with(3)
    author = UserFactory()

    copy = copy_project(original, user=author)

    assert copy.pk != original.pk
    assert copy.association_id == original.association_id
    assert copy.created_by == author
    assert everything(copy) == everything(original)
    logframe = readout.logframe(copy)
    assert [i["result"] for i in logframe["indicators"]][:2] == [1, None]
    assert [i["objective"] for i in logframe["indicators"]][:2] == [None, 1]
    for indicator in copy.indicators.select_related("objective", "result__objective"):
        measured = indicator.objective or indicator.result.objective
        assert measured.project_id == copy.pk
    assert Activity.objects.filter(result__objective__project=copy).count() == 3


def test_the_copy_may_belong_to_another_association_and_keeps_the_author_when_none_given():
    original = project_with(1)
    other = AssociationFactory()

    copy = copy_project(original, association=other)

    assert copy.association == other
    assert copy.created_by_id == original.created_by_id


def test_changing_or_deleting_one_never_changes_the_other():
    original = project_with(2)
    before = everything(original)
    copy = copy_project(original)

    replace_logframe(copy, ["Only one"], [(1, "One result")], [], [], [])
    copy.budget_lines.update(description="Changed")
    copy.partners.all().delete()
    Project.objects.filter(pk=copy.pk).update(title="Another title")

    assert everything(original) == before
    copied = everything(copy)
    Project.objects.filter(pk=original.pk).delete()
    assert everything(copy) == copied


def queries_to_copy(rows):
    original = project_with(rows)
    original = Project.objects.get(pk=original.pk)
    with CaptureQueriesContext(connection) as captured:
        copy_project(original)
    return len(captured)


def test_a_copy_runs_the_same_queries_at_3_and_30_rows_of_each_kind():
    assert queries_to_copy(3) == queries_to_copy(30)
