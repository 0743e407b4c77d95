"""QR self check-in: every refusal says what is wrong in its own words and writes nothing;
marking the same person twice, whichever way, leaves one record."""

import datetime
import types
import zoneinfo

import pytest
from django.core import signing
from django.utils.formats import date_format

from capacity_lms.attendance.actions import MarkAttendanceAction
from capacity_lms.attendance.checkin import (
    SALT,
    CheckInAction,
    check_in_window,
    current_short_code,
    make_token,
    short_code,
    slot_seconds,
)
from capacity_lms.attendance.models import AttendanceChange, AttendanceRecord, AttendanceStatus
from capacity_lms.core.actions import ActionRefused
from capacity_lms.workshops.models import OccurrenceChange
from sandbox.testing.factories import RegistrationFactory, SessionFactory, UserFactory
from tests.integration.attendance.conftest import session_around
from tests.integration.conftest import make_workshop

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

ROSTER = AttendanceRecord.Method.ROSTER
CHECK_IN = AttendanceRecord.Method.CHECK_IN
MINUTE = datetime.timedelta(minutes=1)


def status(code):
    return AttendanceStatus.objects.get(code=code)


def during(session):
    """An instant in the middle of the session's (first) meeting."""
    return session.starts_at + 10 * MINUTE


def refusal(user, token=None, code=None, now=None):
    """The ActionRefused a check-in with ``token`` (or ``code``) raises, whether finding the
    meeting or checking in to it; asserts it wrote nothing."""
    with pytest.raises(ActionRefused) as caught:
        if token is not None:
            CheckInAction.from_token(token, user=user, now=now).execute()
        else:
            CheckInAction.from_code(code, user=user, now=now).execute()
    assert not AttendanceRecord.objects.exists()
    assert not AttendanceChange.objects.exists()
    return caught.value


def token_signed_at(monkeypatch, session, day, seconds_ago):
    """A token the signer stamped ``seconds_ago`` seconds ago (TimestampSigner reads
    ``time.time()`` through the ``signing`` module)."""
    import time

    stamped_at = time.time() - seconds_ago
    monkeypatch.setattr(signing, "time", types.SimpleNamespace(time=lambda: stamped_at))
    token = make_token(session, day)
    monkeypatch.undo()
    return token


@pytest.fixture
def series(workshop, session):
    """A daily series of three meetings starting with ``session``'s, the second cancelled."""
    series = SessionFactory(
        workshop=workshop,
        date=session.date,
        start_time=session.start_time,
        end_time=session.end_time,
        time_zone=session.time_zone,
        recurrence="FREQ=DAILY;COUNT=3",
    )
    OccurrenceChange.objects.create(
        session=series, original_date=series.date + datetime.timedelta(days=1)
    )
    return series


# -- The happy paths ---------------------------------------------------------------------------


def test_a_registered_member_checks_in_with_the_token(
    session, registered, django_capture_on_commit_callbacks
):
    # The history row follows the commit (test_check_in_work.py): commit here.
    with django_capture_on_commit_callbacks(execute=True):
        record, changed = CheckInAction.from_token(
            make_token(session, session.date), user=registered[0], now=during(session)
        ).execute()
    assert changed
    assert (record.user, record.session, record.occurrence_date) == (
        registered[0],
        session,
        session.date,
    )
    assert record.status == AttendanceStatus.present()
    assert record.method == CHECK_IN
    assert record.marked_by == registered[0]
    assert record.changes.count() == 1


def test_the_subject_of_a_check_in_is_the_meeting_the_token_or_code_names(session, registered):
    now = during(session)
    by_token = CheckInAction.from_token(make_token(session, session.date), user=registered[0])
    code = current_short_code(session, session.date, now=now)
    by_code = CheckInAction.from_code(code, user=registered[0], now=now)
    for action in (by_token, by_code):
        assert (action.instance, action.occurrence_date) == (session, session.date)
        assert action.user == registered[0]
    record, changed = CheckInAction(
        session, user=registered[1], occurrence_date=session.date, now=now
    ).execute()
    assert changed and (record.user, record.session) == (registered[1], session)


def test_a_registered_member_checks_in_with_the_six_digit_code(session, registered):
    now = during(session)
    code = current_short_code(session, session.date, now=now)
    record, changed = CheckInAction.from_code(f" {code} ", user=registered[0], now=now).execute()
    assert changed and record.session == session and record.occurrence_date == session.date


def test_the_code_of_the_previous_slot_still_works_but_not_an_older_one(session, registered):
    now = during(session)
    slot = int(now.timestamp()) // slot_seconds()
    previous = short_code(session.pk, session.date, slot - 1)
    record, _changed = CheckInAction.from_code(previous, user=registered[0], now=now).execute()
    assert record.user == registered[0]
    stale = short_code(session.pk, session.date, slot - 5)
    with pytest.raises(ActionRefused) as caught:
        CheckInAction.from_code(stale, user=registered[1], now=now).execute()
    assert caught.value.code == "code"
    assert not AttendanceRecord.objects.filter(user=registered[1]).exists()


def test_the_window_opens_and_closes_with_the_configured_margin(session, registered, settings):
    settings.CAPACITY_LMS_CHECK_IN_MARGIN_MINUTES = 15
    (occurrence,) = session.occurrences()
    opens, closes = check_in_window(occurrence)
    assert opens == session.starts_at - 15 * MINUTE
    assert closes == session.ends_at + 15 * MINUTE
    token = make_token(session, session.date)
    CheckInAction.from_token(token, user=registered[0], now=opens).execute()
    CheckInAction.from_token(token, user=registered[1], now=closes).execute()
    assert AttendanceRecord.objects.count() == 2


def test_the_checked_in_meeting_of_a_series_is_the_one_the_token_names(series, registered):
    third = series.date + datetime.timedelta(days=2)
    record, _changed = CheckInAction.from_token(
        make_token(series, third),
        user=registered[0],
        now=during(series) + datetime.timedelta(days=2),
    ).execute()
    assert record.occurrence_date == third


# -- The refusals, each in its own words -------------------------------------------------------


def test_every_refusal_has_its_own_message_and_writes_nothing(
    session, series, registered, workshop, monkeypatch
):
    person = registered[0]
    token = make_token(session, session.date)
    now = during(session)
    stranger = UserFactory()
    waiting = UserFactory()
    RegistrationFactory(workshop=workshop, user=waiting, status="waiting")
    cancelled_day = series.date + datetime.timedelta(days=1)
    valid = signing.TimestampSigner(salt=SALT).sign(f"{session.pk}:{session.date}")
    other_salt = signing.TimestampSigner(salt="another.salt").sign(f"{session.pk}:{session.date}")
    expected_code = current_short_code(session, session.date, now=now)
    wrong_code = f"{(int(expected_code) + 1) % 1_000_000:06d}"

    refusals = {
        "not_started": refusal(person, token=token, now=session.starts_at - 31 * MINUTE),
        "over": refusal(person, token=token, now=session.ends_at + 31 * MINUTE),
        "no_meeting": refusal(
            person,
            token=make_token(session, session.date + datetime.timedelta(days=1)),
            now=now,
        ),
        "cancelled": refusal(
            person,
            token=make_token(series, cancelled_day),
            now=during(series) + datetime.timedelta(days=1),
        ),
        "not_registered": refusal(stranger, token=token, now=now),
        "expired": refusal(
            person, token=token_signed_at(monkeypatch, session, session.date, 91), now=now
        ),
        "forged": refusal(person, token=valid[:-1] + ("A" if valid[-1] != "A" else "B"), now=now),
        "code": refusal(person, code=wrong_code, now=now),
    }
    for code, error in refusals.items():
        assert error.code == code, (code, error.messages)
    messages = {code: str(error) for code, error in refusals.items()}
    assert len(set(messages.values())) == len(messages), messages
    assert "opens at" in messages["not_started"]
    assert "over" in messages["over"]
    assert "not registered" in messages["not_registered"]
    assert "expired" in messages["expired"]
    assert "not valid" in messages["forged"]

    # Someone on the waiting list is not registered for check-in either.
    assert refusal(waiting, token=token, now=now).code == "not_registered"
    # Every kind of forgery gets the same answer, so a miss tells nothing.
    for forged in (
        other_salt,
        "garbage",
        valid.replace(f"{session.pk}:", f"{session.pk + 1}:"),
        signing.TimestampSigner(salt=SALT).sign("999999:2026-01-01"),
    ):
        assert str(refusal(person, token=forged, now=now)) == messages["forged"]
    # Letters or too few digits: asked to type the six digits.
    for typed in ("12345", "abcdef", "1234567"):
        error = refusal(person, code=typed, now=now)
        assert error.code == "code" and str(error) not in messages.values()


def test_the_not_started_refusal_gives_the_local_opening_time(workshop, registered, now):
    session = session_around(workshop, now, time_zone="Africa/Casablanca")
    opens = session.starts_at - 30 * MINUTE
    error = refusal(registered[0], token=make_token(session, session.date), now=opens - MINUTE)
    local = opens.astimezone(zoneinfo.ZoneInfo("Africa/Casablanca"))
    assert local.strftime("%H:%M") in str(error)
    assert "Africa/Casablanca" in str(error)


def test_a_meeting_of_another_day_is_refused_with_its_date(workshop, registered, now):
    # At noon, so that midnight of the same day is well before its check-in opens.
    noon = (now + datetime.timedelta(days=3)).replace(hour=12, minute=0)
    future = session_around(workshop, noon)
    error = refusal(registered[0], token=make_token(future, future.date), now=now)
    assert error.code == "not_started"
    assert date_format(future.date, "DATE_FORMAT") in str(error)
    earlier_that_day = future.starts_at.replace(hour=0, minute=0)
    same_day = refusal(registered[0], token=make_token(future, future.date), now=earlier_that_day)
    assert date_format(future.date, "DATE_FORMAT") not in str(same_day)


def test_an_anonymous_visitor_is_asked_to_sign_in(session):
    from django.contrib.auth.models import AnonymousUser

    error = refusal(AnonymousUser(), token=make_token(session, session.date), now=during(session))
    assert error.code == "anonymous"


def test_a_token_just_inside_its_lifetime_is_accepted(session, registered, monkeypatch):
    token = token_signed_at(monkeypatch, session, session.date, 80)
    record, _changed = CheckInAction.from_token(
        token, user=registered[0], now=during(session)
    ).execute()
    assert record.user == registered[0]


def test_a_six_digit_code_of_a_session_the_member_is_not_registered_for_is_a_miss(
    session, countries, other_trainer, registered
):
    elsewhere = make_workshop(countries["ca"], trainers=[other_trainer], sessions=0)
    other = session_around(elsewhere, during(session))
    now = during(session)
    error = refusal(registered[0], code=current_short_code(other, other.date, now=now), now=now)
    assert error.code == "code"


# -- Marking twice leaves one record -----------------------------------------------------------


def history(person):
    return [
        (change.previous_status and change.previous_status.code, change.status.code, change.method)
        for change in AttendanceChange.objects.filter(record__user=person)
    ]


def test_roster_then_check_in_leaves_the_roster_mark_and_one_history_row(
    session, trainer, registered
):
    person = registered[0]
    MarkAttendanceAction(
        session,
        user=trainer,
        occurrence_date=session.date,
        status=status("present"),
        method=ROSTER,
        person=person,
    ).execute()
    record, changed = CheckInAction.from_token(
        make_token(session, session.date), user=person, now=during(session)
    ).execute()
    assert not changed
    assert AttendanceRecord.objects.filter(user=person).count() == 1
    assert (record.method, record.marked_by) == (ROSTER, trainer)
    assert history(person) == [(None, "present", ROSTER)]


def test_a_check_in_after_the_trainer_marked_late_makes_them_present(session, trainer, registered):
    person = registered[0]
    MarkAttendanceAction(
        session,
        user=trainer,
        occurrence_date=session.date,
        status=status("late"),
        method=ROSTER,
        person=person,
    ).execute()
    record, changed = CheckInAction.from_token(
        make_token(session, session.date), user=person, now=during(session)
    ).execute()
    assert changed and record.status.code == "present"
    assert AttendanceRecord.objects.filter(user=person).count() == 1
    assert history(person) == [(None, "late", ROSTER), ("late", "present", CHECK_IN)]


def test_check_in_then_roster_leaves_one_record_with_the_trainers_word(
    session, trainer, registered, django_capture_on_commit_callbacks
):
    person = registered[0]
    with django_capture_on_commit_callbacks(execute=True):
        CheckInAction.from_token(
            make_token(session, session.date), user=person, now=during(session)
        ).execute()
    record, changed = MarkAttendanceAction(
        session,
        user=trainer,
        occurrence_date=session.date,
        status=status("late"),
        method=ROSTER,
        person=person,
    ).execute()
    assert changed
    assert AttendanceRecord.objects.filter(user=person).count() == 1
    assert (record.status.code, record.method, record.marked_by) == ("late", ROSTER, trainer)
    assert history(person) == [(None, "present", CHECK_IN), ("present", "late", ROSTER)]


def test_a_double_click_on_check_in_leaves_one_record_and_one_history_row(
    session, registered, django_capture_on_commit_callbacks
):
    person = registered[0]
    token = make_token(session, session.date)
    with django_capture_on_commit_callbacks(execute=True):
        first = CheckInAction.from_token(token, user=person, now=during(session)).execute()
    with django_capture_on_commit_callbacks(execute=True):
        second = CheckInAction.from_token(
            token, user=person, now=during(session) + MINUTE
        ).execute()
    assert first[1] and not second[1]
    assert first[0].pk == second[0].pk
    assert AttendanceRecord.objects.filter(user=person).count() == 1
    assert history(person) == [(None, "present", CHECK_IN)]


def test_token_and_code_for_the_same_meeting_leave_one_record(session, registered):
    person = registered[0]
    now = during(session)
    CheckInAction.from_token(make_token(session, session.date), user=person, now=now).execute()
    CheckInAction.from_code(
        current_short_code(session, session.date, now=now), user=person, now=now
    ).execute()
    assert AttendanceRecord.objects.filter(user=person).count() == 1


# -- Trainers mark only their own sessions (the action; the pages have their own tests) --------


def test_another_trainer_or_a_member_cannot_mark_by_any_method(session, other_trainer, registered):
    person, member = registered[0], registered[1]
    for marker in (other_trainer, member):
        for method in AttendanceRecord.Method.values:
            with pytest.raises(ActionRefused):
                MarkAttendanceAction(
                    session,
                    user=marker,
                    occurrence_date=session.date,
                    status=status("present"),
                    method=method,
                    person=person,
                ).execute()
    assert not AttendanceRecord.objects.exists()


def test_a_member_checks_in_only_themself(session, registered):
    """CheckInAction marks the signed-in person, and a check-in mark names its own person."""
    person = registered[0]
    record, _changed = CheckInAction.from_token(
        make_token(session, session.date), user=person, now=during(session)
    ).execute()
    assert record.user == person
    assert list(AttendanceRecord.objects.values_list("user", flat=True)) == [person.pk]


def test_a_workshop_that_welcomes_walk_ins_lets_anyone_signed_in_check_in(session, member):
    token = make_token(session, session.date)
    assert refusal(member, token=token, now=during(session)).code == "not_registered"

    session.workshop.walk_in_check_in = True
    session.workshop.save()
    record, changed = CheckInAction.from_token(token, user=member, now=during(session)).execute()
    assert changed and record.user == member
    assert record.method == AttendanceRecord.Method.CHECK_IN
    code = current_short_code(session, session.date, now=during(session))
    _record, again = CheckInAction.from_code(code, user=member, now=during(session)).execute()
    assert not again
    assert AttendanceRecord.objects.filter(user=member).count() == 1
