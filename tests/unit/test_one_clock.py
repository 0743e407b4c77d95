"""Every action and every record reads the time from ``capacity_lms.core.clock``.

The demo loader sets that clock in the past to run the real actions as of the day each thing
happened (#27); a module that asked Django or the system for the time would date its part of
that history to the day the demo was loaded, and a fixed clock in a test would not reach it.
The scan reads (with ``ast``) every module of ``capacity_lms/`` and ``courses/`` but the
migrations and the clock itself.
"""

import ast
import datetime
from pathlib import Path

import pytest
from django.test import override_settings

from capacity_lms.core import clock

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("capacity_lms", "courses")
CLOCK = ROOT / "capacity_lms" / "core" / "clock.py"

# ``timezone.now``, ``timezone.localdate()``/``localtime()`` without an instant,
# ``datetime.now``/``today``/``utcnow``, ``date.today``, ``time.time`` is fine (durations).
ASKS_THE_TIME = {
    ("timezone", "now"),
    ("datetime", "now"),
    ("datetime", "today"),
    ("datetime", "utcnow"),
    ("date", "today"),
}
WITHOUT_AN_INSTANT = {("timezone", "localdate"), ("timezone", "localtime")}


def modules():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts and path != CLOCK:
                yield path


def clock_readings(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name | ast.Attribute):
            owner = node.value.id if isinstance(node.value, ast.Name) else node.value.attr
            if (owner, node.attr) in ASKS_THE_TIME:
                yield node.lineno, f"{owner}.{node.attr}"
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and (node.func.value.id, node.func.attr) in WITHOUT_AN_INSTANT
            and not node.args
        ):
            yield node.lineno, f"timezone.{node.func.attr}()"
        if isinstance(node, ast.keyword) and node.arg in {"auto_now_add", "auto_now"}:
            yield node.lineno, f"{node.arg}= (reads Django's clock)"


def test_no_module_asks_anything_but_the_one_clock_for_the_time():
    found = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for path in modules()
        for line, what in clock_readings(ast.parse(path.read_text(), str(path)))
    ]
    assert found == [], "use capacity_lms.core.clock instead:\n" + "\n".join(found)


def test_the_scan_finds_each_way_of_asking_the_time():
    source = (
        "timezone.now()\nx = models.DateTimeField(default=timezone.now)\n"
        "datetime.datetime.now(datetime.UTC)\ndate.today()\ntimezone.localdate()\n"
        "y = models.DateTimeField(auto_now_add=True)\nz = models.DateTimeField(auto_now=True)\n"
        "timezone.localdate(clock.now())\n"
    )
    found = [line for line, _what in clock_readings(ast.parse(source))]
    assert sorted(found) == [1, 2, 3, 4, 5, 6, 7]


@override_settings(TIME_ZONE="Europe/Paris")
def test_the_clock_set_in_the_past_is_what_now_and_today_read_and_it_is_put_back():
    before = clock.now()
    instant = datetime.datetime(2025, 3, 14, 23, 30, tzinfo=datetime.UTC)
    with clock.at(instant):
        assert clock.is_set()
        assert clock.now() == instant
        assert clock.today() == datetime.date(2025, 3, 15)  # already the 15th in Paris
        with clock.at(instant + datetime.timedelta(days=1)):
            assert clock.now() == instant + datetime.timedelta(days=1)
        assert clock.now() == instant
    assert not clock.is_set()
    assert clock.now() >= before


def test_a_naive_instant_is_refused():
    with pytest.raises(ValueError, match="aware"), clock.at(datetime.datetime(2025, 3, 14)):
        pass
