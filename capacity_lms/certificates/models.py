"""Certificates: the rules that earn one, the certificates issued, and what happened to them.

A :class:`CertificateRule` belongs to a course (all its translations) or a workshop. When a
person meets it, a :class:`Certificate` is issued with the text as issued (the holder's name
and the title in each language of its layout), a public code and a reference. One *live*
certificate per person and subject is enforced by the database; revoking or reissuing keeps
the old row and a :class:`CertificateEvent` says who did it, why and when.
"""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from capacity_lms.certificates.codes import new_code, new_reference
from capacity_lms.conf import programme_name
from capacity_lms.core import clock
from capacity_lms.core.links import absolute_url


class Layout(models.TextChoices):
    """The languages a certificate is written in, the first one leading."""

    ARABIC_FRENCH = "ar,fr", _("Arabic with French")
    ARABIC_ENGLISH = "ar,en", _("Arabic with English")
    FRENCH_ENGLISH = "fr,en", _("French with English")
    FRENCH_ARABIC = "fr,ar", _("French with Arabic")
    ENGLISH_ARABIC = "en,ar", _("English with Arabic")
    ARABIC = "ar", _("Arabic")
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")


@register_setting(icon="doc-full")
class CertificateSettings(BaseSiteSetting):
    """What editors say on every certificate: who issues it and who signs it."""

    issuer = models.CharField(
        _("issuer"),
        max_length=255,
        blank=True,
        help_text=_("Printed at the top, e.g. the ministry. Empty: the programme's name."),
    )
    issuer_in_arabic = models.CharField(_("issuer in Arabic"), max_length=255, blank=True)
    signatory_name = models.CharField(_("signatory"), max_length=255, blank=True)
    signatory_title = models.CharField(_("signatory's title"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("certificate settings")


class CertificateRule(models.Model):
    """When a person earns a certificate for a course or a workshop."""

    course = models.ForeignKey(
        "capacity_courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="certificate_rules",
        help_text=_("The rule holds for every translation of the course."),
    )
    workshop = models.ForeignKey(
        "capacity_lms.Workshop",
        verbose_name=_("workshop"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="certificate_rules",
    )
    requires_completion = models.BooleanField(
        _("course completed"),
        default=True,
        help_text=_("Every required lesson of the course done."),
    )
    requires_quizzes_passed = models.BooleanField(
        _("every quiz passed"),
        default=False,
        help_text=_("Every quiz of the course's lessons passed, the optional ones too."),
    )
    requires_accepted_deliverables = models.BooleanField(
        _("every deliverable accepted"),
        default=False,
        help_text=_(
            "Every deliverable step of the course's lessons (the optional ones too) accepted by "
            "a trainer for one of the person's associations."
        ),
    )
    minimum_attendance = models.PositiveSmallIntegerField(
        _("minimum attendance (%)"),
        null=True,
        blank=True,
        help_text=_(
            "Over the meetings of the linked workshops the person registered for. "
            "Empty: attendance is not required."
        ),
    )
    validity_months = models.PositiveSmallIntegerField(
        _("valid for (months)"), null=True, blank=True, help_text=_("Empty: never expires.")
    )
    hours = models.DecimalField(
        _("hours"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("Printed on the certificate. Empty: the course's estimated hours."),
    )
    layout = models.CharField(
        _("languages"), max_length=8, choices=Layout.choices, default=Layout.ARABIC_FRENCH
    )
    is_active = models.BooleanField(
        _("issue automatically"),
        default=True,
        help_text=_("Issue as soon as someone meets the rule."),
    )
    created_at = models.DateTimeField(_("created"), default=clock.now, editable=False)

    class Meta:
        verbose_name = _("certificate rule")
        verbose_name_plural = _("certificate rules")
        constraints = [
            models.CheckConstraint(
                condition=Q(course__isnull=False, workshop__isnull=True)
                | Q(course__isnull=True, workshop__isnull=False),
                name="capacity_lms_certificaterule_course_or_workshop",
                violation_error_message=_("A rule is for a course or for a workshop, not both."),
            ),
            models.CheckConstraint(
                condition=Q(minimum_attendance__isnull=True) | Q(minimum_attendance__lte=100),
                name="capacity_lms_certificaterule_attendance_percent",
                violation_error_message=_("The minimum attendance is a percentage (0 to 100)."),
            ),
            models.UniqueConstraint(
                fields=["course"],
                condition=Q(course__isnull=False),
                name="capacity_lms_certificaterule_one_per_course",
                violation_error_message=_("This course already has a certificate rule."),
            ),
            models.UniqueConstraint(
                fields=["workshop"],
                condition=Q(workshop__isnull=False),
                name="capacity_lms_certificaterule_one_per_workshop",
                violation_error_message=_("This workshop already has a certificate rule."),
            ),
        ]

    def __str__(self):
        return str(self.subject)

    @property
    def subject(self):
        return self.course or self.workshop

    @property
    def subject_key(self):
        return subject_key(self.subject)

    @property
    def languages(self):
        return self.layout.split(",")


def subject_key(subject):
    """What "the same course" means for one live certificate: a course in any language, or
    one workshop."""
    from capacity_lms.workshops.models import Workshop

    if isinstance(subject, Workshop):
        return f"workshop:{subject.pk}"
    return f"course:{subject.translation_key}"


class CertificateQuerySet(models.QuerySet):
    def live(self):
        return self.filter(status=Certificate.Status.VALID)

    def for_holder(self, user):
        return self.filter(user=user)

    def for_listing(self):
        return self.select_related("user", "course", "workshop")


class Certificate(models.Model):
    """One certificate as issued. Its text never changes; a correction is a reissue."""

    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        REVOKED = "revoked", _("Revoked")
        REPLACED = "replaced", _("Replaced by a reissue")

    class Origin(models.TextChoices):
        RULE = "rule", _("Rule met")
        MANUAL = "manual", _("Issued by hand")
        REISSUE = "reissue", _("Reissue")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("holder"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="capacity_certificates",
    )
    course = models.ForeignKey(
        "capacity_courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    workshop = models.ForeignKey(
        "capacity_lms.Workshop",
        verbose_name=_("workshop"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    subject_key = models.CharField(_("subject"), max_length=80, editable=False)
    code = models.CharField(
        _("verification code"), max_length=64, unique=True, default=new_code, editable=False
    )
    reference = models.CharField(
        _("reference"), max_length=16, unique=True, default=new_reference, editable=False
    )
    layout = models.CharField(_("languages"), max_length=8, choices=Layout.choices)
    holder_names = models.JSONField(_("holder's name"), default=dict)
    titles = models.JSONField(_("title"), default=dict)
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=1, null=True)
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.VALID, db_index=True
    )
    origin = models.CharField(_("issued because"), max_length=16, choices=Origin.choices)
    reason = models.TextField(_("reason"), blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("replaces"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaced_by",
    )
    signed_payload = models.TextField(_("signed payload (JWS)"), editable=False)
    key_id = models.CharField(_("signing key"), max_length=64, editable=False)
    # The Open Badges 3.0 credential (``credentials.py``), kept by the delivery task that
    # renders the PDF; until then it is built on request (the same bytes: it is signed at the
    # instant the certificate was created).
    open_badge = models.JSONField(
        _("Open Badges credential"), null=True, blank=True, editable=False
    )
    pdf = models.FileField(_("PDF"), upload_to="capacity_lms/certificates/", blank=True)
    created_at = models.DateTimeField(_("created"), default=clock.now, editable=False)

    objects = CertificateQuerySet.as_manager()

    # Not content: Wagtail's "usage" index need not track what certificates point at (and
    # bulk issuing would pay for it on every row).
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "subject_key"],
                condition=Q(status="valid"),
                name="capacity_lms_certificate_one_live_per_person_subject",
                violation_error_message=_("This person already holds a valid certificate for it."),
            ),
        ]
        permissions = [("issue_certificate", "Can issue, revoke and reissue certificates")]

    def __str__(self):
        return f"{self.reference} – {self.title()}"

    @property
    def languages(self):
        return self.layout.split(",")

    @property
    def subject(self):
        return self.course or self.workshop

    def title(self, language=None):
        language = language or translation.get_language()
        return self.titles.get(language) or next(iter(self.titles.values()), "")

    def title_language(self, language=None):
        """The language of :meth:`title`: ``language`` (the active one) when the certificate has
        a title in it, else the first of its titles'."""
        language = language or translation.get_language()
        return language if self.titles.get(language) else next(iter(self.titles), None)

    def holder_name(self, language=None):
        language = language or translation.get_language()
        return self.holder_names.get(language) or next(iter(self.holder_names.values()), "")

    def holder_name_language(self, language=None):
        """The language of :meth:`holder_name` (the name as written for that language)."""
        language = language or translation.get_language()
        return language if self.holder_names.get(language) else next(iter(self.holder_names), None)

    def lines(self):
        """(language, holder's name, title) for each language of the layout, leading first."""
        return [
            (code, self.holder_names.get(code, ""), self.titles.get(code, ""))
            for code in self.languages
        ]

    @property
    def is_expired(self):
        return self.expires_on is not None and self.expires_on < clock.today()

    @property
    def state(self):
        """What verification says: valid, expired, revoked or replaced."""
        if self.status == self.Status.VALID and self.is_expired:
            return "expired"
        return self.status

    def get_state_display(self):
        return {
            "valid": _("Valid"),
            "expired": _("Expired"),
            "revoked": _("Revoked"),
            "replaced": _("Replaced by a reissue"),
        }[self.state]

    def verification_path(self):
        with translation.override(self.languages[0]):
            return reverse("capacity_lms:certificate_verify", args=[f"{self.code}/"])

    def verification_url(self):
        return absolute_url(self.verification_path())

    def download_path(self):
        return reverse("capacity_lms:certificate_download", args=[self.reference])

    def payload(self):
        """What the signature covers: everything the certificate says."""
        return {
            "v": 1,
            "code": self.code,
            "reference": self.reference,
            "holder": self.holder_names,
            "title": self.titles,
            "issued": self.issued_on.isoformat(),
            "expires": self.expires_on.isoformat() if self.expires_on else None,
            "hours": str(self.hours) if self.hours is not None else None,
            # Signed once, the same whatever language was active when it was issued.
            "issuer": str(programme_name(settings.LANGUAGE_CODE)),
            "verify": self.verification_url(),
        }


def expiry_date(issued_on, validity_months):
    if not validity_months:
        return None
    return issued_on + relativedelta(months=validity_months)


class CertificateEvent(models.Model):
    """Who did what to a certificate, why and when: issued, revoked, reissued, e-mailed."""

    class Kind(models.TextChoices):
        ISSUED = "issued", _("Issued")
        REVOKED = "revoked", _("Revoked")
        REISSUED = "reissued", _("Replaced by a reissue")
        RENDERED = "rendered", _("PDF rendered")
        NOTIFIED = "notified", _("Holder e-mailed")

    certificate = models.ForeignKey(
        Certificate, verbose_name=_("certificate"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("what"), max_length=16, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("reason"), blank=True)
    at = models.DateTimeField(_("when"), default=clock.now)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("certificate event")
        verbose_name_plural = _("certificate events")
        ordering = ["at", "pk"]
        constraints = [
            # The e-mail on issue goes out once, however often the task runs.
            models.UniqueConstraint(
                fields=["certificate"],
                condition=Q(kind="notified"),
                name="capacity_lms_certificateevent_notified_once",
            ),
        ]

    def __str__(self):
        return f"{self.certificate} – {self.get_kind_display()}"


def today():
    return clock.today()


__all__ = [
    "Certificate",
    "CertificateEvent",
    "CertificateRule",
    "CertificateSettings",
    "Layout",
    "expiry_date",
    "subject_key",
    "today",
]
