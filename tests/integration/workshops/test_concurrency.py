"""A burst of registrations and cancellations against a real database: never overbooked.

Threads with their own connections, released together, on whatever database the run uses:
SQLite (IMMEDIATE transactions queue the writers) or PostgreSQL when DATABASE_URL points to
it (``SELECT ... FOR UPDATE`` on the workshop row); CI runs this file on both.
"""

import threading

import pytest
from django.core import mail
from django.db import OperationalError, connection, transaction

from capacity_lms.workshops import actions
from capacity_lms.workshops.actions import CancelRegistrationAction, RegisterAction
from capacity_lms.workshops.models import Registration, Workshop
from sandbox.testing.factories import CountryFactory, UserFactory
from tests.concurrency import run_together
from tests.integration.conftest import make_workshop

# A transactional test before this one (a browser test) may have flushed the database:
# "migrated_rows" puts back what the migrations made (roles, statuses, the Wagtail site).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("migrated_rows")]


@pytest.fixture
def workshop():
    country = CountryFactory(code="fr", name_en="France", default_time_zone="Europe/Paris")
    return make_workshop(country, capacity=10)


def people(prefix, count):
    return [UserFactory(username=f"{prefix}-{number:02d}") for number in range(count)]


def register(person, workshop):
    return lambda: RegisterAction(workshop, user=person).execute()


def cancel(person, workshop):
    return lambda: CancelRegistrationAction(workshop, user=person).execute()


def test_forty_people_for_ten_seats_get_ten_confirmed_and_thirty_waiting(workshop):
    crowd = people("crowd", 40)
    mail.outbox = []

    errors = run_together([register(person, workshop) for person in crowd])

    assert errors == []
    registrations = Registration.objects.filter(workshop=workshop)
    assert registrations.count() == 40
    assert registrations.confirmed().count() == 10
    assert registrations.waiting().count() == 30
    # Whoever got a seat came first: no one waiting was queued before a confirmed person.
    last_confirmed = max(registrations.confirmed().values_list("queued_at", flat=True))
    first_waiting = registrations.waiting().first().queued_at
    assert last_confirmed <= first_waiting
    subjects = sorted(message.subject.split(":")[0] for message in mail.outbox)
    assert subjects == ["On the waiting list"] * 30 + ["Registration confirmed"] * 10


def test_a_burst_of_clicks_by_one_person_leaves_one_registration_and_one_e_mail(workshop):
    person = UserFactory(username="double-clicker")
    mail.outbox = []

    errors = run_together([register(person, workshop) for _click in range(6)])

    assert errors == []
    assert Registration.objects.filter(workshop=workshop, user=person).count() == 1
    assert len(mail.outbox) == 1


def test_cancellations_and_registrations_together_never_overbook_and_keep_the_line(workshop):
    workshop.capacity = 5
    workshop.save(update_fields=["capacity"])
    seated, waiting, newcomers = people("seated", 5), people("waiting", 8), people("new", 12)
    for person in seated + waiting:
        RegisterAction(workshop, user=person).execute()

    errors = run_together(
        [cancel(person, workshop) for person in seated]
        + [register(person, workshop) for person in newcomers]
    )

    assert errors == []
    registrations = Registration.objects.filter(workshop=workshop)
    confirmed = set(registrations.confirmed().values_list("user__username", flat=True))
    line = list(registrations.waiting().values_list("user__username", flat=True))
    # Every freed seat went to the next in line, in the transaction that freed it.
    assert confirmed == {person.username for person in waiting[:5]}
    # Nobody jumped the line: those still waiting come first, newcomers after them.
    assert line[:3] == [person.username for person in waiting[5:]]
    assert sorted(line[3:]) == sorted(person.username for person in newcomers)
    assert registrations.filter(status=Registration.Status.CANCELLED).count() == 5


def test_seats_an_edit_adds_go_to_the_people_waiting_not_to_newcomers_registering_meanwhile(
    workshop,
):
    workshop.capacity = 3
    workshop.save(update_fields=["capacity"])
    seated, waiting, newcomers = people("held", 3), people("line", 5), people("late", 8)
    for person in seated + waiting:
        RegisterAction(workshop, user=person).execute()
    staff = UserFactory(username="staff", is_superuser=True)

    def raise_capacity():
        edited = Workshop.objects.get(pk=workshop.pk)
        edited.capacity = 6
        actions.EditWorkshopAction(edited, user=staff).execute()

    mail.outbox = []
    errors = run_together([raise_capacity] + [register(person, workshop) for person in newcomers])

    assert errors == []
    registrations = Registration.objects.filter(workshop=workshop)
    confirmed = set(registrations.confirmed().values_list("user__username", flat=True))
    line = list(registrations.waiting().values_list("user__username", flat=True))
    # The three new seats went to the first three in line, whenever the newcomers came.
    assert confirmed == {person.username for person in seated + waiting[:3]}
    assert line[:2] == [person.username for person in waiting[3:]]
    assert sorted(line[2:]) == sorted(person.username for person in newcomers)
    promotions = sorted(m.to[0] for m in mail.outbox if m.subject.startswith("A seat"))
    assert promotions == sorted(person.email for person in waiting[:3])


@pytest.mark.postgres
def test_on_postgresql_a_registration_holds_the_workshop_row_until_it_commits(
    workshop, monkeypatch
):
    """While one person registers, no other writer can lock the workshop (SELECT FOR UPDATE)."""
    holding, release = threading.Event(), threading.Event()
    take_place = actions._take_place

    def slow_take_place(*args, **kwargs):
        holding.set()
        release.wait(timeout=10)
        return take_place(*args, **kwargs)

    monkeypatch.setattr(actions, "_take_place", slow_take_place)
    person = UserFactory(username="slow")
    thread = threading.Thread(target=register_and_close(person, workshop))
    thread.start()
    try:
        assert holding.wait(timeout=10)
        with pytest.raises(OperationalError), transaction.atomic():
            Workshop.objects.select_for_update(nowait=True).get(pk=workshop.pk)
    finally:
        release.set()
        thread.join(timeout=10)
    assert Registration.objects.get(workshop=workshop, user=person).is_confirmed


def register_and_close(person, workshop):
    def run():
        try:
            RegisterAction(workshop, user=person).execute()
        finally:
            connection.close()

    return run
