"""What happens to an association over time: verification, join requests, documents, edits.

Each is a row of its own so that history is kept (who, when, why) and nothing is overwritten:
a join request is not a membership until accepted, an edit to a verified association's public
profile waits for staff review, the statutes and registration receipt stay in private storage.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from capacity_lms.core import clock
from capacity_lms.core.storage import get_private_storage

from .models import Association


class VerificationEvent(models.Model):
    """One change of an association's verification state: who, when, from what to what, why."""

    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="verification_events",
    )
    from_status = models.CharField(
        _("from"), max_length=16, choices=Association.VerificationStatus.choices, blank=True
    )
    to_status = models.CharField(
        _("to"), max_length=16, choices=Association.VerificationStatus.choices
    )
    reason = models.TextField(_("reason"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("when"), default=clock.now, editable=False, db_index=True)

    class Meta:
        verbose_name = _("verification event")
        verbose_name_plural = _("verification events")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.association}: {self.from_status} → {self.to_status}"


class MembershipRequest(models.Model):
    """A person asking to join an association; a membership only once an admin accepts it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting an answer")
        ACCEPTED = "accepted", _("Accepted")
        REFUSED = "refused", _("Refused")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="capacity_membership_requests",
    )
    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="membership_requests",
    )
    message = models.TextField(_("message"), blank=True, max_length=2000)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("answered"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("asked"), default=clock.now, editable=False)

    class Meta:
        verbose_name = _("request to join")
        verbose_name_plural = _("requests to join")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "association"],
                condition=models.Q(status="pending"),
                name="capacity_lms_membership_request_one_pending",
                violation_error_message=_("You have already asked to join this association."),
            ),
        ]

    def __str__(self):
        return f"{self.user} → {self.association} ({self.get_status_display()})"


class AssociationDocument(models.Model):
    """A document proving the association exists (statutes, registration receipt), kept private."""

    class Kind(models.TextChoices):
        STATUTES = "statutes", _("Statutes")
        RECEIPT = "receipt", _("Registration receipt")
        OTHER = "other", _("Other document")

    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    file = models.FileField(
        _("file"),
        storage=get_private_storage,
        upload_to="capacity_lms/association_documents/",
        max_length=255,
    )
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=clock.now, editable=False)

    class Meta:
        verbose_name = _("association document")
        verbose_name_plural = _("association documents")
        ordering = ["association_id", "kind", "pk"]

    def __str__(self):
        return f"{self.association}: {self.get_kind_display()}"


class ProfileChange(models.Model):
    """Edits to a verified association's published profile, waiting for staff review.

    ``changes`` maps field names to the proposed values (ids for relations); nothing shows in the
    directory until staff apply it.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting review")
        APPLIED = "applied", _("Applied")
        REFUSED = "refused", _("Refused")
        SUPERSEDED = "superseded", _("Replaced by a later edit")

    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="profile_changes",
    )
    changes = models.JSONField(_("proposed changes"), default=dict)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    proposed_at = models.DateTimeField(_("proposed"), default=clock.now, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("profile change")
        verbose_name_plural = _("profile changes")
        ordering = ["-proposed_at", "-pk"]

    def __str__(self):
        return f"{self.association} ({self.get_status_display()})"
