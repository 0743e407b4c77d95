"""Workshops, their sessions, the people registered, and what calendars need to stay right.

A :class:`Workshop` is a training event a trainer runs (linked to a course or on its own); it
has one or more :class:`Session` rows, each at a wall time in its own IANA time zone, possibly
repeating as a series with :class:`OccurrenceChange` exceptions. People hold one
:class:`Registration` per workshop: confirmed while seats last, then on a first-in first-out
waiting list.
"""

import datetime
import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.fields import RichTextField
from wagtail.search import index

from capacity_lms.conf import get_setting, validate_language_code
from capacity_lms.core.scopes import reach
from capacity_lms.taxonomy.models import Country, SpecializedGroup, StrategicAxis
from capacity_lms.workshops import schedule

# Sight of every trainer's workshops (and their sessions, registrations and attendance).
MANAGE_ALL_WORKSHOPS = "capacity_lms.manage_all_workshops"


def new_uid():
    return f"{uuid.uuid4()}@capacity-lms"


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


class WorkshopQuerySet(models.QuerySet):
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
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

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
        now = now or timezone.now()
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
                cancelled = session.status == Session.Status.CANCELLED or (
                    occurrence.change is not None
                    and occurrence.change.status == OccurrenceChange.Status.CANCELLED
                )
                (called_off if cancelled else held).append(occurrence.ends_at)
        return max(held or called_off, default=None)

    def has_ended(self, now=None):
        """Whether the last meeting is over (see :meth:`last_meeting_ends_at`). Members may no
        longer register or cancel then; trainers and staff correct with a reason."""
        ends_at = self.last_meeting_ends_at()
        return ends_at is not None and ends_at <= (now or timezone.now())

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


class SessionQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        """Sessions (or series) not over yet."""
        return self.filter(series_ends_at__gte=now or timezone.now())

    def in_calendars(self):
        """Sessions of listed workshops, with what a calendar entry needs, in two queries."""
        return (
            self.filter(
                workshop__status__in=[Workshop.Status.PUBLISHED, Workshop.Status.CANCELLED]
            )
            .select_related("workshop", "workshop__country", "workshop__strategic_axis")
            .prefetch_related("changes")
            .order_by("starts_at", "pk")
        )

    def recent_and_upcoming(self):
        past_days = get_setting("CALENDAR_PAST_DAYS")
        return self.filter(series_ends_at__gte=timezone.now() - datetime.timedelta(days=past_days))

    def calendar_version(self):
        """(count, last change) of these sessions, their workshops and occurrence changes:
        one aggregate query that tells whether a feed changed, for ETag and Last-Modified."""
        return self.order_by().aggregate(
            count=Count("pk", distinct=True),
            sequences=models.Sum(F("sequence") + F("workshop__sequence")),
            session_updated=Max("updated_at"),
            workshop_updated=Max("workshop__updated_at"),
            change_updated=Max("changes__updated_at"),
            changes=Count("changes", distinct=True),
        )


class Session(CalendarFieldsMixin, models.Model):
    """One meeting of a workshop, or a series of them, at a wall time in its own time zone.

    ``date``, ``start_time`` and ``end_time`` are what the trainer says, in ``time_zone``;
    ``starts_at`` / ``ends_at`` (first occurrence) and ``series_ends_at`` (last) are the UTC
    instants derived from them, for sorting and queries. A ``recurrence`` rule (RFC 5545
    RRULE, with an end) makes it a series; :class:`OccurrenceChange` cancels or moves one
    occurrence.
    """

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")

    workshop = ParentalKey(
        Workshop, verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="sessions"
    )
    title = models.CharField(
        _("title"), max_length=255, blank=True, help_text=_("For example “Day 2: budgeting”.")
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("starts"))
    end_time = models.TimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        validators=[schedule.validate_time_zone],
        help_text=_("IANA name; the times above are local times there."),
    )
    recurrence = models.CharField(
        _("repeats"),
        max_length=255,
        blank=True,
        help_text=_(
            "An RFC 5545 rule with an end, e.g. FREQ=WEEKLY;COUNT=6 or "
            "FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630. Empty for a single session."
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED
    )
    uid = models.CharField(_("calendar UID"), max_length=255, unique=True, default=new_uid)
    sequence = models.PositiveIntegerField(_("sequence"), default=0, editable=False)
    starts_at = models.DateTimeField(_("starts (UTC)"), editable=False)
    ends_at = models.DateTimeField(_("ends (UTC)"), editable=False)
    series_ends_at = models.DateTimeField(_("series ends (UTC)"), editable=False, db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SessionQuerySet.as_manager()

    CALENDAR_FIELDS = (
        "title",
        "date",
        "start_time",
        "end_time",
        "time_zone",
        "recurrence",
        "status",
    )

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["workshop", "starts_at"])]

    def __str__(self):
        return f"{self.workshop} – {self.date:%Y-%m-%d} {self.start_time:%H:%M} {self.time_zone}"

    def save(self, *args, **kwargs):
        """Keep the row consistent: UTC instants from the wall times, and a higher SEQUENCE
        when calendars show something else. Nobody is told here (see ``schedule_edits``)."""
        self.recurrence = schedule.normalise_rule(self.recurrence)
        self.compute_instants()
        if self.calendar_fields_changed():
            self.sequence += 1
        super().save(*args, **kwargs)
        self.remember_calendar_fields()

    def clean(self):
        super().clean()
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError(
                {"end_time": _("A session ends after it starts, on the same day.")}
            )
        if self.date:
            try:
                schedule.validate_session_date(self.date)
            except ValidationError as error:
                raise ValidationError({"date": error.messages}) from error
        try:
            self.recurrence = schedule.normalise_rule(self.recurrence)
            if self.date and self.start_time and self.end_time and self.time_zone:
                self.compute_instants()
        except ValidationError as error:
            field = "recurrence" if error.code and error.code.startswith("rule") else "start_time"
            if error.code == "time_zone":
                field = "time_zone"
            raise ValidationError({field: error.messages}) from error

    def compute_instants(self):
        """Derive the UTC columns from the wall times and the rule."""
        self.starts_at = schedule.to_utc(self.date, self.start_time, self.time_zone)
        self.ends_at = schedule.to_utc(self.date, self.end_time, self.time_zone)
        dates = schedule.occurrence_dates(
            self.date, self.start_time, self.time_zone, self.recurrence
        )
        self.series_ends_at = schedule.to_utc(dates[-1], self.end_time, self.time_zone)

    @property
    def duration(self):
        start = datetime.datetime.combine(self.date, self.start_time)
        return datetime.datetime.combine(self.date, self.end_time) - start

    @property
    def is_series(self):
        return bool(self.recurrence)

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED or (
            self.workshop.status == Workshop.Status.CANCELLED
        )

    def occurrence_dates(self):
        """The dates to show and publish, within the bounds of every expansion (see
        :func:`schedule.shown_dates`); saving a session checks its rule strictly."""
        return schedule.shown_dates(self.date, self.start_time, self.time_zone, self.recurrence)

    def occurrences(self):
        """Every occurrence as an :class:`Occurrence`, changes applied, in time order.

        Uses the prefetched ``changes`` when there are some. Changes belong to series: a session
        that stopped repeating ignores those left from when it did, as calendars do.
        """
        if not schedule.is_known_zone(self.time_zone):
            return []  # a row written without validation: nothing can be placed in time
        if not self.is_series:
            return [Occurrence(self, self.date, self.date, self.start_time, self.end_time)]
        changes = {change.original_date: change for change in self.changes.all()}
        result = []
        for day in self.occurrence_dates():
            change = changes.get(day)
            if change is not None and change.status == OccurrenceChange.Status.MOVED:
                result.append(
                    Occurrence(self, day, change.date, change.start_time, change.end_time, change)
                )
            else:
                result.append(Occurrence(self, day, day, self.start_time, self.end_time, change))
        return sorted(result, key=lambda occurrence: occurrence.starts_at)

    @property
    def sequence_in_calendars(self):
        return self.workshop.sequence + self.sequence

    def get_calendar_url(self):
        return reverse(
            "capacity_lms:session_calendar", kwargs={"slug": self.workshop.slug, "pk": self.pk}
        )


class Occurrence:
    """One meeting of a session: a single session's only one, or one date of a series."""

    def __init__(self, session, original_date, date, start_time, end_time, change=None):
        self.session = session
        self.original_date = original_date
        self.date = date
        self.start_time = start_time
        self.end_time = end_time
        self.change = change
        self.time_zone = session.time_zone
        self.starts_at = schedule.to_utc(date, start_time, session.time_zone)
        self.ends_at = schedule.to_utc(date, end_time, session.time_zone)

    @property
    def is_cancelled(self):
        return self.session.is_cancelled or (
            self.change is not None and self.change.status == OccurrenceChange.Status.CANCELLED
        )

    @property
    def is_moved(self):
        return self.change is not None and self.change.status == OccurrenceChange.Status.MOVED


class OccurrenceChange(models.Model):
    """An exception to a series: one occurrence cancelled, or moved to another time.

    Identified by the date the occurrence had in the rule (its RECURRENCE-ID). Calendars get
    an EXDATE for a cancelled one and an overriding event for a moved one.
    """

    class Status(models.TextChoices):
        CANCELLED = "cancelled", _("Cancelled")
        MOVED = "moved", _("Moved")

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="changes"
    )
    original_date = models.DateField(
        _("original date"), help_text=_("The date this occurrence had in the series.")
    )
    status = models.CharField(
        _("change"), max_length=20, choices=Status.choices, default=Status.CANCELLED
    )
    date = models.DateField(_("new date"), null=True, blank=True)
    start_time = models.TimeField(_("new start"), null=True, blank=True)
    end_time = models.TimeField(_("new end"), null=True, blank=True)
    sequence = models.PositiveIntegerField(_("sequence"), default=0, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("occurrence change")
        verbose_name_plural = _("occurrence changes")
        ordering = ["original_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "original_date"], name="capacity_one_change_per_occurrence"
            )
        ]

    def __str__(self):
        return f"{self.session} – {self.original_date:%Y-%m-%d} ({self.get_status_display()})"

    def save(self, *args, **kwargs):
        """A change saved again gets a higher SEQUENCE. The series' own SEQUENCE and the notice
        to registered people are the action's (``schedule_edits``), not this row's."""
        if self.pk:
            self.sequence += 1
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.session_id is None:
            return  # the form already says the session is missing or not one of yours
        session = self.session
        if session.date and self.original_date not in session.occurrence_dates():
            raise ValidationError(
                {"original_date": _("The series has no occurrence on this date.")}
            )
        if self.status == self.Status.MOVED:
            if not (self.date and self.start_time and self.end_time):
                raise ValidationError(
                    {"date": _("Give the new date and times of the moved occurrence.")}
                )
            if self.end_time <= self.start_time:
                raise ValidationError({"end_time": _("It ends after it starts.")})
            try:
                schedule.validate_session_date(self.date)
            except ValidationError as error:
                raise ValidationError({"date": error.messages}) from error
            schedule.to_utc(self.date, self.start_time, session.time_zone)


class RegistrationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waiting(self):
        return self.filter(status=Registration.Status.WAITING).order_by("queued_at", "pk")

    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)

    def for_person(self, user):
        return self.filter(user=user)


class Registration(models.Model):
    """A person's place at a workshop: confirmed, waiting in line, or cancelled.

    One row per (workshop, person), enforced by the database. ``queued_at`` orders the
    waiting list: first in, first out; registering again after cancelling joins the end.
    """

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    workshop = models.ForeignKey(
        Workshop,
        verbose_name=_("workshop"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="workshop_registrations",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    queued_at = models.DateTimeField(_("registered"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The trainer or staff member who registered this person, if not themself."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["queued_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "user"], name="capacity_one_registration_per_person"
            )
        ]
        indexes = [models.Index(fields=["workshop", "status", "queued_at"])]

    def __str__(self):
        return f"{self.user} – {self.workshop} ({self.get_status_display()})"

    @property
    def is_confirmed(self):
        return self.status == self.Status.CONFIRMED

    @property
    def is_waiting(self):
        return self.status == self.Status.WAITING


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
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

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


class ReminderDelivery(models.Model):
    """A reminder sent: one row per (session occurrence, person), so a second run of the
    reminder task finds the row and sends nothing."""

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="reminders"
    )
    occurrence_starts_at = models.DateTimeField(_("occurrence starts"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="workshop_reminders",
    )
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "occurrence_starts_at", "user"],
                name="capacity_one_reminder_per_occurrence",
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.session} {self.occurrence_starts_at:%Y-%m-%d %H:%M}"
