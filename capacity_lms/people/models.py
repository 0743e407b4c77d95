from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from capacity_lms.conf import validate_language_code
from capacity_lms.core import clock
from capacity_lms.taxonomy.models import (
    Country,
    Province,
    Region,
    SpecializedGroup,
    StrategicAxis,
    validate_time_zone,
)


class AssociationQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def verified(self):
        return self.filter(verification_status=Association.VerificationStatus.VERIFIED)

    def in_country(self, country):
        return self.filter(host_country=country)

    def abroad(self):
        return self.filter(kind=Association.Kind.ABROAD)

    def local(self):
        return self.filter(kind=Association.Kind.LOCAL)

    def live(self):
        """Not merged into another association."""
        return self.filter(merged_into__isnull=True)

    def for_listing(self):
        """What a listing of associations shows, in a fixed number of queries."""
        return self.select_related("host_country", "region", "province").prefetch_related(
            "specialized_groups", "strategic_axes"
        )


# Fields an association may choose to publish; the rest of its profile is never shown outside
# the admin. Name, kind and place (host country and city, or region and province) are shown for
# every verified association: without them a directory entry means nothing.
PUBLISHABLE_FIELDS = (
    "name_ar",
    "description",
    "strategic_axes",
    "specialized_groups",
    "regions_of_origin",
    "founding_year",
    "languages",
    "website",
    "social_links",
    "logo",
    "size_bracket",
    "commune",
)


class Association(index.Indexed, models.Model):
    """An association of Moroccans living abroad, or a local association in Morocco.

    Associations abroad have a host country and a city; local associations have a region and a
    province of Morocco and a commune. Their members follow training modules and workshops;
    programme reports count what each association reached. Verification by programme staff says
    the association is known to the ministry (registered, active), which partners and funders
    rely on; only verified associations appear in the public directory.
    """

    class Kind(models.TextChoices):
        ABROAD = "abroad", _("Association of Moroccans living abroad")
        LOCAL = "local", _("Local association in Morocco")

    class VerificationStatus(models.TextChoices):
        PENDING = "pending", _("Pending verification")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Not verified")
        SUSPENDED = "suspended", _("Suspended")

    class SizeBracket(models.TextChoices):
        UP_TO_10 = "1-10", _("1 to 10 members")
        UP_TO_50 = "11-50", _("11 to 50 members")
        UP_TO_200 = "51-200", _("51 to 200 members")
        OVER_200 = "200+", _("More than 200 members")

    kind = models.CharField(
        _("kind"), max_length=16, choices=Kind.choices, default=Kind.ABROAD, db_index=True
    )
    name = models.CharField(
        _("name"), max_length=255, help_text=_("The name in Latin script, as registered.")
    )
    name_ar = models.CharField(_("name in Arabic script"), max_length=255, blank=True)
    host_country = models.ForeignKey(
        Country,
        verbose_name=_("host country"),
        on_delete=models.PROTECT,
        related_name="associations",
        null=True,
        blank=True,
    )
    city = models.CharField(_("city"), max_length=255, blank=True)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region of Morocco"),
        on_delete=models.PROTECT,
        related_name="local_associations",
        null=True,
        blank=True,
    )
    province = models.ForeignKey(
        Province,
        verbose_name=_("province or prefecture"),
        on_delete=models.PROTECT,
        related_name="local_associations",
        null=True,
        blank=True,
    )
    commune = models.CharField(_("commune"), max_length=255, blank=True)
    registration_number = models.CharField(
        _("registration number"),
        max_length=64,
        blank=True,
        help_text=_("The number under which the association is registered in its country."),
    )
    description_en = models.TextField(_("description in English"), blank=True)
    description_fr = models.TextField(_("description in French"), blank=True)
    description_ar = models.TextField(_("description in Arabic"), blank=True)
    specialized_groups = models.ManyToManyField(
        SpecializedGroup,
        verbose_name=_("specialized groups"),
        blank=True,
        related_name="associations",
    )
    strategic_axes = models.ManyToManyField(
        StrategicAxis,
        verbose_name=_("strategic axes"),
        blank=True,
        related_name="associations",
    )
    regions_of_origin = models.ManyToManyField(
        Region,
        verbose_name=_("regions of origin it works with"),
        blank=True,
        related_name="associations_working_there",
    )
    founding_year = models.PositiveSmallIntegerField(_("founding year"), null=True, blank=True)
    languages = models.JSONField(
        _("languages"), default=list, blank=True, help_text=_("Language codes, e.g. ar, fr, nl.")
    )
    contact_name = models.CharField(_("contact person"), max_length=255, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=64, blank=True)
    website = models.URLField(_("website"), blank=True)
    social_links = models.JSONField(_("social links"), default=list, blank=True)
    logo = models.ImageField(
        _("logo"), upload_to="capacity_lms/association_logos/", blank=True, max_length=255
    )
    size_bracket = models.CharField(
        _("size"), max_length=8, choices=SizeBracket.choices, blank=True
    )
    published_fields = models.JSONField(
        _("fields the association agreed to publish"), default=list, blank=True
    )
    verification_status = models.CharField(
        _("verification status"),
        max_length=16,
        choices=VerificationStatus.choices,
        default=VerificationStatus.PENDING,
        db_index=True,
    )
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True, db_index=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_from",
    )
    possible_duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("possible duplicate of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="possible_duplicates",
        help_text=_(
            "Set at registration when the name is nearly the same as another association's in "
            "the same city: staff check it and merge the two if they are one."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=clock.now, editable=False)
    updated_at = clock.UpdatedAtField(_("updated"))

    objects = AssociationQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_ar"),
        index.AutocompleteField("name"),
        index.AutocompleteField("name_ar"),
        index.AutocompleteField("city"),
        index.SearchField("city"),
        index.SearchField("commune"),
        index.SearchField("description_en"),
        index.SearchField("description_fr"),
        index.SearchField("description_ar"),
        index.SearchField("registration_number"),
        index.SearchField("contact_name"),
        index.SearchField("contact_email"),
        index.FilterField("name"),
        index.FilterField("kind"),
        index.FilterField("host_country"),
        index.FilterField("region"),
        index.FilterField("verification_status"),
        index.FilterField("merged_into"),
    ]

    class Meta:
        verbose_name = _("association")
        verbose_name_plural = _("associations")
        ordering = ["name"]
        constraints = [
            # A registration number identifies one association within its host country.
            models.UniqueConstraint(
                fields=["host_country", "registration_number"],
                condition=~models.Q(registration_number="") & models.Q(merged_into__isnull=True),
                name="capacity_lms_association_unique_registration",
                violation_error_message=_(
                    "An association with this registration number already exists in this country."
                ),
            ),
            # ... and within Morocco for local associations (host country empty).
            models.UniqueConstraint(
                fields=["registration_number"],
                condition=~models.Q(registration_number="")
                & models.Q(kind="local", merged_into__isnull=True),
                name="capacity_lms_association_unique_local_registration",
                violation_error_message=_(
                    "A local association with this registration number already exists."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(kind="local") | models.Q(host_country__isnull=False),
                name="capacity_lms_association_abroad_has_country",
                violation_error_message=_("An association abroad needs its host country."),
            ),
            models.CheckConstraint(
                condition=models.Q(kind="abroad") | models.Q(region__isnull=False),
                name="capacity_lms_association_local_has_region",
                violation_error_message=_("A local association needs its region of Morocco."),
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.province_id and self.region_id and self.province.region_id != self.region_id:
            raise ValidationError({"province": _("This province is not in the region chosen.")})
        if self.kind == self.Kind.ABROAD and not self.host_country_id:
            raise ValidationError(
                {"host_country": _("An association abroad needs its host country.")}
            )
        if self.kind == self.Kind.LOCAL and not self.region_id:
            raise ValidationError(
                {"region": _("A local association needs its region of Morocco.")}
            )
        unknown = set(self.published_fields or ()) - set(PUBLISHABLE_FIELDS)
        if unknown:
            raise ValidationError({"published_fields": _("Unknown fields to publish.")})

    @property
    def is_verified(self):
        return self.verification_status == self.VerificationStatus.VERIFIED

    def publishes(self, field_name):
        """Whether the association agreed to show ``field_name`` in the directory."""
        return field_name in (self.published_fields or ())

    def description_in(self, language_code):
        """(text, language) of the description in ``language_code``, else the first written."""
        language = (language_code or "en").split("-")[0]
        for code in (language, "en", "fr", "ar"):
            text = getattr(self, f"description_{code}", "")
            if text:
                return text, code
        return "", language


class MembershipQuerySet(models.QuerySet):
    def leaders(self):
        return self.filter(role=Membership.Role.LEADER)

    def for_user(self, user):
        return self.filter(user=user)


class Membership(models.Model):
    """A person's membership of an association, as an ordinary member or as a leader.

    Leaders act for the association (submitting case studies, seeing its members' training).
    One row per (person, association), enforced by the database.
    """

    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        LEADER = "leader", _("Association admin")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="capacity_memberships",
    )
    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    joined_on = models.DateField(_("joined on"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["association__name", "user_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "association"],
                name="capacity_lms_membership_unique_person_association",
                violation_error_message=_("This person is already a member of this association."),
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.association} ({self.get_role_display()})"


class LearnerProfile(models.Model):
    """What the programme knows of a learner beyond their account.

    The country of residence and specialized groups preselect the catalogue's filters and feed
    the reports; the preferred language chooses e-mails and certificates.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="capacity_profile",
    )
    country_of_residence = models.ForeignKey(
        Country,
        verbose_name=_("country of residence"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="learner_profiles",
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        blank=True,
        help_text=_("Used for e-mails and certificates."),
    )
    specialized_groups = models.ManyToManyField(
        SpecializedGroup,
        verbose_name=_("specialized groups"),
        blank=True,
        related_name="learner_profiles",
    )
    name_in_arabic = models.CharField(
        _("name in Arabic script"),
        max_length=255,
        blank=True,
        help_text=_("As it should read on certificates written in Arabic."),
    )
    name_on_association_page = models.BooleanField(
        _("show my name on my association's public page"),
        default=False,
        help_text=_("With the certificates I hold. Without this, the page only counts them."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_("IANA name; empty for the country's. Workshop times are also shown in it."),
    )

    class Meta:
        verbose_name = _("learner profile")
        verbose_name_plural = _("learner profiles")

    def __str__(self):
        return str(self.user)

    def clean(self):
        super().clean()
        validate_language_code("preferred_language", self.preferred_language)
