"""What an association reads of the committee's work on its application.

Nothing, until the chair closes the committee's session (the call's stage is "decided",
``calls/committee.py``'s :class:`MoveCallStage`): decisions recorded before then may still be
weighed against one another, so the association sees its application as eligible and no more.
Once the call is decided it reads the outcome (funded with the amount granted, reserve list,
not selected), the committee's reason and date, the mean of the reviewers' weighted totals
(worked out as the ranking does, ``review_scopes.review_figures``) and the reviewers' comments
by criterion. Never who wrote a comment: no name, and within a criterion the comments are in
the order of their text, so the same position under two criteria is not the same reviewer.
"""

from dataclasses import dataclass

from django.db.models import Q

from capacity_lms.calls.models import Application
from capacity_lms.calls.review_models import Decision, Score
from capacity_lms.calls.review_scopes import review_figures, submitted_reviews
from capacity_lms.calls.stages import CallStage

DECIDED = (Application.Status.FUNDED, Application.Status.RESERVE, Application.Status.REFUSED)


@dataclass(frozen=True)
class CriterionComments:
    """The reviewers' comments on one criterion of the call, in the order of their text."""

    criterion: str
    comments: tuple


@dataclass(frozen=True)
class DecisionShown:
    """The committee's decision as the association reads it."""

    outcome: str
    outcome_label: str
    amount: object
    currency: str
    reason: str
    decided_at: object
    mean: object
    reviews: int
    comments: tuple
    criteria_language: str

    @property
    def is_funded(self):
        return self.outcome == Decision.Outcome.FUNDED


def announced(prefix=""):
    """The condition on applications (or on rows reaching them through ``prefix``, such as
    ``"application__"``) whose call's committee session is closed."""
    return Q(**{f"{prefix}call__stage": CallStage.DECIDED})


def is_decided(application):
    """Whether the committee's session on the application's call is closed."""
    return application.call.canonical().stage == CallStage.DECIDED


def status_for_association(application):
    """The application's status as its association may read it: a decision recorded while
    the committee still sits shows as "eligible" until the call is decided."""
    if application.status in DECIDED and not is_decided(application):
        return Application.Status.ELIGIBLE
    return Application.Status(application.status)


def _comments(application):
    by_criterion = {}
    rows = (
        Score.objects.filter(
            assignment__application=application, assignment__submitted_at__isnull=False
        )
        .exclude(comment="")
        .order_by("criterion__sort_order", "criterion_id")
        .values_list("criterion_id", "criterion__name", "comment")
    )
    for criterion_id, name, comment in rows:
        by_criterion.setdefault(criterion_id, (name, []))[1].append(comment)
    return tuple(
        CriterionComments(criterion=name, comments=tuple(sorted(comments)))
        for name, comments in by_criterion.values()
    )


def decision_for_association(application):
    """What the association may read of the committee's decision on ``application``, as a
    :class:`DecisionShown`; None while the call is not decided or the application has no
    decision. A fixed number of queries, whatever the number of reviews."""
    decision = getattr(application, "decision", None) if application.status in DECIDED else None
    if decision is None or not is_decided(application):
        return None
    call = application.call.canonical()
    figures, _uncounted = review_figures(
        submitted_reviews(Score.objects.filter(assignment__application=application)).get(
            application.pk, []
        ),
        call.scoring_criteria(),
    )
    return DecisionShown(
        outcome=decision.outcome,
        outcome_label=decision.get_outcome_display(),
        amount=decision.amount,
        currency=call.currency,
        reason=decision.reason,
        decided_at=decision.decided_at,
        mean=figures.mean if figures else None,
        reviews=len(figures.totals) if figures else 0,
        comments=_comments(application),
        criteria_language=call.locale.language_code,
    )
