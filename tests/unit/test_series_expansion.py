"""The bounded walk of a series gives exactly dateutil's dates, and stops where dateutil would
walk on to the year 9999."""

import datetime
import itertools
import random

import pytest
from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError

from capacity_lms.workshops import schedule
from tests.timing import assert_about_as_fast, fastest

DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
START = datetime.time(18, 0)


def random_rule(rng):
    """A rule with the parts a workshop series may have, ending by COUNT or UNTIL."""
    frequency = rng.choice(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"])
    parts = {"FREQ": frequency}
    if rng.random() < 0.4:
        parts["INTERVAL"] = str(rng.choice([1, 2, 3, 5]))
    if rng.random() < 0.5:
        parts["COUNT"] = str(rng.randint(1, 20))
    else:
        until = datetime.date(2030, 1, 1) + datetime.timedelta(days=rng.randint(-30, 900))
        parts["UNTIL"] = until.strftime("%Y%m%d")
    if rng.random() < 0.4:
        parts["BYMONTH"] = ",".join(sorted({str(rng.randint(1, 12)) for _ in range(3)}))
    if rng.random() < 0.4:
        days = {str(rng.choice([1, 2, 15, 28, 29, 30, 31, -1, -2])) for _ in range(2)}
        parts["BYMONTHDAY"] = ",".join(sorted(days))
    if rng.random() < 0.5:
        ordinals = ["", "", "1", "2", "-1", "3"] if frequency in ("MONTHLY", "YEARLY") else [""]
        days = {rng.choice(ordinals) + rng.choice(DAYS) for _ in range(rng.randint(1, 3))}
        parts["BYDAY"] = ",".join(sorted(days))
    if rng.random() < 0.25:
        parts["BYSETPOS"] = ",".join(sorted({str(rng.choice([1, 2, -1, 3])) for _ in range(2)}))
    if rng.random() < 0.2:
        parts["WKST"] = rng.choice(DAYS)
    return ";".join(f"{name}={value}" for name, value in parts.items())


def dateutil_dates(day, rule, limit):
    parts = schedule.parse_rule(rule)
    until = parts.pop("UNTIL", None)
    text = ";".join(f"{name}={value}" for name, value in parts.items())
    recurrence = rrulestr(text, dtstart=datetime.datetime.combine(day, START))
    if until:
        zone = schedule.zone("Europe/Paris")
        recurrence = recurrence.replace(until=schedule._parse_until(until, zone))
    return tuple(moment.date() for moment in itertools.islice(recurrence, limit))


def test_the_bounded_walk_gives_dateutils_dates():
    rng = random.Random(18)
    ended = 0
    for _ in range(600):
        rule = random_rule(rng)
        day = datetime.date(2029, 12, 1) + datetime.timedelta(days=rng.randint(0, 400))
        dates, stopped = schedule.expand_series(day, START, "Europe/Paris", rule)
        # Every date found is dateutil's (asking dateutil for one more could walk for ever).
        assert dates == dateutil_dates(day, rule, len(dates)), rule
        if stopped == "end" and "COUNT" in rule:
            ended += 1
            assert len(dates) == int(schedule.parse_rule(rule)["COUNT"]), rule
    assert ended > 100


@pytest.mark.parametrize(
    ("rule", "stopped"),
    [
        ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=3", "window"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;UNTIL=99991231", "window"),
        ("FREQ=WEEKLY;BYMONTH=4;BYMONTHDAY=31;UNTIL=20300101", "end"),
        ("FREQ=DAILY;BYSETPOS=2;COUNT=3", "window"),
        ("FREQ=DAILY;INTERVAL=999999999;COUNT=2", "window"),
        ("FREQ=YEARLY;INTERVAL=999999999;COUNT=2", "window"),
        ("FREQ=DAILY;COUNT=100000", "count"),
    ],
)
def test_rules_that_would_walk_to_the_year_9999_stop_at_a_bound(rule, stopped):
    first = datetime.date(2027, 3, 1)
    # The reference: the longest series allowed, a walk of the same bound.
    longest = f"FREQ=DAILY;COUNT={schedule.MAX_OCCURRENCES}"
    reference, _ = fastest(lambda: schedule.expand_series(first, START, "Europe/Paris", longest))
    elapsed, (dates, how) = fastest(
        lambda: schedule.expand_series(first, START, "Europe/Paris", rule)
    )
    assert_about_as_fast(elapsed, reference, what=rule)
    assert how == stopped
    assert len(dates) <= schedule.MAX_OCCURRENCES
    assert all(day <= datetime.date(2030, 3, 1) for day in dates)


def test_a_valid_series_is_refused_past_the_window_and_kept_within_it():
    first = datetime.date(2027, 3, 1)
    last = first + datetime.timedelta(days=schedule.SERIES_MAX_DAYS)
    until = f"FREQ=MONTHLY;UNTIL={last:%Y%m%d}"
    assert schedule.occurrence_dates(first, START, "Europe/Paris", until)[-1] == last
    with pytest.raises(ValidationError) as refused:
        schedule.occurrence_dates(first, START, "Europe/Paris", "FREQ=MONTHLY;COUNT=38")
    assert refused.value.code == "rule_too_long"
