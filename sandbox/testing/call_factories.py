"""Factories for calls for projects (issue #22): the list page and a call with its criteria."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from sandbox.testing.factories import PageFactory


class CallIndexPageFactory(PageFactory):
    """A published list of calls; pass ``parent=<page>``."""

    class Meta:
        model = "capacity_lms.CallIndexPage"

    title = "Calls for projects"
    slug = "calls"


def default_criteria():
    from capacity_lms.calls.pages import CallCriterion

    return [
        CallCriterion(name="Relevance", weight=Decimal(3), max_score=5),
        CallCriterion(name="Logical framework", weight=Decimal(2), max_score=5),
        CallCriterion(name="Sustainability", weight=Decimal(1), max_score=5),
    ]


class CallPageFactory(PageFactory):
    """A published call, open from a month ago to a month ahead at 16:00 Casablanca time,
    with three weighted criteria; pass ``parent=<CallIndexPage>``. ``criteria``,
    ``required_documents``, ``committee`` and ``rates`` take lists of unsaved inline rows;
    ``host_countries``, ``strategic_axes`` and ``specialized_groups`` lists of rows."""

    class Meta:
        model = "capacity_lms.CallPage"

    title = factory.Sequence(lambda n: f"Call for projects {n}")
    slug = factory.Sequence(lambda n: f"call-{n}")
    year = factory.LazyFunction(lambda: timezone.now().year)
    opens_on = factory.LazyFunction(lambda: timezone.now().date() - datetime.timedelta(days=30))
    opens_at = datetime.time(9, 0)
    closes_on = factory.LazyFunction(lambda: timezone.now().date() + datetime.timedelta(days=30))
    closes_at = datetime.time(16, 0)
    currency = "MAD"
    ceiling = Decimal("300000")
    envelope = Decimal("3000000")
    minimum_share = Decimal("20")

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        inlines = {
            "criteria": kwargs.pop("criteria", None) or default_criteria(),
            "required_documents": kwargs.pop("required_documents", []),
            "committee": kwargs.pop("committee", []),
            "rates": kwargs.pop("rates", []),
        }
        many = {
            name: kwargs.pop(name, [])
            for name in ("host_countries", "strategic_axes", "specialized_groups")
        }
        if parent is None:
            raise ValueError(f"{cls.__name__} needs parent=<page>.")
        page = model_class(*args, **kwargs)
        for name, rows in inlines.items():
            # In the order given, as the editor's inline panel saves them: without a sort
            # order PostgreSQL returns tied rows in any order.
            for number, row in enumerate(rows):
                if hasattr(row, "sort_order") and row.sort_order is None:
                    row.sort_order = number
            setattr(page, name, rows)
        for name, values in many.items():
            getattr(page, name).set(values)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page


def application_for(call, association, *, complete=True, **project_fields):
    """A draft application of ``association`` to ``call`` (written directly, not through
    :class:`~capacity_lms.calls.actions.StartApplication`, so that tests pick their clock).

    ``complete`` fills every section, a logical framework (an objective, a result, an
    activity, an indicator, an assumption), a partner and a balanced budget in the call's
    currency: 100,000 of cost, 70,000 requested, 20,000 own and 10,000 from another funder
    (30 % co-financing), within the factory call's ceiling and share."""
    from capacity_lms.calls.models import Application
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

    call = call.canonical()
    fields = {"title": f"Project of {association.name}", "currency": call.currency}
    if complete:
        fields.update(
            language="fr",
            summary="Digital skills for young people in the home region.",
            context="Few training centres in the rural communes.",
            target_groups="Young people aged 16 to 25.",
            overall_objective="Better employability in the region.",
            requested_amount=Decimal("70000"),
            own_contribution=Decimal("20000"),
        )
    fields.update(project_fields)
    project = Project.objects.create(association=association, **fields)
    if complete:
        objective = SpecificObjective.objects.create(project=project, text="Train 60 people")
        result = ExpectedResult.objects.create(objective=objective, text="60 people trained")
        Activity.objects.create(
            result=result,
            text="Six two-week sessions",
            starts_on=datetime.date(call.year, 9, 1),
            ends_on=datetime.date(call.year, 12, 15),
        )
        Indicator.objects.create(
            project=project,
            result=result,
            text="People trained",
            unit="people",
            baseline=Decimal(0),
            target=Decimal(60),
            source="Attendance sheets",
        )
        Assumption.objects.create(project=project, text="The commune lends a room")
        BudgetLine.objects.create(
            project=project,
            order=1,
            category="travel",
            description="Trainers' travel",
            unit="trip",
            quantity=Decimal(10),
            unit_cost=Decimal("5000"),
            currency=call.currency,
        )
        BudgetLine.objects.create(
            project=project,
            order=2,
            category="services",
            description="Training room and equipment hire",
            unit="lump sum",
            quantity=Decimal(1),
            unit_cost=Decimal("50000"),
            currency=call.currency,
        )
        OtherFunder.objects.create(project=project, name="Regional council", amount=10000)
        ProjectPartner.objects.create(
            project=project,
            kind=ProjectPartner.Kind.TERRITORIAL,
            name="Commune of Tafraout",
            role="Lends the training room",
        )
    return Application.objects.create(call=call, association=association, project=project)
