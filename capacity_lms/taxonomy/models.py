import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin


def validate_time_zone(value):
    """Accept only IANA time zone names known to this Python (e.g. ``Africa/Casablanca``)."""
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("%(value)s is not an IANA time zone name, such as Europe/Paris."),
            params={"value": value},
            code="invalid_time_zone",
        )


class TranslatedNameQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def by_code(self, *codes):
        return self.filter(code__in=codes)


class TranslatedName(index.Indexed, models.Model):
    """A name kept in Arabic, French and English, shown in the reader's language.

    The programme's vocabulary is small and fixed by the ministry, so the three names live on
    the row itself rather than in a translation table: editors see and correct all three at once.
    """

    code = models.SlugField(
        _("code"),
        max_length=64,
        unique=True,
        help_text=_("A stable identifier used in URLs, filters and imports."),
    )
    name_en = models.CharField(_("name in English"), max_length=255)
    name_fr = models.CharField(_("name in French"), max_length=255, blank=True)
    name_ar = models.CharField(_("name in Arabic"), max_length=255, blank=True)
    sort_order = models.IntegerField(_("order"), default=0, db_index=True)

    sort_order_field = "sort_order"

    objects = TranslatedNameQuerySet.as_manager()

    search_fields = [
        index.SearchField("name_en"),
        index.SearchField("name_fr"),
        index.SearchField("name_ar"),
        index.AutocompleteField("name_en"),
        index.AutocompleteField("name_fr"),
        index.AutocompleteField("name_ar"),
        index.AutocompleteField("code"),
        index.FilterField("code"),
    ]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name_en"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        """The name in the active language, falling back to English."""
        return self.name_in(get_language())

    def name_in(self, language_code):
        language = (language_code or "en").split("-")[0]
        return getattr(self, f"name_{language}", "") or self.name_en


# Sight of every country's data (reports, associations, members): programme staff and
# superusers. Anyone else sees the countries assigned to them, and none when none are.
VIEW_ALL_COUNTRIES = "capacity_lms.view_all_countries"


class Country(TranslatedName):
    """A country where learners live or workshops take place.

    ``code`` is the ISO 3166-1 alpha-2 code in lower case (``fr``, ``ma``); the time zone is the
    default for workshops held there (each session still carries its own).
    """

    default_time_zone = models.CharField(
        _("default time zone"),
        max_length=64,
        validators=[validate_time_zone],
        help_text=_("IANA name, e.g. Europe/Paris or Africa/Casablanca."),
    )

    class Meta(TranslatedName.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        permissions = [("view_all_countries", _("Can see the data of every country"))]

    def clean(self):
        super().clean()
        self.code = (self.code or "").lower()
        if len(self.code) != 2 or not self.code.isalpha():
            raise ValidationError(
                {"code": _("Use the two-letter ISO 3166 code, for example fr or ma.")}
            )

    @property
    def iso_code(self):
        return self.code.upper()


class SpecializedGroup(TranslatedName):
    """A group of people the programme serves in a particular way.

    For example young people, elderly persons, detainees, women or children in school. Courses,
    associations, learners and workshops are tagged with groups for filtering and reports.
    """

    description = models.TextField(_("description"), blank=True)

    class Meta(TranslatedName.Meta):
        verbose_name = _("specialized group")
        verbose_name_plural = _("specialized groups")


class StrategicAxis(TranslatedName):
    """One of the ministry's strategic priorities that the partnership programme funds.

    Project engineering is the transversal axis; the others are the yearly call's themes.
    Courses, workshops, case studies and reports are organised by axis.
    """

    description = models.TextField(_("description"), blank=True)

    class Meta(TranslatedName.Meta):
        verbose_name = _("strategic axis")
        verbose_name_plural = _("strategic axes")


class CapacityArea(TranslatedName):
    """One area of an association's capacities that training strengthens.

    Governance, finance, project cycle, partnerships, communication, volunteers: the
    self-assessment scores an association on each, and modules declare the areas they
    strengthen, so weak areas lead to the modules that help.
    """

    description = models.TextField(_("description"), blank=True)

    class Meta(TranslatedName.Meta):
        verbose_name = _("capacity area")
        verbose_name_plural = _("capacity areas")


class Region(TranslatedName):
    """One of Morocco's twelve regions, where solidarity-development projects take place.

    Case studies name the regions of origin their project serves.
    """

    class Meta(TranslatedName.Meta):
        verbose_name = _("region of Morocco")
        verbose_name_plural = _("regions of Morocco")


class Province(TranslatedName):
    """A province or prefecture of Morocco, inside one of its twelve regions.

    Local associations in Morocco are placed by region, province and commune.
    """

    region = models.ForeignKey(
        Region,
        verbose_name=_("region of Morocco"),
        on_delete=models.CASCADE,
        related_name="provinces",
    )

    class Meta(TranslatedName.Meta):
        verbose_name = _("province or prefecture of Morocco")
        verbose_name_plural = _("provinces and prefectures of Morocco")
