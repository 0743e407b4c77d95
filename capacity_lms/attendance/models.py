"""Who came to each meeting of a workshop, how we know, and every change to it.

One :class:`AttendanceRecord` per (session, occurrence date, person), enforced by the database:
a person registered with an account, or a :class:`WalkIn` added on the spot by the trainer
(linked to an account later). The statuses are data (:class:`AttendanceStatus`) with a weight,
so that a programme decides what "late" is worth in an attendance rate. Every change is kept
as an :class:`AttendanceChange`.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from capacity_lms.core import clock
from capacity_lms.taxonomy.models import TranslatedName
from capacity_lms.workshops.models import Session, Workshop


class AttendanceStatus(TranslatedName):
    """Present, late, excused, absent… with what each is worth in an attendance rate.

    ``weight`` is the share of a meeting it counts for (1 present, 0 absent); a status that
    does not ``count_in_rate`` (excused) leaves the meeting out of the person's rate altogether.
    """

    weight = models.DecimalField(
        _("weight"),
        max_digits=3,
        decimal_places=2,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))],
        help_text=_("What one meeting with this status counts for in a rate: 0 to 1."),
    )
    counts_in_rate = models.BooleanField(
        _("counts in the rate"),
        default=True,
        help_text=_("Untick for statuses such as “excused” that leave the meeting out."),
    )
    is_default_present = models.BooleanField(
        _("used for check-in"),
        default=False,
        help_text=_("The status given by QR check-in and “mark all present”."),
    )

    class Meta(TranslatedName.Meta):
        verbose_name = _("attendance status")
        verbose_name_plural = _("attendance statuses")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default_present"],
                condition=Q(is_default_present=True),
                name="capacity_one_check_in_status",
            )
        ]

    @classmethod
    def present(cls):
        return cls.objects.get(is_default_present=True)


class WalkIn(models.Model):
    """Someone who came without registering, added by the trainer on the spot.

    Linking them to an account later moves their records to that person.
    """

    workshop = models.ForeignKey(
        Workshop, verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="walk_ins"
    )
    name = models.CharField(_("name"), max_length=255)
    email = models.EmailField(_("e-mail"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="walk_ins",
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("added"), default=clock.now, editable=False)

    class Meta:
        verbose_name = _("walk-in")
        verbose_name_plural = _("walk-ins")
        ordering = ["name"]

    def __str__(self):
        return self.name


class AttendanceRecord(models.Model):
    """Whether one person came to one meeting (an occurrence of a session), and how we know."""

    class Method(models.TextChoices):
        ROSTER = "roster", _("Roster")
        CHECK_IN = "check_in", _("QR check-in")
        IMPORT = "import", _("Import")
        ONLINE_REPORT = "online_report", _("Online meeting report")

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="attendance"
    )
    occurrence_date = models.DateField(
        _("meeting date"), help_text=_("Which meeting of a series (its date in the series).")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attendance_records",
    )
    walk_in = models.ForeignKey(
        WalkIn,
        verbose_name=_("walk-in"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attendance_records",
    )
    status = models.ForeignKey(
        AttendanceStatus, verbose_name=_("status"), on_delete=models.PROTECT, related_name="+"
    )
    method = models.CharField(_("how"), max_length=20, choices=Method.choices)
    minutes_present = models.PositiveIntegerField(_("minutes present"), null=True, blank=True)
    remarks = models.CharField(_("remarks"), max_length=500, blank=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    marked_at = models.DateTimeField(_("marked"))

    # Records, not content: Wagtail's "usage" index need not track what they point at, and a
    # check-in at the door would pay for it (four lookups and an insert) on every row.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("attendance record")
        verbose_name_plural = _("attendance records")
        ordering = ["session", "occurrence_date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "occurrence_date", "user"],
                condition=Q(user__isnull=False),
                name="capacity_one_attendance_per_person",
            ),
            models.UniqueConstraint(
                fields=["session", "occurrence_date", "walk_in"],
                condition=Q(walk_in__isnull=False),
                name="capacity_one_attendance_per_walk_in",
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False, walk_in__isnull=True)
                | Q(user__isnull=True, walk_in__isnull=False),
                name="capacity_attendance_of_a_person_or_a_walk_in",
            ),
        ]

    def __str__(self):
        return f"{self.user or self.walk_in} – {self.session} {self.occurrence_date}"


class AttendanceChange(models.Model):
    """One change of an attendance record: the history a trainer or auditor reads back."""

    record = models.ForeignKey(
        AttendanceRecord,
        verbose_name=_("attendance record"),
        on_delete=models.CASCADE,
        related_name="changes",
    )
    status = models.ForeignKey(
        AttendanceStatus, verbose_name=_("status"), on_delete=models.PROTECT, related_name="+"
    )
    previous_status = models.ForeignKey(
        AttendanceStatus,
        verbose_name=_("previous status"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    method = models.CharField(_("how"), max_length=20, choices=AttendanceRecord.Method.choices)
    remarks = models.CharField(_("remarks"), max_length=500, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed"))

    wagtail_reference_index_ignore = True  # history rows: see AttendanceRecord

    class Meta:
        verbose_name = _("attendance change")
        verbose_name_plural = _("attendance changes")
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.record}: {self.previous_status} → {self.status}"
