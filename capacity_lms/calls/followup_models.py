"""The follow-up of a funded project: the agreement, its tranches, and the association's reports.

A funded application gets one :class:`Agreement` (the amount, at most the amount granted, paid
in :class:`Tranche` rows with their dates). The association files an interim or a final
:class:`ProjectReport` with the values its logical framework's indicators reached
(:class:`IndicatorValue`) and what it spent on each budget line (:class:`Spending`); staff
approve each report before the next tranche is released. An approved final report can become a
case-study draft in the best-practice library (``calls/followup.py``).
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from capacity_lms.calls.models import Application
from capacity_lms.core import clock
from capacity_lms.projects.models import AMOUNT, BudgetLine, Indicator


class Agreement(models.Model):
    """What the programme and a funded association agreed: the amount and how it is paid."""

    application = models.OneToOneField(
        Application, on_delete=models.PROTECT, related_name="agreement"
    )
    amount = models.DecimalField(_("amount agreed"), validators=[MinValueValidator(0)], **AMOUNT)
    signed_on = models.DateField(_("signed on"))
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=clock.now, editable=False)

    class Meta:
        verbose_name = _("funding agreement")
        verbose_name_plural = _("funding agreements")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gt=0), name="capacity_agreement_amount_positive"
            )
        ]

    def __str__(self):
        return str(self.application)


class Tranche(models.Model):
    """One payment of an agreement. The first is released on signature; each next one only
    once the report before it is approved."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="tranches")
    number = models.PositiveSmallIntegerField(_("tranche"))
    amount = models.DecimalField(_("amount"), **AMOUNT)
    due_on = models.DateField(_("planned on"))
    released_at = models.DateTimeField(_("released"), null=True, blank=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("released by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("tranche")
        verbose_name_plural = _("tranches")
        ordering = ["agreement", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "number"], name="capacity_tranche_number_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(amount__gt=0), name="capacity_tranche_amount_positive"
            ),
        ]

    def __str__(self):
        return f"{self.agreement} – {self.number}"


class ProjectReport(models.Model):
    """An interim or final report on a funded project, due on a date."""

    class Kind(models.TextChoices):
        INTERIM = "interim", _("Interim report")
        FINAL = "final", _("Final report")

    class Status(models.TextChoices):
        DUE = "due", _("Due")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for changes")
        APPROVED = "approved", _("Approved")

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="reports")
    number = models.PositiveSmallIntegerField(_("report"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    due_on = models.DateField(_("due on"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="due")
    activities_done = models.TextField(_("what was done"), blank=True)
    success_factors = models.TextField(_("what made it work"), blank=True)
    difficulties = models.TextField(_("difficulties and what to avoid"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    case_study = models.ForeignKey(
        "capacity_lms.CaseStudyPage",
        verbose_name=_("case study drafted from it"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("project report")
        verbose_name_plural = _("project reports")
        ordering = ["application", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "number"], name="capacity_project_report_number_unique"
            ),
            models.UniqueConstraint(
                fields=["application"],
                condition=models.Q(kind="final"),
                name="capacity_project_report_one_final",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="approved") | models.Q(approved_at__isnull=False),
                name="capacity_project_report_approved_has_a_date",
            ),
        ]

    def __str__(self):
        return f"{self.application} – {self.get_kind_display()} {self.number}"

    @property
    def is_editable(self):
        return self.status in (self.Status.DUE, self.Status.RETURNED)


class IndicatorValue(models.Model):
    """The value an indicator of the logical framework reached, as a report says."""

    report = models.ForeignKey(
        ProjectReport, on_delete=models.CASCADE, related_name="indicator_values"
    )
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    value = models.DecimalField(_("value reached"), **AMOUNT)
    comment = models.CharField(_("comment"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "indicator"], name="capacity_indicator_value_unique"
            )
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value}"


class Spending(models.Model):
    """What was spent on one budget line, as a report says, in the call's currency."""

    report = models.ForeignKey(ProjectReport, on_delete=models.CASCADE, related_name="spending")
    budget_line = models.ForeignKey(BudgetLine, on_delete=models.CASCADE, related_name="+")
    amount = models.DecimalField(_("amount spent"), validators=[MinValueValidator(0)], **AMOUNT)

    class Meta:
        verbose_name = _("spending")
        verbose_name_plural = _("spending")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "budget_line"], name="capacity_spending_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="capacity_spending_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.budget_line}: {self.amount}"
