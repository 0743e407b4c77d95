from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from capacity_lms.conf import validate_language_code
from capacity_lms.taxonomy.models import (
    Country,
    SpecializedGroup,
    StrategicAxis,
    validate_time_zone,
)


class AssociationQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def verified(self):
        return self.filter(verification_status=Association.VerificationStatus.VERIFIED)

    def in_country(self, country):
        return self.filter(host_country=country)

    def for_listing(self):
        """What a listing of associations shows, in a fixed number of queries."""
        return self.select_related("host_country").prefetch_related(
            "specialized_groups", "strategic_axes"
        )


class Association(index.Indexed, models.Model):
    """An association founded by Moroccans living abroad, in its host country.

    Its members follow training modules and workshops; programme reports count what each
    association reached. Verification by programme staff says the association is known to the
    ministry (registered, active), which partners and funders rely on.
    """

    class VerificationStatus(models.TextChoices):
        PENDING = "pending", _("Pending verification")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Not verified")

    name = models.CharField(_("name"), max_length=255)
    host_country = models.ForeignKey(
        Country,
        verbose_name=_("host country"),
        on_delete=models.PROTECT,
        related_name="associations",
    )
    city = models.CharField(_("city"), max_length=255)
    registration_number = models.CharField(
        _("registration number"),
        max_length=64,
        blank=True,
        help_text=_("The number under which the host country registered the association."),
    )
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
    contact_name = models.CharField(_("contact person"), max_length=255, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=64, blank=True)
    website = models.URLField(_("website"), blank=True)
    verification_status = models.CharField(
        _("verification status"),
        max_length=16,
        choices=VerificationStatus.choices,
        default=VerificationStatus.PENDING,
        db_index=True,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AssociationQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.AutocompleteField("city"),
        index.SearchField("city"),
        index.SearchField("registration_number"),
        index.SearchField("contact_name"),
        index.SearchField("contact_email"),
        index.FilterField("name"),
        index.FilterField("host_country"),
        index.FilterField("verification_status"),
    ]

    class Meta:
        verbose_name = _("association")
        verbose_name_plural = _("associations")
        ordering = ["name"]
        constraints = [
            # A registration number identifies one association within its host country.
            models.UniqueConstraint(
                fields=["host_country", "registration_number"],
                condition=~models.Q(registration_number=""),
                name="capacity_lms_association_unique_registration",
                violation_error_message=_(
                    "An association with this registration number already exists in this country."
                ),
            ),
        ]

    def __str__(self):
        return self.name


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
        LEADER = "leader", _("Leader")

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
