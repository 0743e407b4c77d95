"""A workshop whose last meeting is over: members can no longer register or cancel; trainers
and staff still correct who was registered, with a reason kept in the workshop's history."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from capacity_lms.core.actions import ActionRefused
from capacity_lms.privacy.actions import ErasePersonAction
from capacity_lms.workshops import schedule
from capacity_lms.workshops.actions import (
    AddPersonAction,
    CancelRegistrationAction,
    RegisterAction,
    RemovePersonAction,
)
from capacity_lms.workshops.models import OccurrenceChange, Registration, Session, Workshop
from sandbox.testing.factories import RegistrationFactory, SessionFactory, UserFactory
from tests.integration.conftest import make_workshop

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

TODAY = datetime.date.today()
PARIS = "Europe/Paris"


def paris(day, hour, minute=0):
    return schedule.to_utc(day, datetime.time(hour, minute), PARIS)


def session(workshop, day, rule="", **kwargs):
    return SessionFactory(
        workshop=workshop,
        date=day,
        start_time=datetime.time(18, 0),
        end_time=datetime.time(20, 0),
        time_zone=PARIS,
        recurrence=rule,
        **kwargs,
    )


# -- When a workshop has ended --------------------------------------------------------------

D = datetime.date(2030, 3, 5)  # a Tuesday


def cancel_occurrence(series, day):
    OccurrenceChange.objects.create(session=series, original_date=day)


def move_occurrence(series, day, to):
    OccurrenceChange.objects.create(
        session=series,
        original_date=day,
        status=OccurrenceChange.Status.MOVED,
        date=to,
        start_time=datetime.time(9, 0),
        end_time=datetime.time(11, 0),
    )


def one_session(workshop):
    session(workshop, D)


def in_progress(workshop):
    session(workshop, D)


def series_last_cancelled(workshop):
    series = session(workshop, D, "FREQ=WEEKLY;COUNT=3")
    cancel_occurrence(series, D + datetime.timedelta(days=14))


def series_last_moved_later(workshop):
    series = session(workshop, D, "FREQ=WEEKLY;COUNT=3")
    move_occurrence(series, D + datetime.timedelta(days=14), D + datetime.timedelta(days=30))


def series_middle_moved_after_the_last(workshop):
    series = session(workshop, D, "FREQ=WEEKLY;COUNT=3")
    move_occurrence(series, D + datetime.timedelta(days=7), D + datetime.timedelta(days=20))


def later_session_cancelled(workshop):
    session(workshop, D)
    session(workshop, D + datetime.timedelta(days=10), status=Session.Status.CANCELLED)


def until_rule(workshop):
    session(workshop, D, "FREQ=DAILY;UNTIL=20300307")


def everything_cancelled(workshop):
    session(workshop, D, status=Session.Status.CANCELLED)
    session(workshop, D + datetime.timedelta(days=1), status=Session.Status.CANCELLED)


@pytest.mark.parametrize(
    ("build", "now", "ended"),
    [
        (one_session, paris(D, 19, 59), False),
        (one_session, paris(D, 20, 0), True),
        (in_progress, paris(D, 18, 30), False),
        # The third meeting is cancelled: the series is over after the second.
        (series_last_cancelled, paris(D + datetime.timedelta(days=7), 20, 1), True),
        (series_last_cancelled, paris(D + datetime.timedelta(days=7), 19, 0), False),
        # The last meeting moved to a later day: the series ends then.
        (series_last_moved_later, paris(D + datetime.timedelta(days=20), 12, 0), False),
        (series_last_moved_later, paris(D + datetime.timedelta(days=30), 11, 0), True),
        (series_middle_moved_after_the_last, paris(D + datetime.timedelta(days=14), 21, 0), False),
        (series_middle_moved_after_the_last, paris(D + datetime.timedelta(days=20), 11, 0), True),
        # A cancelled session does not keep the workshop open.
        (later_session_cancelled, paris(D + datetime.timedelta(days=1), 0, 0), True),
        (until_rule, paris(D + datetime.timedelta(days=2), 19, 0), False),
        (until_rule, paris(D + datetime.timedelta(days=2), 20, 0), True),
        # Nothing will take place: over once the last (cancelled) meeting would have been.
        (everything_cancelled, paris(D, 21, 0), False),
        (everything_cancelled, paris(D + datetime.timedelta(days=1), 20, 0), True),
    ],
)
def test_a_workshop_has_ended_when_its_last_meeting_that_takes_place_is_over(
    countries, build, now, ended
):
    workshop = make_workshop(countries["fr"], sessions=0)
    build(workshop)
    workshop = Workshop.objects.get(pk=workshop.pk)
    assert workshop.has_ended(now) is ended


def test_a_workshop_without_sessions_has_not_ended(countries):
    workshop = make_workshop(countries["fr"], sessions=0)
    assert workshop.has_ended() is False


# -- Members: refused, nothing changes ------------------------------------------------------


@pytest.fixture
def past(countries, trainer):
    """A workshop that ended yesterday evening, one seat: a confirmed person, one waiting."""
    workshop = make_workshop(
        countries["fr"], trainers=[trainer], sessions=0, capacity=1, title="Governance, past"
    )
    session(workshop, TODAY - datetime.timedelta(days=1))
    RegistrationFactory(workshop=workshop, user=UserFactory(username="seated"))
    RegistrationFactory(workshop=workshop, user=UserFactory(username="in-line"), status="waiting")
    return workshop


def rows(workshop):
    return list(
        Registration.objects.filter(workshop=workshop)
        .order_by("pk")
        .values_list("user__username", "status", "confirmed_at", "cancelled_at", "updated_at")
    )


def test_registering_after_the_end_is_refused_and_changes_nothing(past, member, committing):
    before = rows(past)
    mail.outbox = []
    for person in (member, Registration.objects.get(workshop=past, status="waiting").user):
        with pytest.raises(ActionRefused) as refused, committing():
            RegisterAction(past, user=person).execute()
        assert refused.value.code == "ended"
        assert "This workshop has ended" in str(refused.value.messages[0])
    assert rows(past) == before
    assert mail.outbox == []


@pytest.mark.parametrize("who", ["seated", "in-line"])
def test_cancelling_after_the_end_is_refused_promotes_nobody_and_e_mails_nobody(
    past, who, committing
):
    person = Registration.objects.get(workshop=past, user__username=who).user
    before = rows(past)
    mail.outbox = []
    with pytest.raises(ActionRefused) as refused, committing():
        CancelRegistrationAction(past, user=person).execute()
    assert refused.value.code == "ended"
    assert "This workshop has ended" in str(refused.value.messages[0])
    assert rows(past) == before
    assert mail.outbox == []


def post(client, name, workshop):
    url = reverse(f"capacity_lms:{name}", kwargs={"slug": workshop.slug})
    return client.post(url, follow=True)


@pytest.mark.parametrize("name", ["workshop_register", "workshop_cancel"])
def test_the_pages_refuse_after_the_end_with_a_message(client, past, name):
    person = Registration.objects.get(workshop=past, status="confirmed").user
    client.force_login(person)
    before = rows(past)
    mail.outbox = []
    response = post(client, name, past)
    assert response.status_code == 200
    messages = [str(message) for message in response.context["messages"]]
    assert any(message.startswith("This workshop has ended") for message in messages), messages
    assert rows(past) == before
    assert mail.outbox == []


@pytest.mark.parametrize("who", ["seated", "in-line", "newcomer"])
def test_the_page_of_an_ended_workshop_says_so_and_offers_no_button(client, past, who):
    person = (
        UserFactory(username=who)
        if who == "newcomer"
        else Registration.objects.get(workshop=past, user__username=who).user
    )
    client.force_login(person)
    content = client.get(past.get_absolute_url()).content.decode()
    assert "This workshop has ended." in content
    for form in ("workshop_register", "workshop_cancel"):
        assert reverse(f"capacity_lms:{form}", kwargs={"slug": past.slug}) not in content
    for label in ("Register", "Join the waiting list", "Cancel my registration", "Leave the"):
        assert f">{label}" not in content


def test_a_workshop_still_running_keeps_its_buttons(client, countries, member):
    workshop = make_workshop(countries["fr"], sessions=0)
    session(workshop, TODAY - datetime.timedelta(days=1))
    session(workshop, TODAY + datetime.timedelta(days=6))
    client.force_login(member)
    content = client.get(workshop.get_absolute_url()).content.decode()
    assert "This workshop has ended." not in content
    assert reverse("capacity_lms:workshop_register", kwargs={"slug": workshop.slug}) in content


def test_the_erasure_keeps_registrations_of_a_workshop_whose_last_meetings_are_cancelled(
    countries, staff, member
):
    workshop = make_workshop(countries["fr"], sessions=0, capacity=3)
    series = session(workshop, TODAY - datetime.timedelta(days=7), "FREQ=WEEKLY;COUNT=3")
    RegistrationFactory(workshop=workshop, user=member)
    cancel_occurrence(series, TODAY + datetime.timedelta(days=7))
    cancel_occurrence(series, TODAY)
    ErasePersonAction(member, user=staff, reason="asked").execute()
    assert Registration.objects.get(workshop=workshop).status == "confirmed"


# -- Trainers and staff: corrections with a reason, on the record ---------------------------


def correction_entries(workshop):
    return ModelLogEntry.objects.filter(
        object_id=str(workshop.pk), action="capacity_lms.registration_correction"
    )


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_correction_after_the_end_needs_a_reason(past, trainer, member, reason):
    seated = Registration.objects.get(workshop=past, status="confirmed").user
    before = rows(past)
    with pytest.raises(ActionRefused) as refused:
        AddPersonAction(past, user=trainer, person=member, reason=reason).execute()
    assert refused.value.code == "reason_required"
    with pytest.raises(ActionRefused) as refused:
        RemovePersonAction(past, user=trainer, person=seated, reason=reason).execute()
    assert refused.value.code == "reason_required"
    assert rows(past) == before
    assert not correction_entries(past).exists()


@pytest.mark.parametrize("who", ["trainer", "staff"])
def test_a_correction_after_the_end_with_a_reason_is_made_and_logged_without_e_mail(
    past, member, who, request, committing
):
    actor = request.getfixturevalue(who)
    seated = Registration.objects.get(workshop=past, status="confirmed").user
    waiting = Registration.objects.get(workshop=past, status="waiting").user
    mail.outbox = []

    with committing():
        RemovePersonAction(
            past, user=actor, person=seated, reason="Registered twice by mistake"
        ).execute()
    with committing():
        added = AddPersonAction(
            past, user=actor, person=member, over_capacity=True, reason="Came without registering"
        ).execute()

    assert Registration.objects.get(workshop=past, user=seated).status == "cancelled"
    # A seat freed after the end goes to nobody: the person waiting stays where they were.
    assert Registration.objects.get(workshop=past, user=waiting).status == "waiting"
    assert added.is_confirmed and added.added_by == actor
    assert mail.outbox == []
    entries = list(correction_entries(past).order_by("timestamp", "pk"))
    assert [entry.data["reason"] for entry in entries] == [
        "Registered twice by mistake",
        "Came without registering",
    ]
    assert [entry.user for entry in entries] == [actor, actor]
    assert [entry.data["person"] for entry in entries] == [seated.pk, member.pk]
    assert [entry.data["status"] for entry in entries] == ["cancelled", "confirmed"]


def test_the_registrations_screen_asks_for_the_reason_and_the_history_shows_it(
    client, past, trainer
):
    seated = Registration.objects.get(workshop=past, status="confirmed").user
    client.force_login(trainer)
    url = reverse("capacity_workshops:registrations", args=[past.pk])
    page = client.get(url).content.decode()
    assert "This workshop has ended" in page
    assert 'name="reason"' in page

    response = client.post(url, {"action": "remove", "person": seated.pk}, follow=True)
    assert "give the reason" in response.content.decode()
    assert Registration.objects.get(workshop=past, user=seated).is_confirmed

    response = client.post(
        url, {"action": "remove", "person": seated.pk, "reason": "Did not come: wrong list"}
    )
    assert response.status_code == 302
    assert Registration.objects.get(workshop=past, user=seated).status == "cancelled"

    newcomer = UserFactory(username="walked-in")
    response = client.post(url, {"action": "add", "person": newcomer.username}, follow=True)
    assert not Registration.objects.filter(user=newcomer).exists()
    response = client.post(
        url, {"action": "add", "person": newcomer.username, "reason": "Came anyway"}
    )
    assert response.status_code == 302
    assert Registration.objects.filter(workshop=past, user=newcomer).exists()

    history = client.get(reverse("capacity_workshops:history", args=[past.pk]))
    content = history.content.decode()
    assert "Did not come: wrong list" in content and "Came anyway" in content
    assert seated.get_full_name() in content and newcomer.get_full_name() in content


def test_before_the_end_trainers_need_no_reason_and_nothing_is_logged(countries, trainer, member):
    workshop = make_workshop(countries["fr"], trainers=[trainer])
    AddPersonAction(workshop, user=trainer, person=member).execute()
    RemovePersonAction(workshop, user=trainer, person=member).execute()
    assert Registration.objects.get(user=member).status == "cancelled"
    assert not correction_entries(workshop).exists()


def test_an_overlong_reason_is_refused_and_changes_nothing(client, past, trainer):
    seated = Registration.objects.get(workshop=past, status="confirmed").user
    client.force_login(trainer)
    url = reverse("capacity_workshops:registrations", args=[past.pk])
    before = rows(past)
    for data in (
        {"action": "remove", "person": seated.pk, "reason": "x" * 501},
        {"action": "add", "person": "walked-in", "reason": "x" * 501},
    ):
        UserFactory(username="walked-in")
        response = client.post(url, data)
        assert response.status_code == 200
        assert "at most 500 characters" in response.content.decode()
    assert rows(past) == before
    assert not correction_entries(past).exists()
