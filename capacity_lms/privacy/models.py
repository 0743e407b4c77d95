"""The log of exports and erasures carried out: what was done, when, by whom, never to whom
beyond the link to the (pseudonymous, once erased) account."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from capacity_lms.core import clock


class PersonalDataRequest(models.Model):
    """One export or erasure of a person's data, as carried out.

    It holds no personal data: after an erasure ``person`` is the pseudonymous account and
    ``pseudonym`` its new username, so the programme can show it honoured the request.
    """

    class Kind(models.TextChoices):
        EXPORT = "export", _("Export")
        ERASURE = "erasure", _("Erasure")

    class Channel(models.TextChoices):
        ADMIN = "admin", _("Admin")
        COMMAND = "command", _("Management command")
        SELF = "self", _("The person, from their own page")

    kind = models.CharField(_("what"), max_length=16, choices=Kind.choices)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pseudonym = models.CharField(_("pseudonym"), max_length=150, blank=True)
    performed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("performed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    channel = models.CharField(_("how"), max_length=16, choices=Channel.choices)
    note = models.TextField(
        _("reason"), blank=True, help_text=_("Why, without the person's name or e-mail.")
    )
    at = models.DateTimeField(_("when"), default=clock.now)

    class Meta:
        verbose_name = _("personal data request")
        verbose_name_plural = _("personal data requests")
        ordering = ["-at", "-pk"]
        permissions = [("manage_personal_data", "Can export and erase a person's data")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d}"
