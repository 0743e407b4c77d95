"""Seats that appear when a workshop's edit raises its capacity go to the people waiting, in
order, in the same transaction, each told once; lowering the capacity removes nobody."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.actions import action_registry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from capacity_lms.workshops import actions
from capacity_lms.workshops.actions import CancelRegistrationAction, RegisterAction
from capacity_lms.workshops.models import Registration, Workshop
from sandbox.testing.factories import SessionFactory, UserFactory
from tests.integration.conftest import make_workshop
from tests.integration.workshops.test_admin import form_errors, workshop_form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

DAY = datetime.date.today() + datetime.timedelta(days=21)
TITLE = "Volunteer recruitment in practice"


@pytest.fixture
def workshop(countries, trainer):
    """Two seats taken, four people waiting (in the order of their names)."""
    workshop = make_workshop(
        countries["fr"], trainers=[trainer], sessions=0, capacity=2, title=TITLE, city="Lyon"
    )
    SessionFactory(workshop=workshop, date=DAY, time_zone="Europe/Paris")
    for name in ("seat-1", "seat-2", "wait-1", "wait-2", "wait-3", "wait-4"):
        RegisterAction(workshop, user=UserFactory(username=name)).execute()
    return workshop


def line(workshop):
    """(confirmed usernames, waiting usernames in order)."""
    registrations = Registration.objects.filter(workshop=workshop).select_related("user")
    confirmed = sorted(r.user.username for r in registrations.confirmed())
    return confirmed, [r.user.username for r in registrations.waiting()]


def sent():
    return sorted((message.to[0].split("@")[0], message.subject) for message in mail.outbox)


def edit_data(workshop, trainer, countries, session_start="18:00", **fields):
    """The admin's edit form for ``workshop`` as it is, with ``fields`` changed."""
    session = workshop.sessions.get()
    values = {
        "title": workshop.title,
        "slug": workshop.slug,
        "capacity": "" if workshop.capacity is None else str(workshop.capacity),
        "city": workshop.city,
        "venue_name": workshop.venue_name,
        "address": workshop.address,
        "description": rich_text(workshop.description),
        **fields,
    }
    return workshop_form(trainer, countries, **values) | nested_form_data(
        {
            "sessions": inline_formset(
                [
                    {
                        "id": session.pk,
                        "title": session.title,
                        "date": session.date.isoformat(),
                        "start_time": session_start,
                        "end_time": session.end_time.strftime("%H:%M"),
                        "time_zone": session.time_zone,
                        "recurrence": session.recurrence,
                        "status": session.status,
                    }
                ],
                initial=1,
                min=1,
            )
        }
    )


def edit(client, workshop, data, committing):
    with committing():
        response = client.post(reverse("capacity_workshops:edit", args=[workshop.pk]), data)
    assert response.status_code == 302, form_errors(response)
    return response


def promoted(*names):
    return [(name, f"A seat is yours: {TITLE}") for name in names]


def test_raising_the_capacity_in_the_admin_promotes_the_first_people_waiting_in_order(
    client, trainer, countries, workshop, committing
):
    client.force_login(trainer)
    mail.outbox = []

    edit(client, workshop, edit_data(workshop, trainer, countries, capacity="4"), committing)

    assert line(workshop) == (["seat-1", "seat-2", "wait-1", "wait-2"], ["wait-3", "wait-4"])
    assert sent() == promoted("wait-1", "wait-2")
    # The next newcomer joins the end of the line: no seat is left for them.
    assert RegisterAction(workshop, user=UserFactory(username="newcomer")).execute().is_waiting


def test_making_the_capacity_unlimited_promotes_everyone_waiting(
    client, trainer, countries, workshop, committing
):
    client.force_login(trainer)
    mail.outbox = []

    edit(client, workshop, edit_data(workshop, trainer, countries, capacity=""), committing)

    confirmed, waiting = line(workshop)
    assert waiting == [] and len(confirmed) == 6
    assert sent() == promoted("wait-1", "wait-2", "wait-3", "wait-4")
    promotions = Registration.objects.filter(workshop=workshop, user__username__startswith="wait")
    # In their order: the first in line was confirmed no later than the next.
    assert [r.user.username for r in promotions.order_by("confirmed_at", "queued_at")] == [
        "wait-1",
        "wait-2",
        "wait-3",
        "wait-4",
    ]


def test_lowering_the_capacity_keeps_everyone_confirmed(
    client, trainer, countries, workshop, committing
):
    client.force_login(trainer)
    before = line(workshop)
    mail.outbox = []

    edit(client, workshop, edit_data(workshop, trainer, countries, capacity="1"), committing)

    assert line(workshop) == before
    assert mail.outbox == []
    # A seat given up while still over capacity is no free seat: nobody is promoted.
    seat_1 = Registration.objects.get(user__username="seat-1").user
    CancelRegistrationAction(Workshop.objects.get(pk=workshop.pk), user=seat_1).execute()
    assert line(workshop) == (["seat-2"], before[1])


def test_a_venue_change_and_new_seats_in_one_edit_tell_each_person_once(
    client, trainer, countries, workshop, committing
):
    client.force_login(trainer)
    mail.outbox = []

    edit(
        client,
        workshop,
        edit_data(workshop, trainer, countries, capacity="3", city="Villeurbanne"),
        committing,
    )

    changed = f"Changed: {TITLE}"
    assert sent() == sorted(
        [
            ("seat-1", changed),
            ("seat-2", changed),
            *promoted("wait-1"),
            ("wait-2", changed),
            ("wait-3", changed),
            ("wait-4", changed),
        ]
    )
    # The promotion notice carries the new venue.
    [notice] = [m for m in mail.outbox if m.subject.startswith("A seat")]
    assert "Villeurbanne" in notice.body


def test_a_session_change_and_new_seats_in_one_edit_tell_each_person_once(
    client, trainer, countries, workshop, committing
):
    client.force_login(trainer)
    mail.outbox = []

    edit(
        client,
        workshop,
        edit_data(workshop, trainer, countries, capacity="3", session_start="17:00"),
        committing,
    )

    people = [m.to[0] for m in mail.outbox]
    assert sorted(people) == sorted(set(people)), sent()
    assert ("wait-1", f"A seat is yours: {TITLE}") in sent()
    assert len(people) == 6


def test_cancelling_the_workshop_while_raising_the_capacity_promotes_nobody(
    client, trainer, countries, workshop, committing
):
    client.force_login(trainer)
    before = line(workshop)
    mail.outbox = []

    edit(
        client,
        workshop,
        edit_data(workshop, trainer, countries, capacity="6", status="cancelled"),
        committing,
    )

    assert line(workshop) == before
    assert {subject for _name, subject in sent()} == {f"Cancelled: {TITLE}"}


def test_raising_the_capacity_of_an_ended_workshop_promotes_nobody(countries, trainer, committing):
    past = make_workshop(countries["fr"], trainers=[trainer], sessions=0, capacity=1)
    SessionFactory(
        workshop=past,
        date=datetime.date.today() - datetime.timedelta(days=2),
        time_zone="Europe/Paris",
    )
    for name in ("seat-1", "wait-1"):
        Registration.objects.create(
            workshop=past,
            user=UserFactory(username=name),
            status="confirmed" if name == "seat-1" else "waiting",
        )
    mail.outbox = []
    past.capacity = 5
    with committing():
        actions.EditWorkshopAction(past, user=trainer).execute()
    assert line(past) == (["seat-1"], ["wait-1"])
    assert mail.outbox == []


def test_the_action_is_wagtails_edit_action_for_workshops_and_promotes_without_a_form(
    workshop, staff, committing
):
    assert action_registry.get_action_class(Workshop, "edit") is actions.EditWorkshopAction
    mail.outbox = []
    workshop = Workshop.objects.get(pk=workshop.pk)
    workshop.capacity = 3
    with committing():
        actions.EditWorkshopAction(workshop, user=staff).execute()
    assert line(workshop)[1] == ["wait-2", "wait-3", "wait-4"]
    assert sent() == promoted("wait-1")
    # Saving again (nothing new) promotes nobody more and sends nothing.
    mail.outbox = []
    with committing():
        actions.EditWorkshopAction(Workshop.objects.get(pk=workshop.pk), user=staff).execute()
    assert mail.outbox == []
    assert line(workshop)[1] == ["wait-2", "wait-3", "wait-4"]


def test_another_trainer_cannot_use_the_action_on_a_workshop_not_theirs(workshop, other_trainer):
    from django.core.exceptions import PermissionDenied

    before = line(workshop)
    workshop = Workshop.objects.get(pk=workshop.pk)
    workshop.capacity = 10
    with pytest.raises(PermissionDenied):
        actions.EditWorkshopAction(workshop, user=other_trainer).execute()
    assert Workshop.objects.get(pk=workshop.pk).capacity == 2
    assert line(workshop) == before


@pytest.mark.parametrize("status", [Workshop.Status.CANCELLED, Workshop.Status.DRAFT])
def test_a_seat_freed_at_a_workshop_not_published_goes_to_nobody(
    workshop, trainer, status, committing
):
    Workshop.objects.filter(pk=workshop.pk).update(status=status)
    workshop = Workshop.objects.get(pk=workshop.pk)
    seat_1 = Registration.objects.get(user__username="seat-1").user
    mail.outbox = []
    with committing():
        actions.RemovePersonAction(workshop, user=trainer, person=seat_1).execute()
    assert line(workshop) == (["seat-2"], ["wait-1", "wait-2", "wait-3", "wait-4"])
    assert [subject for _name, subject in sent()] == [f"Registration cancelled: {TITLE}"]
