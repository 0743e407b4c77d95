from django.conf import settings
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from capacity_lms.core import clock
from capacity_lms.core.tree import children_of_outer


class GroupConcat(models.Aggregate):
    """Comma-joined values: GROUP_CONCAT on SQLite, STRING_AGG on PostgreSQL."""

    function = "GROUP_CONCAT"
    output_field = models.CharField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler,
            connection,
            function="STRING_AGG",
            template="%(function)s(%(expressions)s, ',')",
            **extra_context,
        )


class EnrolmentQuerySet(models.QuerySet):
    def for_learner(self, user):
        return self.filter(user=user)

    def active(self):
        return self.exclude(status=Enrolment.Status.WITHDRAWN)

    def completed(self):
        return self.filter(completed_at__isnull=False)

    def with_course(self):
        return self.select_related("course", "course__strategic_axis")

    def with_progress(self):
        """Annotate ``completed_lessons`` and ``required_lessons`` (live, required) per row."""
        # The lesson model through the relation: the page models import this module.
        lesson_model = LessonCompletion.lesson.field.related_model
        done = (
            LessonCompletion.objects.filter(
                user=OuterRef("user"),
                course=OuterRef("course"),
                lesson__live=True,
                lesson__is_required=True,
            )
            .order_by()
            .values("course")
            .annotate(n=Count("pk"))
            .values("n")
        )
        required = (
            lesson_model.objects.live()
            .filter(
                children_of_outer(OuterRef("course__path"), OuterRef("course__depth")),
                is_required=True,
            )
            .order_by()
            .values("depth")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(
            completed_lessons=Coalesce(Subquery(done, output_field=IntegerField()), 0),
            required_lessons=Coalesce(Subquery(required, output_field=IntegerField()), 0),
        )


class Enrolment(models.Model):
    """A learner following a course. One row per (learner, course), enforced by the database.

    Leaving keeps the row (status withdrawn) so the history and reports stay exact; enrolling
    again reactivates it. ``completed_at`` is set once, when the course is first completed.
    """

    class Status(models.TextChoices):
        ACTIVE = "active", _("In progress")
        COMPLETED = "completed", _("Completed")
        WITHDRAWN = "withdrawn", _("Left")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="capacity_enrolments",
    )
    course = models.ForeignKey(
        "capacity_courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE, db_index=True
    )
    enrolled_at = models.DateTimeField(_("enrolled"), default=clock.now, editable=False)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("left"), null=True, blank=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-enrolled_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"], name="capacity_courses_enrolment_unique_learner_course"
            ),
            models.CheckConstraint(
                condition=Q(status="completed", completed_at__isnull=False)
                | ~Q(status="completed"),
                name="capacity_courses_enrolment_completed_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.course}"

    @property
    def is_active(self):
        return self.status != self.Status.WITHDRAWN

    def progress_percent(self):
        """Percent of required lessons done (needs ``with_progress()``); 100 once completed."""
        if self.completed_at:
            return 100
        required = getattr(self, "required_lessons", 0)
        if not required:
            return 0
        return min(100, round(self.completed_lessons * 100 / required))

    progress_percent.short_description = _("progress (%)")


class LessonCompletion(models.Model):
    """A learner completed a lesson, explicitly or by passing its quizzes. Recorded once."""

    class Method(models.TextChoices):
        EXPLICIT = "explicit", _("Marked as complete")
        QUIZ = "quiz", _("Passed the quiz")
        DELIVERABLE = "deliverable", _("Deliverable accepted")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="capacity_lesson_completions",
    )
    lesson = models.ForeignKey(
        "capacity_courses.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="completions",
    )
    course = models.ForeignKey(
        "capacity_courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="lesson_completions",
    )
    method = models.CharField(_("how"), max_length=16, choices=Method.choices)
    completed_at = models.DateTimeField(_("completed"), default=clock.now, editable=False)

    class Meta:
        verbose_name = _("lesson completion")
        verbose_name_plural = _("lesson completions")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson"], name="capacity_courses_completion_unique_learner_lesson"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.lesson}"


class QuizAttempt(models.Model):
    """One submitted attempt at a quiz block of a lesson, scored on the server.

    ``submission_token`` comes from the form the learner was shown, so posting the same form
    twice records one attempt. ``answers`` keeps the chosen option ids per question id.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="capacity_quiz_attempts",
    )
    lesson = models.ForeignKey(
        "capacity_courses.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="quiz_attempts",
    )
    quiz_id = models.CharField(_("quiz"), max_length=64)
    submission_token = models.CharField(max_length=64)
    number = models.PositiveSmallIntegerField(_("attempt"))
    answers = models.JSONField(_("answers"), default=dict)
    score = models.DecimalField(_("score (%)"), max_digits=5, decimal_places=2)
    passed = models.BooleanField(_("passed"))
    submitted_at = models.DateTimeField(_("submitted"), default=clock.now, editable=False)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "submission_token"],
                name="capacity_courses_attempt_unique_submission",
            ),
            models.UniqueConstraint(
                fields=["user", "lesson", "quiz_id", "number"],
                name="capacity_courses_attempt_unique_number",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.lesson} #{self.number}"
