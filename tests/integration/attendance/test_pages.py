"""The trainer's and the member's attendance pages, through their URLs.

Rosters and check-in screens are scoped to the workshop's trainers and staff; a roster POST
saves what changed through MarkAttendanceAction; walk-ins are added and linked; the check-in
page writes only on POST and tells the true outcome or the refusal; members see only their
own records; the roster's queries do not grow with the number of people.
"""

import datetime
import re
import zoneinfo

import pytest
from django.conf import settings
from django.db import connection
from django.shortcuts import resolve_url
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from capacity_lms.attendance.actions import MarkAttendanceAction
from capacity_lms.attendance.checkin import current_short_code, make_token
from capacity_lms.attendance.models import (
    AttendanceChange,
    AttendanceRecord,
    AttendanceStatus,
    WalkIn,
)
from capacity_lms.workshops.models import OccurrenceChange
from sandbox.testing.factories import RegistrationFactory, SessionFactory, UserFactory
from tests.integration.attendance.conftest import session_around
from tests.integration.conftest import make_workshop

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

ROSTER = AttendanceRecord.Method.ROSTER


def status(code):
    return AttendanceStatus.objects.get(code=code)


def roster_url(session, day=None):
    return reverse(
        "capacity_lms:attendance_roster",
        kwargs={"session_pk": session.pk, "day": day or session.date},
    )


def screen_url(session, day=None):
    return reverse(
        "capacity_lms:attendance_check_in_screen",
        kwargs={"session_pk": session.pk, "day": day or session.date},
    )


def token_url(session, day=None):
    return reverse(
        "capacity_lms:check_in_token", kwargs={"token": make_token(session, day or session.date)}
    )


def text(response, code=200):
    assert response.status_code == code, response.status_code
    return response.content.decode()


def record_of(person, session):
    return AttendanceRecord.objects.filter(
        session=session, occurrence_date=session.date, user=person
    ).first()


# Scope


def test_another_trainer_and_a_member_get_404_and_a_visitor_is_sent_to_sign_in(
    client, session, other_trainer, member, registered
):
    for url in (roster_url(session), screen_url(session)):
        for outsider in (other_trainer, member, registered[0]):
            client.force_login(outsider)
            assert client.get(url).status_code == 404
            assert client.post(url, {"action": "all_present"}).status_code == 404
        client.logout()
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))
    assert not AttendanceRecord.objects.exists()


def test_staff_open_any_roster(client, session, staff, registered):
    client.force_login(staff)
    content = text(client.get(roster_url(session)))
    assert all(person.get_username() in content for person in registered)


def test_a_cancelled_meeting_or_a_day_without_one_says_so(client, trainer, workshop, now):
    series = SessionFactory(
        workshop=workshop,
        date=now.date(),
        time_zone="UTC",
        recurrence="FREQ=WEEKLY;COUNT=3",
    )
    second = series.date + datetime.timedelta(days=7)
    OccurrenceChange.objects.create(session=series, original_date=second)
    client.force_login(trainer)
    assert "This meeting is cancelled." in text(client.get(roster_url(series, second)), 404)
    other_day = series.date + datetime.timedelta(days=1)
    assert "no meeting on that date" in text(client.get(screen_url(series, other_day)), 404)
    assert client.get(f"/en/learning/attendance/{series.pk}/2026-02-31/").status_code == 404


def test_the_trainer_lists_their_meetings_with_roster_and_check_in_links(
    client, trainer, other_trainer, session, countries
):
    elsewhere = make_workshop(countries["ma"], trainers=[other_trainer], title="Not theirs")
    client.force_login(trainer)
    content = text(client.get(reverse("capacity_lms:attendance_sessions")))
    assert roster_url(session) in content and screen_url(session) in content
    assert "Not theirs" not in content and elsewhere.slug not in content


# The roster


def test_saving_the_roster_marks_only_what_changed(client, trainer, session, registered):
    first, second, third = registered
    MarkAttendanceAction(
        session,
        user=trainer,
        occurrence_date=session.date,
        status=status("late"),
        method=ROSTER,
        person=third,
    ).execute()
    client.force_login(trainer)
    response = client.post(
        roster_url(session),
        {
            "action": "save",
            f"status-u{first.pk}": status("present").pk,
            f"status-u{second.pk}": status("excused").pk,
            f"remarks-u{second.pk}": "Family reasons",
            f"status-u{third.pk}": status("late").pk,
        },
    )
    assert response.status_code == 302
    assert record_of(first, session).status.code == "present"
    assert record_of(second, session).remarks == "Family reasons"
    assert record_of(third, session).status.code == "late"
    assert AttendanceChange.objects.filter(record__user=third).count() == 1
    assert all(record_of(p, session).method == ROSTER for p in registered)
    assert "2 records saved." in text(client.get(roster_url(session)))


def test_mark_all_present_gives_present_to_everyone_without_a_record(
    client, trainer, session, registered
):
    walk_in = WalkIn.objects.create(workshop=session.workshop, name="Hind")
    MarkAttendanceAction(
        session,
        user=trainer,
        occurrence_date=session.date,
        status=status("absent"),
        method=ROSTER,
        person=registered[0],
    ).execute()
    client.force_login(trainer)
    client.post(roster_url(session), {"action": "all_present"})
    assert record_of(registered[0], session).status.code == "absent"
    assert {record_of(p, session).status.code for p in registered[1:]} == {"present"}
    assert AttendanceRecord.objects.get(walk_in=walk_in).status.code == "present"


def test_a_walk_in_is_added_present_and_linked_to_an_account_later(
    client, trainer, session, registered, workshop, now
):
    client.force_login(trainer)
    client.post(
        roster_url(session), {"action": "add_walk_in", "name": "Rachid", "email": "r@example.org"}
    )
    walk_in = WalkIn.objects.get(workshop=workshop, name="Rachid")
    assert AttendanceRecord.objects.get(walk_in=walk_in).status.code == "present"
    assert "Rachid" in text(client.get(roster_url(session)))

    account = UserFactory(username="rachid", email="Rachid@Example.org")
    client.post(
        roster_url(session),
        {"action": "link_walk_in", "walk_in": walk_in.pk, "account": "rachid@example.org"},
    )
    walk_in.refresh_from_db()
    assert walk_in.user == account
    assert record_of(account, session).status.code == "present"
    assert not AttendanceRecord.objects.filter(walk_in=walk_in).exists()


def test_linking_a_walk_in_keeps_the_persons_own_record_and_says_so(
    client, trainer, session, registered
):
    person = registered[0]
    walk_in = WalkIn.objects.create(workshop=session.workshop, name="Same person")
    for who, code in (({"walk_in": walk_in}, "present"), ({"person": person}, "late")):
        MarkAttendanceAction(
            session,
            user=trainer,
            occurrence_date=session.date,
            status=status(code),
            method=ROSTER,
            **who,
        ).execute()
    client.force_login(trainer)
    response = client.post(
        roster_url(session),
        {"action": "link_walk_in", "walk_in": walk_in.pk, "account": person.get_username()},
        follow=True,
    )
    content = text(response)
    assert "already had a record for the meeting of" in content
    assert record_of(person, session).status.code == "late"
    assert AttendanceRecord.objects.filter(walk_in=walk_in).count() == 1


def test_another_workshops_walk_in_cannot_be_marked_or_linked(
    client, trainer, session, countries, registered
):
    elsewhere = make_workshop(countries["ca"], sessions=0)
    stranger = WalkIn.objects.create(workshop=elsewhere, name="Elsewhere")
    client.force_login(trainer)
    client.post(roster_url(session), {"action": "save", f"status-w{stranger.pk}": 1})
    client.post(
        roster_url(session),
        {"action": "link_walk_in", "walk_in": stranger.pk, "account": registered[0].username},
    )
    stranger.refresh_from_db()
    assert stranger.user is None and not AttendanceRecord.objects.exists()


def test_roster_then_qr_leaves_one_record(client, trainer, session, registered):
    person = registered[0]
    client.force_login(trainer)
    client.post(
        roster_url(session), {"action": "save", f"status-u{person.pk}": status("present").pk}
    )
    client.force_login(person)
    content = text(client.post(token_url(session)))
    assert "You were already marked present" in content
    assert AttendanceRecord.objects.filter(user=person).count() == 1
    assert AttendanceChange.objects.filter(record__user=person).count() == 1


def roster_queries(client, trainer, session):
    client.force_login(trainer)
    client.get(roster_url(session))  # sessions, permissions, caches warm
    with CaptureQueriesContext(connection) as queries:
        assert client.get(roster_url(session)).status_code == 200
    return len(queries)


def test_the_roster_runs_as_many_queries_for_30_people_as_for_3(
    client, trainer, session, registered, workshop
):
    small = roster_queries(client, trainer, session)
    for number in range(27):
        person = UserFactory()
        RegistrationFactory(workshop=workshop, user=person, status="confirmed")
        if number % 3 == 0:
            MarkAttendanceAction(
                session,
                user=trainer,
                occurrence_date=session.date,
                status=status("late"),
                method=ROSTER,
                person=person,
            ).execute()
    WalkIn.objects.create(workshop=workshop, name="Walk-in")
    assert roster_queries(client, trainer, session) == small


# The check-in screen


def test_the_check_in_screen_shows_a_qr_code_the_short_code_and_the_count(
    client, trainer, session, registered
):
    MarkAttendanceAction(
        session,
        user=trainer,
        occurrence_date=session.date,
        status=status("present"),
        method=ROSTER,
        person=registered[0],
    ).execute()
    client.force_login(trainer)
    # The code turns with the clock: the request may straddle its turn.
    before = current_short_code(session, session.date)
    content = text(client.get(screen_url(session)))
    after = current_short_code(session, session.date)
    assert "<svg" in content and 'role="img"' in content
    assert before in content or after in content
    assert re.search(r"data-present-count>1<", content)
    assert 'http-equiv="refresh"' in content
    assert "http://testserver/en/learning/check-in/" in content


# The member's check-in


def test_the_check_in_page_writes_nothing_on_get_and_marks_on_post(client, session, registered):
    person = registered[0]
    client.force_login(person)
    content = text(client.get(token_url(session)))
    assert session.workshop.title in content and "Check me in" in content
    assert not AttendanceRecord.objects.exists()
    content = text(client.post(token_url(session)))
    record = record_of(person, session)
    assert record.method == AttendanceRecord.Method.CHECK_IN
    zone = zoneinfo.ZoneInfo(session.time_zone)
    local = timezone.localtime(record.marked_at, zone).strftime("%H:%M")
    assert "You are marked present for" in content and f"at {local}." in content
    assert "You are already marked present" in text(client.get(token_url(session)))


def test_a_visitor_is_sent_to_sign_in_first(client, session):
    url = token_url(session)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))
    assert "next=" in response["Location"]


def test_the_six_digit_code_checks_in(client, session, registered):
    client.force_login(registered[1])
    assert "six digits" in text(client.get(reverse("capacity_lms:check_in")))
    content = text(
        client.post(
            reverse("capacity_lms:check_in"),
            {"code": current_short_code(session, session.date)},
        )
    )
    assert "You are marked present for" in content
    assert record_of(registered[1], session) is not None


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("forged", "This check-in code is not valid."),
        ("expired", "This check-in code has expired"),
        ("not_registered", "You are not registered for this workshop"),
        ("not_started", "Check-in for this session opens at"),
        ("over", "This session is over"),
        ("cancelled", "This meeting is cancelled."),
        ("wrong_code", "This code matches none of your sessions now"),
    ],
)
def test_each_refusal_shows_its_own_message_and_writes_nothing(
    client, settings, workshop, session, registered, member, now, case, message
):
    person, url, data = registered[0], token_url(session), {}
    if case == "forged":
        url = reverse("capacity_lms:check_in_token", kwargs={"token": f"{session.pk}:x:y:z"})
    elif case == "expired":
        settings.CAPACITY_LMS_CHECK_IN_TOKEN_SECONDS = -1
    elif case == "not_registered":
        person = member
    elif case == "not_started":
        later = session_around(workshop, now, minutes_before=-24 * 60)
        url = token_url(later)
    elif case == "over":
        earlier = session_around(workshop, now, minutes_before=26 * 60, length_minutes=60)
        url = token_url(earlier)
    elif case == "cancelled":
        session.status = "cancelled"
        session.save()
    elif case == "wrong_code":
        url, data = reverse("capacity_lms:check_in"), {"code": "000000"}
        if current_short_code(session, session.date) == "000000":
            data["code"] = "000001"
    client.force_login(person)
    content = text(client.post(url, data))
    assert message in content
    assert "You are marked" not in content
    assert not AttendanceRecord.objects.exists()


def test_too_many_wrong_codes_are_refused_even_the_right_one_then(client, session, registered):
    from django.core.cache import cache

    cache.clear()
    client.force_login(registered[0])
    right = current_short_code(session, session.date)
    wrong = "000000" if right != "000000" else "000001"
    for _ in range(10):
        assert "matches none of your sessions" in text(
            client.post(reverse("capacity_lms:check_in"), {"code": wrong})
        )
    content = text(client.post(reverse("capacity_lms:check_in"), {"code": right}))
    assert "Too many wrong codes" in content
    assert not AttendanceRecord.objects.exists()
    # The QR link still works: it is signed, not guessable.
    assert "You are marked present for" in text(client.post(token_url(session)))
    cache.clear()


# Members see only their own records


def test_a_member_sees_only_their_own_attendance(client, trainer, workshop, now, registered):
    past = session_around(workshop, now, minutes_before=3 * 24 * 60, length_minutes=60)
    first, second, _third = registered
    MarkAttendanceAction(
        past,
        user=trainer,
        occurrence_date=past.date,
        status=status("present"),
        method=ROSTER,
        person=first,
    ).execute()
    MarkAttendanceAction(
        past,
        user=trainer,
        occurrence_date=past.date,
        status=status("absent"),
        method=ROSTER,
        person=second,
        remarks="Secret note",
    ).execute()
    client.force_login(second)
    content = text(client.get(reverse("capacity_lms:my_calendar")))
    row = re.search(r'<tr data-workshop="[^"]+">.*?</tr>', content, re.S).group(0)
    assert workshop.title in row and "0 of 1" in row and "0&nbsp;%" in row
    assert first.get_username() not in content and "Secret note" not in content
    client.force_login(first)
    content = text(client.get(reverse("capacity_lms:my_calendar")))
    assert "1 of 1" in content and "100&nbsp;%" in content
