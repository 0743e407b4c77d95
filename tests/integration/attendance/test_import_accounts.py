"""A roster import does not tell a trainer who has an account: an unknown e-mail or username
and an account that is not a confirmed registrant get the same message, by the same queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from capacity_lms.attendance.imports.report import find_meeting
from capacity_lms.attendance.imports.roster import import_roster
from sandbox.testing.factories import RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(workshop, session):
    return find_meeting(workshop, session.pk, session.date)


def import_one(trainer, workshop, meeting, identifier):
    data = f"email,status\n{identifier},present\n".encode()
    with CaptureQueriesContext(connection) as queries:
        report = import_roster(trainer, workshop, data, "email", "status", meeting=meeting)
    (row,) = report.rows
    assert row.outcome == "refused"
    return row, [query["sql"] for query in queries]


def test_unknown_and_unregistered_people_get_one_message(trainer, workshop, meeting, registered):
    with_account = UserFactory(email="amal@example.org", username="amal")
    waiting = UserFactory(email="sara@example.org", username="sara")
    RegistrationFactory(workshop=workshop, user=waiting, status="waiting")
    cancelled = UserFactory(email="omar@example.org", username="omar")
    RegistrationFactory(workshop=workshop, user=cancelled, status="cancelled")
    cases = {
        "unknown e-mail": "nobody@example.org",
        "unknown username": "nobody",
        "account's e-mail": with_account.email,
        "account's username": with_account.username,
        "account's e-mail in capitals": with_account.email.upper(),
        "waiting": waiting.email,
        "cancelled": cancelled.username,
    }
    import_one(trainer, workshop, meeting, "first@example.org")  # fills process-wide caches
    rows = {case: import_one(trainer, workshop, meeting, value) for case, value in cases.items()}
    reasons = {case: str(row.reason) for case, (row, _sql) in rows.items()}
    assert len(set(reasons.values())) == 1, reasons
    # Nor does the row name anyone, nor the queries run differ.
    for case, (row, _sql) in rows.items():
        assert row.person == cases[case]
    assert len({len(sql) for _row, sql in rows.values()}) == 1
