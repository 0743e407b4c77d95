"""The generated world's applications to last year's call (the hand-written demo's decided call,
``partnership-programme-previous``) and the committee's decisions on them.

Some of the world's associations abroad drafted a complete application (the calls' factory,
``application_for``, on the day they started it) and their admin submitted it through
``SubmitApplication`` while the call was open, each under ``clock.at`` of that day. Programme
staff found most eligible; the committee (reviewer1 chairing, reviewer2 and reviewer3) scored
them after the deadline and decided: funded, reserve list or refused. The call was decided long
ago (its stage is "decided"), so its committee's actions would refuse now: the reviews and
decisions are written as ``demo_followup`` writes last year's, dated by the clock of the day
they were made, with the call's history rows. The funded projects then go on through the
follow-up's actions (agreement, tranches, an interim report approved). An association's
application is found again by the call and the association, so loading twice adds nothing."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model

from capacity_lms.calls import history
from capacity_lms.calls.actions import SubmitApplication
from capacity_lms.calls.models import Application, CallEvent
from capacity_lms.calls.review_models import Decision, ReviewAssignment, Score
from capacity_lms.core import clock
from sandbox.home.demo_followup import PREVIOUS_CALL
from sandbox.testing.call_factories import application_for

COMMITTEE = ("reviewer1", "reviewer2", "reviewer3")
HOW_MANY = 16

# (title, language, summary) of the projects, by the association's first strategic axis
TITLES = {
    "school-support": ("Homework clubs in the home commune", "fr"),
    "youth-and-precarious": ("Job coaching for young people of the region", "en"),
    "cultural-link": ("Summer schools of language and heritage", "fr"),
    "women-conditions": ("A women's cooperative and its accounts", "ar"),
    "solidarity-development": ("Drinking water for three douars", "fr"),
    "project-engineering": ("Training local associations in project writing", "en"),
}
REASONS = {
    Decision.Outcome.FUNDED: "A clear logical framework and a partner in the region ready to act.",
    Decision.Outcome.RESERVE: "A sound project, ranked just below the envelope.",
    Decision.Outcome.REFUSED: "The budget does not match the activities described.",
}


def previous_call():
    from capacity_lms.calls.pages import CallPage

    return CallPage.objects.filter(slug=PREVIOUS_CALL, locale__language_code="en").first()


def _committee():
    people = get_user_model().objects.in_bulk(COMMITTEE, field_name="username")
    return [people[name] for name in COMMITTEE if name in people]


def _outcome(rank, count):
    if rank < count * 0.4:
        return Decision.Outcome.FUNDED
    if rank < count * 0.6:
        return Decision.Outcome.RESERVE
    return Decision.Outcome.REFUSED


def _applicants(world, call):
    done = set(Application.objects.filter(call=call).values_list("association_id", flat=True))
    chosen = []
    for association in world.associations:
        people = world.members.get(association.pk) or []
        if people and association.verification_status == "verified":
            chosen.append((association, people[0]))
    picked = chosen[1::3][:HOW_MANY]
    return [(item, leader) for item, leader in picked if item.pk not in done]


def submit(world, call, association, leader):
    """The association's complete draft, started and submitted while the call was open."""
    opens, closes = call.opens, call.closes
    span = max((closes - opens).days - 2, 1)
    started = opens + datetime.timedelta(days=world.rng.randrange(span))
    axis = association.strategic_axes.order_by("code").first()
    title, language = TITLES.get(axis.code if axis else "", TITLES["school-support"])
    with clock.at(started):
        application = application_for(
            call, association, title=f"{title} ({association.name})", language=language
        )
        application.project.created_by = leader
        application.project.save(update_fields=["created_by"])
        history.record(call, CallEvent.Verb.STARTED, actor=leader, application=application)
    submitted = min(started + datetime.timedelta(days=world.rng.randrange(3, 20)), closes)
    with clock.at(submitted - datetime.timedelta(hours=2)):
        return SubmitApplication(application, user=leader).execute()


def review(world, application, committee, criteria, when):
    """Every committee member's scores (the chair assigns), submitted within ten days; the
    total of the marks, for the ranking."""
    total = 0
    quality = world.rng.random()
    for reviewer in committee:
        with clock.at(when):
            assignment = ReviewAssignment.objects.create(
                application=application,
                reviewer=reviewer,
                assigned_by=committee[0],
                conflict=False,
                declared_at=when + datetime.timedelta(hours=3),
                submitted_at=when + datetime.timedelta(days=world.rng.randrange(2, 10)),
            )
            scores = []
            for criterion in criteria:
                low = round(criterion.max_score * quality * 0.6)
                score = min(criterion.max_score, low + world.rng.randrange(0, 3))
                total += score
                scores.append(
                    Score(assignment=assignment, criterion=criterion, score=score, comment="")
                )
            Score.objects.bulk_create(scores)
            history.record(
                application.call, CallEvent.Verb.SCORED, actor=reviewer, application=application
            )
    return total


def load_calls(world):
    """Applications of the world's associations to last year's call, reviewed and decided;
    returns (applications made, funded among them)."""
    call = previous_call()
    committee = _committee()
    if call is None or not committee:
        return {"applications to last year's call (world)": 0}
    call = call.canonical()
    criteria = list(call.criteria.all())
    submitted = [submit(world, call, *pair) for pair in _applicants(world, call)]
    # Programme staff's eligibility: one in eight found ineligible (a missing statute).
    eligible = []
    checked = call.closes + datetime.timedelta(days=6)
    for number, application in enumerate(submitted):
        ok = number % 8 != 5
        with clock.at(checked):
            Application.objects.filter(pk=application.pk).update(
                status=Application.Status.ELIGIBLE if ok else Application.Status.INELIGIBLE
            )
            history.record(call, CallEvent.Verb.ELIGIBILITY, application=application)
        if ok:
            eligible.append(application)
    reviewed = checked + datetime.timedelta(days=8)
    totals = {app.pk: review(world, app, committee, criteria, reviewed) for app in eligible}
    ranked = sorted(eligible, key=lambda item: -totals[item.pk])
    decided = reviewed + datetime.timedelta(days=21)
    funded = []
    for rank, application in enumerate(ranked):
        outcome = _outcome(rank, len(ranked))
        requested = application.project.requested_amount or Decimal(0)
        with clock.at(decided):
            Decision.objects.create(
                application=application,
                outcome=outcome,
                amount=requested if outcome == Decision.Outcome.FUNDED else None,
                reason=REASONS[outcome],
                language="en",
                decided_by=committee[0],
            )
            Application.objects.filter(pk=application.pk).update(status=outcome)
            history.record(
                call, CallEvent.Verb.DECIDED, actor=committee[0], application=application
            )
        if outcome == Decision.Outcome.FUNDED:
            funded.append(application)
    reported = sum(
        follow_up(world, application, decided, number) for number, application in enumerate(funded)
    )
    return {
        "applications to last year's call (world)": len(submitted),
        "funded by last year's call (world)": len(funded),
        "interim reports approved (world)": reported,
    }


def follow_up(world, application, decided, number):
    """The agreement of a funded project and its first tranche, recorded by staff a few weeks
    after the decision; two projects in three then filed their interim report on time, staff
    approved it and released the second tranche (the third's is late). 1 if reported."""
    from capacity_lms.calls.followup import (
        RecordAgreementAction,
        ReleaseTrancheAction,
        ReviewReportAction,
        SubmitReportAction,
    )

    staff = get_user_model().objects.filter(username="staff").first()
    leader = (world.members.get(application.association_id) or [None])[0]
    if staff is None or leader is None:
        return 0
    application.refresh_from_db()
    amount = application.decision.amount
    first = (amount * Decimal("0.6")).quantize(Decimal("1"))
    signed = (decided + datetime.timedelta(days=25)).date()
    interim = signed + datetime.timedelta(days=150)
    final = signed + datetime.timedelta(days=330)
    with clock.at(world.moment(signed, 10)):
        agreement = RecordAgreementAction(
            application,
            user=staff,
            amount=amount,
            signed_on=signed,
            tranches=[(first, signed), (amount - first, interim + datetime.timedelta(days=10))],
            reports=[("interim", interim), ("final", final)],
        ).execute()
        ReleaseTrancheAction(agreement.tranches.get(number=1), user=staff).execute()
    approved = interim + datetime.timedelta(days=4)
    if number % 3 == 2 or approved >= world.today:
        return 0
    project = application.project
    report = application.reports.get(number=1)
    with clock.at(world.moment(interim - datetime.timedelta(days=3), 18)):
        SubmitReportAction(
            report,
            user=leader,
            texts={
                "activities_done": "The first sessions took place as planned.",
                "success_factors": "A partner in the commune who knew every family.",
                "difficulties": "Two months' delay in buying the equipment.",
            },
            values={
                indicator.pk: (indicator.target / 2, "") for indicator in project.indicators.all()
            },
            spending={
                line.pk: line.quantity * line.unit_cost / 2 for line in project.budget_lines.all()
            },
        ).execute()
    with clock.at(world.moment(approved, 11)):
        ReviewReportAction(report, user=staff, approve=True).execute()
    with clock.at(world.moment(approved + datetime.timedelta(days=2), 10)):
        ReleaseTrancheAction(agreement.tranches.get(number=2), user=staff).execute()
    return 1
