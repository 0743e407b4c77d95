"""The committee (issue #22, point 4): assignment by the chair, declarations of interest,
scores, decisions within the envelope, and what each person may see."""

import threading
from decimal import Decimal

import pytest
from django.core import mail
from django.db import connection
from django.http import Http404

from capacity_lms.calls.committee import (
    AssignReviewer,
    Decide,
    DeclareInterest,
    MoveCallStage,
    SubmitScores,
    committed,
    is_chair,
    seat,
)
from capacity_lms.calls.models import Application, CallEvent
from capacity_lms.calls.pages import CallPage
from capacity_lms.calls.review_models import Decision, ReviewAssignment, Score
from capacity_lms.calls.review_scopes import (
    assignments_for,
    scores_visible_to,
    visible_application_for_reviewer,
)
from capacity_lms.calls.stages import CallStage
from capacity_lms.core.actions import ActionRefused
from capacity_lms.people.models import Association
from sandbox.testing.call_factories import CallPageFactory
from sandbox.testing.committee_factories import (
    ApplicationFactory,
    CommitteeMemberFactory,
    scored_review,
)
from sandbox.testing.factories import UserFactory
from tests.concurrency import run_together
from tests.integration.calls.world import committee, eligible, staff  # noqa: F401

pytestmark = pytest.mark.django_db


def full_scores(call, score=4, comment="Well argued."):
    return {criterion.pk: (score, comment) for criterion in call.criteria.all()}


def assign(application, chair, reviewer):
    return AssignReviewer(application, user=chair, reviewer=reviewer).execute()


def opened(application, chair, reviewer):
    assignment = assign(application, chair, reviewer)
    return DeclareInterest(assignment, user=reviewer, conflict=False).execute()


def reviewed(application, chair, reviewers, score=4):
    for reviewer in reviewers:
        assignment = opened(application, chair, reviewer)
        SubmitScores(
            assignment, user=reviewer, scores=full_scores(application.call, score)
        ).execute()


def state():
    """Every row the committee's actions write, to show a refusal wrote nothing."""
    return (
        list(ReviewAssignment.objects.values_list("pk", "conflict", "submitted_at")),
        Score.objects.count(),
        Decision.objects.count(),
        CallEvent.objects.count(),
        list(Application.objects.values_list("status", flat=True)),
    )


def refused(action, code):
    before = state()
    with pytest.raises(ActionRefused) as error:
        action.execute()
    assert error.value.code == code, error.value.messages
    assert state() == before
    return error.value


# -- Seats ------------------------------------------------------------------------------------


def test_seats_are_read_on_the_call_in_the_default_language(call, committee):  # noqa: F811
    from wagtail.models import Locale

    french = call.copy_for_translation(
        Locale.objects.get_or_create(language_code="fr")[0], copy_parents=True
    )
    french.save_revision().publish()
    french = CallPage.objects.get(pk=french.pk)
    assert seat(committee["reviewers"][0], french).department == "Culture"
    assert is_chair(committee["chair"], french) and not is_chair(committee["reviewers"][0], call)
    assert seat(UserFactory(username="outsider"), call) is None


# -- Assignment -------------------------------------------------------------------------------


def test_the_chair_assigns_a_committee_member_once(eligible, committee):  # noqa: F811
    reviewer = committee["reviewers"][0]
    assignment = assign(eligible, committee["chair"], reviewer)
    assert (assignment.reviewer, assignment.assigned_by, assignment.conflict) == (
        reviewer,
        committee["chair"],
        None,
    )
    event = CallEvent.objects.get(verb=CallEvent.Verb.ASSIGNED)
    assert event.application == eligible and event.details == {"reviewer": reviewer.pk}
    refused(AssignReviewer(eligible, user=committee["chair"], reviewer=reviewer), "twice")


def test_every_refusal_to_assign(call, eligible, committee, staff):  # noqa: F811
    chair, reviewer = committee["chair"], committee["reviewers"][0]
    refused(AssignReviewer(eligible, user=reviewer, reviewer=reviewer), "permission")
    refused(AssignReviewer(eligible, user=staff, reviewer=reviewer), "permission")
    outsider = UserFactory(username="outsider")
    refused(AssignReviewer(eligible, user=chair, reviewer=outsider), "not_a_member")
    other_call = CallPageFactory(parent=call.get_parent())
    member_elsewhere = UserFactory(username="elsewhere")
    CommitteeMemberFactory(call=other_call, user=member_elsewhere)
    refused(AssignReviewer(eligible, user=chair, reviewer=member_elsewhere), "not_a_member")
    submitted = ApplicationFactory(call=call)
    refused(AssignReviewer(submitted, user=chair, reviewer=reviewer), "state")


# -- Declarations of interest -----------------------------------------------------------------


def test_an_undeclared_assignment_is_listed_but_does_not_open(eligible, committee):  # noqa: F811
    reviewer = committee["reviewers"][0]
    assignment = assign(eligible, committee["chair"], reviewer)
    assert list(assignments_for(reviewer)) == [assignment]
    with pytest.raises(Http404):
        visible_application_for_reviewer(reviewer, eligible.pk)
    refused(SubmitScores(assignment, user=reviewer, scores=full_scores(eligible.call)), "not_open")


def test_declaring_no_conflict_opens_the_application(eligible, committee):  # noqa: F811
    reviewer = committee["reviewers"][0]
    assignment = opened(eligible, committee["chair"], reviewer)
    assert assignment.conflict is False and assignment.declared_at is not None
    assert visible_application_for_reviewer(reviewer, eligible.pk) == eligible
    event = CallEvent.objects.get(verb=CallEvent.Verb.DECLARED)
    assert event.details == {"conflict": False} and event.actor == reviewer
    assert mail.outbox == []


def test_a_conflict_hides_the_application_for_good_and_tells_the_chair(
    eligible,  # noqa: F811
    committee,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    reviewer = committee["reviewers"][0]
    assignment = assign(eligible, committee["chair"], reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        DeclareInterest(
            assignment, user=reviewer, conflict=True, declaration="I sit on its board."
        ).execute()
    assert [message.to for message in mail.outbox] == [["chair@example.org"]]
    assert eligible.association.name in mail.outbox[0].body
    assert list(assignments_for(reviewer)) == []
    with pytest.raises(Http404):
        visible_application_for_reviewer(reviewer, eligible.pk)
    assert list(scores_visible_to(reviewer, eligible)) == []
    assignment.refresh_from_db()
    refused(DeclareInterest(assignment, user=reviewer, conflict=False), "twice")
    refused(SubmitScores(assignment, user=reviewer, scores=full_scores(eligible.call)), "not_open")
    # Others' scores stay closed to them once submitted.
    reviewed(eligible, committee["chair"], committee["reviewers"][1:])
    assert list(scores_visible_to(reviewer, eligible)) == []
    # And the chair assigns another reviewer; the conflicted one cannot be assigned again.
    refused(AssignReviewer(eligible, user=committee["chair"], reviewer=reviewer), "twice")


def test_every_refusal_to_declare(eligible, committee):  # noqa: F811
    reviewer, other = committee["reviewers"][:2]
    assignment = assign(eligible, committee["chair"], reviewer)
    refused(DeclareInterest(assignment, user=other, conflict=False), "permission")
    refused(DeclareInterest(assignment, user=committee["chair"], conflict=False), "permission")
    refused(DeclareInterest(assignment, user=reviewer, conflict=True), "declaration")
    refused(DeclareInterest(assignment, user=reviewer, conflict="no"), "answer")
    DeclareInterest(assignment, user=reviewer, conflict=False).execute()
    assignment.refresh_from_db()
    refused(DeclareInterest(assignment, user=reviewer, conflict=True, declaration="x"), "twice")


def test_nobody_unassigned_sees_an_application(eligible, committee):  # noqa: F811
    opened(eligible, committee["chair"], committee["reviewers"][0])
    for person in [committee["reviewers"][1], committee["chair"], UserFactory(username="x")]:
        with pytest.raises(Http404):
            visible_application_for_reviewer(person, eligible.pk)
        assert list(assignments_for(person)) == []
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(Http404):
        visible_application_for_reviewer(AnonymousUser(), eligible.pk)
    assert list(assignments_for(AnonymousUser())) == []


# -- Scores -----------------------------------------------------------------------------------


def test_a_reviewer_submits_every_score_once(eligible, committee):  # noqa: F811
    reviewer = committee["reviewers"][0]
    assignment = opened(eligible, committee["chair"], reviewer)
    scores = full_scores(eligible.call)
    SubmitScores(assignment, user=reviewer, scores=scores).execute()
    assignment.refresh_from_db()
    assert assignment.submitted_at is not None
    assert sorted(Score.objects.values_list("criterion_id", "score", "comment")) == sorted(
        (pk, 4, "Well argued.") for pk in scores
    )
    assert CallEvent.objects.filter(verb=CallEvent.Verb.SCORED).count() == 1
    refused(SubmitScores(assignment, user=reviewer, scores=scores), "twice")


@pytest.mark.parametrize(
    "change",
    ["missing", "above", "below", "fraction", "boolean", "text", "no_comment", "unknown"],
)
def test_every_bad_score_is_refused_and_nothing_is_written(eligible, committee, change):  # noqa: F811
    reviewer = committee["reviewers"][0]
    assignment = opened(eligible, committee["chair"], reviewer)
    scores = full_scores(eligible.call)
    first = next(iter(scores))
    bad = {
        "above": (6, "Too high."),
        "below": (-1, "Negative."),
        "fraction": ("3.5", "Half."),
        "boolean": (True, "Yes."),
        "text": ("four", "Words."),
        "no_comment": (4, "   "),
    }
    if change == "missing":
        del scores[first]
    elif change == "unknown":
        scores[999999] = (3, "Not a criterion.")
    else:
        scores[first] = bad[change]
    refused(SubmitScores(assignment, user=reviewer, scores=scores), "scores")


def test_scores_are_refused_to_others_and_after_the_decision(eligible, committee):  # noqa: F811
    reviewer, other = committee["reviewers"][:2]
    assignment = opened(eligible, committee["chair"], reviewer)
    scores = full_scores(eligible.call)
    refused(SubmitScores(assignment, user=other, scores=scores), "permission")
    refused(SubmitScores(assignment, user=committee["chair"], scores=scores), "permission")
    Application.objects.filter(pk=eligible.pk).update(status="refused")
    assignment = ReviewAssignment.objects.get(pk=assignment.pk)
    refused(SubmitScores(assignment, user=reviewer, scores=scores), "state")


def test_a_reviewer_reads_the_others_scores_only_after_submitting(eligible, committee):  # noqa: F811
    first, second = committee["reviewers"][:2]
    reviewed(eligible, committee["chair"], [first])
    waiting = opened(eligible, committee["chair"], second)
    assert list(scores_visible_to(second, eligible)) == []
    assert {s.assignment.reviewer for s in scores_visible_to(first, eligible)} == {first}
    SubmitScores(waiting, user=second, scores=full_scores(eligible.call, 2)).execute()
    assert scores_visible_to(second, eligible).count() == 6
    assert scores_visible_to(first, eligible).count() == 6


def test_the_chair_reads_submitted_scores_unless_reviewing_without_having_submitted(
    eligible,  # noqa: F811
    committee,  # noqa: F811
):
    chair, first = committee["chair"], committee["reviewers"][0]
    reviewed(eligible, chair, [first])
    assert scores_visible_to(chair, eligible).count() == 3
    opened(eligible, chair, chair)
    assert list(scores_visible_to(chair, eligible)) == []
    assert list(scores_visible_to(UserFactory(username="nobody"), eligible)) == []


# -- Decisions --------------------------------------------------------------------------------


def close_the_session(call, chair, capture):
    """The chair closes the committee's session (the review already open); e-mails sent."""
    CallPage.objects.filter(pk=call.pk).update(stage=CallStage.IN_REVIEW)
    with capture(execute=True):
        MoveCallStage(call, user=chair, stage=CallStage.DECIDED).execute()


def test_the_chair_funds_within_the_request_and_the_association_is_told(
    eligible,  # noqa: F811
    committee,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    reviewed(eligible, committee["chair"], committee["reviewers"][:2])
    with django_capture_on_commit_callbacks(execute=True):
        decision = Decide(
            eligible,
            user=committee["chair"],
            outcome="funded",
            amount="80000",
            reason="Strong logical framework.",
        ).execute()
    # Nobody is told while the committee still sits: the association hears when it closes.
    assert mail.outbox == []
    close_the_session(eligible.call, committee["chair"], django_capture_on_commit_callbacks)
    assert (decision.outcome, decision.amount) == ("funded", Decimal("80000.00"))
    eligible.refresh_from_db()
    assert eligible.status == Application.Status.FUNDED
    event = CallEvent.objects.get(verb=CallEvent.Verb.DECIDED)
    assert event.details == {"outcome": "funded", "amount": "80000.00"}
    assert event.reason == "Strong logical framework."
    assert [message.to for message in mail.outbox] == [["karim@example.org"]]
    assert "80000.00 MAD" in mail.outbox[0].body
    assert committed(eligible.call) == Decimal("80000")


@pytest.mark.parametrize("outcome", ["reserve", "refused"])
def test_reserve_and_refusal_carry_no_amount(eligible, committee, outcome):  # noqa: F811
    reviewed(eligible, committee["chair"], committee["reviewers"][:2])
    chair = committee["chair"]
    refused(Decide(eligible, user=chair, outcome=outcome, amount=1, reason="x"), "amount")
    decision = Decide(eligible, user=chair, outcome=outcome, reason="Below the bar.").execute()
    assert decision.amount is None
    assert Application.objects.get(pk=eligible.pk).status == outcome


def test_every_refusal_to_decide(eligible, committee, staff):  # noqa: F811
    chair = committee["chair"]
    refused(Decide(eligible, user=chair, outcome="refused", reason="x"), "reviews")
    reviewed(eligible, chair, committee["reviewers"][:1])
    refused(Decide(eligible, user=chair, outcome="refused", reason="x"), "reviews")
    reviewed(eligible, chair, committee["reviewers"][1:2])
    for person in [committee["reviewers"][0], staff]:
        refused(Decide(eligible, user=person, outcome="refused", reason="x"), "permission")
    refused(Decide(eligible, user=chair, outcome="refused", reason=" "), "reason")
    refused(Decide(eligible, user=chair, outcome="maybe", reason="x"), "outcome")
    for amount in [None, "", "lots", 0, "-5"]:
        refused(
            Decide(eligible, user=chair, outcome="funded", amount=amount, reason="x"), "amount"
        )
    refused(
        Decide(eligible, user=chair, outcome="funded", amount="100000.01", reason="x"),
        "over_request",
    )
    Decide(eligible, user=chair, outcome="refused", reason="Weak.").execute()
    refused(Decide(eligible, user=chair, outcome="funded", amount=1, reason="x"), "state")


def test_the_envelope_is_never_exceeded(call, committee):  # noqa: F811
    CallPage.objects.filter(pk=call.pk).update(envelope=Decimal("150000"))
    chair = committee["chair"]
    first, second = (
        ApplicationFactory(call=call, status=Application.Status.ELIGIBLE) for _n in range(2)
    )
    for application in (first, second):
        reviewed(application, chair, committee["reviewers"][:2])
    Decide(first, user=chair, outcome="funded", amount=100000, reason="Good.").execute()
    error = refused(
        Decide(second, user=chair, outcome="funded", amount=60000, reason="Good."), "envelope"
    )
    assert "50000" in error.messages[0]
    Decide(second, user=chair, outcome="funded", amount=50000, reason="Good.").execute()
    assert committed(call) == Decimal("150000")


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("migrated_rows")
def test_decisions_at_once_never_overspend_the_envelope(call, committee):  # noqa: F811
    """Eight chairs' clicks at once, each funding 100,000 of an envelope of 350,000: three
    are funded, five are refused, whatever the database (PostgreSQL locks the call's row;
    SQLite's IMMEDIATE transactions queue the writers)."""
    CallPage.objects.filter(pk=call.pk).update(envelope=Decimal("350000"))
    chair = committee["chair"]
    applications = [
        ApplicationFactory(call=call, status=Application.Status.ELIGIBLE) for _n in range(8)
    ]
    for application in applications:
        for reviewer in committee["reviewers"][:2]:
            scored_review(application, reviewer, dict.fromkeys(call.criteria.all(), 4))
    done = []

    def decide(application):
        def run():
            Decide(
                application, user=chair, outcome="funded", amount=100000, reason="Good."
            ).execute()
            done.append(application.pk)

        return run

    raised = run_together([decide(application) for application in applications], timeout=60)
    assert all(isinstance(error, ActionRefused) for error in raised), raised
    errors = [error.code for error in raised]
    assert len(done) == 3 and errors == ["envelope"] * 5
    assert committed(call) == Decimal("300000")
    assert Decision.objects.count() == 3
    assert CallEvent.objects.filter(verb=CallEvent.Verb.DECIDED).count() == 3


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("migrated_rows")
def test_on_postgresql_a_decision_holds_the_calls_row_until_it_commits(
    call,
    committee,  # noqa: F811
    monkeypatch,
):
    from django.db import OperationalError, transaction

    from capacity_lms.calls import committee as committee_module

    chair = committee["chair"]
    application = ApplicationFactory(call=call, status=Application.Status.ELIGIBLE)
    for reviewer in committee["reviewers"][:2]:
        scored_review(application, reviewer, dict.fromkeys(call.criteria.all(), 3))
    holding, release = threading.Event(), threading.Event()
    real_committed = committee_module.committed

    def slow_committed(call):
        holding.set()
        release.wait(timeout=10)
        return real_committed(call)

    monkeypatch.setattr(committee_module, "committed", slow_committed)

    def run():
        try:
            Decide(application, user=chair, outcome="funded", amount=1000, reason="ok").execute()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    try:
        assert holding.wait(timeout=10)
        with pytest.raises(OperationalError), transaction.atomic():
            CallPage.objects.select_for_update(nowait=True).get(pk=call.pk)
    finally:
        release.set()
        thread.join(timeout=10)
    assert Decision.objects.get(application=application).amount == Decimal("1000")


def test_a_refused_association_reads_the_reviewers_comments_in_its_language_without_names(
    eligible,  # noqa: F811
    committee,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    Association.objects.filter(pk=eligible.association_id).update(languages=["ar", "fr"])
    chair = committee["chair"]
    reviewers = committee["reviewers"][:2]
    for number, reviewer in enumerate(reviewers):
        assignment = opened(eligible, chair, reviewer)
        scores = {
            criterion.pk: (1, f"Comment {number} on {criterion.name}.")
            for criterion in eligible.call.criteria.all()
        }
        SubmitScores(assignment, user=reviewer, scores=scores).execute()
    with django_capture_on_commit_callbacks(execute=True):
        Decide(eligible, user=chair, outcome="refused", reason="Too vague.").execute()
    assert mail.outbox == []
    close_the_session(eligible.call, chair, django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    assert "مرفوض" in message.body and "Too vague." in message.body
    assert (
        "Comment 0 on Relevance." in message.body
        and "Comment 1 on Sustainability." in message.body
    )
    for person in reviewers:
        assert person.get_full_name() not in message.body
        assert person.username not in message.body
