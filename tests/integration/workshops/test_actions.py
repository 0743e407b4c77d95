"""Who holds a seat: registering, cancelling, the waiting list, trainers adding and removing."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from capacity_lms.core.actions import ActionRefused
from capacity_lms.workshops.actions import (
    AddPersonAction,
    CancelRegistrationAction,
    RegisterAction,
    RemovePersonAction,
)
from capacity_lms.workshops.models import Registration, Workshop
from sandbox.testing.factories import UserFactory
from tests.integration.conftest import make_workshop

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def workshop(countries, trainer):
    return make_workshop(countries["fr"], trainers=[trainer], capacity=2)


def crowd(count, prefix="person"):
    return [UserFactory(username=f"{prefix}-{number}") for number in range(count)]


def statuses(workshop):
    """{username: status} and the waiting line in order."""
    registrations = Registration.objects.filter(workshop=workshop).select_related("user")
    line = [r.user.username for r in registrations.waiting().select_related("user")]
    return {r.user.username: r.status for r in registrations}, line


def register_all(workshop, people):
    return [RegisterAction(workshop, user=person).execute() for person in people]


def test_seats_first_then_the_waiting_list_in_order(workshop):
    first, second, third, fourth = crowd(4)
    registrations = register_all(workshop, [first, second, third, fourth])
    assert [r.status for r in registrations] == ["confirmed", "confirmed", "waiting", "waiting"]
    assert statuses(workshop)[1] == [third.username, fourth.username]


def test_cancelling_promotes_the_first_person_waiting_and_a_double_cancel_is_harmless(
    workshop, committing
):
    first, second, third, fourth = crowd(4)
    register_all(workshop, [first, second, third, fourth])
    mail.outbox = []

    with committing():
        CancelRegistrationAction(workshop, user=first).execute()

    status, line = statuses(workshop)
    assert status == {
        first.username: "cancelled",
        second.username: "confirmed",
        third.username: "confirmed",
        fourth.username: "waiting",
    }
    assert line == [fourth.username]
    assert sorted((m.to[0], m.subject.split(":")[0]) for m in mail.outbox) == [
        (first.email, "Registration cancelled"),
        (third.email, "A seat is yours"),
    ]
    before = Registration.objects.get(workshop=workshop, user=first)
    mail.outbox = []

    with committing():
        again = CancelRegistrationAction(workshop, user=first).execute()

    assert again.status == "cancelled"
    assert statuses(workshop) == (status, line)
    assert Registration.objects.get(pk=before.pk).cancelled_at == before.cancelled_at
    assert mail.outbox == []


def test_leaving_the_waiting_list_promotes_nobody(workshop):
    first, second, third, fourth = crowd(4)
    register_all(workshop, [first, second, third, fourth])
    CancelRegistrationAction(workshop, user=third).execute()
    status, line = statuses(workshop)
    assert [status[p.username] for p in (first, second, third)] == ["confirmed"] * 2 + [
        "cancelled"
    ]
    assert line == [fourth.username]


def test_cancelling_without_a_registration_changes_nothing(workshop, member):
    assert CancelRegistrationAction(workshop, user=member).execute() is None
    assert not Registration.objects.exists()


def test_registering_twice_is_one_row(workshop, member, committing):
    with committing():
        first = RegisterAction(workshop, user=member).execute()
    assert len(mail.outbox) == 1
    mail.outbox = []
    with committing():
        second = RegisterAction(workshop, user=member).execute()
    assert first.pk == second.pk and second.is_confirmed
    assert Registration.objects.filter(workshop=workshop, user=member).count() == 1
    assert mail.outbox == []


def test_registering_again_after_cancelling_joins_the_end_of_the_line(workshop):
    first, second, third, fourth = crowd(4)
    register_all(workshop, [first, second, third])
    CancelRegistrationAction(workshop, user=first).execute()  # third is promoted
    register_all(workshop, [fourth])
    assert statuses(workshop)[1] == [fourth.username]

    again = RegisterAction(workshop, user=first).execute()

    assert again.is_waiting
    assert Registration.objects.filter(workshop=workshop, user=first).count() == 1
    assert statuses(workshop)[1] == [fourth.username, first.username]
    assert again.cancelled_at is None and again.confirmed_at is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"registration_opens_at": timezone.now() + datetime.timedelta(days=2)},
            "Registration opens on ",
        ),
        (
            {"registration_closes_at": timezone.now() - datetime.timedelta(minutes=1)},
            "Registration is closed.",
        ),
        ({"status": Workshop.Status.DRAFT}, "This workshop is not open for registration."),
        ({"status": Workshop.Status.CANCELLED}, "This workshop is not open for registration."),
    ],
    ids=["not-yet-open", "closed", "draft", "cancelled"],
)
def test_registration_outside_its_window_is_refused_and_writes_nothing(
    workshop, member, change, message, committing
):
    Workshop.objects.filter(pk=workshop.pk).update(**change)
    workshop.refresh_from_db()
    mail.outbox = []
    with pytest.raises(ActionRefused) as refused, committing():
        RegisterAction(workshop, user=member).execute()
    assert refused.value.code == "closed"
    assert str(refused.value.messages[0]).startswith(message)
    assert not Registration.objects.exists()
    assert mail.outbox == []


def test_registration_inside_its_window_is_accepted(workshop, member):
    Workshop.objects.filter(pk=workshop.pk).update(
        registration_opens_at=timezone.now() - datetime.timedelta(days=1),
        registration_closes_at=timezone.now() + datetime.timedelta(days=1),
    )
    workshop.refresh_from_db()
    assert RegisterAction(workshop, user=member).execute().is_confirmed


def test_anonymous_people_are_asked_to_sign_in(workshop):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(ActionRefused) as refused:
        RegisterAction(workshop, user=AnonymousUser()).execute()
    assert refused.value.code == "anonymous"
    assert not Registration.objects.exists()


def test_unlimited_capacity_confirms_everyone(countries):
    workshop = make_workshop(countries["ma"], capacity=None)
    registrations = register_all(workshop, crowd(12))
    assert all(registration.is_confirmed for registration in registrations)
    assert Workshop.objects.with_seats().get(pk=workshop.pk).waiting_count == 0


def test_a_trainer_adds_people_up_to_capacity_then_to_the_waiting_list(workshop, trainer):
    people = crowd(3)
    added = [AddPersonAction(workshop, user=trainer, person=person).execute() for person in people]
    assert [r.status for r in added] == ["confirmed", "confirmed", "waiting"]
    assert all(r.added_by == trainer for r in added)
    # Adding someone already there changes nothing.
    again = AddPersonAction(workshop, user=trainer, person=people[0]).execute()
    assert again.pk == added[0].pk and again.is_confirmed
    assert Registration.objects.filter(workshop=workshop).count() == 3


def test_a_trainer_may_add_above_capacity_on_purpose(workshop, trainer, committing):
    register_all(workshop, crowd(3))  # two seats taken, one waiting
    waiting = Registration.objects.get(workshop=workshop, status="waiting")
    extra = UserFactory(username="guest-speaker")
    mail.outbox = []

    with committing():
        registration = AddPersonAction(
            workshop, user=trainer, person=extra, over_capacity=True
        ).execute()

    assert registration.is_confirmed
    assert registration.confirmed_at is not None
    # One e-mail, the confirmation: never "waiting" followed by "a seat is yours".
    assert [message.subject for message in mail.outbox] == [
        f"Registration confirmed: {workshop.title}"
    ]
    assert Registration.objects.filter(workshop=workshop).confirmed().count() == 3
    # The person already waiting is still first in line.
    assert statuses(workshop)[1] == [waiting.user.username]
    # Outside the window too: a trainer's choice, not the public's.
    Workshop.objects.filter(pk=workshop.pk).update(
        registration_closes_at=timezone.now() - datetime.timedelta(days=1)
    )
    workshop.refresh_from_db()
    late = AddPersonAction(workshop, user=trainer, person=UserFactory(username="late")).execute()
    assert late.is_waiting


def test_a_cancelled_workshop_takes_nobody_even_from_its_trainer(workshop, trainer, member):
    Workshop.objects.filter(pk=workshop.pk).update(status=Workshop.Status.CANCELLED)
    workshop.refresh_from_db()
    with pytest.raises(ActionRefused):
        AddPersonAction(workshop, user=trainer, person=member).execute()
    assert not Registration.objects.exists()


def test_a_trainer_removes_someone_and_the_first_person_waiting_gets_the_seat(workshop, trainer):
    first, second, third, fourth = crowd(4)
    register_all(workshop, [first, second, third, fourth])

    RemovePersonAction(workshop, user=trainer, person=second).execute()

    status, line = statuses(workshop)
    assert status[second.username] == "cancelled"
    assert status[third.username] == "confirmed"
    assert line == [fourth.username]
    # Removing twice is harmless.
    RemovePersonAction(workshop, user=trainer, person=second).execute()
    assert statuses(workshop) == (status, line)


def test_staff_add_and_remove_people_at_any_workshop(workshop, staff, member):
    assert AddPersonAction(workshop, user=staff, person=member).execute().is_confirmed
    RemovePersonAction(workshop, user=staff, person=member).execute()
    assert Registration.objects.get(user=member).status == "cancelled"


@pytest.mark.parametrize("who", ["other_trainer", "member"])
def test_only_the_workshops_trainers_and_staff_add_or_remove_people(
    workshop, member, who, request
):
    outsider = request.getfixturevalue(who)
    person = UserFactory(username="someone")
    RegisterAction(workshop, user=person).execute()
    before = list(Registration.objects.values_list("user_id", "status"))

    with pytest.raises(ActionRefused) as refused:
        AddPersonAction(workshop, user=outsider, person=UserFactory(username="newcomer")).execute()
    assert refused.value.code == "not_trainer"
    with pytest.raises(ActionRefused) as refused:
        RemovePersonAction(workshop, user=outsider, person=person).execute()
    assert refused.value.code == "not_trainer"

    assert list(Registration.objects.values_list("user_id", "status")) == before
