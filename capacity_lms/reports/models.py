"""Who sees which programme reports.

Programme staff (``view_programme_reports`` and ``view_all_countries``) see every figure. A
country coordinator has the first permission only and a :class:`CountryCoordinator` row naming
their countries: they see the figures of those countries only, and none without a row or
countries (scopes fail closed, :mod:`capacity_lms.core.scopes`). A trainer without the
permission sees the figures of the workshops they run (registrations, attendance, workshop
certificates).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from capacity_lms.taxonomy.models import Country


class CountryCoordinator(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="capacity_country_coordinator",
    )
    countries = models.ManyToManyField(
        Country, verbose_name=_("countries"), related_name="coordinators"
    )

    class Meta:
        verbose_name = _("country coordinator")
        verbose_name_plural = _("country coordinators")
        permissions = [("view_programme_reports", "Can view programme reports")]

    def __str__(self):
        return str(self.user)
