"""A workshop's sessions: when they meet, as single meetings or series, and the reminders sent.

A :class:`Session` sits at a wall time in its own IANA time zone, possibly repeating as a
series (an RFC 5545 rule with an end); :class:`OccurrenceChange` cancels or moves one
occurrence of a series; :class:`Occurrence` is one meeting, changes applied (not a table).
:class:`ReminderDelivery` records each reminder sent, so that none goes out twice.
"""

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Max, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey

from capacity_lms.conf import get_setting
from capacity_lms.core import clock
from capacity_lms.workshops import schedule
from capacity_lms.workshops.models.workshops import (
    CalendarFieldsMixin,
    FeedPurgingQuerySet,
    Workshop,
)


def new_uid():
    return f"{uuid.uuid4()}@capacity-lms"


class SessionQuerySet(FeedPurgingQuerySet):
    def upcoming(self, now=None):
        """Sessions (or series) not over yet."""
        return self.filter(series_ends_at__gte=now or clock.now())

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
        return self.filter(series_ends_at__gte=clock.now() - datetime.timedelta(days=past_days))

    def calendar_index(self):
        """One row per session, in calendar order, in one query: ``(pk, workshop id, workshop
        status, key, last change)``, for a feed to find its pieces in the cache by ``key``.

        ``key`` changes with every save of the session, its workshop or one of its occurrence
        changes (their latest ``updated_at`` and count, SEQUENCE), which is what its text
        is written from. The times are read as the database writes them (text, not converted
        into datetimes, which would cost more than the rest of the query); ``last change`` is
        the latest of the three, comparable as text with another row's in the same database
        (see :func:`latest_change_of`).
        """
        text = models.CharField()
        # One subquery per session for its occurrence changes (the latest change and their
        # count as one text, "<latest>|<count>"), rather than a join and GROUP BY (twice the
        # time at 5,000 sessions) or a subquery for each (a third more on PostgreSQL).
        changes = (
            OccurrenceChange.objects.filter(session=OuterRef("pk"))
            .order_by()
            .values("session")
            .annotate(
                summary=Concat(Cast(Max("updated_at"), text), Value("|"), Cast(Count("pk"), text))
            )
            .values("summary")
        )
        rows = (
            self.order_by("starts_at", "pk")
            .annotate(
                session_changed=Cast("updated_at", text),
                workshop_changed=Cast("workshop__updated_at", text),
                changes_summary=Subquery(changes),
            )
            .values_list(
                "pk",
                "workshop_id",
                "workshop__status",
                "uid",
                "sequence",
                "workshop__sequence",
                "session_changed",
                "workshop_changed",
                "changes_summary",
            )
        )
        for pk, workshop_id, status, *key in rows:
            changed = (key[3], key[4], key[5] and key[5].partition("|")[0])
            yield pk, workshop_id, status, tuple(key), max(filter(None, changed))


def latest_change_of(texts):
    """The latest of ``calendar_index``'s *last change* texts as a datetime, or None.

    The database writes them in one format (SQLite ``2027-01-31 18:00:00.123456``,
    PostgreSQL with ``+00`` after it, both in UTC), where the later time is the greater text.
    """
    latest = max(texts, default=None)
    if latest is None:
        return None
    moment = parse_datetime(latest)
    return moment if timezone.is_aware(moment) else moment.replace(tzinfo=datetime.UTC)


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
    created_at = models.DateTimeField(_("created"), default=clock.now, editable=False)
    updated_at = clock.UpdatedAtField(_("updated"))

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
    updated_at = clock.UpdatedAtField(_("updated"))

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
    sent_at = models.DateTimeField(_("sent"), default=clock.now, editable=False)

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
