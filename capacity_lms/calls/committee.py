"""The committee's work as actions: the chair assigns reviewers, each reviewer declares their
interest then scores, and the chair decides.

- :class:`AssignReviewer`: the chair gives an eligible application to a member of the call's
  committee, once per reviewer.
- :class:`DeclareInterest`: the reviewer declares, once, before the application opens; a
  conflict hides it from them for good and the chairs are told, to assign someone else.
- :class:`SubmitScores`: the reviewer of an open assignment scores every criterion (within its
  range, with a comment), once.
- :class:`MoveCallStage`: the chair opens the committee's review once the call has closed,
  and closes the session (decided) once every eligible application has its decision; a
  decided call takes no more decisions, and each decided association is e-mailed then.
- :class:`Decide`: the chair funds (an amount within the request and what remains of the
  call's envelope, checked with the call's row locked, so two decisions at once cannot
  overspend), puts on the reserve list or refuses, always with a reason, once the application
  has its :data:`REVIEWS_NEEDED` reviews.

Each writes its rows and one history row in one transaction; e-mails follow the commit.
"""

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from capacity_lms.calls import history, notices
from capacity_lms.calls.models import Application, CallEvent
from capacity_lms.calls.pages import CallPage, CommitteeMember
from capacity_lms.calls.review_models import Decision, ReviewAssignment, Score
from capacity_lms.calls.stages import CallStage
from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused, BaseAction

# The issue: the chair assigns each eligible application to at least two reviewers.
REVIEWS_NEEDED = 2


def seat(user, call):
    """``user``'s seat on the committee of ``call`` (any language version), else None."""
    if user is None or not user.is_authenticated:
        return None
    return CommitteeMember.objects.filter(call=call.canonical(), user=user).first()


def is_chair(user, call):
    found = seat(user, call)
    return bool(found and found.is_chair)


def _refuse_unless_chair(user, call, doing):
    if not is_chair(user, call):
        raise ActionRefused(doing, code="permission")


def _locked_application(application):
    return (
        # Only the application's row: the joined call, locale and association stay free.
        Application.objects.select_for_update(of=("self",))
        .select_related("call", "call__locale", "association", "project")
        .get(pk=application.pk)
    )


class AssignReviewer(BaseAction):
    """The chair assigns ``reviewer`` to an eligible ``application``."""

    def __init__(self, application, user=None, *, reviewer):
        super().__init__(application, user=user)
        self.application = application
        self.reviewer = reviewer

    def check(self):
        _refuse_unless_chair(self.user, self.application.call, _("Only the chair assigns."))
        if self.application.status != Application.Status.ELIGIBLE:
            raise ActionRefused(_("Only an eligible application is reviewed."), code="state")
        if seat(self.reviewer, self.application.call) is None:
            raise ActionRefused(
                _("A reviewer must sit on the committee of this call."), code="not_a_member"
            )
        if ReviewAssignment.objects.filter(
            application=self.application, reviewer=self.reviewer
        ).exists():
            raise ActionRefused(
                _("This reviewer is already assigned to this application."), code="twice"
            )

    def execute(self):
        with transaction.atomic():
            self.application = _locked_application(self.application)
            self.check()
            assignment = ReviewAssignment.objects.create(
                application=self.application, reviewer=self.reviewer, assigned_by=self.user
            )
            history.record(
                self.application.call,
                CallEvent.Verb.ASSIGNED,
                actor=self.user,
                application=self.application,
                reviewer=self.reviewer.pk,
            )
        return assignment


def _locked_assignment(assignment):
    return (
        ReviewAssignment.objects.select_for_update(of=("self",))
        .select_related("application__call__locale")
        .get(pk=assignment.pk)
    )


class DeclareInterest(BaseAction):
    """The assigned reviewer declares whether they have a conflict of interest, once."""

    def __init__(self, assignment, user=None, *, conflict, declaration=""):
        super().__init__(assignment, user=user)
        self.assignment = assignment
        self.conflict = conflict
        self.declaration = (declaration or "").strip()

    def check(self):
        if self.user is None or self.assignment.reviewer_id != self.user.pk:
            raise ActionRefused(_("Only the assigned reviewer declares."), code="permission")
        if self.assignment.conflict is not None:
            raise ActionRefused(_("You have already declared your interest."), code="twice")
        if not isinstance(self.conflict, bool):
            raise ActionRefused(_("Say whether you have a conflict of interest."), code="answer")
        if self.conflict and not self.declaration:
            raise ActionRefused(_("Say what the conflict of interest is."), code="declaration")

    def execute(self):
        with transaction.atomic():
            self.assignment = _locked_assignment(self.assignment)
            self.check()
            self.assignment.conflict = self.conflict
            self.assignment.declaration = self.declaration
            self.assignment.declared_at = clock.now()
            self.assignment.save(update_fields=["conflict", "declaration", "declared_at"])
            application = self.assignment.application
            history.record(
                application.call,
                CallEvent.Verb.DECLARED,
                actor=self.user,
                application=application,
                # Why: what the reviewer declared (nothing when there is no conflict).
                reason=self.declaration,
                conflict=self.conflict,
            )
            if self.conflict:
                notices.notify_conflict(self.assignment.pk)
        return self.assignment


def _whole(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    try:
        text = str(value).strip()
        return int(text) if text.isdigit() else None
    except (TypeError, ValueError):
        return None


class SubmitScores(BaseAction):
    """The reviewer submits their scores: ``scores`` is ``{criterion id: (score, comment)}``
    with every criterion of the call, each score a whole number from 0 to its maximum."""

    def __init__(self, assignment, user=None, *, scores):
        super().__init__(assignment, user=user)
        self.assignment = assignment
        self.scores = {str(key): value for key, value in (scores or {}).items()}

    def check(self):
        if self.user is None or self.assignment.reviewer_id != self.user.pk:
            raise ActionRefused(_("Only the assigned reviewer scores."), code="permission")
        if not self.assignment.is_open:
            raise ActionRefused(
                _("Declare your interest before scoring; with a conflict you do not score."),
                code="not_open",
            )
        if self.assignment.submitted_at is not None:
            raise ActionRefused(_("You have already submitted your scores."), code="twice")
        application = self.assignment.application
        if application.status != Application.Status.ELIGIBLE:
            raise ActionRefused(_("This application is no longer being reviewed."), code="state")
        self.criteria = list(application.call.canonical().criteria.all())
        known = {str(criterion.pk) for criterion in self.criteria}
        problems = [
            _("“%(key)s” is not one of the call's criteria.") % {"key": key}
            for key in self.scores
            if key not in known
        ]
        self.cleaned = {}
        for criterion in self.criteria:
            score, comment = self.scores.get(str(criterion.pk), (None, ""))
            score, comment = _whole(score), (comment or "").strip()
            if score is None or not 0 <= score <= criterion.max_score:
                problems.append(
                    _("Score “%(criterion)s” with a whole number from 0 to %(max)s.")
                    % {"criterion": criterion.name, "max": criterion.max_score}
                )
            elif not comment:
                problems.append(
                    _("Comment on your score of “%(criterion)s”.") % {"criterion": criterion.name}
                )
            else:
                self.cleaned[criterion] = (score, comment)
        if problems:
            raise ActionRefused(*problems, code="scores")

    def execute(self):
        with transaction.atomic():
            self.assignment = _locked_assignment(self.assignment)
            self.check()
            Score.objects.bulk_create(
                Score(assignment=self.assignment, criterion=criterion, score=score, comment=text)
                for criterion, (score, text) in self.cleaned.items()
            )
            self.assignment.submitted_at = clock.now()
            self.assignment.save(update_fields=["submitted_at"])
            application = self.assignment.application
            history.record(
                application.call, CallEvent.Verb.SCORED, actor=self.user, application=application
            )
        return self.assignment


def committed(call):
    """What the call's funding decisions have granted so far."""
    return Decision.objects.filter(
        application__call=call, outcome=Decision.Outcome.FUNDED
    ).aggregate(total=Sum("amount"))["total"] or Decimal(0)


class Decide(BaseAction):
    """The chair records the committee's decision on a reviewed application."""

    def __init__(self, application, user=None, *, outcome, reason, amount=None, language=""):
        super().__init__(application, user=user)
        self.application = application
        self.outcome = outcome
        self.reason = (reason or "").strip()
        self.amount = amount
        # The language the reason is written in (the chair's page's), kept with it.
        self.language = language

    def _amount(self):
        if self.outcome != Decision.Outcome.FUNDED:
            if self.amount not in (None, ""):
                raise ActionRefused(_("Only a funded project is given an amount."), code="amount")
            return None
        try:
            amount = Decimal(str(self.amount)).quantize(Decimal("0.01"))
        except (InvalidOperation, ValueError):
            raise ActionRefused(_("Give the amount granted."), code="amount") from None
        if amount <= 0:
            raise ActionRefused(_("The amount granted must be above zero."), code="amount")
        if amount > self.application.project.requested_amount:
            raise ActionRefused(
                _("The amount granted cannot exceed the %(requested)s requested.")
                % {"requested": self.application.project.requested_amount},
                code="over_request",
            )
        return amount

    def check(self):
        call = self.application.call
        _refuse_unless_chair(self.user, call, _("Only the chair records decisions."))
        if self.outcome not in Decision.Outcome.values:
            raise ActionRefused(_("Choose funded, reserve list or refused."), code="outcome")
        if self.application.status != Application.Status.ELIGIBLE:
            raise ActionRefused(_("Only an eligible, undecided application."), code="state")
        if call.canonical().stage == CallStage.DECIDED:
            raise ActionRefused(_("The committee's session is closed."), code="closed")
        reviews = ReviewAssignment.objects.filter(
            application=self.application, submitted_at__isnull=False
        ).count()
        if reviews < REVIEWS_NEEDED:
            raise ActionRefused(
                _("The application needs %(needed)s submitted reviews; it has %(count)s.")
                % {"needed": REVIEWS_NEEDED, "count": reviews},
                code="reviews",
            )
        if not self.reason:
            raise ActionRefused(_("Give the reason: the association reads it."), code="reason")
        self.granted = self._amount()

    def execute(self):
        with transaction.atomic():
            # Every funding decision of the call queues here: what remains is read under lock.
            call = CallPage.objects.select_for_update(of=("self",)).get(
                pk=self.application.call_id
            )
            self.application = _locked_application(self.application)
            self.check()
            if self.granted is not None:
                remaining = call.canonical().envelope - committed(call)
                if self.granted > remaining:
                    raise ActionRefused(
                        _("Only %(remaining)s %(currency)s remain of the call's envelope.")
                        % {"remaining": remaining, "currency": call.currency},
                        code="envelope",
                    )
            decision = Decision.objects.create(
                application=self.application,
                outcome=self.outcome,
                amount=self.granted,
                reason=self.reason,
                language=self.language,
                decided_by=self.user,
            )
            Application.objects.filter(pk=self.application.pk).update(status=self.outcome)
            self.application.status = self.outcome
            history.record(
                call,
                CallEvent.Verb.DECIDED,
                actor=self.user,
                application=self.application,
                reason=self.reason,
                outcome=self.outcome,
                amount=str(self.granted) if self.granted is not None else None,
            )
        return decision


class MoveCallStage(BaseAction):
    """The chair moves the call to the committee's next step: from closed to in review, from
    in review to decided. Each step once, in that order; one history row each."""

    NEXT = {CallStage.NONE: CallStage.IN_REVIEW, CallStage.IN_REVIEW: CallStage.DECIDED}

    def __init__(self, call, user=None, *, stage):
        super().__init__(call, user=user)
        self.call = call.canonical()
        self.stage = stage

    def check(self):
        _refuse_unless_chair(self.user, self.call, _("Only the chair moves the call on."))
        if self.NEXT.get(self.call.stage) != self.stage:
            raise ActionRefused(_("The call is not at the step before this one."), code="order")
        if self.stage == CallStage.IN_REVIEW and self.call.is_open():
            raise ActionRefused(_("The review opens once the call has closed."), code="still_open")
        if self.stage == CallStage.DECIDED:
            undecided = Application.objects.filter(
                call=self.call, status=Application.Status.ELIGIBLE
            ).count()
            if undecided:
                raise ActionRefused(
                    ngettext(
                        "%(count)s eligible application has no decision yet.",
                        "%(count)s eligible applications have no decision yet.",
                        undecided,
                    )
                    % {"count": undecided},
                    code="undecided",
                )

    def execute(self):
        with transaction.atomic():
            # Decisions lock the call's row too: none slips in while the session closes.
            self.call = CallPage.objects.select_for_update(of=("self",)).get(pk=self.call.pk)
            self.check()
            previous = self.call.stage
            CallPage.objects.filter(pk=self.call.pk).update(stage=self.stage)
            self.call.stage = self.stage
            history.record(
                self.call,
                CallEvent.Verb.STAGE_CHANGED,
                actor=self.user,
                stage=self.stage,
                previous=previous or None,
            )
            if self.stage == CallStage.DECIDED:
                # Associations learn their decision when the session closes, as their pages
                # show it (calls/decisions.py), not while the committee may still weigh it.
                for pk in Application.objects.filter(
                    call=self.call, decision__isnull=False
                ).values_list("pk", flat=True):
                    notices.notify_decision(pk)
        return self.call
