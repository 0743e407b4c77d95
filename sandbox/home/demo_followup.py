"""Last year's call, decided, and the follow-up of its funded projects, as
``demo_content/calls/funded.toml`` says: five demo associations' applications with their
logical frameworks and budgets, the committee's reviews (reviewer1 chairs; reviewer3 declared a
conflict of interest on one application) and decisions; then, for the funded projects, the
agreement, tranches and reports through the follow-up's actions: one with its interim report
approved and the second tranche released, one whose approved final report became a case-study
draft in the library, and one whose interim report is late and was reminded. Idempotent."""

import datetime
import tomllib
from decimal import Decimal
from pathlib import Path

from django.utils import timezone

from sandbox.home.demo_documents import attach_to_decided, attach_to_draft

FUNDED_CONTENT = Path(__file__).resolve().parents[1] / "demo_content" / "calls" / "funded.toml"
CURRENT_CONTENT = FUNDED_CONTENT.with_name("current.toml")
CURRENT_CALL = "partnership-programme-current"
PREVIOUS_CALL = "partnership-programme-previous"
# When each funded project's final report falls due (days back; negative: ahead).
FINAL_DUE_DAYS_AGO = {"interim_late": -90, "interim_approved": -60, "final_case_study": 10}


def read_funded(path=FUNDED_CONTENT):
    with open(path, "rb") as file:
        return tomllib.load(file)


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def ensure_project(association, content, call, author, *, starts=-290, ends=-20):
    from capacity_lms.projects.models import (
        Activity,
        BudgetLine,
        ExpectedResult,
        Indicator,
        Project,
        ProjectPartner,
        SpecificObjective,
    )

    lines = content["lines"]
    total = sum(Decimal(quantity) * Decimal(cost) for _c, _d, quantity, cost in lines)
    own = Decimal(content["own"])
    project = Project.objects.create(
        association=association,
        title=content["title"],
        language=content["language"],
        summary=content["summary"],
        context=content["context"],
        target_groups=content["target_groups"],
        overall_objective=content["overall_objective"],
        currency=call.currency,
        requested_amount=total - own,
        own_contribution=own,
        starts_on=days_ago(-starts),
        ends_on=days_ago(-ends),
        created_by=author,
    )
    objective = SpecificObjective.objects.create(project=project, text=content["objective"])
    result = ExpectedResult.objects.create(objective=objective, text=content["result"])
    for order, text in enumerate(content["activities"]):
        Activity.objects.create(result=result, text=text, order=order)
    for order, (text, unit, baseline, target, _reached) in enumerate(content["indicators"]):
        Indicator.objects.create(
            project=project,
            result=result,
            text=text,
            unit=unit,
            baseline=Decimal(baseline),
            target=Decimal(target),
            order=order,
        )
    for order, (category, description, quantity, cost) in enumerate(lines):
        BudgetLine.objects.create(
            project=project,
            category=category,
            description=description,
            unit="",
            quantity=Decimal(quantity),
            unit_cost=Decimal(cost),
            currency=call.currency,
            order=order,
        )
    for kind, name in (
        (ProjectPartner.Kind.HOST_COUNTRY, content["partner_host"]),
        (ProjectPartner.Kind.TERRITORIAL, content["partner_morocco"]),
    ):
        if name:
            ProjectPartner.objects.create(project=project, kind=kind, name=name)
    return project


def ensure_review(application, item, call, users):
    """The committee's reviews and decision, as the committee recorded them last year."""
    from capacity_lms.calls.review_models import Decision, ReviewAssignment, Score

    criteria = list(call.criteria.all())
    chair = users["reviewer1"]
    reviewers = [users[name] for name in ("reviewer1", "reviewer2", "reviewer3")]
    declared = timezone.now() - datetime.timedelta(days=330)
    scores = iter(item["scores"])
    for reviewer in reviewers:
        conflict = item.get("conflict") == reviewer.username
        assignment = ReviewAssignment.objects.create(
            application=application,
            reviewer=reviewer,
            assigned_by=chair,
            conflict=conflict,
            declaration="I advised this association last year." if conflict else "",
            declared_at=declared,
            submitted_at=None if conflict else declared + datetime.timedelta(days=5),
        )
        if conflict:
            continue
        for criterion, score in zip(criteria, next(scores), strict=True):
            Score.objects.create(
                assignment=assignment,
                criterion=criterion,
                score=score,
                comment="",
            )
    Decision.objects.create(
        application=application,
        outcome=item["outcome"],
        amount=application.project.requested_amount if item["outcome"] == "funded" else None,
        reason=item["reason"],
        language=item.get("reason_language", "en"),
        decided_by=chair,
    )


def follow_up(application, item, staff):
    """The agreement, tranches and reports of a funded project, through the actions."""
    from capacity_lms.calls.capitalisation import DraftCaseStudyAction
    from capacity_lms.calls.followup import (
        RecordAgreementAction,
        ReleaseTrancheAction,
        ReviewReportAction,
        SubmitReportAction,
        remind_late_reports,
    )
    from capacity_lms.people.models import Membership

    amount = application.decision.amount
    first = (amount * Decimal("0.6")).quantize(Decimal("1"))
    stage = item["followup"]
    interim_due = days_ago(20) if stage == "interim_late" else days_ago(150)
    agreement = RecordAgreementAction(
        application,
        user=staff,
        amount=amount,
        signed_on=days_ago(300),
        tranches=[(first, days_ago(300)), (amount - first, interim_due)],
        reports=[("interim", interim_due), ("final", days_ago(FINAL_DUE_DAYS_AGO[stage]))],
    ).execute()
    ReleaseTrancheAction(agreement.tranches.get(number=1), user=staff).execute()
    if stage == "interim_late":
        remind_late_reports()
        backdate(agreement)
        return
    admin = Membership.objects.leaders().filter(association=application.association).first().user
    project = application.project
    reached = {
        indicator.pk: indicator_reached
        for indicator, (*_rest, indicator_reached) in zip(
            project.indicators.order_by("order"), item["project"]["indicators"], strict=True
        )
    }
    reports = ["interim"] if stage == "interim_approved" else ["interim", "final"]
    for number, _kind in enumerate(reports, start=1):
        report = application.reports.get(number=number)
        SubmitReportAction(
            report,
            user=admin,
            texts={
                "activities_done": "\n".join(item["project"]["activities"]),
                "success_factors": item["project"]["partner_morocco"],
                "difficulties": "",
            },
            values={pk: (value, "") for pk, value in reached.items() if value},
            spending={
                line.pk: line.quantity * line.unit_cost / len(reports)
                for line in project.budget_lines.all()
            },
        ).execute()
        ReviewReportAction(report, user=staff, approve=True).execute()
        if number == 1:
            ReleaseTrancheAction(agreement.tranches.get(number=2), user=staff).execute()
    if stage == "final_case_study":
        DraftCaseStudyAction(application.reports.get(number=2), user=staff).execute()
    backdate(agreement)


def backdate(agreement):
    """The demo's dates as they would have been: a tranche released on its planned day, a
    report filed and approved around its due day (the actions wrote today)."""
    from capacity_lms.calls.followup_models import ProjectReport, Tranche

    def moment(day, hour):
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))

    reports = {report.number: report for report in agreement.application.reports.all()}
    for tranche in agreement.tranches.filter(released_at__isnull=False):
        # The first on signature; each next the day after the report before it was approved.
        day = agreement.signed_on
        if tranche.number > 1:
            day = reports[tranche.number - 1].due_on + datetime.timedelta(days=5)
        Tranche.objects.filter(pk=tranche.pk).update(released_at=moment(day, 10))
    for report in agreement.application.reports.filter(submitted_at__isnull=False):
        ProjectReport.objects.filter(pk=report.pk).update(
            submitted_at=moment(report.due_on - datetime.timedelta(days=3), 18),
            approved_at=moment(report.due_on + datetime.timedelta(days=4), 11)
            if report.approved_at
            else None,
        )


def load_funded(users, path=FUNDED_CONTENT):
    """Last year's applications, reviews, decisions and follow-up; counts for the summary."""
    from capacity_lms.calls.models import Application
    from capacity_lms.calls.pages import CallPage
    from capacity_lms.people.models import Membership
    from sandbox.home.demo_network import _find, load_network_content

    call = CallPage.objects.filter(slug=PREVIOUS_CALL, locale__language_code="en").first()
    if call is None:
        return {}
    by_key = {item["key"]: item for item in load_network_content()["associations"]}
    for item in read_funded(path)["applications"]:
        association = _find(by_key[item["association"]])
        if (
            association is None
            or Application.objects.filter(call=call, association=association).exists()
        ):
            continue
        leader = Membership.objects.leaders().filter(association=association).first()
        project = ensure_project(
            association, item["project"], call, leader.user if leader else None
        )
        application = Application.objects.create(
            call=call,
            association=association,
            project=project,
            strategic_axis=call.strategic_axes.first(),
            status=item["outcome"],
            submitted_at=timezone.now() - datetime.timedelta(days=335),
        )
        attach_to_decided(application, leader.user if leader else None)
        ensure_review(application, item, call, users)
        if item.get("followup"):
            follow_up(application, item, users["staff"])
    return {"applications to last year's call": Application.objects.filter(call=call).count()}


def load_current(path=CURRENT_CONTENT):
    """This year's open call: a draft and submitted applications of demo associations (the
    submissions through the applications' action, as the association's admin)."""
    from capacity_lms.calls.actions import SubmitApplication
    from capacity_lms.calls.models import Application
    from capacity_lms.calls.pages import CallPage
    from capacity_lms.people.models import Membership
    from sandbox.home.demo_network import _find, load_network_content

    call = CallPage.objects.filter(slug=CURRENT_CALL, locale__language_code="en").first()
    if call is None:
        return {}
    by_key = {item["key"]: item for item in load_network_content()["associations"]}
    for item in read_funded(path)["applications"]:
        association = _find(by_key[item["association"]])
        if (
            association is None
            or Application.objects.filter(call=call, association=association).exists()
        ):
            continue
        leader = Membership.objects.leaders().filter(association=association).first()
        author = leader.user if leader else None
        project = ensure_project(association, item["project"], call, author, starts=90, ends=400)
        application = Application.objects.create(
            call=call,
            association=association,
            project=project,
            strategic_axis=call.strategic_axes.first(),
            specialized_group=call.specialized_groups.first(),
        )
        if author is not None:
            attach_to_draft(application, author, complete=item["stage"] == "submitted")
        if item["stage"] == "submitted" and author is not None:
            SubmitApplication(application, user=author).execute()
    return {"applications to this year's call": Application.objects.filter(call=call).count()}
