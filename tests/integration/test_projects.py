"""The project data model (capacity_lms/projects/): the database refuses what makes no sense,
and deleting a project takes its logical framework, budget and partners with it."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from capacity_lms.projects.models import (
    Activity,
    BudgetLine,
    ExpectedResult,
    Indicator,
    Project,
    ProjectPartner,
    SpecificObjective,
)
from sandbox.testing.factories import AssociationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(taxonomy):
    return Project.objects.create(
        association=AssociationFactory(), title="Wells in Figuig", currency="MAD"
    )


@pytest.fixture
def taxonomy(db):
    from capacity_lms.taxonomy.loading import load_standard_taxonomy

    load_standard_taxonomy()


def refused(make):
    with pytest.raises(IntegrityError), transaction.atomic():
        make()


def test_dates_must_run_forwards(project):
    day = datetime.date(2027, 3, 1)
    project.starts_on, project.ends_on = day, day - datetime.timedelta(days=1)
    refused(project.save)
    objective = SpecificObjective.objects.create(project=project, text="Water for 300 homes")
    result = ExpectedResult.objects.create(objective=objective, text="Two wells dug")
    refused(
        lambda: Activity.objects.create(
            result=result, text="Dig", starts_on=day, ends_on=day - datetime.timedelta(days=2)
        )
    )


def test_budget_lines_need_a_positive_quantity_and_no_negative_cost(project):
    line = {"project": project, "category": "equipment", "description": "Pump", "currency": "EUR"}
    refused(lambda: BudgetLine.objects.create(quantity=0, unit_cost=Decimal("10"), **line))
    refused(lambda: BudgetLine.objects.create(quantity=1, unit_cost=Decimal("-1"), **line))
    BudgetLine.objects.create(quantity=2, unit_cost=Decimal("450.50"), **line)


def test_a_partner_is_a_directory_association_or_a_typed_name(project):
    refused(lambda: ProjectPartner.objects.create(project=project, kind="territorial"))
    ProjectPartner.objects.create(project=project, kind="territorial", name="Commune de Figuig")
    ProjectPartner.objects.create(
        project=project, kind="host_country", association=AssociationFactory()
    )
    assert project.partners.count() == 2


def test_deleting_a_project_takes_its_framework_and_budget(project):
    objective = SpecificObjective.objects.create(project=project, text="Water")
    result = ExpectedResult.objects.create(objective=objective, text="Wells")
    Activity.objects.create(result=result, text="Dig")
    Indicator.objects.create(project=project, result=result, text="Homes served", target=300)
    BudgetLine.objects.create(
        project=project, category="services", description="Drilling", quantity=1, unit_cost=9
    )
    project.delete()
    assert not any(
        model.objects.exists()
        for model in (SpecificObjective, ExpectedResult, Activity, Indicator, BudgetLine)
    )
