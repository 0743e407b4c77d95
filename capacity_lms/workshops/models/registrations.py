"""The people at a workshop: one :class:`Registration` per person, confirmed while seats last,
then on a first-in first-out waiting list, or cancelled."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from capacity_lms.core import clock


class RegistrationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waiting(self):
        return self.filter(status=Registration.Status.WAITING).order_by("queued_at", "pk")

    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)

    def for_person(self, user):
        return self.filter(user=user)


class Registration(models.Model):
    """A person's place at a workshop: confirmed, waiting in line, or cancelled.

    One row per (workshop, person), enforced by the database. ``queued_at`` orders the
    waiting list: first in, first out; registering again after cancelling joins the end.
    """

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    workshop = models.ForeignKey(
        # Named, not imported: Workshop counts its seats with Registration.Status.
        "capacity_lms.Workshop",
        verbose_name=_("workshop"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="workshop_registrations",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    queued_at = models.DateTimeField(_("registered"), default=clock.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The trainer or staff member who registered this person, if not themself."),
    )
    updated_at = clock.UpdatedAtField(_("updated"))

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["queued_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "user"], name="capacity_one_registration_per_person"
            )
        ]
        indexes = [models.Index(fields=["workshop", "status", "queued_at"])]

    def __str__(self):
        return f"{self.user} – {self.workshop} ({self.get_status_display()})"

    @property
    def is_confirmed(self):
        return self.status == self.Status.CONFIRMED

    @property
    def is_waiting(self):
        return self.status == self.Status.WAITING
