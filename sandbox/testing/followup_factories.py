"""A funded application with its project, for the follow-up of funded projects (issue #22):
a logical framework of one objective, one result, two activities and two indicators, three
budget lines, and the committee's decision."""

import datetime
from decimal import Decimal

from django.utils import timezone

from sandbox.testing.factories import AssociationFactory, MembershipFactory, UserFactory


def funded_application(call, *, association=None, admin=None, granted=Decimal("90000")):
    """A submitted application to ``call`` the committee funded with ``granted``; its
    association's admin is ``admin`` (made when not given). The committee's session on the
    call is closed (its stage is "decided"): the decision is announced."""
    from capacity_lms.calls.models import Application
    from capacity_lms.calls.pages import CallPage
    from capacity_lms.calls.review_models import Decision
    from capacity_lms.calls.stages import CallStage
    from capacity_lms.people.models import Membership
    from capacity_lms.projects.models import (
        Activity,
        BudgetLine,
        ExpectedResult,
        Indicator,
        OtherFunder,
        Project,
        ProjectPartner,
        SpecificObjective,
    )

    association = association or AssociationFactory()
    admin = admin or UserFactory()
    MembershipFactory(user=admin, association=association, role=Membership.Role.LEADER)
    today = timezone.localdate()
    project = Project.objects.create(
        association=association,
        title="Digital skills for young people in Figuig",
        language="en",
        summary="Evening classes in digital skills for forty young people, with a youth centre.",
        context=(
            "Young people in Figuig leave school without digital skills.\n\n"
            "The youth centre has rooms but no teachers."
        ),
        target_groups="Young people aged 15 to 25",
        overall_objective="More young people in Figuig find work or training.",
        currency=call.currency,
        requested_amount=Decimal("90000"),
        own_contribution=Decimal("20000"),
        starts_on=today - datetime.timedelta(days=300),
        ends_on=today - datetime.timedelta(days=10),
    )
    objective = SpecificObjective.objects.create(project=project, text="Teach digital skills")
    result = ExpectedResult.objects.create(objective=objective, text="Forty young people trained")
    Activity.objects.create(result=result, text="Weekly evening classes", order=1)
    Activity.objects.create(result=result, text="A final project fair", order=2)
    Indicator.objects.create(
        project=project,
        result=result,
        text="Young people trained",
        unit="people",
        baseline=Decimal("0"),
        target=Decimal("40"),
        source="Attendance sheets",
    )
    Indicator.objects.create(
        project=project,
        result=result,
        text="Found work or training",
        unit="people",
        baseline=Decimal("0"),
        target=Decimal("15"),
        source="Follow-up calls",
    )
    for order, (category, description, quantity, cost) in enumerate(
        [
            ("staff", "Trainer", "100", "600"),
            ("equipment", "Laptops", "10", "4000"),
            ("communication", "Posters", "1", "10000"),
        ]
    ):
        BudgetLine.objects.create(
            project=project,
            category=category,
            description=description,
            unit="unit",
            quantity=Decimal(quantity),
            unit_cost=Decimal(cost),
            currency=call.currency,
            order=order,
        )
    OtherFunder.objects.create(project=project, name="Commune of Figuig", amount=Decimal("0"))
    ProjectPartner.objects.create(
        project=project, kind=ProjectPartner.Kind.TERRITORIAL, name="Youth centre of Figuig"
    )
    application = Application.objects.create(
        call=call,
        association=association,
        project=project,
        status=Application.Status.FUNDED,
        submitted_at=timezone.now() - datetime.timedelta(days=200),
    )
    Decision.objects.create(
        application=application,
        outcome=Decision.Outcome.FUNDED,
        amount=granted,
        reason="Strong logical framework.",
    )
    CallPage.objects.filter(pk=call.canonical().pk).update(stage=CallStage.DECIDED)
    call.stage = CallStage.DECIDED
    return application
