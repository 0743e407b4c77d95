"""The call's clock with fixed clocks: the deadline to the second, across Morocco's clock
changes and during Ramadan (found in zoneinfo's own transitions, not typed in), and shown in a
viewer's zone."""

import datetime
import zoneinfo

import pytest
from django.utils import translation

from capacity_lms.calls.deadlines import (
    CALL_TIME_ZONE,
    ClockState,
    instant,
    is_open,
    refuse_after_deadline,
    shown,
    state,
)
from capacity_lms.core.actions import ActionRefused

UTC = datetime.UTC
CASABLANCA = zoneinfo.ZoneInfo(CALL_TIME_ZONE)
SECOND = datetime.timedelta(seconds=1)


def offset_at(moment):
    return moment.astimezone(CASABLANCA).utcoffset()


def transitions(year):
    """Casablanca's clock changes in ``year``: (UTC instant, offset before, offset after),
    found hour by hour and then to the minute."""
    found = []
    hour = datetime.timedelta(hours=1)
    moment = datetime.datetime(year, 1, 1, tzinfo=UTC)
    while moment.year == year:
        before, after = offset_at(moment), offset_at(moment + hour)
        if before != after:
            change = moment
            while offset_at(change) == before:
                change += datetime.timedelta(minutes=1)
            found.append((change, before, after))
        moment += hour
    return found


def ramadan(year):
    """The clocks going back for Ramadan and forward after it, in ``year``."""
    changes = transitions(year)
    back = next(change for change in changes if change[2] < change[1])
    forward = next(change for change in changes if change[0] > back[0] and change[2] > change[1])
    return back, forward


def wall(moment, offset):
    """The naive wall time an instant shows on a clock at ``offset``."""
    return (moment + offset).replace(tzinfo=None)


@pytest.fixture(params=[2026, 2027])
def year(request):
    return request.param


def test_morocco_changes_its_clocks_around_ramadan(year):
    (back, before, during), (forward, _, after) = ramadan(year)
    assert during < before and after > during
    assert 20 <= (forward - back).days <= 40
    assert back.month in (1, 2, 3, 4)


def test_one_second_before_the_deadline_is_allowed_and_one_second_after_is_refused():
    closes = instant(datetime.date(2026, 6, 30), datetime.time(17, 0))
    opens = instant(datetime.date(2026, 6, 1), datetime.time(9, 0))
    refuse_after_deadline(closes, now=closes - SECOND)
    assert is_open(opens, closes, closes - SECOND)
    for late in (closes, closes + SECOND):
        with pytest.raises(ActionRefused) as refused:
            refuse_after_deadline(closes, now=late)
        assert refused.value.code == "deadline_passed"
        assert not is_open(opens, closes, late)
    message = str(refused.value)
    assert "June 30, 2026" in message and "5 p.m." in message and "Casablanca" in message


def test_state_upcoming_open_closed():
    opens = instant(datetime.date(2026, 6, 1), datetime.time(9, 0))
    closes = instant(datetime.date(2026, 6, 30), datetime.time(17, 0))
    assert state(opens, closes, opens - SECOND) == ClockState.UPCOMING
    assert state(opens, closes, opens) == ClockState.OPEN
    assert state(opens, closes, closes - SECOND) == ClockState.OPEN
    assert state(opens, closes, closes) == ClockState.CLOSED
    assert str(ClockState.OPEN.label) == "Open"


def test_the_server_clock_is_read_when_no_instant_is_given():
    opens = instant(datetime.date(2000, 1, 1), datetime.time(0, 0))
    closes = instant(datetime.date(2999, 1, 1), datetime.time(0, 0))
    assert state(opens, closes) == ClockState.OPEN
    assert is_open(opens, closes)
    refuse_after_deadline(closes)
    with pytest.raises(ActionRefused):
        refuse_after_deadline(opens)


def test_a_deadline_during_ramadan_is_on_ramadans_clock(year):
    (back, _, during), (forward, _, after) = ramadan(year)
    day = (back + (forward - back) / 2).date()
    closes = instant(day, datetime.time(17, 0))
    assert wall(closes, during) == datetime.datetime.combine(day, datetime.time(17, 0))
    # The same wall time after Ramadan is on the other clock: a fixed offset gets one wrong.
    later_day = day + datetime.timedelta(days=60)
    after_ramadan = instant(later_day, datetime.time(17, 0))
    assert wall(after_ramadan, after) == datetime.datetime.combine(later_day, datetime.time(17))
    assert after != during
    refuse_after_deadline(closes, now=closes - SECOND)
    with pytest.raises(ActionRefused) as refused:
        refuse_after_deadline(closes, now=closes + SECOND)
    assert "5 p.m." in str(refused.value)


def test_a_call_open_across_the_clock_change_lasts_an_hour_more_or_less(year):
    (back, before, during), (forward, _, after) = ramadan(year)
    opens = instant(back.date() - datetime.timedelta(days=1), datetime.time(9, 0))
    closes = instant(back.date() + datetime.timedelta(days=1), datetime.time(9, 0))
    assert closes - opens == datetime.timedelta(hours=48) + (before - during)
    reopens = instant(forward.date() - datetime.timedelta(days=1), datetime.time(9, 0))
    recloses = instant(forward.date() + datetime.timedelta(days=1), datetime.time(9, 0))
    assert recloses - reopens == datetime.timedelta(hours=48) - (after - during)
    for start, end in ((opens, closes), (reopens, recloses)):
        assert state(start, end, end - SECOND) == ClockState.OPEN
        refuse_after_deadline(end, now=end - SECOND)
        with pytest.raises(ActionRefused):
            refuse_after_deadline(end, now=end + SECOND)


def test_a_skipped_wall_time_moves_to_the_first_instant_after_the_gap(year):
    _, (forward, during, after) = ramadan(year)
    gap_start, gap_end = wall(forward, during), wall(forward, after)
    assert gap_end > gap_start
    in_the_gap = gap_start + (gap_end - gap_start) / 2
    closes = instant(in_the_gap.date(), in_the_gap.time())
    assert closes == forward
    assert wall(closes, after) == gap_end
    refuse_after_deadline(closes, now=forward - SECOND)
    with pytest.raises(ActionRefused):
        refuse_after_deadline(closes, now=forward + SECOND)


def test_a_repeated_wall_time_is_the_later_of_its_two_instants(year):
    (back, before, during), _ = ramadan(year)
    repeated_from, repeated_to = wall(back, during), wall(back, before)
    assert repeated_to > repeated_from
    twice = repeated_from + (repeated_to - repeated_from) / 2
    first = twice - before
    second = twice - during
    closes = instant(twice.date(), twice.time())
    assert closes.replace(tzinfo=None) == second
    # When the wall clock first shows that time, the call is still open: nobody loses the hour.
    refuse_after_deadline(closes, now=first.replace(tzinfo=UTC) + SECOND)
    refuse_after_deadline(closes, now=closes - SECOND)
    with pytest.raises(ActionRefused):
        refuse_after_deadline(closes, now=closes + SECOND)


def test_an_ordinary_wall_time_round_trips():
    closes = instant(datetime.date(2026, 10, 15), datetime.time(23, 59, 59))
    assert closes.tzinfo is UTC
    local = closes.astimezone(CASABLANCA)
    assert (local.date(), local.time()) == (datetime.date(2026, 10, 15), datetime.time(23, 59, 59))


def test_the_deadline_is_shown_in_casablanca_and_in_the_viewers_zone(year):
    (back, _, during), (forward, _, _) = ramadan(year)
    day = (back + (forward - back) / 2).date()
    closes = instant(day, datetime.time(17, 0))
    paris = shown(closes, "Europe/Paris")
    assert paris.casablanca.time() == datetime.time(17, 0)
    assert paris.viewer == closes and paris.viewer_time_zone == "Europe/Paris"
    # In winter Paris is an hour ahead of UTC; during Ramadan Casablanca is on UTC.
    paris_offset = closes.astimezone(zoneinfo.ZoneInfo("Europe/Paris")).utcoffset()
    assert (
        paris.viewer.time()
        == (datetime.datetime.combine(day, datetime.time(17, 0)) - during + paris_offset).time()
    )
    montreal = shown(closes, "America/Toronto")
    assert montreal.viewer.date() == day and montreal.viewer.hour < 17
    assert shown(closes, CALL_TIME_ZONE).viewer is None
    assert shown(closes, "Mars/Olympus_Mons").viewer is None
    assert shown(closes).viewer is None


def test_the_refusal_names_the_deadline_in_the_readers_language():
    closes = instant(datetime.date(2026, 6, 30), datetime.time(17, 0))
    with translation.override("fr"), pytest.raises(ActionRefused) as refused:
        refuse_after_deadline(closes, now=closes + SECOND)
    # French dates read "30 juin 2026" whatever the message's catalogue holds.
    assert "30 juin 2026" in str(refused.value)
