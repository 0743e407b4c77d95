"""Evaluation and impact (issue #25): what associations need, what people thought of their
training, what they learned, and what their associations did afterwards.

- A :class:`Questionnaire` is written by editors: sections by capacity area holding scale,
  choice and text questions in three languages. One is the self-assessment, one the follow-up.
- A :class:`SelfAssessment` is an association's answers for one year, with one
  :class:`AreaScore` per capacity area (0 to 100): its profile.
- A :class:`ReactionRequest` asks one person once about one workshop meeting or one completed
  module, for a set number of days; its :class:`Reaction` is the answer (one at most).
- A :class:`LearningGain` is a learner's post-test score minus their pre-test score in one module.
- A :class:`FollowUp` asks a certificate's holder, months later, what their association did.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField

from capacity_lms.core import clock
from capacity_lms.evaluation.blocks import QuestionnaireBody


class Questionnaire(models.Model):
    """A questionnaire editors write once in three languages. One of each kind is in use."""

    class Kind(models.TextChoices):
        SELF_ASSESSMENT = "self_assessment", _("Association self-assessment")
        FOLLOW_UP = "follow_up", _("Follow-up after a certificate")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title_en = models.CharField(_("title in English"), max_length=255)
    title_fr = models.CharField(_("title in French"), max_length=255, blank=True)
    title_ar = models.CharField(_("title in Arabic"), max_length=255, blank=True)
    intro_en = models.TextField(_("introduction in English"), blank=True)
    intro_fr = models.TextField(_("introduction in French"), blank=True)
    intro_ar = models.TextField(_("introduction in Arabic"), blank=True)
    body = StreamField(QuestionnaireBody(), verbose_name=_("questions"))
    is_active = models.BooleanField(
        _("in use"),
        default=True,
        help_text=_("One questionnaire of each kind is in use; answers keep the one they used."),
    )
    updated_at = clock.UpdatedAtField(_("updated"))

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        ordering = ["kind", "-is_active", "-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind"],
                condition=Q(is_active=True),
                name="capacity_lms_questionnaire_one_active_per_kind",
            )
        ]

    def __str__(self):
        return self.title

    def _in_language(self, field, language=None):
        language = (language or get_language() or "en").split("-")[0]
        return getattr(self, f"{field}_{language}", "") or getattr(self, f"{field}_en")

    @property
    def title(self):
        return self._in_language("title")

    @property
    def intro(self):
        return self._in_language("intro")

    def language_of(self, field, language=None):
        language = (language or get_language() or "en").split("-")[0]
        return language if getattr(self, f"{field}_{language}", "") else "en"


class SelfAssessment(models.Model):
    """An association's self-assessment of one year, taken by one of its admins; revised, not
    repeated, within the year."""

    association = models.ForeignKey(
        "capacity_lms.Association",
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="self_assessments",
    )
    questionnaire = models.ForeignKey(
        Questionnaire,
        verbose_name=_("questionnaire"),
        on_delete=models.PROTECT,
        related_name="self_assessments",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("taken by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    taken_at = models.DateTimeField(_("taken"))
    language = models.CharField(_("language"), max_length=10)
    answers = models.JSONField(_("answers"), default=dict)

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        ordering = ["association", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "year"], name="capacity_lms_self_assessment_per_year"
            )
        ]

    def __str__(self):
        return f"{self.association} {self.year}"


class AreaScore(models.Model):
    """A self-assessment's score in one capacity area: the mean of its scored answers."""

    assessment = models.ForeignKey(
        SelfAssessment,
        verbose_name=_("self-assessment"),
        on_delete=models.CASCADE,
        related_name="area_scores",
    )
    area = models.ForeignKey(
        "capacity_lms.CapacityArea",
        verbose_name=_("capacity area"),
        on_delete=models.PROTECT,
        related_name="scores",
    )
    score = models.DecimalField(
        _("score"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    answers = models.PositiveSmallIntegerField(_("answers scored"))

    class Meta:
        verbose_name = _("capacity area score")
        verbose_name_plural = _("capacity area scores")
        ordering = ["assessment", "area__sort_order"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "area"], name="capacity_lms_area_score_once"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=0, score__lte=100), name="capacity_lms_area_score_range"
            ),
        ]

    def __str__(self):
        return f"{self.assessment} {self.area}: {self.score}"


class ReactionRequest(models.Model):
    """One person asked once for their reaction to one meeting or one completed module."""

    class Subject(models.TextChoices):
        MEETING = "meeting", _("Workshop meeting")
        MODULE = "module", _("Module")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="capacity_reaction_requests",
    )
    subject = models.CharField(_("about"), max_length=10, choices=Subject.choices)
    session = models.ForeignKey(
        "capacity_lms.Session",
        verbose_name=_("session"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reaction_requests",
    )
    occurrence_date = models.DateField(_("meeting date"), null=True, blank=True)
    course = models.ForeignKey(
        "capacity_courses.CoursePage",
        verbose_name=_("module"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reaction_requests",
    )
    # Who taught it when the request was made: the ratings are theirs even if the workshop's
    # or module's trainers change later.
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainers"),
        blank=True,
        related_name="capacity_reactions_about",
    )
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=clock.now, editable=False)

    class Meta:
        verbose_name = _("reaction request")
        verbose_name_plural = _("reaction requests")
        ordering = ["-opens_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "session", "occurrence_date"],
                condition=Q(subject="meeting"),
                name="capacity_lms_reaction_once_per_meeting",
            ),
            models.UniqueConstraint(
                fields=["user", "course"],
                condition=Q(subject="module"),
                name="capacity_lms_reaction_once_per_module",
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        subject="meeting",
                        session__isnull=False,
                        occurrence_date__isnull=False,
                        course__isnull=True,
                    )
                    | Q(
                        subject="module",
                        session__isnull=True,
                        occurrence_date__isnull=True,
                        course__isnull=False,
                    )
                ),
                name="capacity_lms_reaction_subject_fields",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.session or self.course} {self.occurrence_date or ''}"


class Reaction(models.Model):
    """The answer to a :class:`ReactionRequest`: the trainer and the content rated apart."""

    request = models.OneToOneField(
        ReactionRequest,
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="reaction",
    )
    trainer_rating = models.PositiveSmallIntegerField(
        _("trainer"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    content_rating = models.PositiveSmallIntegerField(
        _("content"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    signed = models.BooleanField(
        _("signed"),
        default=False,
        help_text=_("The trainers see the name of a person who signs their comment."),
    )
    answered_at = models.DateTimeField(_("answered"))

    class Meta:
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")
        ordering = ["-answered_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(content_rating__gte=1, content_rating__lte=5)
                & (
                    Q(trainer_rating__isnull=True)
                    | Q(trainer_rating__gte=1, trainer_rating__lte=5)
                ),
                name="capacity_lms_reaction_ratings_range",
            )
        ]

    def __str__(self):
        return f"{self.request}: {self.content_rating}/5"


class LearningGain(models.Model):
    """A learner's first post-test score minus their first pre-test score in one module."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="capacity_learning_gains",
    )
    course = models.ForeignKey(
        "capacity_courses.CoursePage",
        verbose_name=_("module"),
        on_delete=models.CASCADE,
        related_name="learning_gains",
    )
    pre_score = models.DecimalField(_("pre-test (%)"), max_digits=5, decimal_places=2)
    post_score = models.DecimalField(_("post-test (%)"), max_digits=5, decimal_places=2)
    gain = models.DecimalField(_("gain (points)"), max_digits=6, decimal_places=2)
    measured_at = models.DateTimeField(_("measured"))

    class Meta:
        verbose_name = _("learning gain")
        verbose_name_plural = _("learning gains")
        ordering = ["-measured_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"], name="capacity_lms_learning_gain_once"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.course}: {self.gain}"


class FollowUp(models.Model):
    """The follow-up questionnaire sent once to a certificate's holder, months after it."""

    certificate = models.OneToOneField(
        "capacity_lms.Certificate",
        verbose_name=_("certificate"),
        on_delete=models.CASCADE,
        related_name="follow_up",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="capacity_follow_ups",
    )
    questionnaire = models.ForeignKey(
        Questionnaire,
        verbose_name=_("questionnaire"),
        on_delete=models.PROTECT,
        related_name="follow_ups",
    )
    due_on = models.DateField(_("due"))
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["-due_on", "pk"]

    def __str__(self):
        return f"{self.user} – {self.certificate}"
