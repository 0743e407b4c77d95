"""An association's application to a call, its frozen versions, and the call's history.

One application per association per call, enforced by the database. It holds a
:class:`~capacity_lms.projects.models.Project` (logical framework, budget, partners), drafted
by the association's members and submitted by one of its admins; submitting freezes a version
(a JSON snapshot of the whole project, with the figures the server computed).

Every state change of an application (submit, withdraw, eligibility, assignment, declaration,
score, decision) is one action writing one :class:`CallEvent`: who, when, what, why.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from capacity_lms.calls.pages import CallPage
from capacity_lms.core import clock
from capacity_lms.people.models import Association
from capacity_lms.projects.models import Project


class Application(models.Model):
    """An association's application to one call."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        ELIGIBLE = "eligible", _("Eligible")
        INELIGIBLE = "ineligible", _("Not eligible")
        FUNDED = "funded", _("Funded")
        RESERVE = "reserve", _("Reserve list")
        REFUSED = "refused", _("Refused")

    call = models.ForeignKey(
        CallPage, verbose_name=_("call"), on_delete=models.PROTECT, related_name="applications"
    )
    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.PROTECT,
        related_name="call_applications",
    )
    project = models.OneToOneField(
        Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="application"
    )
    strategic_axis = models.ForeignKey(
        "capacity_lms.StrategicAxis",
        verbose_name=_("strategic axis"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    specialized_group = models.ForeignKey(
        "capacity_lms.SpecializedGroup",
        verbose_name=_("specialized group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    # The project workbook it was started from: its project was copied, so neither changes
    # the other afterwards.
    started_from = models.ForeignKey(
        "capacity_lms.Workbook",
        verbose_name=_("started from the workbook"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=clock.now, editable=False)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["call", "association__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "association"],
                name="capacity_application_one_per_association",
                violation_error_message=_("This association has already applied to this call."),
            ),
            models.CheckConstraint(
                condition=models.Q(status="draft")
                | models.Q(status="withdrawn")
                | models.Q(submitted_at__isnull=False),
                name="capacity_application_submitted_has_a_date",
            ),
        ]
        permissions = [("view_call_history", "Can read the history of a call")]

    def __str__(self):
        return f"{self.association} – {self.call}"

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT


class ApplicationVersion(models.Model):
    """A frozen copy of the application, saved at each submission (and on request)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    snapshot = models.JSONField(_("content"))
    submitted = models.BooleanField(_("submitted version"), default=False)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saved by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    saved_at = models.DateTimeField(_("saved"), default=clock.now, editable=False)

    class Meta:
        verbose_name = _("application version")
        verbose_name_plural = _("application versions")
        ordering = ["application", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "number"], name="capacity_application_version_unique"
            )
        ]

    def __str__(self):
        return f"{self.application} v{self.number}"


class CallEvent(models.Model):
    """One state change in a call: who, when, what, about which application, why."""

    class Verb(models.TextChoices):
        STARTED = "started", _("Application started")
        SUBMITTED = "submitted", _("Application submitted")
        WITHDRAWN = "withdrawn", _("Application withdrawn")
        REOPENED = "reopened", _("Application reopened as a draft")
        ELIGIBILITY = "eligibility", _("Eligibility decided")
        DOCUMENT_REQUESTED = "document_requested", _("Document requested")
        DOCUMENT_ADDED = "document_added", _("Document attached")
        DOCUMENT_REMOVED = "document_removed", _("Document removed")
        REQUEST_ANSWERED = "request_answered", _("Requested document sent")
        ASSIGNED = "assigned", _("Reviewer assigned")
        DECLARED = "declared", _("Interest declared")
        SCORED = "scored", _("Scores submitted")
        DECIDED = "decided", _("Decision recorded")
        REPORT_APPROVED = "report_approved", _("Report approved")
        AGREEMENT_SIGNED = "agreement_signed", _("Agreement recorded")
        TRANCHE_RELEASED = "tranche_released", _("Tranche released")
        REPORT_SUBMITTED = "report_submitted", _("Report submitted")
        REPORT_RETURNED = "report_returned", _("Report returned for changes")
        CASE_STUDY_DRAFTED = "case_study_drafted", _("Case study drafted")
        STAGE_CHANGED = "stage_changed", _("Committee stage changed")

    call = models.ForeignKey(CallPage, on_delete=models.CASCADE, related_name="events")
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    verb = models.CharField(_("what"), max_length=32, choices=Verb.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("when"), default=clock.now, editable=False)
    reason = models.TextField(_("why"), blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("call event")
        verbose_name_plural = _("call events")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["call", "at"], name="capacity_call_event_at")]

    def __str__(self):
        return f"{self.get_verb_display()} – {self.at:%Y-%m-%d %H:%M}"
