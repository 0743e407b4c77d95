"""Submitting freezes a version and writes one history row; the server's clock, read in
Casablanca, refuses a submission one second after the deadline, also when the deadline falls
by a clock change and during Ramadan (when Morocco moves its clocks back an hour); a
submitted application is withdrawn before the deadline only.

The clock is fixed: every action gets the instant it runs at (``now``), as a command or a
test may give it; views give none and the server's clock is read.
"""

import datetime
import zoneinfo

import pytest

from capacity_lms.calls.actions import (
    ReopenApplication,
    SaveVersion,
    SubmitApplication,
    WithdrawApplication,
)
from capacity_lms.calls.models import Application, ApplicationVersion, CallEvent
from capacity_lms.core.actions import ActionRefused
from capacity_lms.people.models import Membership
from sandbox.testing.call_factories import CallPageFactory, application_for
from sandbox.testing.factories import AssociationFactory, UserFactory
from sandbox.testing.network_factories import association_admin

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

CASABLANCA = zoneinfo.ZoneInfo("Africa/Casablanca")
UTC = datetime.UTC
SECOND = datetime.timedelta(seconds=1)


def utc(*parts):
    return datetime.datetime(*parts, tzinfo=UTC)


def offset_at(moment):
    return moment.astimezone(CASABLANCA).utcoffset()


def transitions(year):
    """The instants Casablanca's offset changes in ``year``, read from the zone's data."""
    found, moment = [], utc(year, 1, 1)
    previous = offset_at(moment)
    while moment.year == year:
        moment += datetime.timedelta(minutes=15)
        if offset_at(moment) != previous:
            found.append((moment, previous, offset_at(moment)))
            previous = offset_at(moment)
    return found


def test_the_zone_data_has_ramadan_in_2026_and_2027():
    """The dates the tests below rely on, as the IANA data gives them: back to UTC+0 for
    Ramadan, forward to UTC+1 after it, at 03:00 and 02:00 local time."""
    hour, zero = datetime.timedelta(hours=1), datetime.timedelta(0)
    assert transitions(2026) == [
        (utc(2026, 2, 15, 2), hour, zero),
        (utc(2026, 3, 22, 2), zero, hour),
    ]
    assert transitions(2027) == [
        (utc(2027, 2, 7, 2), hour, zero),
        (utc(2027, 3, 14, 2), zero, hour),
    ]


def call_closing(calls, closes_on, closes_at):
    return CallPageFactory(
        parent=calls,
        year=closes_on.year,
        opens_on=closes_on - datetime.timedelta(days=40),
        closes_on=closes_on,
        closes_at=closes_at,
    )


def ready(call):
    application = application_for(call, AssociationFactory())
    return application, association_admin(application.association)


def submit(application, admin, now):
    return SubmitApplication(application, user=admin, now=now).execute()


def assert_refused_with_nothing_written(application, admin, now):
    with pytest.raises(ActionRefused) as refused:
        submit(application, admin, now)
    assert refused.value.code == "deadline_passed"
    application.refresh_from_db()
    assert application.status == Application.Status.DRAFT
    assert not application.versions.exists()
    assert not CallEvent.objects.filter(application=application).exists()


def test_submitting_freezes_a_version_and_writes_one_history_row(call):
    application, admin = ready(call)
    now = call.closes - datetime.timedelta(days=1)
    SaveVersion(application, user=admin, now=now).execute()

    submitted = submit(application, admin, now)

    assert submitted.status == Application.Status.SUBMITTED
    assert submitted.submitted_at == now
    versions = list(application.versions.order_by("number"))
    assert [(v.number, v.submitted) for v in versions] == [(1, False), (2, True)]
    frozen = versions[1].snapshot
    assert frozen["budget"]["total_cost"] == "100000.00"
    assert frozen["sections"]["target_groups"] == "Young people aged 16 to 25."
    events = list(CallEvent.objects.filter(application=application))
    assert [(e.verb, e.actor, e.details) for e in events] == [
        (CallEvent.Verb.SUBMITTED, admin, {"version": 2})
    ]


def test_the_frozen_version_does_not_follow_later_changes_to_the_project(call):
    application, admin = ready(call)
    submit(application, admin, call.closes - datetime.timedelta(hours=1))

    application.project.summary = "Changed afterwards"
    application.project.save()

    version = ApplicationVersion.objects.get(application=application, submitted=True)
    assert version.snapshot["sections"]["summary"].startswith("Digital skills")


def test_submitting_twice_changes_nothing_the_second_time(call):
    application, admin = ready(call)
    now = call.closes - datetime.timedelta(hours=1)

    submit(application, admin, now)
    submit(application, admin, now + SECOND)

    assert application.versions.filter(submitted=True).count() == 1
    assert CallEvent.objects.filter(verb=CallEvent.Verb.SUBMITTED).count() == 1


def test_an_incomplete_application_is_refused_and_nothing_is_written(call):
    application = application_for(call, AssociationFactory(), complete=False)
    admin = association_admin(application.association)

    with pytest.raises(ActionRefused) as refused:
        submit(application, admin, call.closes - datetime.timedelta(hours=1))

    assert refused.value.code == "incomplete"
    assert "The budget has no lines." in refused.value.messages
    assert not application.versions.exists()
    assert not CallEvent.objects.exists()


def test_a_submission_one_second_after_the_deadline_is_refused(call):
    application, admin = ready(call)

    assert_refused_with_nothing_written(application, admin, call.closes + SECOND)
    assert_refused_with_nothing_written(application, admin, call.closes)
    assert submit(application, admin, call.closes - SECOND).status == "submitted"


def test_a_deadline_just_after_the_clocks_go_forward_after_ramadan(calls):
    # 2026-03-22: 02:00 on Casablanca's clocks becomes 03:00 (UTC+0 -> UTC+1).
    call = call_closing(calls, datetime.date(2026, 3, 22), datetime.time(3, 30))
    assert call.closes == utc(2026, 3, 22, 2, 30)
    assert offset_at(call.closes) == datetime.timedelta(hours=1)
    assert offset_at(call.closes - datetime.timedelta(hours=1)) == datetime.timedelta(0)
    before, after = ready(call), ready(call)

    assert submit(*before, call.closes - SECOND).status == "submitted"
    assert_refused_with_nothing_written(*after, call.closes + SECOND)
    # Read on the old clock (UTC+0), 02:30:01 UTC would still be 02:30, "before 03:30": the
    # server reads the zone's rules, not a fixed offset.
    assert_refused_with_nothing_written(*after, utc(2026, 3, 22, 2, 30, 1))


def test_a_deadline_in_the_hour_the_clocks_skip_closes_when_the_clocks_reach_it(calls):
    # 02:30 on 2026-03-22 does not exist in Casablanca: it closes at 03:00 on the new clock.
    call = call_closing(calls, datetime.date(2026, 3, 22), datetime.time(2, 30))
    assert call.closes == utc(2026, 3, 22, 2, 0)
    before, after = ready(call), ready(call)

    assert submit(*before, call.closes - SECOND).status == "submitted"
    assert_refused_with_nothing_written(*after, call.closes + SECOND)


def test_a_deadline_during_ramadan_is_on_ramadan_time(calls):
    # During Ramadan 2026 (from 2026-02-15 to 2026-03-22) Casablanca is on UTC+0: 16:00 on
    # its clocks is 16:00 UTC, not 15:00 as on the rest of the year's UTC+1.
    call = call_closing(calls, datetime.date(2026, 3, 1), datetime.time(16, 0))
    assert offset_at(call.closes) == datetime.timedelta(0)
    assert call.closes == utc(2026, 3, 1, 16, 0)
    before, after = ready(call), ready(call)

    assert submit(*before, utc(2026, 3, 1, 15, 59, 59)).status == "submitted"
    assert_refused_with_nothing_written(*after, utc(2026, 3, 1, 16, 0, 1))


def test_a_deadline_in_the_hour_that_happens_twice_at_ramadan_s_start_is_the_second(calls):
    # 2027-02-07: 03:00 on Casablanca's clocks goes back to 02:00, so 02:30 happens twice
    # (01:30 and 02:30 UTC); the deadline is the later one, and nobody loses the hour.
    call = call_closing(calls, datetime.date(2027, 2, 7), datetime.time(2, 30))
    assert call.closes == utc(2027, 2, 7, 2, 30)
    first_half_past_two = utc(2027, 2, 7, 1, 30)
    assert first_half_past_two.astimezone(CASABLANCA).strftime("%H:%M") == "02:30"
    early, before, after = ready(call), ready(call), ready(call)

    assert submit(*early, first_half_past_two + SECOND).status == "submitted"
    assert submit(*before, call.closes - SECOND).status == "submitted"
    assert_refused_with_nothing_written(*after, call.closes + SECOND)


def test_withdrawing_before_the_deadline_writes_one_history_row(call):
    application, admin = ready(call)
    now = call.closes - datetime.timedelta(hours=2)
    submit(application, admin, now)

    withdrawn = WithdrawApplication(
        application, user=admin, reason="The partner left", now=now + SECOND
    ).execute()
    WithdrawApplication(application, user=admin, now=now + 2 * SECOND).execute()

    assert withdrawn.status == Application.Status.WITHDRAWN
    rows = list(CallEvent.objects.filter(verb=CallEvent.Verb.WITHDRAWN).values("reason", "actor"))
    assert rows == [{"reason": "The partner left", "actor": admin.pk}]
    # The frozen version stays, as the record of what was sent.
    assert application.versions.filter(submitted=True).count() == 1


def test_withdrawing_after_the_deadline_is_refused(call):
    application, admin = ready(call)
    submit(application, admin, call.closes - SECOND)

    with pytest.raises(ActionRefused) as refused:
        WithdrawApplication(application, user=admin, now=call.closes + SECOND).execute()

    assert refused.value.code == "deadline_passed"
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert not CallEvent.objects.filter(verb=CallEvent.Verb.WITHDRAWN).exists()


def test_only_a_submitted_application_is_withdrawn(call):
    application, admin = ready(call)

    with pytest.raises(ActionRefused) as refused:
        WithdrawApplication(application, user=admin).execute()

    assert refused.value.code == "not_submitted"


def test_a_withdrawn_application_reopens_as_a_draft_and_is_submitted_again(call):
    application, admin = ready(call)
    now = call.closes - datetime.timedelta(hours=2)
    submit(application, admin, now)
    WithdrawApplication(application, user=admin, now=now + SECOND).execute()

    reopened = ReopenApplication(application, user=admin, now=now + 2 * SECOND).execute()
    ReopenApplication(application, user=admin, now=now + 3 * SECOND).execute()

    assert reopened.status == Application.Status.DRAFT and reopened.submitted_at is None
    assert CallEvent.objects.filter(verb=CallEvent.Verb.REOPENED).count() == 1
    submit(application, admin, now + 4 * SECOND)
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    # Both sent versions stay, each as it was frozen.
    assert application.versions.filter(submitted=True).count() == 2


def test_reopening_is_for_an_admin_before_the_deadline_and_a_withdrawn_application(call):
    application, admin = ready(call)
    member = UserFactory()
    Membership.objects.create(user=member, association=application.association)
    submit(application, admin, call.closes - 2 * SECOND)
    with pytest.raises(ActionRefused) as submitted_one:
        ReopenApplication(application, user=admin, now=call.closes - SECOND).execute()
    assert submitted_one.value.code == "not_withdrawn"
    WithdrawApplication(application, user=admin, now=call.closes - SECOND).execute()
    with pytest.raises(ActionRefused) as not_admin:
        ReopenApplication(application, user=member, now=call.closes - SECOND).execute()
    assert not_admin.value.code == "not_submitter"
    with pytest.raises(ActionRefused) as late:
        ReopenApplication(application, user=admin, now=call.closes + SECOND).execute()
    assert late.value.code == "deadline_passed"
    application.refresh_from_db()
    assert application.status == Application.Status.WITHDRAWN
    assert not CallEvent.objects.filter(verb=CallEvent.Verb.REOPENED).exists()
