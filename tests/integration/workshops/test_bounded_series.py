"""Series stored without validation cost the public pages and feeds a bounded walk, never a 500.

The rules below are written straight to the database (an old row, a script, a restored
backup): the import and the admin form refuse them, but the public workshop list and the
feeds must still answer, in about the time they take without them.
"""

import datetime
import math
import time

import pytest
from django.test.utils import override_settings
from django.urls import reverse

from capacity_lms.workshops.models import Session
from sandbox.testing.factories import SessionFactory
from tests.calendar_clients.readers import expected_occurrences, icalendar_occurrences
from tests.integration.conftest import make_workshop
from tests.integration.workshops.hostile import HOSTILE_RULES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

# Rules and zones that give no date to show: each costs one bounded walk per process.
STORED = [
    *((rule, "Europe/Paris") for rule, _ in HOSTILE_RULES.values()),
    ("FREQ=WEEKLY;BYMONTH=2;BYMONTHDAY=30;COUNT=3", "Europe/Paris"),
    ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;UNTIL=99991231", "Europe/Paris"),
    ("FREQ=WEEKLY;COUNT=3", "Custom/Evil"),  # not an IANA name
    ("FREQ=WEEKLY;COUNT=3;;=", "Europe/Paris"),  # not a rule
]
# Series longer than the bounds allow (rows from before them, or written by a script): the
# form and the import refuse them, so pages and feeds leave them out too.
STORED_LONG = ["FREQ=DAILY;COUNT=100000", "FREQ=YEARLY;COUNT=300", "FREQ=MONTHLY;UNTIL=99991231"]
REPEAT = 15


@override_settings(CAPACITY_LMS_CALENDAR_PAST_DAYS=100_000)
def test_hostile_stored_rules_neither_break_nor_slow_the_list_and_the_feeds(client, countries):
    country = countries["fr"]
    # A modest real schedule: the workshop's eight weekly sessions, three other workshops.
    workshop = make_workshop(country, sessions=8)
    for _ in range(3):
        make_workshop(country, sessions=3)
    # The hostile rows are moved in and out of the workshop between rounds (from a draft
    # workshop elsewhere that no page or feed shows), so that both figures are taken under
    # the same load of a shared machine; the fastest answer of each kind is compared.
    elsewhere = make_workshop(countries["ca"], sessions=0, status="draft")
    store(elsewhere, STORED)
    hostile = Session.objects.filter(workshop=elsewhere)
    ids = list(hostile.values_list("pk", flat=True))
    urls = {
        "list": reverse("capacity_lms:workshop_list"),
        "workshop feed": reverse("capacity_lms:workshop_calendar", args=[workshop.slug]),
        "country feed": reverse("capacity_lms:country_calendar", args=[country.code]),
    }
    fastest = {(name, present): math.inf for name in urls for present in (False, True)}
    for _ in range(REPEAT):
        for present in (False, True):
            Session.objects.filter(pk__in=ids).update(workshop=workshop if present else elsewhere)
            for name, url in urls.items():
                started = time.perf_counter()
                response = client.get(url)
                elapsed = time.perf_counter() - started
                assert response.status_code == 200, (url, present)
                fastest[name, present] = min(fastest[name, present], elapsed)

    slower = {
        name: f"{fastest[name, False] * 1000:.1f} ms -> {fastest[name, True] * 1000:.1f} ms"
        for name in urls
        if fastest[name, True] > 2 * fastest[name, False]
    }
    assert not slower, slower
    feed = client.get(urls["workshop feed"]).content
    sessions = Session.objects.filter(workshop=workshop).select_related("workshop")
    assert sessions.count() == 8 + len(STORED) + 1
    assert icalendar_occurrences(feed) == expected_occurrences(in_our_time(sessions))
    assert len(expected_occurrences(in_our_time(sessions))) == 8
    # The one in 9999 is there, but the VTIMEZONE covers only the years sessions may be in.
    assert b"DTSTART;TZID=Europe/Paris:99991201T180000" in feed
    assert feed.count(b"BEGIN:DAYLIGHT") < 40


@override_settings(CAPACITY_LMS_CALENDAR_PAST_DAYS=100_000)
def test_series_longer_than_the_bounds_are_left_out(client, countries):
    workshop = make_workshop(countries["fr"], sessions=1)
    store(workshop, [(rule, "Europe/Paris") for rule in STORED_LONG])

    for url in (
        reverse("capacity_lms:workshop_list"),
        reverse("capacity_lms:workshop_detail", args=[workshop.slug]),
    ):
        assert client.get(url).status_code == 200
    feed = client.get(reverse("capacity_lms:workshop_calendar", args=[workshop.slug])).content

    sessions = Session.objects.filter(workshop=workshop).select_related("workshop")
    seen = icalendar_occurrences(feed)
    assert seen == expected_occurrences(in_our_time(sessions))
    assert len(seen) == 1
    assert b"RRULE" not in feed


def in_our_time(sessions):
    """``sessions`` but the one in 9999, which recurring_ical_events does not expand."""
    return [session for session in sessions if session.date.year < 9999]


def store(workshop, rules):
    """Sessions of ``workshop`` with these (rule, zone) written straight to the database, as
    no form or import would take them, and one in the year 9999; the date of the first."""
    first = datetime.date.today() + datetime.timedelta(days=10)
    for rule, zone in rules:
        session = SessionFactory(workshop=workshop, date=first)
        Session.objects.filter(pk=session.pk).update(
            recurrence=rule,
            time_zone=zone,
            series_ends_at=datetime.datetime(9999, 1, 1, tzinfo=datetime.UTC),
        )
    far = SessionFactory(workshop=workshop, date=first)
    Session.objects.filter(pk=far.pk).update(
        date=datetime.date(9999, 12, 1),
        starts_at=datetime.datetime(9999, 12, 1, 17, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(9999, 12, 1, 19, tzinfo=datetime.UTC),
        series_ends_at=datetime.datetime(9999, 12, 1, 19, tzinfo=datetime.UTC),
    )
    return first
