"""An association's project as data: its logical framework, budget, timeline and partners.

Base layer: an application to a call for projects (``capacity_lms.calls``) and the project
workbook of the project-engineering modules both hold a :class:`Project`; neither is imported
here. The arithmetic (totals, conversion, co-financing share) lives in ``projects/budget.py``
and is always computed on the server from the lines, never read from a form.

A project is written in one language (``language``): what its authors typed carries it when
shown (``lang``/``dir``), whatever the reader's language.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from capacity_lms.core import clock
from capacity_lms.people.models import Association
from capacity_lms.projects.budget import BudgetCategory

# Amounts: up to 10^12 in any currency, to the hundredth.
AMOUNT = {"max_digits": 14, "decimal_places": 2}


class Project(models.Model):
    """The project of an association: what an application or a workbook is about."""

    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="projects",
    )
    title = models.CharField(_("title"), max_length=255)
    language = models.CharField(
        _("language written in"), max_length=12, blank=True, help_text=_("For example ar, fr.")
    )
    summary = models.TextField(_("summary"), blank=True)
    context = models.TextField(_("context and needs"), blank=True)
    target_groups = models.TextField(_("target groups"), blank=True)
    overall_objective = models.TextField(_("overall objective"), blank=True)
    currency = models.CharField(
        _("currency"), max_length=3, default="MAD", help_text=_("ISO 4217 code, e.g. MAD, EUR.")
    )
    requested_amount = models.DecimalField(
        _("amount requested"), default=0, validators=[MinValueValidator(0)], **AMOUNT
    )
    own_contribution = models.DecimalField(
        _("own contribution"), default=0, validators=[MinValueValidator(0)], **AMOUNT
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=clock.now, editable=False)
    updated_at = clock.UpdatedAtField(_("updated"))

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="capacity_project_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(requested_amount__gte=0) & models.Q(own_contribution__gte=0),
                name="capacity_project_amounts_not_negative",
            ),
        ]

    def __str__(self):
        return self.title


class Ordered(models.Model):
    """A row shown in its project's order."""

    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]


class SpecificObjective(Ordered):
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="specific_objectives"
    )
    text = models.TextField(_("specific objective"))

    class Meta(Ordered.Meta):
        verbose_name = _("specific objective")
        verbose_name_plural = _("specific objectives")

    def __str__(self):
        return self.text[:80]


class ExpectedResult(Ordered):
    objective = models.ForeignKey(
        SpecificObjective, on_delete=models.CASCADE, related_name="results"
    )
    text = models.TextField(_("expected result"))

    class Meta(Ordered.Meta):
        verbose_name = _("expected result")
        verbose_name_plural = _("expected results")

    def __str__(self):
        return self.text[:80]


class Activity(Ordered):
    """An activity leading to a result; its dates make the project's timeline."""

    result = models.ForeignKey(ExpectedResult, on_delete=models.CASCADE, related_name="activities")
    text = models.TextField(_("activity"))
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)

    class Meta(Ordered.Meta):
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="capacity_activity_ends_after_start",
            )
        ]

    def __str__(self):
        return self.text[:80]


class Indicator(Ordered):
    """How an objective or a result is measured: baseline, target, source of verification.
    Attached to the project, and to the objective or result it measures when given."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="indicators")
    objective = models.ForeignKey(
        SpecificObjective,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indicators",
    )
    result = models.ForeignKey(
        ExpectedResult, on_delete=models.CASCADE, null=True, blank=True, related_name="indicators"
    )
    text = models.CharField(_("indicator"), max_length=500)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    baseline = models.DecimalField(_("baseline"), null=True, blank=True, **AMOUNT)
    target = models.DecimalField(_("target"), null=True, blank=True, **AMOUNT)
    source = models.CharField(_("source of verification"), max_length=500, blank=True)

    class Meta(Ordered.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.text


class Assumption(Ordered):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="assumptions")
    text = models.TextField(_("assumption"))

    class Meta(Ordered.Meta):
        verbose_name = _("assumption")
        verbose_name_plural = _("assumptions")

    def __str__(self):
        return self.text[:80]


class BudgetLine(Ordered):
    """One line of the budget, in the currency it was quoted in (converted at the rate the
    call fixes when totalled: ``projects/budget.py``)."""

    Category = BudgetCategory

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="budget_lines")
    category = models.CharField(_("category"), max_length=20, choices=BudgetCategory.choices)
    description = models.CharField(_("description"), max_length=255)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    quantity = models.DecimalField(
        _("quantity"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    unit_cost = models.DecimalField(_("unit cost"), validators=[MinValueValidator(0)], **AMOUNT)
    currency = models.CharField(_("currency"), max_length=3)

    class Meta(Ordered.Meta):
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity__gt=0) & models.Q(unit_cost__gte=0),
                name="capacity_budget_line_positive",
            )
        ]

    def __str__(self):
        return self.description


class OtherFunder(Ordered):
    """Co-financing from someone else than the association and the programme."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="other_funders")
    name = models.CharField(_("funder"), max_length=255)
    amount = models.DecimalField(_("amount"), validators=[MinValueValidator(0)], **AMOUNT)

    class Meta(Ordered.Meta):
        verbose_name = _("other funder")
        verbose_name_plural = _("other funders")

    def __str__(self):
        return self.name


class ProjectPartner(Ordered):
    """A partner in the host country or a territorial actor in Morocco: an association chosen
    from the directory, or a name typed (a commune, a school, a cooperative)."""

    class Kind(models.TextChoices):
        HOST_COUNTRY = "host_country", _("Partner in the host country")
        TERRITORIAL = "territorial", _("Territorial actor in Morocco")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="partners")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    association = models.ForeignKey(
        Association,
        verbose_name=_("association in the directory"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="project_partnerships",
    )
    name = models.CharField(_("name"), max_length=255, blank=True)
    role = models.CharField(_("role in the project"), max_length=255, blank=True)

    class Meta(Ordered.Meta):
        verbose_name = _("project partner")
        verbose_name_plural = _("project partners")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(association__isnull=False) | ~models.Q(name=""),
                name="capacity_project_partner_named",
            )
        ]

    def __str__(self):
        return self.association.name if self.association_id else self.name
