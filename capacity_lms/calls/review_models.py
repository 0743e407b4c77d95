"""The committee's work on an application: who reviews it, their declaration of interest,
their scores, and the decision.

A reviewer is assigned an eligible application by the chair; before it opens for them they
declare whether they have a conflict of interest (``conflict`` is None until they do). A
declared conflict hides the application from them for good; scores exist only for assignments
declared free of conflict, which the database enforces.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from capacity_lms.calls.models import Application
from capacity_lms.calls.pages import CallCriterion
from capacity_lms.core import clock
from capacity_lms.projects.models import AMOUNT


class ReviewAssignment(models.Model):
    """One reviewer's review of one application."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="assignments"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="capacity_review_assignments",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assigned_at = models.DateTimeField(_("assigned"), default=clock.now, editable=False)
    conflict = models.BooleanField(_("declared a conflict of interest"), null=True, default=None)
    declaration = models.TextField(_("declaration"), blank=True)
    declared_at = models.DateTimeField(_("declared"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("scores submitted"), null=True, blank=True)

    class Meta:
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        ordering = ["application", "assigned_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer"], name="capacity_review_assignment_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(submitted_at__isnull=True) | models.Q(conflict=False),
                name="capacity_review_scored_only_without_conflict",
            ),
        ]

    def __str__(self):
        return f"{self.reviewer} – {self.application}"

    @property
    def is_open(self):
        """Declared free of conflict: the application, its documents and scores open."""
        return self.conflict is False


class Score(models.Model):
    """A reviewer's score of one criterion, with their comment."""

    assignment = models.ForeignKey(
        ReviewAssignment, on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(CallCriterion, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "criterion"], name="capacity_score_one_per_criterion"
            )
        ]

    def __str__(self):
        return f"{self.criterion}: {self.score}"


class Decision(models.Model):
    """The committee's decision on an application, with its reason."""

    class Outcome(models.TextChoices):
        FUNDED = "funded", _("Funded")
        RESERVE = "reserve", _("Reserve list")
        REFUSED = "refused", _("Refused")

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="decision"
    )
    outcome = models.CharField(_("decision"), max_length=16, choices=Outcome.choices)
    amount = models.DecimalField(
        _("amount granted"), null=True, blank=True, validators=[MinValueValidator(0)], **AMOUNT
    )
    reason = models.TextField(_("reason"))
    # The language of the page the chair wrote the reason on (the reason is shown with it as
    # its ``lang``); blank for decisions recorded before it was kept.
    language = models.CharField(_("language"), max_length=12, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), default=clock.now, editable=False)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(outcome="funded") & models.Q(amount__gt=0))
                | (~models.Q(outcome="funded") & models.Q(amount__isnull=True)),
                name="capacity_decision_amount_only_when_funded",
            )
        ]

    def __str__(self):
        return f"{self.application}: {self.get_outcome_display()}"
