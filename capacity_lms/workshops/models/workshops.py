"""Workshops, and what their calendars need to stay right.

A :class:`Workshop` is a training event a trainer runs (linked to a course or on its own); it
has one or more sessions (:mod:`.sessions`) and one registration per person
(:mod:`.registrations`). :class:`CalendarFieldsMixin` remembers the values calendars show, so
that ``save()`` raises SEQUENCE when one changes, here and on sessions.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.fields import RichTextField
from wagtail.search import index

from capacity_lms.conf import get_setting, validate_language_code
from capacity_lms.core import clock
from capacity_lms.core.scopes import reach
from capacity_lms.taxonomy.models import Country, SpecializedGroup, StrategicAxis
from capacity_lms.workshops import feed_versions, schedule
from capacity_lms.workshops.models.registrations import Registration

# Sight of every trainer's workshops (and their sessions, registrations and attendance).
MANAGE_ALL_WORKSHOPS = "capacity_lms.manage_all_workshops"


class CalendarFieldsMixin:
    """Remembers the ``CALENDAR_FIELDS`` values loaded from the database, so that ``save()``
    knows whether calendars must learn of a change (their SEQUENCE then grows)."""

    CALENDAR_FIELDS = ()

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        # Django 6.1 passes fetch_mode; 5.2 passes nothing more.
        instance = super().from_db(db, field_names, values, **kwargs)
        instance.remember_calendar_fields()
        return instance

    def remember_calendar_fields(self):
        # Only what was loaded: reading a deferred field here would cost a query per row.
        self._loaded = {
            name: self.__dict__[name] for name in self.CALENDAR_FIELDS if name in self.__dict__
        }

    def changed_calendar_fields(self):
        """Names of the calendar fields whose value differs from the one loaded."""
        loaded = getattr(self, "_loaded", None) or {}
        return {name for name, value in loaded.items() if value != getattr(self, name)}

    def calendar_fields_changed(self):
        return bool(self.changed_calendar_fields())


def purge_feeds_on_update(kwargs):
    """A queryset update sends no signal: the cached calendar feeds are purged here. One that
    sets ``updated_at`` changes the rows' keys (feed_cache), so only the bodies go; any other
    may have changed what a piece shows under the same key, so the pieces go too."""
    if "updated_at" in kwargs:
        feed_versions.purge_bodies()
    else:
        feed_versions.purge()


class FeedPurgingQuerySet(models.QuerySet):
    def update(self, **kwargs):
        rows = super().update(**kwargs)
        purge_feeds_on_update(kwargs)
        return rows


class WorkshopQuerySet(FeedPurgingQuerySet):
    def listed(self):
        """Workshops the public may see: published ones, and cancelled ones (so that calendars
        learn of the cancellation)."""
        return self.filter(status__in=[Workshop.Status.PUBLISHED, Workshop.Status.CANCELLED])

    def for_trainer(self, user):
        return self.filter(trainers=user)

    def visible_to(self, user):
        """What a person may manage in the admin: everything for programme staff
        (``manage_all_workshops``), their own workshops for a trainer, nothing for anyone
        else (:mod:`capacity_lms.core.scopes`)."""
        return reach(user, MANAGE_ALL_WORKSHOPS, self.trained_by).limit(self)

    @staticmethod
    def trained_by(user):
        return Workshop.objects.filter(trainers=user).values_list("pk", flat=True)

    def with_seats(self):
        """Annotate ``confirmed_count`` and ``waiting_count`` in one query."""
        return self.annotate(
            confirmed_count=Count(
                "registrations",
                filter=Q(registrations__status=Registration.Status.CONFIRMED),
                distinct=True,
            ),
            waiting_count=Count(
                "registrations",
                filter=Q(registrations__status=Registration.Status.WAITING),
                distinct=True,
            ),
        )


class Workshop(CalendarFieldsMixin, index.Indexed, ClusterableModel):
    """A training event trainers run for members: in person, online or both.

    Linked to a course or on its own; placed in a country and tagged with groups and an axis
    for the reports. Seats are limited by ``capacity``; registrations beyond it wait in line.
    The online link is only ever shown to registered people, the trainers and staff.
    """

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True, allow_unicode=True)
    description = RichTextField(_("description"), blank=True)
    course = models.ForeignKey(
        "capacity_courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="workshops",
        help_text=_("The training module this workshop belongs to, if any."),
    )
    format = models.CharField(
        _("format"), max_length=20, choices=Format.choices, default=Format.IN_PERSON
    )
    language = models.CharField(
        _("language"), max_length=10, blank=True, help_text=_("The language it is taught in.")
    )
    venue_name = models.CharField(_("venue"), max_length=255, blank=True)
    address = models.TextField(_("address"), blank=True)
    city = models.CharField(_("city"), max_length=255, blank=True)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="workshops",
        help_text=_("Where it takes place, or the country it serves when online."),
    )
    online_url = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Shown only to registered people, trainers and staff."),
    )
    online_instructions = models.TextField(
        _("online instructions"),
        blank=True,
        help_text=_("Passcode, dial-in numbers: shown only with the online link."),
    )
    walk_in_check_in = models.BooleanField(
        _("unregistered people may check in"),
        default=False,
        help_text=_(
            "Anyone signed in who scans the check-in code is marked present, registered or not."
        ),
    )
    trainers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainers"),
        blank=True,
        related_name="trained_workshops",
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Seats; empty for no limit.")
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    specialized_groups = ParentalManyToManyField(
        SpecializedGroup,
        verbose_name=_("specialized groups"),
        blank=True,
        related_name="workshops",
    )
    strategic_axis = models.ForeignKey(
        StrategicAxis,
        verbose_name=_("strategic axis"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="workshops",
    )
    # Grows with every change calendars must learn of; added to each session's own.
    sequence = models.PositiveIntegerField(_("sequence"), default=0, editable=False)
    created_at = models.DateTimeField(_("created"), default=clock.now, editable=False)
    updated_at = clock.UpdatedAtField(_("updated"))

    objects = WorkshopQuerySet.as_manager()

    # Fields whose change makes calendars show something else.
    CALENDAR_FIELDS = (
        "title",
        "description",
        "venue_name",
        "address",
        "city",
        "online_url",
        "online_instructions",
        "status",
    )
    # Changes registered people are told of by e-mail (where and how to join).
    NOTIFIED_FIELDS = {"venue_name", "address", "city", "online_url", "online_instructions"}

    search_fields = [
        index.SearchField("title"),
        index.SearchField("description"),
        index.SearchField("city"),
        index.AutocompleteField("title"),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        ordering = ["-created_at"]
        permissions = [
            ("manage_all_workshops", _("Can manage every trainer's workshops")),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """Keep the row consistent: a slug, and a higher SEQUENCE when calendars show something
        else. Nobody is told here: an edit that tells people goes through
        ``EditWorkshopAction``."""
        if not self.slug:
            self.slug = unique_slug(self.title)
        if self.calendar_fields_changed():
            self.sequence += 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "sequence", "updated_at"}
        super().save(*args, **kwargs)
        self.remember_calendar_fields()

    def get_absolute_url(self):
        return reverse("capacity_lms:workshop_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        validate_language_code("language", self.language)
        if (
            self.registration_opens_at
            and self.registration_closes_at
            and self.registration_closes_at <= self.registration_opens_at
        ):
            raise ValidationError(
                {"registration_closes_at": _("Registration must close after it opens.")}
            )
        if self.format in (self.Format.IN_PERSON, self.Format.HYBRID) and not (
            self.venue_name or self.address or self.city
        ):
            raise ValidationError({"venue_name": _("Say where the workshop takes place.")})
        if self.format in (self.Format.ONLINE, self.Format.HYBRID) and not self.online_url:
            raise ValidationError({"online_url": _("Give the link people join online with.")})

    @property
    def is_listed(self):
        return self.status in (self.Status.PUBLISHED, self.Status.CANCELLED)

    @property
    def has_venue(self):
        return self.format in (self.Format.IN_PERSON, self.Format.HYBRID)

    @property
    def is_online(self):
        return self.format in (self.Format.ONLINE, self.Format.HYBRID)

    @property
    def default_time_zone(self):
        return self.country.default_time_zone or get_setting("DEFAULT_TIME_ZONE")

    def registration_window_refusal(self, now=None):
        """Why registration is closed now, or None when it is open."""
        now = now or clock.now()
        if self.status != self.Status.PUBLISHED:
            return _("This workshop is not open for registration.")
        if self.registration_opens_at and now < self.registration_opens_at:
            # In the workshop's own zone, named, as its sessions are shown.
            zone = self.default_time_zone
            opens = self.registration_opens_at.astimezone(schedule.zone(zone))
            return _("Registration opens on %(date)s (%(zone)s).") % {
                "date": opens.strftime("%Y-%m-%d %H:%M"),
                "zone": zone,
            }
        if self.registration_closes_at and now >= self.registration_closes_at:
            return _("Registration is closed.")
        return None

    def last_meeting_ends_at(self):
        """When the workshop's last meeting ends: the latest end of the occurrences that take
        place (moves applied, cancelled sessions and occurrences left out). When none will
        take place, the latest end of them all; None without a session.

        Uses the prefetched ``sessions`` (and their ``changes``) when there are some.
        """
        cache = getattr(self, "_prefetched_objects_cache", {})
        sessions = (
            self.sessions.all()
            if "sessions" in cache
            else self.sessions.prefetch_related("changes")
        )
        held, called_off = [], []
        for session in sessions:
            for occurrence in session.occurrences():
                # Through the instances: the sessions module imports this one, not the reverse.
                cancelled = session.status == session.Status.CANCELLED or (
                    occurrence.change is not None
                    and occurrence.change.status == occurrence.change.Status.CANCELLED
                )
                (called_off if cancelled else held).append(occurrence.ends_at)
        return max(held or called_off, default=None)

    def has_ended(self, now=None):
        """Whether the last meeting is over (see :meth:`last_meeting_ends_at`). Members may no
        longer register or cancel then; trainers and staff correct with a reason."""
        ends_at = self.last_meeting_ends_at()
        return ends_at is not None and ends_at <= (now or clock.now())

    def location_text(self):
        """The venue as one line, for calendars and e-mails."""
        parts = [self.venue_text]
        if self.has_venue:
            parts.append(str(self.country))
        return ", ".join(part for part in parts if part)

    @property
    def venue_text(self):
        """Venue name, address and city as one line: what the organisers wrote, in the
        workshop's language (the country's name is the reader's)."""
        parts = [self.venue_name, self.address.replace("\n", ", "), self.city]
        return ", ".join(part for part in parts if part)

    def can_see_online_link(self, user):
        if not self.online_url or not user.is_authenticated:
            return False
        if self.is_managed_by(user):
            return True
        return self.registrations.filter(user=user, status=Registration.Status.CONFIRMED).exists()

    def is_managed_by(self, user):
        if not user.is_authenticated:
            return False
        if user.has_perm(MANAGE_ALL_WORKSHOPS):
            return True
        # Through all(): it also reads trainers set on the form but not saved yet.
        return any(trainer.pk == user.pk for trainer in self.trainers.all())


def unique_slug(title):
    base = slugify(title, allow_unicode=True)[:200] or "workshop"
    slug = base
    while Workshop.objects.filter(slug=slug).exists():
        slug = f"{base}-{secrets.token_hex(3)}"
    return slug
