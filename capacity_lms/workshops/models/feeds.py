"""The secret behind a person's personal calendar feed (``calendar/personal/<token>.ics``)."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from capacity_lms.core import clock


class CalendarFeedToken(models.Model):
    """The secret in a person's personal calendar URL. Revoking deletes it; a new one can be
    made at any time, and the old URL then answers 404."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="calendar_feed_token",
    )
    token = models.CharField(_("token"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), default=clock.now, editable=False)

    class Meta:
        verbose_name = _("calendar feed token")
        verbose_name_plural = _("calendar feed tokens")

    def __str__(self):
        return str(self.user)

    def get_absolute_url(self):
        return reverse("capacity_lms:personal_calendar", kwargs={"token": self.token})

    @classmethod
    def new_token(cls):
        return secrets.token_urlsafe(32)
