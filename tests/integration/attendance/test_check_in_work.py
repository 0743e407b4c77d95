"""A trainer at the door checks forty people in within minutes: a check-in does the least work
inside its transaction (one lookup, one insert or nothing) and everything else after commit,
and the whole request runs a small, fixed number of queries."""

import datetime
from unittest.mock import patch

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from capacity_lms.attendance.checkin import CheckInAction, make_token
from capacity_lms.attendance.models import AttendanceChange, AttendanceRecord
from capacity_lms.attendance.signals import attendance_marked
from capacity_lms.core.actions import ActionRefused

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

WRITES = ("INSERT", "UPDATE", "DELETE")
# Tasks kept in a list instead of run: what a request queues is seen, not done.
QUEUED = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test here starts with an empty cache: what an earlier test kept (a check-in's
    session, a workshop's certificate rules, under version numbers) describes rows its
    rolled-back database no longer has, and this test's rows may reuse their ids."""
    from django.core.cache import cache

    cache.clear()


def statements(queries):
    """The SQL run, without the savepoints Django's atomic blocks add inside a test."""
    sql = [query["sql"] for query in queries]
    return [s for s in sql if not s.startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))]


def during(session):
    return session.starts_at + datetime.timedelta(minutes=10)


def check_in(session, person):
    token = make_token(session, session.date)
    return CheckInAction.from_token(token, user=person, now=during(session))


def test_a_check_in_writes_its_record_and_history_at_once_and_signals_after_commit(
    session, registered, django_capture_on_commit_callbacks
):
    """The record and its first history row are written together (one statement on
    PostgreSQL, one transaction elsewhere): never one without the other. Only the signal
    waits for the commit."""
    sent = []

    def count(sender, record, **kwargs):
        sent.append(record.pk)

    attendance_marked.connect(count, weak=False)
    action = check_in(session, registered[0])
    try:
        with (
            django_capture_on_commit_callbacks(execute=False) as callbacks,
            CaptureQueriesContext(connection) as queries,
        ):
            record, changed = action.execute()
        sql = statements(queries.captured_queries)
        writes = [s for s in sql if s.startswith((*WRITES, "WITH"))]
        assert changed
        if connection.vendor == "postgresql":
            # One lookup (status, registration, record, time zone) and one statement.
            assert len(writes) == 1 and writes[0].startswith("WITH inserted AS (INSERT"), writes
            assert len(sql) == 2, sql
        else:
            assert [w.split(" (")[0] for w in writes] == [
                'INSERT INTO "capacity_lms_attendancerecord"',
                'INSERT INTO "capacity_lms_attendancechange"',
            ], writes
        assert AttendanceChange.objects.filter(record=record).count() == 1
        assert sent == []
        for callback in callbacks:
            callback()
    finally:
        attendance_marked.disconnect(count)
    assert sent == [record.pk]
    change = AttendanceChange.objects.get()
    assert (change.record, change.status, change.previous_status) == (record, record.status, None)
    assert (change.method, change.changed_by, change.changed_at) == (
        AttendanceRecord.Method.CHECK_IN,
        registered[0],
        record.marked_at,
    )


def test_a_check_in_beaten_by_another_server_writes_nothing(session, registered):
    """The same person checked in at the same instant elsewhere (the record exists, but this
    check-in's lookup did not see it): no second record and no second history row."""
    action = check_in(session, registered[0])
    action.check()
    with patch.object(action, "check"):
        first, _changed = check_in(session, registered[0]).execute()
        record, changed = action.execute()
    assert (record.pk, changed) == (first.pk, False)
    assert AttendanceRecord.objects.filter(user=registered[0]).count() == 1
    assert AttendanceChange.objects.count() == 1


def test_a_second_check_in_writes_nothing(session, registered, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first, _changed = check_in(session, registered[0]).execute()
    with (
        django_capture_on_commit_callbacks(execute=False) as callbacks,
        CaptureQueriesContext(connection) as queries,
    ):
        again, changed = check_in(session, registered[0]).execute()
    assert not changed and again.pk == first.pk
    assert [s for s in statements(queries.captured_queries) if s.startswith(WRITES)] == []
    assert callbacks == []
    assert AttendanceChange.objects.count() == 1


@pytest.mark.parametrize("people", [1, 5])
def test_the_check_in_request_runs_a_fixed_small_number_of_queries(
    client, session, registered, people, django_capture_on_commit_callbacks
):
    """The request: the visitor's session and user, the meeting, the action's one lookup and
    the insert (the page's time zone came with the lookup); the same whoever checked in
    before."""
    url = reverse("capacity_lms:check_in_token", args=[make_token(session, session.date)])
    for person in registered[1 : people + 1]:
        with django_capture_on_commit_callbacks(execute=True):
            check_in(session, person).execute()
    client.force_login(registered[0])
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url)
    assert response.status_code == 200
    assert response.context["outcome"] == "marked"
    assert len(statements(queries.captured_queries)) <= 5, statements(queries.captured_queries)


def test_after_the_first_person_the_session_comes_from_the_cache(
    client, session, registered, django_capture_on_commit_callbacks
):
    """Everyone at the door names the same session: read once, then from the shared cache."""
    url = reverse("capacity_lms:check_in_token", args=[make_token(session, session.date)])
    with django_capture_on_commit_callbacks(execute=True):
        check_in(session, registered[1]).execute()
    client.force_login(registered[0])
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url)
    assert response.context["outcome"] == "marked"
    sql = statements(queries.captured_queries)
    assert not [s for s in sql if 'FROM "capacity_lms_session"' in s], sql
    # The record and its history row: one statement on PostgreSQL, two elsewhere.
    assert len(sql) <= (4 if connection.vendor == "postgresql" else 5), sql


def test_a_change_to_the_session_is_seen_by_the_next_check_in(session, registered):
    """A kept session is never used past a change: cancelled after the first check-in, the
    next person is told so."""
    check_in(session, registered[0]).execute()
    session.status = session.Status.CANCELLED
    session.save()
    with pytest.raises(ActionRefused) as refused:
        check_in(session, registered[1]).execute()
    assert refused.value.code == "cancelled"
    assert AttendanceRecord.objects.filter(user=registered[1]).count() == 0


def test_a_second_check_in_answers_from_the_lookup_alone(
    session, registered, django_capture_on_commit_callbacks
):
    """Half the people at the door press twice: the second answer comes from the one lookup
    (their whole record rides on it), with the record as the database holds it."""
    with django_capture_on_commit_callbacks(execute=True):
        first, _changed = check_in(session, registered[0]).execute()
    with CaptureQueriesContext(connection) as queries:
        again, changed = check_in(session, registered[0]).execute()
    assert len(statements(queries.captured_queries)) == 1, queries.captured_queries
    assert not changed
    stored = AttendanceRecord.objects.get(pk=first.pk)
    for field in AttendanceRecord._meta.concrete_fields:
        assert getattr(again, field.attname) == getattr(stored, field.attname), field.name
    assert again.status == stored.status and not again._state.adding


@override_settings(TASKS=QUEUED)
def test_after_its_commit_the_check_in_request_only_queues_the_announcement(
    client, session, registered, django_capture_on_commit_callbacks
):
    """What listens to a mark (a reaction to ask for, certificate rules to look at) runs in a
    task: the request, its after-commit work included, stays at its few queries and queues
    one task; the task, run later, does the rest for the record as it then stands."""
    from django_tasks import default_task_backend

    from capacity_lms.attendance.tasks import announce_attendance
    from capacity_lms.evaluation.models import ReactionRequest

    url = reverse("capacity_lms:check_in_token", args=[make_token(session, session.date)])
    with django_capture_on_commit_callbacks(execute=True):
        check_in(session, registered[1]).execute()  # the session is kept from now on
    default_task_backend.clear()
    client.force_login(registered[0])
    with (
        django_capture_on_commit_callbacks(execute=True),
        CaptureQueriesContext(connection) as queries,
    ):
        response = client.post(url)
    assert response.context["outcome"] == "marked"
    # The visitor's session and user, the lookup, and the record with its history row (one
    # statement on PostgreSQL): as before the commit, nothing after it but the queueing.
    sql = statements(queries.captured_queries)
    assert len(sql) <= (4 if connection.vendor == "postgresql" else 5), sql
    record = AttendanceRecord.objects.get(user=registered[0])
    queued = [(result.task.name, result.args) for result in default_task_backend.results]
    assert queued == [(announce_attendance.name, [record.pk])]
    assert not ReactionRequest.objects.filter(user=registered[0]).exists()

    with django_capture_on_commit_callbacks(execute=True):
        assert announce_attendance.call(record.pk) is True
    request = ReactionRequest.objects.get(user=registered[0])
    assert (request.session, request.occurrence_date) == (session, session.date)


def test_the_announcement_of_a_record_gone_since_does_nothing(session, registered):
    from capacity_lms.attendance.tasks import announce_attendance

    record, _changed = check_in(session, registered[0]).execute()
    AttendanceRecord.objects.filter(pk=record.pk).delete()
    assert announce_attendance.call(record.pk) is False
