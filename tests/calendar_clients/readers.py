"""Three independent readers of .ics files, each giving what a calendar client would show.

Every reader returns, for a file, the set of its occurrences as :class:`Seen` tuples (UID, UTC
start, UTC end, STATUS, SEQUENCE) after expanding RRULEs, removing EXDATEs and applying
RECURRENCE-ID overrides:

- :func:`icalendar_occurrences`: ``icalendar`` parses, ``recurring_ical_events`` expands. It
  reads TZIDs with the IANA database, so every wall time is also read a second time through
  the file's own VTIMEZONE (``Timezone.to_tz(lookup_tzid=False)``) and the two must agree.
- :func:`vobject_occurrences`: ``vobject`` builds each zone from the file's VTIMEZONE (dateutil
  ``tzical``) and expands with dateutil; RECURRENCE-ID overrides are applied here by instant.
- :func:`icaljs_occurrences`: Mozilla's ical.js (Thunderbird) in node, through
  ``read_ics.mjs``, with its time zone service filled from each file's VTIMEZONEs only. Give it
  many files at once: starting node is the slow part.

A reader that cannot do its job (no VTIMEZONE for a TZID, a zone it would take from elsewhere,
node missing) fails the test: none of them may be skipped.
"""

import datetime
import json
import shutil
import subprocess
from pathlib import Path
from typing import NamedTuple

import pytest
import recurring_ical_events
import vobject
import vobject.icalendar
from icalendar import Calendar

UTC = datetime.UTC
HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "read_ics.mjs"


class Seen(NamedTuple):
    """One occurrence as a calendar client shows it."""

    uid: str
    start: datetime.datetime
    end: datetime.datetime
    status: str
    sequence: int


def expected_occurrences(sessions, tentative_for=()):
    """What a feed holding ``sessions`` must show, from :meth:`Session.occurrences`:
    occurrences cancelled by a change are absent, moved ones are at their new time."""
    expected = set()
    for session in sessions:
        if session.is_cancelled:
            status = "CANCELLED"
        elif session.workshop_id in tentative_for:
            status = "TENTATIVE"
        else:
            status = "CONFIRMED"
        for occurrence in session.occurrences():
            if occurrence.change is not None and not occurrence.is_moved:
                continue
            sequence = session.sequence_in_calendars
            if occurrence.is_moved:
                sequence += occurrence.change.sequence
            expected.add(
                Seen(session.uid, occurrence.starts_at, occurrence.ends_at, status, sequence)
            )
    return expected


def icalendar_occurrences(data):
    calendar = Calendar.from_ical(data)
    missing = calendar.get_missing_tzids()
    assert not missing, f"icalendar: no VTIMEZONE for {sorted(missing)}"
    own_zones = {
        str(component["TZID"]): component.to_tz(lookup_tzid=False)
        for component in calendar.walk("VTIMEZONE")
    }
    # recurring_ical_events gives every occurrence of a series the series' highest SEQUENCE;
    # a client compares each event's own, so it is taken from the event it comes from.
    sequences = {}
    for event in calendar.walk("VEVENT"):
        recurrence_id = event.get("RECURRENCE-ID")
        key = recurrence_id.dt.astimezone(UTC) if recurrence_id else None
        sequences[str(event["UID"]), key] = int(event["SEQUENCE"])
    seen = set()
    for event in recurring_ical_events.of(calendar).all():
        start, end = event.DTSTART, event.DTEND
        for moment in (start, end):
            assert isinstance(moment, datetime.datetime) and moment.tzinfo is not None
            own = moment.replace(tzinfo=own_zones[str(moment.tzinfo)])
            assert own.astimezone(UTC) == moment.astimezone(UTC), (
                f"icalendar: {moment} reads differently through the file's VTIMEZONE: {own}"
            )
        uid = str(event["UID"])
        recurrence_id = event["RECURRENCE-ID"].dt.astimezone(UTC)
        sequence = sequences.get((uid, recurrence_id), sequences[uid, None])
        seen.add(
            Seen(uid, start.astimezone(UTC), end.astimezone(UTC), str(event["STATUS"]), sequence)
        )
    return seen


def vobject_occurrences(data):
    # vobject keeps one process-wide TZID -> tzinfo map and registers a VTIMEZONE only when its
    # TZID is not known yet (falling back to pytz by name): empty it so that this file's own
    # VTIMEZONEs are the ones used, then check that they were.
    registry = vars(vobject.icalendar)["__tzidMap"]
    registry.clear()
    vobject.icalendar.registerTzid("UTC", vobject.icalendar.utc)
    calendar = vobject.readOne(data.decode())
    own_zones = {component.tzid.value for component in calendar.contents.get("vtimezone", [])}
    masters, overrides = {}, {}
    for event in calendar.contents.get("vevent", []):
        for name in ("dtstart", "dtend"):
            zone = getattr(event, name).value.tzinfo
            tzid = getattr(zone, "_tzid", None)
            # Registered from the VTIMEZONE (dateutil's tzical), not found by name in pytz.
            assert tzid in own_zones and registry[tzid] is zone, (
                f"vobject: {name} of {event.uid.value} is not read with the file's VTIMEZONE"
            )
        uid = event.uid.value
        if "recurrence-id" in event.contents:
            recurrence_id = event.contents["recurrence-id"][0].value.astimezone(UTC)
            overrides.setdefault(uid, {})[recurrence_id] = event
        else:
            assert uid not in masters, f"vobject: two series share the UID {uid}"
            masters[uid] = event
    seen = set()
    for uid, master in masters.items():
        start = master.dtstart.value
        duration = master.dtend.value.replace(tzinfo=None) - start.replace(tzinfo=None)
        starts = list(master.getrruleset(addRDate=True)) if "rrule" in master.contents else [start]
        replaced = dict(overrides.get(uid, {}))
        for moment in starts:
            event = replaced.pop(moment.astimezone(UTC), None)
            if event is None:
                # Aware arithmetic adds wall-clock time, as clients place DTEND (RFC 5545).
                occurrence = (moment, moment + duration)
                event = master
            else:
                occurrence = (event.dtstart.value, event.dtend.value)
            seen.add(
                Seen(
                    uid,
                    occurrence[0].astimezone(UTC),
                    occurrence[1].astimezone(UTC),
                    event.status.value,
                    int(event.sequence.value),
                )
            )
        assert not replaced, f"vobject: RECURRENCE-ID matches no occurrence of {uid}: {replaced}"
    assert not set(overrides) - set(masters), "vobject: RECURRENCE-ID without its series"
    return seen


def icaljs_occurrences(paths):
    """{path: set of Seen} for every file, read by ical.js in one node process."""
    paths = [str(path) for path in paths]
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed: the ical.js reader of the calendar tests needs it")
    if not (HERE / "node_modules" / "ical.js").is_dir():
        pytest.fail(f"ical.js is not installed in {HERE}: run `make install`")
    completed = subprocess.run(  # noqa: S603 (our own script on our own files)
        [node, str(SCRIPT), *paths], capture_output=True, text=True, timeout=120, check=False
    )
    assert completed.returncode == 0, f"read_ics.mjs failed:\n{completed.stderr}"
    readings = json.loads(completed.stdout)
    result = {}
    for path in paths:
        reading = readings[path]
        assert not reading["errors"], f"ical.js on {path}: {reading['errors']}"
        assert not reading["missingTzids"], f"ical.js on {path}: no VTIMEZONE for {reading}"
        result[path] = {
            Seen(
                item["uid"],
                _utc(item["start"]),
                _utc(item["end"]),
                item["status"],
                item["sequence"],
            )
            for item in reading["occurrences"]
        }
    return result


def _utc(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)
