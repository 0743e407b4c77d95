"""Learning gain (issue #25, point 3): what a learner knew after a module compared with what
they knew before it.

A module (a :class:`~courses.models.CoursePage`) pairs a pre-test and a post-test: quizzes of
its lessons whose ``measures`` is ``"pre"`` and ``"post"``. When a learner's first attempt at a
post-test is submitted and they had made a first attempt at one of the module's pre-tests
before it, their gain is recorded once: the post-test's score minus the pre-test's, in
percentage points. Later attempts (and a pre-test taken after the post-test) change nothing:
the first attempts say what the module taught, not what practice at the quiz did.
"""

import contextlib
from decimal import ROUND_HALF_UP, Decimal

from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, Q
from django.dispatch import receiver
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.evaluation.models import LearningGain
from courses.models import CoursePage, QuizAttempt
from courses.signals import quiz_submitted

PRE, POST = "pre", "post"
# A module's mean gain is shown to its trainers once this many learners are measured, so that
# no one learner's gain can be read from it (as the programme's reports hide smaller cells).
SHOWN_FROM = 5


def tests_of(course, measures):
    """``[(lesson id, quiz id)]`` of the quizzes of ``course`` that measure ``measures``."""
    return [
        (lesson.pk, quiz_id)
        for lesson in course.lessons(with_bodies=True)
        for quiz_id, quiz in lesson.quizzes
        if quiz.get("measures") == measures
    ]


class RecordLearningGainAction(BaseAction):
    """Record ``attempt``'s learning gain (``attempt``: a first attempt at a post-test).

    Idempotent: the database keeps one gain per learner and module, and a second call returns
    the gain already recorded."""

    def __init__(self, attempt, user=None, *, quiz):
        super().__init__(attempt, user=user)
        self.attempt = attempt
        self.quiz = quiz

    def check(self):
        """The module and the learner's first pre-test attempt before ``attempt``."""
        if self.quiz.get("measures") != POST:
            raise ActionRefused(_("This quiz is not a post-test."), code="not_post_test")
        if self.attempt.number != 1:
            raise ActionRefused(_("Only a first attempt measures the gain."), code="not_first")
        course = self.attempt.lesson.course
        pre_tests = tests_of(course, PRE)
        if not pre_tests:
            raise ActionRefused(_("This module has no pre-test."), code="no_pre_test")
        taken = Q()
        for lesson_id, quiz_id in pre_tests:
            taken |= Q(lesson_id=lesson_id, quiz_id=quiz_id)
        before = Q(submitted_at__lt=self.attempt.submitted_at) | Q(
            submitted_at=self.attempt.submitted_at, pk__lt=self.attempt.pk
        )
        pre = (
            QuizAttempt.objects.filter(taken, before, user_id=self.attempt.user_id, number=1)
            .order_by("submitted_at", "pk")
            .first()
        )
        if pre is None:
            raise ActionRefused(
                _("The learner took no pre-test before the post-test."), code="no_pre_attempt"
            )
        return course, pre

    def execute(self):
        course, pre = self.check()
        existing = LearningGain.objects.filter(user_id=self.attempt.user_id, course=course)
        try:
            with transaction.atomic():
                return LearningGain.objects.create(
                    user_id=self.attempt.user_id,
                    course=course,
                    pre_score=pre.score,
                    post_score=self.attempt.score,
                    gain=self.attempt.score - pre.score,
                    measured_at=clock.now(),
                )
        except IntegrityError:
            # Recorded already (another post-test of the module, or the same one twice).
            return existing.get()


@receiver(quiz_submitted, dispatch_uid="capacity_lms_evaluation_learning_gain")
def record_learning_gain(sender, attempt, quiz, **kwargs):
    """A first attempt at a post-test may complete a learner's gain; anything else is ignored."""
    if quiz.get("measures") != POST or attempt.number != 1:
        return
    with contextlib.suppress(ActionRefused):
        RecordLearningGainAction(attempt, quiz=quiz).execute()


def module_gains(courses):
    """``{course id: (mean gain, learners)}`` for ``courses`` (modules without a gain are
    left out), in one query whatever their number."""
    rows = (
        LearningGain.objects.filter(course__in=courses)
        .values("course_id")
        .annotate(mean=Avg("gain"), learners=Count("pk"))
        .order_by()
    )
    return {row["course_id"]: (row["mean"], row["learners"]) for row in rows}


def module_gain(course):
    """``(mean gain, learners)`` of one module: ``(None, 0)`` before any gain (one query)."""
    return module_gains([course.pk]).get(course.pk, (None, 0))


def learner_gains(user):
    """``user``'s gains, newest first, each with its module (one query)."""
    return LearningGain.objects.filter(user=user).select_related("course")


def trained_module_gains(user):
    """The modules ``user`` trains that measured a gain, each with ``gain_mean`` and
    ``gain_learners`` (one query)."""
    return (
        CoursePage.objects.filter(trainers=user)
        .annotate(gain_mean=Avg("learning_gains__gain"), gain_learners=Count("learning_gains"))
        .filter(gain_learners__gt=0)
        .order_by("title", "pk")
    )


def signed_points(value):
    """A gain as shown: whole points with their sign (``+45``, ``-5``, ``0``)."""
    rounded = Decimal(value).quantize(Decimal(1), ROUND_HALF_UP)
    shown = formats.number_format(abs(rounded), decimal_pos=0)
    return f"+{shown}" if rounded > 0 else f"-{shown}" if rounded < 0 else shown
