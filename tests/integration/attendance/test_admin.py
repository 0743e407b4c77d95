"""The attendance admin: statuses staff edit and trainers read; records and walk-ins read-only,
a trainer seeing only their own workshops'; filters, export, constant queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from capacity_lms.attendance.actions import MarkAttendanceAction
from capacity_lms.attendance.models import AttendanceRecord, AttendanceStatus, WalkIn
from sandbox.testing.factories import RegistrationFactory, UserFactory
from tests.integration.attendance.conftest import session_around
from tests.integration.conftest import make_workshop

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

ROSTER = AttendanceRecord.Method.ROSTER
RECORDS = "capacity_attendance_records"
WALK_INS = "capacity_walk_ins"
STATUSES = "capacity_attendance_statuses"


def not_found(response):
    """404, or how the host answers an admin 404: its LocaleMiddleware redirects to the same
    path with a language prefix, because Wagtail's catch-all page route would match it."""
    if response.status_code == 302:
        return response.url.split("?")[0] == f"/en{response.request['PATH_INFO']}"
    return response.status_code == 404


def refused(response):
    """Wagtail's answer to a missing permission: 403, or a redirect to the admin's home."""
    if response.status_code == 302:
        return response.url.split("?")[0] == reverse("wagtailadmin_home")
    return response.status_code == 403


def status(code):
    return AttendanceStatus.objects.get(code=code)


def meeting_with_records(workshop, marker, people, code="present", walk_in_name=None):
    session = session_around(workshop, timezone.now())
    for person in people:
        RegistrationFactory(workshop=workshop, user=person, status="confirmed")
        MarkAttendanceAction(
            session,
            user=marker,
            occurrence_date=session.date,
            status=status(code),
            method=ROSTER,
            person=person,
        ).execute()
    if walk_in_name:
        walk_in = WalkIn.objects.create(workshop=workshop, name=walk_in_name, added_by=marker)
        MarkAttendanceAction(
            session,
            user=marker,
            occurrence_date=session.date,
            status=status(code),
            method=ROSTER,
            walk_in=walk_in,
        ).execute()
    return session


@pytest.fixture
def mine(countries, trainer):
    workshop = make_workshop(countries["fr"], trainers=[trainer], sessions=0, title="Mine")
    meeting_with_records(
        workshop, trainer, [UserFactory(username="my-member")], walk_in_name="Samira Walkin"
    )
    return workshop


@pytest.fixture
def theirs(countries, other_trainer):
    workshop = make_workshop(countries["ca"], trainers=[other_trainer], sessions=0, title="Theirs")
    meeting_with_records(
        workshop,
        other_trainer,
        [UserFactory(username="their-member")],
        code="late",
        walk_in_name="Omar Elsewhere",
    )
    return workshop


def listing(client, name, **params):
    response = client.get(reverse(f"{name}:index"), params)
    assert response.status_code == 200
    return response.content.decode()


# -- Records -----------------------------------------------------------------------------------


def test_a_trainer_lists_only_the_records_of_their_workshops(client, trainer, mine, theirs):
    client.force_login(trainer)
    content = listing(client, RECORDS)
    assert "my-member" in content and "Samira Walkin" in content
    assert "their-member" not in content and "Omar Elsewhere" not in content
    # The workshop filter offers their own workshops only.
    assert "Mine" in content and "Theirs" not in content
    # Asking for another workshop by its id in the filter does not widen the scope.
    content = listing(client, RECORDS, workshop=theirs.pk)
    assert "their-member" not in content


def test_another_trainers_record_answers_404_and_no_one_edits_records_here(
    client, trainer, staff, mine, theirs
):
    their_record = AttendanceRecord.objects.get(session__workshop=theirs, user__isnull=False)
    my_record = AttendanceRecord.objects.get(session__workshop=mine, user__isnull=False)
    client.force_login(trainer)
    assert not_found(client.get(reverse(f"{RECORDS}:inspect", args=[their_record.pk])))
    assert client.get(reverse(f"{RECORDS}:inspect", args=[my_record.pk])).status_code == 200
    for user in (trainer, staff):
        client.force_login(user)
        assert refused(client.get(reverse(f"{RECORDS}:add")))
        assert refused(client.get(reverse(f"{RECORDS}:edit", args=[my_record.pk])))
        response = client.post(
            reverse(f"{RECORDS}:edit", args=[my_record.pk]),
            {"status": status("absent").pk, "remarks": "changed"},
        )
        assert refused(response)
        assert refused(client.post(reverse(f"{RECORDS}:delete", args=[my_record.pk])))
    my_record.refresh_from_db()
    assert my_record.status.code == "present" and my_record.remarks == ""
    assert AttendanceRecord.objects.count() == 4


def test_staff_list_every_record_and_filter_them(client, staff, mine, theirs):
    client.force_login(staff)
    content = listing(client, RECORDS)
    assert "my-member" in content and "their-member" in content
    content = listing(client, RECORDS, workshop=theirs.pk)
    assert "their-member" in content and "my-member" not in content
    content = listing(client, RECORDS, status=status("late").pk)
    assert "their-member" in content and "my-member" not in content
    content = listing(client, RECORDS, method="check_in")
    assert "their-member" not in content and "my-member" not in content
    their_day = AttendanceRecord.objects.filter(session__workshop=theirs).first().occurrence_date
    after = (their_day + datetime.timedelta(days=1)).isoformat()
    content = listing(client, RECORDS, occurrence_date_from=after)
    assert "their-member" not in content
    content = listing(client, RECORDS, occurrence_date_to=their_day.isoformat())
    assert "their-member" in content


def test_a_member_has_no_attendance_admin(client, mine):
    member = AttendanceRecord.objects.get(session__workshop=mine, user__isnull=False).user
    client.force_login(member)
    for name in (RECORDS, WALK_INS, STATUSES):
        response = client.get(reverse(f"{name}:index"))
        assert response.status_code == 302 and "login" in response.url


def test_the_record_list_runs_the_same_queries_for_ten_times_the_records(
    client, trainer, countries
):
    workshop = make_workshop(countries["fr"], trainers=[trainer], sessions=0, title="Big")

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(reverse(f"{RECORDS}:index")).status_code == 200
        return len(context)

    client.force_login(trainer)
    meeting_with_records(workshop, trainer, [UserFactory() for _ in range(2)], walk_in_name="A")
    small = queries()
    meeting_with_records(workshop, trainer, [UserFactory() for _ in range(20)], walk_in_name="B")
    assert AttendanceRecord.objects.count() == 24
    assert queries() == small


def test_the_export_neutralises_formulas_and_keeps_the_scope(client, trainer, mine, theirs):
    WalkIn.objects.filter(workshop=mine).update(name='=HYPERLINK("http://x","y")')
    client.force_login(trainer)
    response = client.get(reverse(f"{RECORDS}:index"), {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in content
    assert "\n=HYPERLINK" not in content and ",=HYPERLINK" not in content
    assert "my-member" in content and "their-member" not in content
    response = client.get(reverse(f"{WALK_INS}:index"), {"export": "csv"})
    content = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in content and "Omar Elsewhere" not in content


# -- Walk-ins ----------------------------------------------------------------------------------


def test_walk_ins_are_scoped_and_read_only(client, trainer, staff, mine, theirs):
    theirs_walk_in = WalkIn.objects.get(workshop=theirs)
    mine_walk_in = WalkIn.objects.get(workshop=mine)
    client.force_login(trainer)
    content = listing(client, WALK_INS)
    assert "Samira Walkin" in content and "Omar Elsewhere" not in content
    assert not_found(client.get(reverse(f"{WALK_INS}:inspect", args=[theirs_walk_in.pk])))
    assert client.get(reverse(f"{WALK_INS}:inspect", args=[mine_walk_in.pk])).status_code == 200
    assert refused(client.post(reverse(f"{WALK_INS}:edit", args=[mine_walk_in.pk]), {"name": "x"}))
    client.force_login(staff)
    content = listing(client, WALK_INS)
    assert "Samira Walkin" in content and "Omar Elsewhere" in content
    mine_walk_in.refresh_from_db()
    assert mine_walk_in.name == "Samira Walkin"


# -- Statuses ----------------------------------------------------------------------------------


def test_trainers_read_the_statuses_and_staff_change_their_weight(client, trainer, staff):
    late = status("late")
    url = reverse(f"{STATUSES}:edit", args=[late.pk])
    form = {
        "code": "late",
        "name_en": "Late",
        "name_fr": "En retard",
        "name_ar": "متأخر",
        "weight": "0.5",
        "counts_in_rate": "on",
    }
    client.force_login(trainer)
    content = listing(client, STATUSES)
    assert "Present" in content and "Excused" in content
    assert client.get(reverse(f"{STATUSES}:inspect", args=[late.pk])).status_code == 200
    assert refused(client.post(url, form))
    late.refresh_from_db()
    assert str(late.weight) == "0.75"

    client.force_login(staff)
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    late.refresh_from_db()
    assert str(late.weight) == "0.50"


def test_a_second_status_for_check_in_is_refused_with_a_message(client, staff):
    late = status("late")
    client.force_login(staff)
    response = client.post(
        reverse(f"{STATUSES}:edit", args=[late.pk]),
        {
            "code": "late",
            "name_en": "Late",
            "weight": "0.75",
            "counts_in_rate": "on",
            "is_default_present": "on",
        },
    )
    assert response.status_code == 200
    assert AttendanceStatus.present().code == "present"
    late.refresh_from_db()
    assert not late.is_default_present


def test_the_workshops_menu_holds_the_attendance_screens(client, trainer):
    client.force_login(trainer)
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    for name in (RECORDS, WALK_INS, STATUSES):
        assert reverse(f"{name}:index") in content
