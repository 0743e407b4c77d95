"""A workshop with a meeting happening now, its trainer, registered members and a stranger."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from sandbox.testing.factories import RegistrationFactory, SessionFactory, UserFactory
from tests.integration.conftest import make_workshop


def session_around(workshop, now, minutes_before=10, length_minutes=120, time_zone=None):
    """A session of ``workshop`` that started ``minutes_before`` minutes before ``now``, on one
    local day: in ``time_zone`` when given, else in UTC, or in a zone where the session does
    not run past midnight (a session crossing midnight would move to another day, and the
    tests run at any hour)."""
    zones = [time_zone] if time_zone else ["UTC", "Asia/Tokyo", "America/New_York"]
    for zone in zones:
        start = (now - datetime.timedelta(minutes=minutes_before)).astimezone(
            zoneinfo.ZoneInfo(zone)
        )
        start = start.replace(second=0, microsecond=0)
        end = start + datetime.timedelta(minutes=length_minutes)
        if end.date() == start.date():
            break
    else:
        start = start.replace(hour=9, minute=0)
        end = start + datetime.timedelta(minutes=length_minutes)
    return SessionFactory(
        workshop=workshop,
        date=start.date(),
        start_time=start.time(),
        end_time=end.time(),
        time_zone=zone,
    )


@pytest.fixture
def now():
    return timezone.now()


@pytest.fixture
def workshop(countries, trainer):
    return make_workshop(countries["fr"], trainers=[trainer], sessions=0, capacity=None)


@pytest.fixture
def session(workshop, now):
    return session_around(workshop, now)


@pytest.fixture
def registered(workshop):
    people = [UserFactory() for _ in range(3)]
    for person in people:
        RegistrationFactory(workshop=workshop, user=person, status="confirmed")
    return people
