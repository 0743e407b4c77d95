"""Reactions (issue #25 point 2): a short form after each workshop meeting a person attended and
each module they completed, as actions.

- :class:`OpenMeetingReaction` and :class:`OpenModuleReaction` ask once: the database's unique
  constraints decide (one request per person and meeting, per person and module), and whoever
  loses a race gets the winner's request. The trainers are written with the request, in the
  same transaction: the ratings are theirs even if the workshop's trainers change later.
- A meeting's request opens when the meeting ends; a module's when it is completed. Both close
  ``CAPACITY_LMS_REACTION_WINDOW_DAYS`` days later.
- :class:`AnswerReaction` records the one answer (a second submit finds the first).
- :class:`ClaimReactionEmail` is the conditional update that makes the e-mail go once.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from capacity_lms.attendance.actions import meeting_of
from capacity_lms.conf import get_setting
from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.evaluation.models import Reaction, ReactionRequest

COMMENT_LIMIT = 2000
RATINGS = range(1, 6)


def window():
    return datetime.timedelta(days=get_setting("REACTION_WINDOW_DAYS"))


def status_counts_as_present(status):
    """Whether a mark of ``status`` says the person was there (late counts; absent and
    excused do not)."""
    return status is not None and status.counts_in_rate and status.weight > 0


def course_trainers(course):
    """The trainers of every language version of ``course``."""
    return (
        get_user_model()
        .objects.filter(trained_courses__translation_key=course.translation_key)
        .distinct()
    )


def _ask_once(key, defaults, trainers):
    """The request with ``key`` (created with ``defaults`` and ``trainers`` when missing), and
    whether this call created it."""
    existing = ReactionRequest.objects.filter(**key).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            request = ReactionRequest.objects.create(**key, **defaults)
            request.trainers.set(list(trainers))
    except IntegrityError:
        # Two marks of the same person at the same instant: the first request stands.
        return ReactionRequest.objects.get(**key), False
    return request, True


class _PersonAtMeeting(BaseAction):
    """An action about ``person`` at the meeting of ``session`` on ``occurrence_date`` (its
    date in the series)."""

    def __init__(self, session, user=None, *, person, occurrence_date):
        super().__init__(session, user=user)
        self.session = session
        self.person = person
        self.occurrence_date = occurrence_date


class OpenMeetingReaction(_PersonAtMeeting):
    """Ask ``person`` for their reaction to the meeting. Returns ``(request, created)``."""

    def check(self):
        # Refused for a meeting that is not (or no longer) on the calendar.
        self.occurrence = meeting_of(self.session, self.occurrence_date)

    def execute(self):
        self.check()
        opens_at = self.occurrence.ends_at
        return _ask_once(
            {
                "user": self.person,
                "subject": ReactionRequest.Subject.MEETING,
                "session": self.session,
                "occurrence_date": self.occurrence_date,
            },
            {"opens_at": opens_at, "closes_at": opens_at + window()},
            self.session.workshop.trainers.all(),
        )


class WithdrawMeetingReaction(_PersonAtMeeting):
    """Take back the request of a person whose mark at a meeting was corrected to a status
    that does not count, while nobody has asked them yet (not e-mailed, not answered). Returns
    whether one was taken back."""

    def check(self):
        pass

    def execute(self):
        self.check()
        deleted, _rows = ReactionRequest.objects.filter(
            user=self.person,
            subject=ReactionRequest.Subject.MEETING,
            session=self.session,
            occurrence_date=self.occurrence_date,
            emailed_at__isnull=True,
            reaction__isnull=True,
        ).delete()
        return bool(deleted)


class OpenModuleReaction(BaseAction):
    """Ask ``person`` for their reaction to ``course``, completed at ``completed_at``. Returns
    ``(request, created)``."""

    def __init__(self, course, user=None, *, person, completed_at=None):
        super().__init__(course, user=user)
        self.course = course
        self.person = person
        self.completed_at = completed_at

    def check(self):
        pass

    def execute(self):
        self.check()
        opens_at = self.completed_at or clock.now()
        return _ask_once(
            {
                "user": self.person,
                "subject": ReactionRequest.Subject.MODULE,
                "course": self.course,
            },
            {"opens_at": opens_at, "closes_at": opens_at + window()},
            course_trainers(self.course),
        )


def window_refusal(request, now):
    """Why ``request`` cannot be answered at ``now`` (before it opens, after it closes), or
    None."""
    if now < request.opens_at:
        return _("This form opens when the meeting ends.")
    if now >= request.closes_at:
        return _("This form is closed: answers were taken until %(date)s.") % {
            "date": timezone.localtime(request.closes_at).strftime("%Y-%m-%d")
        }
    return None


class AnswerReaction(BaseAction):
    """Record the answer of the request's own person, once, within its window.

    ``trainer_rating`` is asked only when the request names trainers. Returns ``(reaction,
    created)``: a second submit (or two at the same instant) leaves the first answer.
    """

    def __init__(
        self,
        request,
        user=None,
        *,
        content_rating,
        trainer_rating=None,
        comment="",
        signed=False,
        has_trainers=None,
        now=None,
    ):
        super().__init__(request, user=user)
        # The instant it is answered at: now, or (paper answers typed in later, the demo's
        # history) the instant given, checked against the window all the same.
        self.now = now
        self.request = request
        self.content_rating = content_rating
        self.trainer_rating = trainer_rating
        self.comment = (comment or "").strip()
        self.signed = bool(signed) and bool(self.comment)
        self.has_trainers = has_trainers

    def check(self):
        if self.user is None or self.user.pk != self.request.user_id:
            raise ActionRefused(_("Only the person asked may answer."), code="not_yours")
        refusal = window_refusal(self.request, self.now or clock.now())
        if refusal:
            raise ActionRefused(refusal, code="window")
        has_trainers = self.has_trainers
        if has_trainers is None:
            has_trainers = self.request.trainers.exists()
        if self.content_rating not in RATINGS:
            raise ActionRefused(_("Rate the content from 1 to 5."), code="content_rating")
        if has_trainers and self.trainer_rating not in RATINGS:
            raise ActionRefused(_("Rate the trainer from 1 to 5."), code="trainer_rating")
        if not has_trainers:
            self.trainer_rating = None
        if len(self.comment) > COMMENT_LIMIT:
            raise ActionRefused(
                _("Keep the comment under %(limit)s characters.") % {"limit": COMMENT_LIMIT},
                code="comment",
            )

    def execute(self):
        self.check()
        existing = Reaction.objects.filter(request=self.request).first()
        if existing is not None:
            return existing, False
        try:
            with transaction.atomic():
                reaction = Reaction.objects.create(
                    request=self.request,
                    content_rating=self.content_rating,
                    trainer_rating=self.trainer_rating,
                    comment=self.comment,
                    signed=self.signed,
                    answered_at=self.now or clock.now(),
                )
        except IntegrityError:
            return Reaction.objects.get(request=self.request), False
        return reaction, True


class ClaimReactionEmail(BaseAction):
    """Mark ``request`` e-mailed at ``now`` unless it already is: True for the one caller whose
    conditional update changed the row (two runs at once send one e-mail)."""

    def __init__(self, request, user=None, *, now):
        super().__init__(request, user=user)
        self.request = request
        self.now = now

    def check(self):
        pass

    def execute(self):
        self.check()
        return bool(
            ReactionRequest.objects.filter(pk=self.request.pk, emailed_at__isnull=True).update(
                emailed_at=self.now
            )
        )


class ReleaseReactionEmail(BaseAction):
    """Undo a claim whose e-mail could not be sent, so that the next run tries again."""

    def __init__(self, request, user=None, *, claimed_at):
        super().__init__(request, user=user)
        self.request = request
        self.claimed_at = claimed_at

    def check(self):
        pass

    def execute(self):
        self.check()
        ReactionRequest.objects.filter(pk=self.request.pk, emailed_at=self.claimed_at).update(
            emailed_at=None
        )
