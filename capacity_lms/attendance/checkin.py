"""QR self check-in: signed, short-lived codes a member scans (or types) to be marked present.

The trainer's screen shows a QR code of a check-in URL whose token names the session and the
meeting, signed with the site's secret and stamped with the time (Django's TimestampSigner):
it cannot be forged, and it expires after ``CAPACITY_LMS_CHECK_IN_TOKEN_SECONDS``. The screen
redraws it every third of that. For those who cannot scan, a six-digit code derived from the
same secret and the current time slot is shown beside it; it names no session, so it is
matched against the meetings the member is registered for that are happening now.
"""

import datetime
import hashlib
import hmac

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from capacity_lms.attendance.actions import MarkAttendanceAction, history_of, meeting_of
from capacity_lms.attendance.models import AttendanceChange, AttendanceRecord, AttendanceStatus
from capacity_lms.attendance.tasks import announce_after_commit
from capacity_lms.conf import get_setting
from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.core.versions import kept_while
from capacity_lms.people.models import LearnerProfile
from capacity_lms.taxonomy.models import Country
from capacity_lms.workshops.feed_versions import VERSION_KEY
from capacity_lms.workshops.models import Registration, Session
from capacity_lms.workshops.schedule import zone

SALT = "capacity_lms.attendance.check_in"


def _signer():
    return signing.TimestampSigner(salt=SALT)


def make_token(session, occurrence_date):
    return _signer().sign(f"{session.pk}:{occurrence_date.isoformat()}")


def read_token(token):
    """``(session_pk, occurrence_date)`` of a token, or ActionRefused saying what is wrong."""
    max_age = get_setting("CHECK_IN_TOKEN_SECONDS")
    try:
        value = _signer().unsign(token, max_age=max_age)
    except signing.SignatureExpired as error:
        raise ActionRefused(
            _("This check-in code has expired: scan the code on the screen again."),
            code="expired",
        ) from error
    except signing.BadSignature as error:
        raise ActionRefused(_("This check-in code is not valid."), code="forged") from error
    session_pk, _separator, day = value.partition(":")
    return int(session_pk), datetime.date.fromisoformat(day)


def slot_seconds():
    return max(get_setting("CHECK_IN_TOKEN_SECONDS") // 3, 10)


def short_code(session_pk, occurrence_date, slot):
    message = f"{SALT}:{session_pk}:{occurrence_date.isoformat()}:{slot}".encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()
    return f"{int(digest[:12], 16) % 1_000_000:06d}"


def current_short_code(session, occurrence_date, now=None):
    now = now or clock.now()
    return short_code(session.pk, occurrence_date, int(now.timestamp()) // slot_seconds())


def check_in_window(occurrence):
    margin = datetime.timedelta(minutes=get_setting("CHECK_IN_MARGIN_MINUTES"))
    return occurrence.starts_at - margin, occurrence.ends_at + margin


def refuse_anonymous(user):
    if not user.is_authenticated:
        raise ActionRefused(_("Sign in to check in."), code="anonymous")


# A session read for check-ins is kept this long, unless a schedule change comes first.
KEPT_SESSION_SECONDS = 3600


def session_for_check_in(session_pk):
    """The session ``session_pk`` with its workshop and occurrence changes, or None.

    The people at the door of one meeting all name the same session: it is kept in the shared
    cache with the calendar feeds' version number, which every save of a session, a workshop
    or an occurrence change moves on (and the actions again after their commit:
    ``workshops/feed_versions.py``). A kept copy is used only while that number is unchanged,
    so a change is never hidden; one cache round trip instead of a query.
    """
    return kept_while(
        VERSION_KEY,
        f"capacity_lms:check-in:session:{session_pk}",
        lambda: (
            Session.objects.select_related("workshop")
            .prefetch_related("changes")
            .filter(pk=session_pk)
            .first()
        ),
        KEPT_SESSION_SECONDS,
    )


def meeting_of_token(token):
    """``(session, occurrence_date)`` a token names, or ActionRefused (expired, forged)."""
    session_pk, day = read_token(token)
    session = session_for_check_in(session_pk)
    if session is None:
        raise ActionRefused(_("This check-in code is not valid."), code="forged")
    return session, day


def meeting_of_code(code, user, now):
    """``(session, occurrence_date)`` of the meeting, happening about ``now``, that a six-digit
    code names among those ``user`` may check in to (registered, or open to walk-ins); the code
    of the current time slot or of the two before it. ActionRefused when it names none."""
    code = (code or "").strip()
    if not code.isdigit() or len(code) != 6:
        raise ActionRefused(_("Type the six digits shown on the screen."), code="code")
    slot = int(now.timestamp()) // slot_seconds()
    registered = Registration.objects.filter(
        user=user, status=Registration.Status.CONFIRMED
    ).values("workshop")
    today = now.date()
    sessions = Session.objects.filter(
        Q(workshop__in=registered) | Q(workshop__walk_in_check_in=True),
        starts_at__lte=now + datetime.timedelta(days=1),
        series_ends_at__gte=now - datetime.timedelta(days=1),
    ).select_related("workshop")
    for session in sessions:
        for occurrence in session.occurrences():
            if abs((occurrence.starts_at.date() - today).days) > 1:
                continue
            for candidate in (slot, slot - 1, slot - 2):
                expected = short_code(session.pk, occurrence.original_date, candidate)
                if hmac.compare_digest(expected, code):
                    return session, occurrence.original_date
    raise ActionRefused(
        _("This code matches none of your sessions now: check the digits on the screen."),
        code="code",
    )


def _columns_and_values(instance, connection, skip=()):
    """The columns of ``instance``'s table and their values ready for ``connection``, as an
    INSERT of it would write them (every concrete field but the primary key and ``skip``)."""
    columns, values = [], []
    for field in instance._meta.local_concrete_fields:
        if field.primary_key or field.name in skip:
            continue
        columns.append(connection.ops.quote_name(field.column))
        values.append(field.get_db_prep_save(field.pre_save(instance, True), connection))
    return columns, values


def insert_with_history(record):
    """Insert ``record`` and its first history row at once; False (and nothing written) when
    the person is already marked for this meeting (the unique constraint says so).

    On PostgreSQL it is one statement, so one round trip that writes both or neither: the
    record is inserted with ``ON CONFLICT DO NOTHING`` and the history row is made from what
    that returns. Elsewhere the two inserts share a transaction.
    """
    connection = transaction.get_connection()
    change = history_of(record)
    if connection.vendor != "postgresql":
        try:
            with transaction.atomic():
                record.save(force_insert=True)
                change.record = record
                change.save(force_insert=True)
        except IntegrityError:
            return False
        return True
    record_columns, record_values = _columns_and_values(record, connection)
    change_columns, change_values = _columns_and_values(change, connection, skip=("record",))
    quote = connection.ops.quote_name
    record_column = quote(AttendanceChange._meta.get_field("record").column)
    # Only table and column names (from the models) are formatted in; values are parameters.
    sql = (
        f"WITH inserted AS (INSERT INTO {quote(AttendanceRecord._meta.db_table)}"  # noqa: S608  # nosec B608
        f" ({', '.join(record_columns)}) VALUES ({', '.join(['%s'] * len(record_values))})"
        " ON CONFLICT DO NOTHING RETURNING id)"
        f" INSERT INTO {quote(AttendanceChange._meta.db_table)}"
        f" ({record_column}, {', '.join(change_columns)})"
        f" SELECT inserted.id, {', '.join(['%s'] * len(change_values))} FROM inserted"
        f" RETURNING {record_column}, id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*record_values, *change_values])
        row = cursor.fetchone()
    if row is None:
        return False
    record.pk, change.pk = row
    record._state.adding = False
    return True


def record_from_columns(row, prefix):
    """The AttendanceRecord whose columns ``row`` holds as ``<prefix><column>`` attributes
    (read by a raw query), with each value converted as the ORM converts its own reads."""
    connection = transaction.get_connection()
    values = []
    fields = AttendanceRecord._meta.local_concrete_fields
    for field in fields:
        value = getattr(row, f"{prefix}{field.column}")
        column = field.get_col(AttendanceRecord._meta.db_table)
        for convert in (
            *connection.ops.get_db_converters(column),
            *field.get_db_converters(connection),
        ):
            value = convert(value, column, connection)
        values.append(value)
    return AttendanceRecord.from_db(connection.alias, [field.attname for field in fields], values)


class CheckInAction(BaseAction):
    """The signed-in ``user`` checks in to the meeting of ``session`` on ``occurrence_date``.

    ``CheckInAction(session, user=member, occurrence_date=day)``: the subject is what is
    checked in to, as for ``MarkAttendanceAction``. A member holds a token or a six-digit code,
    not a session: :meth:`from_token` and :meth:`from_code` find the meeting it names (or
    refuse) and return the action for it.
    """

    def __init__(self, session, user=None, *, occurrence_date, now=None):
        super().__init__(session, user=user)
        self.session = session
        self.occurrence_date = occurrence_date
        self.now = now or clock.now()

    @classmethod
    def from_token(cls, token, *, user, now=None):
        """The check-in to the meeting a signed token names."""
        refuse_anonymous(user)
        session, day = meeting_of_token(token)
        return cls(session, user=user, occurrence_date=day, now=now)

    @classmethod
    def from_code(cls, code, *, user, now=None):
        """The check-in to the meeting, happening now, that a typed six-digit code names."""
        refuse_anonymous(user)
        now = now or clock.now()
        session, day = meeting_of_code(code, user, now)
        return cls(session, user=user, occurrence_date=day, now=now)

    def check(self):
        refuse_anonymous(self.user)
        session, day = self.session, self.occurrence_date
        occurrence = self.occurrence = meeting_of(session, day)
        opens, closes = check_in_window(occurrence)
        if self.now < opens:
            local = opens.astimezone(zone(session.time_zone))
            values = {
                "time": local.strftime("%H:%M"),
                "zone": session.time_zone,
                "date": date_format(local.date(), "DATE_FORMAT"),
            }
            if local.date() == self.now.astimezone(local.tzinfo).date():
                message = _("Check-in for this session opens at %(time)s (%(zone)s).") % values
            else:
                # A meeting of another day: the time alone would read as today's.
                message = (
                    _("Check-in for this session opens at %(time)s (%(zone)s) on %(date)s.")
                    % values
                )
            raise ActionRefused(message, code="not_started")
        if self.now > closes:
            raise ActionRefused(
                _("This session is over: ask the trainer to mark your attendance."),
                code="over",
            )
        self.found = self.lookup()
        # A workshop may welcome walk-ins: then anyone signed in checks in like the registered.
        if not self.found.registered and not session.workshop.walk_in_check_in:
            raise ActionRefused(
                _("You are not registered for this workshop: ask the trainer to add you."),
                code="not_registered",
            )

    def lookup(self):
        """Everything the check-in needs to know, in one statement: the "present" status, with
        whether the person is registered, the id and status of their record for this meeting
        if they have one, and the time zone they read times in (as
        :func:`~capacity_lms.workshops.times.person_time_zone` says).

        Written as SQL because it runs for every person at the door: composed with
        ``Exists``/``Subquery`` the ORM spent longer building it than the database running it.
        """
        record = AttendanceRecord._meta
        registration = Registration._meta
        # The person's record for this meeting, if any, comes whole: a second check-in answers
        # from it without another query.
        record_columns = ", ".join(
            f"record.{field.column} AS record_{field.column}"
            for field in record.local_concrete_fields
        )
        # Only table and column names (from the models) are formatted in; every value is a
        # parameter.
        sql = (
            f"SELECT status.*, {record_columns}, EXISTS (SELECT 1 FROM {registration.db_table}"  # noqa: S608  # nosec B608
            " WHERE workshop_id = %s AND user_id = %s AND status = %s) AS registered,"
            " (SELECT COALESCE(NULLIF(profile.time_zone, ''),"
            " NULLIF(country.default_time_zone, ''))"
            f" FROM {LearnerProfile._meta.db_table} profile LEFT JOIN {Country._meta.db_table}"
            " country ON country.id = profile.country_of_residence_id"
            " WHERE profile.user_id = %s) AS person_time_zone"
            f" FROM {AttendanceStatus._meta.db_table} status"
            f" LEFT JOIN {record.db_table} record ON record.session_id = %s"
            " AND record.occurrence_date = %s AND record.user_id = %s"
            " WHERE status.is_default_present = %s"
        )
        params = [
            self.session.workshop_id,
            self.user.pk,
            Registration.Status.CONFIRMED.value,
            self.user.pk,
            self.session.pk,
            self.occurrence_date,
            self.user.pk,
            True,
        ]
        found = list(AttendanceStatus.objects.raw(sql, params))
        if len(found) != 1:
            raise AttendanceStatus.DoesNotExist("One status must be the default for present.")
        found = found[0]
        found.registered = bool(found.registered)
        found.record = None
        if found.record_id is not None:
            found.record = record_from_columns(found, "record_")
        return found

    def execute(self):
        """``(record, changed)``: ``changed`` is False when they were already marked.

        Forty people at the door within minutes: one query finds what is needed (see
        :meth:`lookup`), and the only write is the record and its history row, guarded by the
        unique constraint on (meeting, person) instead of a lock: one statement on PostgreSQL
        (:func:`insert_with_history`), nothing when the person is already marked present;
        the listeners (certificates, evaluation) hear of it from a task queued after the
        commit (:func:`~capacity_lms.attendance.tasks.announce_after_commit`).
        A record the trainer already gave another status (late, absent) is changed by
        ``MarkAttendanceAction``, with its history, as any second mark is.
        """
        self.check()
        present = self.found
        key = {"session": self.session, "occurrence_date": self.occurrence_date, "user": self.user}
        if present.record is None:
            record = AttendanceRecord(
                **key,
                status=present,
                method=AttendanceRecord.Method.CHECK_IN,
                marked_by=self.user,
                marked_at=clock.now(),
            )
            if insert_with_history(record):
                announce_after_commit(record)
                return record, True
            # The same person at the same instant on another server: theirs stands.
            record = AttendanceRecord.objects.select_related("status").get(**key)
        elif present.record.status_id == present.pk:
            record = present.record
            record.status = present
        else:
            return self._mark(present)
        if record.status_id == present.pk:
            return record, False
        return self._mark(present)

    def _mark(self, present):
        return MarkAttendanceAction(
            self.session,
            user=self.user,
            occurrence_date=self.occurrence_date,
            status=present,
            method=AttendanceRecord.Method.CHECK_IN,
            person=self.user,
        ).execute()
