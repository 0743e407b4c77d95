"""Sessions from an ``.ics`` file: created or updated by UID, all or nothing.

A trainer exports a schedule from their own calendar and uploads it to a workshop. Each VEVENT
with a UID becomes a session of that workshop (its UID kept, so a second upload of the same
file, or of a corrected one, updates rather than duplicates). A VEVENT with RECURRENCE-ID
moves one occurrence of a series; EXDATE cancels one; STATUS:CANCELLED cancels the session.
Every event is read and checked before anything is written; one bad event refuses the file
with a message per problem, and the database is left as it was.
"""

import datetime
import re
import zoneinfo
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar.parser.content_line import NEWLINE, UFOLD
from icalendar.parser_tools import to_unicode

from capacity_lms.core.actions import BaseAction, ImportRefused
from capacity_lms.workshops import schedule
from capacity_lms.workshops.models import OccurrenceChange, Session
from capacity_lms.workshops.schedule_edits import queue_session_notice, series_changed

MAX_BYTES = 2 * 1024 * 1024
MAX_EVENTS = 1000


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)

    @property
    def changed_anything(self):
        return bool(self.created or self.updated)


@dataclass
class ParsedEvent:
    uid: str
    title: str
    date: datetime.date
    start_time: datetime.time
    end_time: datetime.time
    time_zone: str
    recurrence: str = ""
    cancelled: bool = False
    cancelled_dates: list = field(default_factory=list)
    moved: dict = field(default_factory=dict)


def _wall_time(value, default_zone, label):
    """(date, time, zone name) of a DTSTART/DTEND value."""
    moment = value.dt if hasattr(value, "dt") else value
    if not isinstance(moment, datetime.datetime):
        raise ValueError(
            _("%(label)s is a whole day; give a start and end time.") % {"label": label}
        )
    if moment.tzinfo is None:
        tzid = value.params.get("TZID") if hasattr(value, "params") else None
        if tzid:
            # icalendar leaves a time floating when it does not know its TZID: refuse it
            # rather than read it in the workshop's zone.
            raise ValueError(
                _("%(label)s uses the time zone “%(zone)s”, which is not an IANA name.")
                % {"label": label, "zone": tzid}
            )
        name = default_zone
    elif isinstance(moment.tzinfo, zoneinfo.ZoneInfo):
        name = moment.tzinfo.key
    elif moment.tzinfo is datetime.UTC:
        name = "UTC"
    else:
        # Not even asked for its offset: a zone built from a VTIMEZONE's rules (which some
        # other code may have left in icalendar's process-wide cache) can take minutes to answer.
        raise ValueError(
            _("%(label)s uses a time zone that is not an IANA name.") % {"label": label}
        )
    return moment.date(), moment.time().replace(tzinfo=None, microsecond=0), name


def parse_calendar(data, default_zone):
    """Read ``data`` (bytes) into :class:`ParsedEvent` objects, or raise ImportRefused."""
    if len(data) > MAX_BYTES:
        raise ImportRefused([_("The file is larger than 2 MB.")])
    try:
        calendar = Calendar.from_ical(_without_time_zones(data))
    except (ValueError, IndexError, KeyError) as error:
        raise ImportRefused(
            [_("This is not an iCalendar (.ics) file: %(error)s") % {"error": error}]
        ) from error
    if calendar.name != "VCALENDAR":
        raise ImportRefused([_("This is not an iCalendar (.ics) file.")])
    events = calendar.walk("VEVENT")
    if not events:
        raise ImportRefused([_("The file has no event.")])
    if len(events) > MAX_EVENTS:
        raise ImportRefused(
            [_("The file has more than %(count)s events.") % {"count": MAX_EVENTS}]
        )
    problems, masters, overrides = [], {}, []
    for number, event in enumerate(events, start=1):
        uid = str(event.get("UID", "")).strip()
        label = _("Event %(number)s (%(summary)s)") % {
            "number": number,
            "summary": str(event.get("SUMMARY", "")) or uid or "?",
        }
        try:
            if not uid:
                raise ValueError(_("it has no UID."))
            if len(uid) > 255:
                raise ValueError(_("its UID is longer than 255 characters."))
            if "DTSTART" not in event or "DTEND" not in event:
                raise ValueError(_("it needs DTSTART and DTEND."))
            day, start, zone = _wall_time(event["DTSTART"], default_zone, "DTSTART")
            end_day, end, end_zone = _wall_time(event["DTEND"], zone, "DTEND")
            schedule.zone(zone)
            schedule.validate_session_date(day)
            if end_day != day or end_zone != zone or end <= start:
                raise ValueError(
                    _("it must end after it starts, on the same day, in the same time zone.")
                )
            schedule.to_utc(day, start, zone)
            if "RECURRENCE-ID" in event:
                recurrence_id = event["RECURRENCE-ID"].dt
                overrides.append((label, uid, recurrence_id, day, start, end, zone))
                continue
            if uid in masters:
                raise ValueError(_("its UID appears twice."))
            parsed = ParsedEvent(
                uid=uid,
                title=str(event.get("SUMMARY", ""))[:255],
                date=day,
                start_time=start,
                end_time=end,
                time_zone=zone,
                cancelled=str(event.get("STATUS", "")).upper() == "CANCELLED",
            )
            if "RRULE" in event:
                parsed.recurrence = schedule.normalise_rule(event["RRULE"].to_ical().decode())
                dates = schedule.occurrence_dates(day, start, zone, parsed.recurrence)
                for exdate in _exdates(event, zone):
                    if exdate not in dates:
                        raise ValueError(_("an EXDATE is not a date of its series."))
                    parsed.cancelled_dates.append(exdate)
            masters[uid] = parsed
        except ValidationError as error:
            problems.append(f"{label}: {' '.join(error.messages)}")
        except ValueError as error:
            problems.append(f"{label}: {error}")
    for label, uid, recurrence_id, day, start, end, zone in overrides:
        master = masters.get(uid)
        if master is None or not master.recurrence:
            problems.append(
                _("%(label)s: it changes a series that is not in the file.") % {"label": label}
            )
            continue
        try:
            original, moved = _moved_occurrence(master, recurrence_id, day, start, end, zone)
        except ValidationError as error:
            problems.append(f"{label}: {' '.join(error.messages)}")
        except ValueError as error:
            problems.append(f"{label}: {error}")
        else:
            master.moved[original] = moved
    if problems:
        raise ImportRefused(problems)
    return list(masters.values())


_NAME = re.compile(r"[^;:]*")


def _without_time_zones(data):
    """``data`` as text, without its VTIMEZONE components, its lines read as icalendar reads
    them (unfolded, then split).

    While parsing, icalendar builds a zone from every VTIMEZONE whose TZID is not an IANA name
    and keeps it for the whole process; its rules (a change every second since 1601) are then
    walked each time a time in that zone is read. Sessions take IANA names only, so a file's
    own zones are dropped unread and its times are read with the IANA rules of their TZID.
    """
    kept, depth = [], 0
    for line in NEWLINE.split(UFOLD.sub("", to_unicode(data))):
        name = _NAME.match(line).group().strip().upper()
        is_zone = line.rpartition(":")[2].strip().upper() == "VTIMEZONE"
        if name == "BEGIN" and is_zone:
            depth += 1
        elif name == "END" and is_zone:
            depth = max(depth - 1, 0)
        elif not depth:
            kept.append(line)
    return "\r\n".join(kept)


def _in_zone(day, time, from_zone, to_zone):
    moment = datetime.datetime.combine(day, time, tzinfo=schedule.zone(from_zone))
    moment = moment.astimezone(schedule.zone(to_zone))
    return moment.date(), moment.time()


def _moved_occurrence(master, recurrence_id, day, start, end, zone):
    """``(original date, (date, start, end))`` of an overriding event, read in its series'
    time zone: a RECURRENCE-ID may be written in UTC, and the new times in another zone."""
    if isinstance(recurrence_id, datetime.datetime):
        if recurrence_id.tzinfo is not None:
            recurrence_id = recurrence_id.astimezone(schedule.zone(master.time_zone))
        recurrence_id = recurrence_id.date()
    dates = schedule.occurrence_dates(
        master.date, master.start_time, master.time_zone, master.recurrence
    )
    if recurrence_id not in dates:
        raise ValueError(_("its RECURRENCE-ID is not a date of its series."))
    new_day, new_start = _in_zone(day, start, zone, master.time_zone)
    end_day, new_end = _in_zone(day, end, zone, master.time_zone)
    if end_day != new_day:
        raise ValueError(_("in its series' time zone it would end on another day."))
    schedule.validate_session_date(new_day)
    schedule.to_utc(new_day, new_start, master.time_zone)
    return recurrence_id, (new_day, new_start, new_end)


def _exdates(event, zone):
    values = event.get("EXDATE", [])
    if not isinstance(values, list):
        values = [values]
    for value in values:
        for item in value.dts:
            moment = item.dt
            if isinstance(moment, datetime.datetime) and moment.tzinfo is not None:
                moment = moment.astimezone(schedule.zone(zone))
            yield moment.date() if isinstance(moment, datetime.datetime) else moment


class ImportSessionsAction(BaseAction):
    """Create or update a workshop's sessions from an ``.ics`` file:
    ``ImportSessionsAction(workshop, user=trainer, data=bytes).execute()`` returns an
    :class:`ImportReport`, or raises ImportRefused and writes nothing.

    UIDs that belong to another workshop's sessions are refused: a trainer changes only what
    they manage (the view has checked the workshop is the user's). Importing the same file
    twice changes nothing (and bumps no SEQUENCE). The people registered are told, after the
    commit, of each session whose times, rule or status changed, and of each series whose
    occurrences changed (which gets a higher SEQUENCE).
    """

    def __init__(self, instance, user=None, *, data=b""):
        super().__init__(instance, user=user)
        self.data = data

    def check(self):
        workshop = self.instance
        events = parse_calendar(self.data, workshop.default_time_zone)
        elsewhere = Session.objects.filter(uid__in=[event.uid for event in events]).exclude(
            workshop=workshop
        )
        if elsewhere.exists():
            raise ImportRefused(
                [
                    _("UID %(uid)s belongs to a session of another workshop.")
                    % {"uid": session.uid}
                    for session in elsewhere
                ]
            )
        return events

    def execute(self):
        events = self.check()
        workshop = self.instance
        report = ImportReport()
        with transaction.atomic():
            existing = {
                session.uid: session
                for session in Session.objects.filter(workshop=workshop).prefetch_related(
                    "changes"
                )
            }
            for event in events:
                session = existing.get(event.uid) or Session(workshop=workshop, uid=event.uid)
                sequence = session.sequence
                changed = _apply_event(session, event)
                changes_changed = _apply_changes(session, event)
                if changes_changed:
                    sequence = series_changed(session.pk)
                elif event.uid in existing and session.sequence > sequence:
                    queue_session_notice(session.pk, session.sequence)
                if event.uid not in existing:
                    report.created.append(session)
                elif changed or changes_changed:
                    report.updated.append(session)
                else:
                    report.unchanged.append(session)
        return report


def _apply_event(session, event):
    """Give ``session`` the event's values and save it when any differ; True when it did."""
    values = {
        "title": event.title,
        "date": event.date,
        "start_time": event.start_time,
        "end_time": event.end_time,
        "time_zone": event.time_zone,
        "recurrence": event.recurrence,
        "status": Session.Status.CANCELLED if event.cancelled else Session.Status.SCHEDULED,
    }
    changed = session.pk is None or any(
        getattr(session, name) != value for name, value in values.items()
    )
    if changed:
        for name, value in values.items():
            setattr(session, name, value)
        session.full_clean(exclude=["workshop", "uid"])
        session.save()
    return changed


def _apply_changes(session, event):
    """Make the session's occurrence changes those of the file; True when any changed."""
    wanted = dict.fromkeys(
        event.cancelled_dates, (OccurrenceChange.Status.CANCELLED, None, None, None)
    )
    for original, (day, start, end) in event.moved.items():
        wanted[original] = (OccurrenceChange.Status.MOVED, day, start, end)
    current = (
        {change.original_date: change for change in session.changes.all()} if session.pk else {}
    )
    changed = False
    for original, change in current.items():
        if original not in wanted:
            change.delete()
            changed = True
    for original, (status, day, start, end) in wanted.items():
        change = current.get(original)
        values = {"status": status, "date": day, "start_time": start, "end_time": end}
        if change is not None and all(getattr(change, k) == v for k, v in values.items()):
            continue
        change = change or OccurrenceChange(session=session, original_date=original)
        for name, value in values.items():
            setattr(change, name, value)
        change.full_clean(exclude=["session"])
        change.save()
        changed = True
    return changed
