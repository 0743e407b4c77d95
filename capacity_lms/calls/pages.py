"""Calls for projects as Wagtail pages: the list of calls (current and archive) and each
yearly call, with its rules, criteria, required documents and committee.

A call is written by editors in each language (Wagtail's translations of one page); what the
rules say (dates, amounts, criteria, committee) is read from the call in the default language,
its :meth:`CallPage.canonical` page, so that the three versions never disagree on a deadline.
Its opening and closing are wall times in Casablanca (``calls/deadlines.py``).
"""

import functools

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from capacity_lms.calls import deadlines
from capacity_lms.calls.scoring import Criterion
from capacity_lms.calls.stages import CallStage
from capacity_lms.core import clock
from capacity_lms.core.pages import PersonalPage, ReadOnlyPage
from capacity_lms.projects.models import AMOUNT

RICH_TEXT = ["bold", "italic", "link", "ol", "ul", "h3"]


class CallIndexPage(ReadOnlyPage, Page):
    """The calls for projects: those open or coming, then the archive of earlier years."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["capacity_lms.CallPage"]
    template = "capacity_lms/calls/call_index_page.html"

    class Meta:
        verbose_name = _("calls for projects")
        verbose_name_plural = _("calls for projects lists")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        calls = list(CallPage.objects.child_of(self).live().order_by("-year", "title"))
        now = clock.now()
        current = [call for call in calls if call.canonical().stage_at(now) != "decided"]
        archive = [call for call in calls if call not in current]
        return {**context, "current_calls": current, "archived_calls": archive, "now": now}


class CallPage(PersonalPage, ReadOnlyPage, Page):
    """One yearly call for projects: who may apply, until when, for how much, judged how."""

    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    intro = RichTextField(_("what the call is for"), blank=True, features=RICH_TEXT)
    strategic_axes = ParentalManyToManyField(
        "capacity_lms.StrategicAxis", verbose_name=_("eligible strategic axes"), blank=True
    )
    specialized_groups = ParentalManyToManyField(
        "capacity_lms.SpecializedGroup", verbose_name=_("eligible specialized groups"), blank=True
    )
    host_countries = ParentalManyToManyField(
        "capacity_lms.Country",
        verbose_name=_("eligible host countries"),
        blank=True,
        help_text=_("Leave empty to welcome associations from every country."),
    )
    opens_on = models.DateField(_("opens on"))
    opens_at = models.TimeField(_("opens at (Casablanca time)"))
    closes_on = models.DateField(_("closes on"))
    closes_at = models.TimeField(_("closes at (Casablanca time)"))
    currency = models.CharField(
        _("currency"), max_length=3, default="MAD", help_text=_("ISO 4217 code, e.g. MAD, EUR.")
    )
    ceiling = models.DecimalField(
        _("most a project may request"), validators=[MinValueValidator(0)], **AMOUNT
    )
    envelope = models.DecimalField(
        _("total envelope of the call"), validators=[MinValueValidator(0)], **AMOUNT
    )
    minimum_share = models.DecimalField(
        _("minimum own or co-financing share (%)"),
        max_digits=5,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    requires_verified = models.BooleanField(_("only verified associations"), default=True)
    minimum_years = models.PositiveSmallIntegerField(_("minimum years of existence"), default=0)
    training_module = models.ForeignKey(
        "capacity_courses.CoursePage",
        verbose_name=_("training module to have completed"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: members of the association must have completed this module."),
    )
    minimum_trained_members = models.PositiveSmallIntegerField(
        _("members who completed it, at least"), default=0
    )
    answer_days = models.PositiveSmallIntegerField(
        _("days to answer a request for a document"), default=10
    )
    stage = models.CharField(
        _("committee stage"), max_length=16, choices=CallStage.choices, blank=True, default=""
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("year"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("opens_on"),
                FieldPanel("opens_at"),
                FieldPanel("closes_on"),
                FieldPanel("closes_at"),
            ],
            heading=_("Dates (Casablanca time)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("strategic_axes"),
                FieldPanel("specialized_groups"),
                FieldPanel("host_countries"),
                FieldPanel("requires_verified"),
                FieldPanel("minimum_years"),
                FieldPanel("training_module"),
                FieldPanel("minimum_trained_members"),
            ],
            heading=_("Who may apply"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("currency"),
                FieldPanel("ceiling"),
                FieldPanel("envelope"),
                FieldPanel("minimum_share"),
                InlinePanel("rates", label=_("Exchange rates")),
            ],
            heading=_("Money"),
        ),
        InlinePanel("criteria", label=_("Assessment criteria"), min_num=1),
        InlinePanel("required_documents", label=_("Required documents")),
        InlinePanel("committee", label=_("Committee")),
    ]
    # The committee's stage is the chair's action (calls/committee.py, on the record), not
    # something an editor sets: it is on no panel, and publishing a revision keeps it.
    settings_panels = [*Page.settings_panels, FieldPanel("answer_days")]
    parent_page_types = ["capacity_lms.CallIndexPage"]
    subpage_types = []
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    template = "capacity_lms/calls/call_page.html"

    class Meta:
        verbose_name = _("call for projects")
        verbose_name_plural = _("calls for projects")

    def canonical(self):
        """The call in the default language, whose rules every translation follows."""
        default = getattr(self, "_canonical", None)
        if default is None:
            default = self
            if self.locale.language_code != settings.LANGUAGE_CODE:
                found = (
                    CallPage.objects.filter(
                        translation_key=self.translation_key,
                        locale__language_code=settings.LANGUAGE_CODE,
                    )
                    .select_related("locale")
                    .first()
                )
                default = found or self
            self._canonical = default
        return default

    @functools.cached_property
    def opens(self):
        call = self.canonical()
        return deadlines.instant(call.opens_on, call.opens_at)

    @functools.cached_property
    def closes(self):
        call = self.canonical()
        return deadlines.instant(call.closes_on, call.closes_at)

    def is_open(self, now=None):
        return deadlines.is_open(self.opens, self.closes, now)

    def with_content_json(self, content):
        """A revision's content, with the committee's stage as it is now: a revision saved
        before the chair moved the call on must not move it back when published."""
        page = super().with_content_json(content)
        page.stage = self.stage
        return page

    def stage_at(self, now=None):
        """Where the call stands: upcoming, open, closed, in review or decided."""
        stage = self.canonical().stage
        if stage:
            return stage
        return deadlines.state(self.opens, self.closes, now).value

    def scoring_criteria(self):
        """The call's criteria for ``calls/scoring.py``, keyed by their ids."""
        return [
            Criterion(key=str(c.pk), weight=c.weight, max_score=c.max_score)
            for c in self.canonical().criteria.all()
        ]

    def rates_by_currency(self):
        """``{currency: units of the call's currency for one unit of it}``."""
        return {rate.currency: rate.rate for rate in self.canonical().rates.all()}

    def get_context(self, request, *args, **kwargs):
        from capacity_lms.calls.shown import call_context

        context = super().get_context(request, *args, **kwargs)
        return {**context, **call_context(self, request)}


class CallCriterion(Orderable):
    """A weighted assessment criterion of a call, scored from 0 to its maximum."""

    call = ParentalKey(CallPage, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=255)
    description = models.TextField(_("what reviewers look at"), blank=True)
    weight = models.DecimalField(
        _("weight"),
        max_digits=6,
        decimal_places=2,
        default=1,
        validators=[MinValueValidator(0.01)],
    )
    max_score = models.PositiveSmallIntegerField(
        _("highest score"), default=5, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("weight"),
        FieldPanel("max_score"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("assessment criterion")
        verbose_name_plural = _("assessment criteria")

    def __str__(self):
        return self.name


class RequiredDocument(Orderable):
    """A document every application to the call attaches (statutes, accounts, a letter)."""

    call = ParentalKey(CallPage, on_delete=models.CASCADE, related_name="required_documents")
    name = models.CharField(_("document"), max_length=255)
    description = models.TextField(_("details"), blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("required document")
        verbose_name_plural = _("required documents")

    def __str__(self):
        return self.name


class CallRate(Orderable):
    """The rate the call fixes for a budget line entered in another currency."""

    call = ParentalKey(CallPage, on_delete=models.CASCADE, related_name="rates")
    currency = models.CharField(_("currency"), max_length=3)
    rate = models.DecimalField(
        _("units of the call's currency for one unit"),
        max_digits=14,
        decimal_places=6,
        validators=[MinValueValidator(0.000001)],
    )

    class Meta(Orderable.Meta):
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        constraints = [
            models.UniqueConstraint(fields=["call", "currency"], name="capacity_call_rate_unique")
        ]

    def __str__(self):
        return f"1 {self.currency} = {self.rate}"


class CommitteeMember(Orderable):
    """A member of the call's eligibility committee, from one of the ministry's departments."""

    call = ParentalKey(CallPage, on_delete=models.CASCADE, related_name="committee")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="capacity_committee_seats",
    )
    department = models.CharField(_("department"), max_length=255)
    is_chair = models.BooleanField(_("chairs the committee"), default=False)

    panels = [FieldPanel("user"), FieldPanel("department"), FieldPanel("is_chair")]

    class Meta(Orderable.Meta):
        verbose_name = _("committee member")
        verbose_name_plural = _("committee members")
        constraints = [
            models.UniqueConstraint(fields=["call", "user"], name="capacity_committee_seat_unique")
        ]

    def __str__(self):
        return f"{self.user} ({self.department})"
