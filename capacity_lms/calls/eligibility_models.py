"""What staff record when they check a submitted application's eligibility: one verdict per
point of the checklist, and the requests for a missing document.

The checklist's points are the call's automatic rules (``calls/eligibility.py``) and the staff
points only a person can judge; each failed point carries the reason the association reads.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from capacity_lms.calls.models import Application
from capacity_lms.calls.pages import RequiredDocument
from capacity_lms.core import clock


class EligibilityCheck(models.Model):
    """Staff's verdict on one point of an application's eligibility checklist."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="eligibility_checks"
    )
    key = models.CharField(_("point"), max_length=32)
    automatic = models.BooleanField(
        _("what the automatic check found"),
        null=True,
        blank=True,
        help_text=_("Empty for the points only staff can judge."),
    )
    passed = models.BooleanField(_("passed"))
    reason = models.TextField(_("reason"), blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    checked_at = models.DateTimeField(_("checked"), default=clock.now, editable=False)

    class Meta:
        verbose_name = _("eligibility check")
        verbose_name_plural = _("eligibility checks")
        ordering = ["application", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "key"], name="capacity_eligibility_check_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(passed=True) | ~models.Q(reason=""),
                name="capacity_eligibility_failed_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.application}: {self.key} {'✓' if self.passed else '✗'}"


class DocumentRequest(models.Model):
    """Staff ask an association for a missing document, to send before ``due_on``."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="document_requests"
    )
    document = models.ForeignKey(
        RequiredDocument,
        verbose_name=_("required document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message = models.TextField(_("what is missing"))
    due_on = models.DateField(_("answer before"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("requested"), default=clock.now, editable=False)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("document request")
        verbose_name_plural = _("document requests")
        ordering = ["application", "requested_at", "pk"]

    def __str__(self):
        return f"{self.application}: {self.message[:40]}"
