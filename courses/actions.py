"""Every change a learner makes to their learning goes through one of these actions.

As Wagtail's own actions do: ``check()`` raises :class:`ActionRefused` with a message for the
learner, ``execute()`` checks then changes the database in one transaction. Views, the admin,
commands and tests call the same actions, so they behave alike. Each is idempotent: doing it
twice leaves the same rows as doing it once.
"""

import secrets

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused, BaseAction
from courses.completion import accepted_steps
from courses.models.learning import Enrolment, LessonCompletion, QuizAttempt
from courses.quiz import InvalidAnswers, score_answers, validate_answers
from courses.signals import course_completed, lesson_completed, quiz_submitted


def new_submission_token():
    return secrets.token_urlsafe(16)


def _require_signed_in(user):
    if not user.is_authenticated:
        raise ActionRefused(_("Sign in to continue."), code="anonymous")


def _active_enrolment(user, course):
    enrolment = Enrolment.objects.filter(user=user, course=course).first()
    if enrolment is None or not enrolment.is_active:
        raise ActionRefused(_("Enrol in this course first."), code="not_enrolled")
    return enrolment


def missing_prerequisites(user, course):
    """The prerequisite courses ``user`` has not completed yet."""
    required = list(course.live_prerequisites())
    if not required:
        return []
    done = set(
        Enrolment.objects.completed()
        .filter(user=user, course__in=required)
        .values_list("course_id", flat=True)
    )
    return [prerequisite for prerequisite in required if prerequisite.pk not in done]


class EnrolAction(BaseAction):
    def __init__(self, course, user=None):
        super().__init__(course, user=user)
        self.course = course

    def check(self):
        _require_signed_in(self.user)
        if not self.course.live:
            raise ActionRefused(_("This course is not open."), code="not_live")
        missing = missing_prerequisites(self.user, self.course)
        if missing:
            raise ActionRefused(
                _("Complete these courses first: %(titles)s.")
                % {"titles": ", ".join(course.title for course in missing)},
                code="prerequisites",
            )

    @transaction.atomic
    def execute(self):
        self.check()
        enrolment, created = Enrolment.objects.get_or_create(user=self.user, course=self.course)
        if not created and enrolment.status == Enrolment.Status.WITHDRAWN:
            enrolment.status = (
                Enrolment.Status.COMPLETED if enrolment.completed_at else Enrolment.Status.ACTIVE
            )
            enrolment.withdrawn_at = None
            enrolment.save(update_fields=["status", "withdrawn_at"])
        return enrolment


class LeaveAction(BaseAction):
    def __init__(self, course, user=None):
        super().__init__(course, user=user)
        self.course = course

    def check(self):
        _require_signed_in(self.user)
        enrolment = Enrolment.objects.filter(user=self.user, course=self.course).first()
        if enrolment and enrolment.completed_at:
            raise ActionRefused(
                _("You have completed this course; it stays in your record."), code="completed"
            )
        return enrolment

    @transaction.atomic
    def execute(self):
        enrolment = self.check()
        if enrolment is None:
            return None
        Enrolment.objects.filter(pk=enrolment.pk, status=Enrolment.Status.ACTIVE).update(
            status=Enrolment.Status.WITHDRAWN, withdrawn_at=clock.now()
        )
        enrolment.refresh_from_db()
        return enrolment


def passed_quiz_ids(user, lesson):
    return set(
        QuizAttempt.objects.filter(user=user, lesson=lesson, passed=True).values_list(
            "quiz_id", flat=True
        )
    )


def waiting_deliverables(user, lesson):
    """The lesson's required deliverable steps not yet accepted for ``user``'s work (as the
    registered source of acceptances says; none registered: none accepted)."""
    required = set(lesson.required_deliverable_ids)
    if not required:
        return set()
    return required - accepted_steps(user, lesson)


class CompleteLessonAction(BaseAction):
    """``user`` completes ``lesson``; or, for ``learner``, ``user`` records what completes it
    for them (a trainer accepting their association's deliverable)."""

    def __init__(
        self, lesson, user=None, *, method=LessonCompletion.Method.EXPLICIT, learner=None
    ):
        super().__init__(lesson, user=user)
        self.lesson = lesson
        self.method = method
        self.learner = learner or user

    def check(self):
        _require_signed_in(self.user)
        if self.learner != self.user and self.method != LessonCompletion.Method.DELIVERABLE:
            raise ActionRefused(_("Only learners complete their own lessons."), code="not_yours")
        if not self.lesson.live:
            raise ActionRefused(_("This lesson is not published."), code="not_live")
        _active_enrolment(self.learner, self.lesson.course)
        waiting = set(self.lesson.required_quiz_ids) - passed_quiz_ids(self.learner, self.lesson)
        if waiting:
            raise ActionRefused(_("Pass the quiz to complete this lesson."), code="quiz_required")
        if waiting_deliverables(self.learner, self.lesson):
            raise ActionRefused(
                _("This lesson completes when a trainer accepts your association's work."),
                code="deliverable_required",
            )

    @transaction.atomic
    def execute(self):
        self.check()
        completion, created = LessonCompletion.objects.get_or_create(
            user=self.learner,
            lesson=self.lesson,
            defaults={"course": self.lesson.course, "method": self.method},
        )
        if created:
            sender = type(self.lesson)
            transaction.on_commit(lambda: lesson_completed.send(sender, completion=completion))
        complete_course_if_done(self.learner, self.lesson.course)
        return completion


def course_is_done(user, course):
    """Every required live lesson completed, and every required quiz in the course passed.

    The lessons' bodies (where the quizzes are) are read only once every required lesson is
    completed: until the last one, a completion is answered without them."""
    required = set(
        course.lessons().filter(is_required=True).values_list("pk", flat=True).order_by()
    )
    completed = set(
        LessonCompletion.objects.filter(user=user, lesson_id__in=required).values_list(
            "lesson_id", flat=True
        )
    )
    if not required or required - completed:
        return False
    lessons = list(course.lessons(with_bodies=True))
    passed = set(
        QuizAttempt.objects.filter(
            user=user, lesson__in=[lesson.pk for lesson in lessons], passed=True
        ).values_list("lesson_id", "quiz_id")
    )
    return all(
        (lesson.pk, quiz_id) in passed
        for lesson in lessons
        for quiz_id in lesson.required_quiz_ids
    )


def complete_course_if_done(user, course):
    """Record the course's completion once, even when two requests get here together."""
    if not course_is_done(user, course):
        return False
    now = clock.now()
    updated = Enrolment.objects.filter(user=user, course=course, completed_at__isnull=True).update(
        completed_at=now, status=Enrolment.Status.COMPLETED
    )
    if updated:
        enrolment = Enrolment.objects.get(user=user, course=course)
        transaction.on_commit(lambda: course_completed.send(type(course), enrolment=enrolment))
    return bool(updated)


class SubmitQuizAction(BaseAction):
    def __init__(self, lesson, user=None, *, quiz_id, answers, submission_token):
        super().__init__(lesson, user=user)
        self.lesson = lesson
        self.quiz_id = quiz_id
        self.answers = answers
        self.submission_token = (submission_token or "")[:64]

    def previous_attempt(self):
        if not self.user.is_authenticated or not self.submission_token:
            return None
        return QuizAttempt.objects.filter(
            user=self.user, submission_token=self.submission_token
        ).first()

    def check(self):
        _require_signed_in(self.user)
        _active_enrolment(self.user, self.lesson.course)
        quiz = self.lesson.get_quiz(self.quiz_id)
        if quiz is None:
            raise ActionRefused(
                _("This quiz no longer exists. Reload the page."), code="unknown_quiz"
            )
        if not self.submission_token:
            raise ActionRefused(_("The form has expired. Reload the page."), code="no_token")
        attempts = QuizAttempt.objects.filter(
            user=self.user, lesson=self.lesson, quiz_id=self.quiz_id
        )
        if attempts.filter(passed=True).exists():
            raise ActionRefused(_("You have already passed this quiz."), code="passed")
        if quiz["max_attempts"] and attempts.count() >= quiz["max_attempts"]:
            raise ActionRefused(
                _("You have used all %(count)s attempts at this quiz.")
                % {"count": quiz["max_attempts"]},
                code="no_attempts_left",
            )
        try:
            answers = validate_answers(quiz, self.answers)
        except InvalidAnswers as error:
            raise ActionRefused(*error.messages, code="invalid_answers") from error
        return quiz, answers, attempts.count()

    def execute(self):
        """Record the attempt (or return the one this same form already recorded)."""
        previous = self.previous_attempt()
        if previous is not None:
            return previous
        quiz, answers, count = self.check()
        result = score_answers(quiz, answers)
        try:
            with transaction.atomic():
                attempt = QuizAttempt.objects.create(
                    user=self.user,
                    lesson=self.lesson,
                    quiz_id=self.quiz_id,
                    submission_token=self.submission_token,
                    number=count + 1,
                    answers=answers,
                    score=result.score,
                    passed=result.passed,
                )
                if (
                    result.passed
                    and not (
                        set(self.lesson.required_quiz_ids)
                        - passed_quiz_ids(self.user, self.lesson)
                    )
                    and not waiting_deliverables(self.user, self.lesson)
                ):
                    CompleteLessonAction(
                        self.lesson, user=self.user, method=LessonCompletion.Method.QUIZ
                    ).execute()
                transaction.on_commit(
                    lambda: quiz_submitted.send(
                        sender=type(self.lesson), attempt=attempt, quiz=quiz
                    )
                )
        except IntegrityError:
            # The same form was posted twice at once, or another attempt took this number:
            # the first one recorded stands.
            previous = self.previous_attempt()
            if previous is not None:
                return previous
            raise ActionRefused(
                _("Another attempt was submitted at the same time. Reload the page."),
                code="conflict",
            ) from None
        return attempt
