"""The associative network: partnerships between associations, offers and needs, relayed contact.

Partnership layer: reads people (associations, memberships) and taxonomy; the training domains
are read for an association's capacity record only. Lower pages show what lives here through
panels this domain registers.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from capacity_lms.core import clock
from capacity_lms.people.models import Association
from capacity_lms.taxonomy.models import Region, SpecializedGroup, StrategicAxis


class PartnershipQuerySet(models.QuerySet):
    def shown(self):
        """Confirmed by both sides, between two verified associations."""
        verified = Association.VerificationStatus.VERIFIED
        return self.filter(
            status__in=[Partnership.Status.ACTIVE, Partnership.Status.ENDED],
            initiator__verification_status=verified,
            partner__verification_status=verified,
        )

    def involving(self, association):
        return self.filter(models.Q(initiator=association) | models.Q(partner=association))


class Partnership(models.Model):
    """A declared partnership (twinning) between two associations, confirmed by both sides.

    Usually an association of Moroccans abroad with a local association in its region of origin,
    sometimes two associations abroad. It shows on both profiles and in the reports only once the
    partner has confirmed what the initiator declared.
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed, awaiting the partner's confirmation")
        ACTIVE = "active", _("Active")
        ENDED = "ended", _("Ended")
        DECLINED = "declined", _("Declined by the partner")

    initiator = models.ForeignKey(
        Association,
        verbose_name=_("declared by"),
        on_delete=models.CASCADE,
        related_name="partnerships_declared",
    )
    partner = models.ForeignKey(
        Association,
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="partnerships_received",
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("region of Morocco"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partnerships",
    )
    strategic_axis = models.ForeignKey(
        StrategicAxis,
        verbose_name=_("strategic axis"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partnerships",
    )
    purpose = models.TextField(_("purpose"), max_length=4000)
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PROPOSED, db_index=True
    )
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("declared by (person)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by (person)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    created_at = models.DateTimeField(_("declared"), default=clock.now, editable=False)

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(initiator=models.F("partner")),
                name="capacity_lms_partnership_two_associations",
                violation_error_message=_("An association cannot partner with itself."),
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="capacity_lms_partnership_ends_after_start",
                violation_error_message=_("A partnership cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return f"{self.initiator} – {self.partner}"


class OfferOrNeedQuerySet(models.QuerySet):
    def open(self, today):
        """Open, not expired, posted by a verified association."""
        return self.filter(
            status=OfferOrNeed.Status.OPEN,
            expires_on__gte=today,
            association__verification_status=Association.VerificationStatus.VERIFIED,
        )


class OfferOrNeed(models.Model):
    """Something an association offers to others, or needs from them, by axis and region."""

    class Direction(models.TextChoices):
        OFFER = "offer", _("Offer")
        NEED = "need", _("Need")

    class Category(models.TextChoices):
        EXPERTISE = "expertise", _("Expertise")
        VOLUNTEERS = "volunteers", _("Volunteers")
        EQUIPMENT = "equipment", _("Equipment")
        COFINANCING = "cofinancing", _("Co-financing")
        HOSTING = "hosting", _("Hosting an activity")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        REMOVED = "removed", _("Removed by moderation")

    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="offers_and_needs",
    )
    direction = models.CharField(_("offer or need"), max_length=8, choices=Direction.choices)
    category = models.CharField(_("category"), max_length=16, choices=Category.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=4000)
    language = models.CharField(_("written in"), max_length=10, blank=True)
    strategic_axis = models.ForeignKey(
        StrategicAxis,
        verbose_name=_("strategic axis"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="offers_and_needs",
    )
    regions = models.ManyToManyField(
        Region, verbose_name=_("regions of Morocco"), blank=True, related_name="offers_and_needs"
    )
    specialized_groups = models.ManyToManyField(
        SpecializedGroup,
        verbose_name=_("specialized groups"),
        blank=True,
        related_name="offers_and_needs",
    )
    expires_on = models.DateField(_("open until"), db_index=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("posted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(
        _("posted"), default=clock.now, editable=False, db_index=True
    )

    objects = OfferOrNeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("offer or need")
        verbose_name_plural = _("offers and needs")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_direction_display()}: {self.title}"


class RelayedMessage(models.Model):
    """A message from a member of one association to another, relayed by the platform.

    Neither side sees the other's address: the recipient association's admins read it on the
    site and are told by e-mail sent from the platform's own address; replies are messages too.
    """

    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sender"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="capacity_sent_messages",
    )
    sender_association = models.ForeignKey(
        Association,
        verbose_name=_("from association"),
        on_delete=models.CASCADE,
        related_name="messages_sent",
    )
    recipient_association = models.ForeignKey(
        Association,
        verbose_name=_("to association"),
        on_delete=models.CASCADE,
        related_name="messages_received",
    )
    about = models.ForeignKey(
        OfferOrNeed,
        verbose_name=_("about"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="messages",
    )
    in_reply_to = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replies",
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(_("sent"), default=clock.now, editable=False, db_index=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    withheld = models.BooleanField(
        _("withheld by moderation"),
        default=False,
        help_text=_("Staff upheld a report of abuse: its recipients no longer see it."),
    )

    class Meta:
        verbose_name = _("relayed message")
        verbose_name_plural = _("relayed messages")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.subject


class AbuseReport(models.Model):
    """A member's report that a message or an offer or need is abusive, for staff to review."""

    class Status(models.TextChoices):
        OPEN = "open", _("To review")
        UPHELD = "upheld", _("Upheld")
        DISMISSED = "dismissed", _("Dismissed")

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    message = models.ForeignKey(
        RelayedMessage,
        verbose_name=_("message"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="abuse_reports",
    )
    offer_or_need = models.ForeignKey(
        OfferOrNeed,
        verbose_name=_("offer or need"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="abuse_reports",
    )
    reason = models.TextField(_("reason"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    created_at = models.DateTimeField(_("reported"), default=clock.now, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)

    class Meta:
        verbose_name = _("abuse report")
        verbose_name_plural = _("abuse reports")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(message__isnull=False) | models.Q(offer_or_need__isnull=False),
                name="capacity_lms_abuse_report_has_subject",
            ),
        ]

    def __str__(self):
        return f"{self.get_status_display()}: {self.reason[:40]}"
