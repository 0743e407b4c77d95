"""What each member of the committee may see, failing closed, and the committee's ranking.

- A reviewer sees the assignments they have not declared a conflict on
  (:func:`assignments_for`); the application itself opens only once they declared no conflict
  (:func:`visible_application_for_reviewer`, a 404 otherwise: conflicted, undeclared,
  unassigned or nobody look the same).
- Scores (:func:`scores_visible_to`): a reviewer sees their own, and the other reviewers' once
  they submitted theirs. The chair sees the submitted scores of every application, as the
  committee's ranking needs, except where the chair is a reviewer of that application: then the
  chair is a reviewer like the others (nothing before submitting, nothing with a conflict), so
  chairing never lets anybody read their fellow reviewers before scoring. Nobody else sees any.
- The chair reaches the ranking of each call they chair (:func:`chaired_calls`).
- :func:`ranking` puts the reviewed applications of a call in order with their figures
  (``calls/scoring.py``), in a fixed number of queries whatever the number of applications.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.http import Http404

from capacity_lms.calls import scoring
from capacity_lms.calls.committee import is_chair
from capacity_lms.calls.models import Application
from capacity_lms.calls.pages import CallPage
from capacity_lms.calls.review_models import ReviewAssignment, Score

REVIEWED = (
    Application.Status.ELIGIBLE,
    Application.Status.FUNDED,
    Application.Status.RESERVE,
    Application.Status.REFUSED,
)


def _signed_in(user):
    return user is not None and user.is_authenticated


def assignments_for(user):
    """``user``'s assignments, but those they declared a conflict on (none for nobody)."""
    if not _signed_in(user):
        return ReviewAssignment.objects.none()
    return (
        ReviewAssignment.objects.filter(reviewer=user)
        .exclude(conflict=True)
        .select_related(
            "application__association", "application__call__locale", "application__project"
        )
    )


def chaired_calls(user):
    """The calls whose committee ``user`` chairs (their default-language versions, where the
    committee is read), newest first; none for nobody."""
    if not _signed_in(user):
        return CallPage.objects.none()
    return (
        CallPage.objects.filter(
            committee__user=user,
            committee__is_chair=True,
            locale__language_code=settings.LANGUAGE_CODE,
        )
        .select_related("locale")
        .order_by("-year", "pk")
    )


def visible_application_for_reviewer(user, pk):
    """The application ``pk`` if ``user`` reviews it and declared no conflict; else Http404."""
    if not _signed_in(user):
        raise Http404
    application = (
        Application.objects.filter(
            pk=pk, assignments__reviewer=user, assignments__conflict=False, status__in=REVIEWED
        )
        .select_related("association", "call__locale", "project")
        .first()
    )
    if application is None:
        raise Http404
    return application


def scores_visible_to(user, application):
    """The scores of ``application`` that ``user`` may read (see the module's rules)."""
    if not _signed_in(user):
        return Score.objects.none()
    scores = Score.objects.filter(assignment__application=application).select_related(
        "criterion", "assignment"
    )
    own = ReviewAssignment.objects.filter(application=application, reviewer=user).first()
    if own is not None:
        if not own.is_open:
            return Score.objects.none()
        if own.submitted_at is None:
            return scores.filter(assignment=own)
        return scores.filter(assignment__submitted_at__isnull=False)
    if is_chair(user, application.call):
        return scores.filter(assignment__submitted_at__isnull=False)
    return Score.objects.none()


@dataclass(frozen=True)
class RankedApplication:
    """An application in the ranking: its figures, its position (None until it is scored)
    and how many of its submitted reviews could not be counted (the criteria changed since)."""

    application: Application
    figures: scoring.ApplicationFigures
    position: int | None
    uncounted_reviews: int


class Ranking(Sequence):
    """The ranked rows of a call: every position is worked out over all its reviewed
    applications from their ids and scores alone; the applications themselves are read when a
    slice of rows is taken (one query per slice), so a page of the ranking reads its page only."""

    def __init__(self, order):
        self._order = order  # (application id, figures, position, uncounted reviews)

    def __len__(self):
        return len(self._order)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._rows(self._order[index])
        return self._rows([self._order[index]])[0]

    def __iter__(self):
        return iter(self._rows(self._order))

    @staticmethod
    def _rows(entries):
        applications = Application.objects.select_related(
            "association", "project", "decision"
        ).in_bulk([entry[0] for entry in entries])
        return [
            RankedApplication(
                application=applications[pk],
                figures=figures,
                position=position,
                uncounted_reviews=uncounted,
            )
            for pk, figures, position, uncounted in entries
        ]


def submitted_reviews(scores):
    """The submitted reviews among ``scores`` (a Score queryset), one query:
    ``{application id: [{criterion key: score}, ...]}``, a dict per review."""
    reviews = defaultdict(lambda: defaultdict(dict))
    for application_id, assignment_id, criterion_id, score in scores.filter(
        assignment__submitted_at__isnull=False
    ).values_list("assignment__application_id", "assignment_id", "criterion_id", "score"):
        reviews[application_id][assignment_id][str(criterion_id)] = score
    return {pk: list(by_assignment.values()) for pk, by_assignment in reviews.items()}


def review_figures(submitted, criteria):
    """The figures of an application's ``submitted`` reviews (None when the call has no
    criteria) and how many of them were left uncounted: a review counts only when it scores
    exactly the call's criteria as they are now. The ranking and the decision an association
    reads both work out an application's mean here."""
    keys = {criterion.key for criterion in criteria}
    complete = [review for review in submitted if review.keys() == keys]
    figures = scoring.application_figures(complete, criteria) if criteria else None
    return figures, len(submitted) - len(complete)


def ranking(call):
    """The call's reviewed applications (eligible or decided), best mean first, as a
    :class:`Ranking`."""
    call = call.canonical()
    criteria = call.scoring_criteria()
    applications = Application.objects.filter(call=call, status__in=REVIEWED).values_list(
        "pk", "submitted_at"
    )
    reviews = submitted_reviews(
        Score.objects.filter(
            assignment__application__call=call, assignment__application__status__in=REVIEWED
        )
    )
    figured = []
    for pk, submitted_at in applications:
        figures, uncounted = review_figures(reviews.get(pk, []), criteria)
        figured.append((pk, submitted_at, figures, uncounted))
    order = scoring.rank(
        figured,
        mean=lambda row: row[2].mean if row[2] else None,
        tie_break=lambda row: (row[1], row[0]),
    )
    return Ranking(
        [
            (pk, figures, number if figures and figures.mean is not None else None, uncounted)
            for number, (pk, _submitted_at, figures, uncounted) in enumerate(order, start=1)
        ]
    )
