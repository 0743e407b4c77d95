"""Forty submissions of one application at the same moment: one frozen version, one history
row, no error. The application's row is locked (``SELECT ... FOR UPDATE``) and its state read
again under the lock, so every submission after the first finds it submitted and writes
nothing; the version numbers' unique constraint is the database's last word.

Threads with their own connections, released together, on PostgreSQL (``DATABASE_URL``).
"""

import datetime

import pytest

from capacity_lms.calls.actions import SubmitApplication, WithdrawApplication
from capacity_lms.calls.models import Application, ApplicationVersion, CallEvent
from capacity_lms.people.models import Membership
from sandbox.testing.call_factories import application_for
from sandbox.testing.factories import AssociationFactory, UserFactory
from tests.concurrency import run_together

# A transactional test before this one may have flushed the database: "migrated_rows" puts
# back what the migrations made (the Wagtail site among them).
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_rows", "english"),
]

CROWD = 40


@pytest.fixture
def application(call):
    return application_for(call, AssociationFactory(name="Atlas Solidarity"))


def admins(association, count):
    people = [UserFactory(username=f"admin-{number:02d}") for number in range(count)]
    Membership.objects.bulk_create(
        Membership(user=person, association=association, role=Membership.Role.LEADER)
        for person in people
    )
    return people


def test_forty_submissions_at_once_leave_one_version_and_one_history_row(application):
    people = admins(application.association, CROWD)
    now = application.call.closes - datetime.timedelta(minutes=5)

    errors = run_together(
        [
            lambda person=person: SubmitApplication(
                Application.objects.get(pk=application.pk), user=person, now=now
            ).execute()
            for person in people
        ]
    )

    assert errors == []
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert application.submitted_at == now
    assert ApplicationVersion.objects.filter(application=application).count() == 1
    assert ApplicationVersion.objects.get(application=application).submitted
    assert CallEvent.objects.filter(application=application).count() == 1


def test_submissions_and_withdrawals_at_once_leave_a_history_that_tells_the_state(application):
    people = admins(application.association, 20)
    now = application.call.closes - datetime.timedelta(minutes=5)
    SubmitApplication(application, user=people[0], now=now).execute()

    run_together(
        [
            lambda person=person: WithdrawApplication(
                Application.objects.get(pk=application.pk), user=person, now=now
            ).execute()
            for person in people[:10]
        ]
        + [
            lambda person=person: SubmitApplication(
                Application.objects.get(pk=application.pk), user=person, now=now
            ).execute()
            for person in people[10:]
        ]
    )

    application.refresh_from_db()
    assert application.status == Application.Status.WITHDRAWN
    verbs = list(
        CallEvent.objects.filter(application=application)
        .order_by("pk")
        .values_list("verb", flat=True)
    )
    assert verbs == [CallEvent.Verb.SUBMITTED, CallEvent.Verb.WITHDRAWN]
    assert ApplicationVersion.objects.filter(application=application).count() == 1
