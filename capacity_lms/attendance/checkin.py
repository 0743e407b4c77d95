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
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from capacity_lms.attendance.actions import MarkAttendanceAction, meeting_of
from capacity_lms.attendance.models import AttendanceRecord, AttendanceStatus
from capacity_lms.conf import get_setting
from capacity_lms.core.actions import ActionRefused, BaseAction
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
    now = now or timezone.now()
    return short_code(session.pk, occurrence_date, int(now.timestamp()) // slot_seconds())


def check_in_window(occurrence):
    margin = datetime.timedelta(minutes=get_setting("CHECK_IN_MARGIN_MINUTES"))
    return occurrence.starts_at - margin, occurrence.ends_at + margin


class CheckInAction(BaseAction):
    """The signed-in ``user`` checks in to the meeting a token (or a short code) names."""

    def __init__(self, user, token=None, code=None, now=None):
        self.user = user
        self.token = token
        self.code = (code or "").strip()
        self.now = now or timezone.now()

    def find_meeting(self):
        if self.token:
            session_pk, day = read_token(self.token)
            session = Session.objects.select_related("workshop").filter(pk=session_pk).first()
            if session is None:
                raise ActionRefused(_("This check-in code is not valid."), code="forged")
            return session, day
        return self._meeting_of_code()

    def _meeting_of_code(self):
        if not self.code.isdigit() or len(self.code) != 6:
            raise ActionRefused(_("Type the six digits shown on the screen."), code="code")
        slot = int(self.now.timestamp()) // slot_seconds()
        registered = Registration.objects.filter(
            user=self.user, status=Registration.Status.CONFIRMED
        ).values("workshop")
        today = self.now.date()
        sessions = Session.objects.filter(
            Q(workshop__in=registered) | Q(workshop__walk_in_check_in=True),
            starts_at__lte=self.now + datetime.timedelta(days=1),
            series_ends_at__gte=self.now - datetime.timedelta(days=1),
        ).select_related("workshop")
        for session in sessions:
            for occurrence in session.occurrences():
                if abs((occurrence.starts_at.date() - today).days) > 1:
                    continue
                for candidate in (slot, slot - 1, slot - 2):
                    expected = short_code(session.pk, occurrence.original_date, candidate)
                    if hmac.compare_digest(expected, self.code):
                        return session, occurrence.original_date
        raise ActionRefused(
            _("This code matches none of your sessions now: check the digits on the screen."),
            code="code",
        )

    def check(self):
        if not self.user.is_authenticated:
            raise ActionRefused(_("Sign in to check in."), code="anonymous")
        session, day = self.find_meeting()
        occurrence = meeting_of(session, day)
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
        registered = Registration.objects.filter(
            workshop=session.workshop_id, user=self.user, status=Registration.Status.CONFIRMED
        ).exists()
        # A workshop may welcome walk-ins: then anyone signed in checks in like the registered.
        if not registered and not session.workshop.walk_in_check_in:
            raise ActionRefused(
                _("You are not registered for this workshop: ask the trainer to add you."),
                code="not_registered",
            )
        return session, day

    def execute(self):
        """``(record, changed)``: ``changed`` is False when they were already marked."""
        session, day = self.check()
        return MarkAttendanceAction(
            session,
            user=self.user,
            occurrence_date=day,
            status=AttendanceStatus.present(),
            method=AttendanceRecord.Method.CHECK_IN,
            person=self.user,
        ).execute()
