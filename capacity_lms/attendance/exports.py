"""Attendance as CSV and XLSX: per meeting and per workshop, with each person's rate.

One row per person and meeting. The CSV streams straight from the database cursor (one query,
whatever the size); the XLSX is written row by row. Both go through the writers of
:mod:`capacity_lms.core.spreadsheets`, which neutralise every cell a spreadsheet could read as
a formula: a participant's name is input the trainer does not control.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from capacity_lms.attendance.models import AttendanceRecord
from capacity_lms.attendance.rates import workshop_rates
from capacity_lms.core.names import person_name

CHUNK_SIZE = 2000


def records(workshop=None, session=None, occurrence_date=None):
    """The records of a workshop, or of one meeting, in meeting order."""
    queryset = AttendanceRecord.objects.order_by(
        "session__date", "session__start_time", "session_id", "occurrence_date", "pk"
    )
    if workshop is not None:
        queryset = queryset.filter(session__workshop=workshop)
    if session is not None:
        queryset = queryset.filter(session=session)
    if occurrence_date is not None:
        queryset = queryset.filter(occurrence_date=occurrence_date)
    return queryset


def full_name(first_name, last_name, username):
    """What ``AbstractUser.get_full_name() or get_username()`` gives, from plain values."""
    return f"{first_name or ''} {last_name or ''}".strip() or username or ""


def utc_text(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S UTC") if moment else ""


def record_headers():
    return [
        _("Workshop"),
        _("Session"),
        _("Meeting date"),
        _("Person"),
        _("E-mail"),
        _("Status"),
        _("How"),
        _("Minutes present"),
        _("Remarks"),
        _("Marked by"),
        _("Marked at"),
    ]


def _columns():
    """The values a row needs, read as plain tuples: a model instance per related row would
    cost five times as much at 100,000 rows."""
    username = get_user_model().USERNAME_FIELD
    language = (get_language() or "en").split("-")[0]
    status_name = f"status__name_{language}" if language in ("fr", "ar") else "status__name_en"
    return [
        "session__workshop__title",
        "session__title",
        "session__date",
        "session__start_time",
        "occurrence_date",
        "user_id",
        "user__first_name",
        "user__last_name",
        f"user__{username}",
        "user__email",
        "walk_in__name",
        "walk_in__email",
        status_name,
        "status__name_en",
        "method",
        "minutes_present",
        "remarks",
        "marked_by__first_name",
        "marked_by__last_name",
        f"marked_by__{username}",
        "marked_at",
    ]


def record_rows(queryset):
    """Header then one row per record, read in chunks from a single query."""
    yield record_headers()
    methods = {value: str(label) for value, label in AttendanceRecord.Method.choices}
    values = queryset.values_list(*_columns()).iterator(chunk_size=CHUNK_SIZE)
    for (
        workshop_title,
        session_title,
        session_date,
        session_start,
        occurrence_date,
        user_id,
        first_name,
        last_name,
        username,
        user_email,
        walk_in_name,
        walk_in_email,
        status_name,
        status_name_en,
        method,
        minutes_present,
        remarks,
        marker_first_name,
        marker_last_name,
        marker_username,
        marked_at,
    ) in values:
        if user_id is not None:
            name, email = full_name(first_name, last_name, username), user_email
        else:
            name, email = walk_in_name, walk_in_email
        yield [
            workshop_title,
            session_title or f"{session_date:%Y-%m-%d} {session_start:%H:%M}",
            occurrence_date.isoformat(),
            name,
            email,
            status_name or status_name_en,
            methods.get(method, method),
            minutes_present,
            remarks,
            full_name(marker_first_name, marker_last_name, marker_username),
            utc_text(marked_at),
        ]


def rate_rows(workshop):
    """Header then each confirmed registrant's attendance rate in ``workshop`` (percent)."""
    yield [_("Workshop"), _("Person"), _("E-mail"), _("Attendance rate (%)")]
    rates = workshop_rates(workshop)
    people = get_user_model().objects.filter(pk__in=rates.keys()).order_by("last_name", "pk")
    for person in people.iterator(chunk_size=CHUNK_SIZE):
        rate = rates[person.pk]
        yield [
            workshop.title,
            person_name(person),
            person.email,
            None if rate is None else float(round(rate * 100, 1)),
        ]


def meeting_filename(session, occurrence_date, extension):
    return (
        f"attendance-{session.workshop.slug}-{occurrence_date:%Y-%m-%d}-{session.pk}.{extension}"
    )


def workshop_filename(workshop, extension, part="attendance"):
    return f"{part}-{workshop.slug}.{extension}"
