// Reads .ics files as Thunderbird does, with Mozilla's ical.js, and prints what a calendar
// client would show, as JSON on stdout:
//
//   node read_ics.mjs a.ics b.ics ...
//   {"a.ics": {"timezones": [...], "missingTzids": [...], "occurrences": [
//       {"uid": ..., "start": "2027-03-28T07:00:00Z", "end": ..., "status": "CONFIRMED",
//        "sequence": 2, "recurrenceId": null | "2027-03-16T18:00:00", "tzid": "Europe/Paris"}
//   ]}, "b.ics": {...}}
//
// Every series is expanded with ical.js's own iterator, which applies EXDATE, and every
// occurrence goes through Event.getOccurrenceDetails, which applies RECURRENCE-ID overrides.
// Times are converted with the file's own VTIMEZONE components only: the time zone service is
// emptied and filled from each file before it is read, so no built-in database can hide a
// wrong VTIMEZONE. A TZID without a VTIMEZONE is listed in missingTzids (ical.js would
// silently read it as floating time).
//
// Many files per call: starting node costs more than reading a feed.

import { readFileSync } from "node:fs";
import ICAL from "ical.js";

// A series in our feeds has at most a few hundred occurrences; this only stops a runaway rule.
const MAX_OCCURRENCES = 5000;

function utc(time) {
  return new Date(time.toUnixTime() * 1000).toISOString().replace(".000Z", "Z");
}

function tzidsUsed(component, found = new Set()) {
  for (const property of component.getAllProperties()) {
    const tzid = property.getParameter("tzid");
    if (tzid) {
      found.add(tzid);
    }
  }
  for (const child of component.getAllSubcomponents()) {
    if (child.name !== "vtimezone") {
      tzidsUsed(child, found);
    }
  }
  return found;
}

function readCalendar(calendar, result) {
  ICAL.TimezoneService.reset();
  for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
    const timezone = new ICAL.Timezone(vtimezone);
    ICAL.TimezoneService.register(timezone);
    result.timezones.push(timezone.tzid);
  }
  for (const tzid of tzidsUsed(calendar)) {
    if (!calendar.getTimeZoneByID(tzid) || !ICAL.TimezoneService.has(tzid)) {
      result.missingTzids.push(tzid);
    }
  }

  const vevents = calendar.getAllSubcomponents("vevent");
  const masters = new Map();
  for (const vevent of vevents) {
    if (!vevent.hasProperty("recurrence-id")) {
      const uid = vevent.getFirstPropertyValue("uid");
      if (masters.has(uid)) {
        result.errors.push(`two events without RECURRENCE-ID share the UID ${uid}`);
      }
      masters.set(uid, new ICAL.Event(vevent, { exceptions: [] }));
    }
  }
  for (const vevent of vevents) {
    if (vevent.hasProperty("recurrence-id")) {
      const uid = vevent.getFirstPropertyValue("uid");
      const master = masters.get(uid);
      if (master === undefined) {
        result.errors.push(`RECURRENCE-ID without its series for UID ${uid}`);
        continue;
      }
      master.relateException(new ICAL.Event(vevent));
    }
  }

  for (const [uid, event] of masters) {
    const iterator = event.iterator();
    let count = 0;
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (++count > MAX_OCCURRENCES) {
        result.errors.push(`more than ${MAX_OCCURRENCES} occurrences for UID ${uid}`);
        break;
      }
      const details = event.getOccurrenceDetails(next);
      const item = details.item;
      result.occurrences.push({
        uid,
        start: utc(details.startDate),
        end: utc(details.endDate),
        status: item.component.getFirstPropertyValue("status"),
        sequence: item.sequence,
        recurrenceId: item.isRecurrenceException() ? item.recurrenceId.toString() : null,
        tzid: details.startDate.zone ? details.startDate.zone.tzid : null,
      });
      if (!event.isRecurring()) {
        break;
      }
    }
  }
}

function readFile(path) {
  const result = { timezones: [], missingTzids: [], errors: [], occurrences: [] };
  try {
    const parsed = ICAL.parse(readFileSync(path, "utf8"));
    // ICAL.parse gives one jCal array for one VCALENDAR, a list of them for several.
    const calendars = typeof parsed[0] === "string" ? [parsed] : parsed;
    for (const jcal of calendars) {
      readCalendar(new ICAL.Component(jcal), result);
    }
  } catch (error) {
    result.errors.push(String(error && error.stack ? error.stack : error));
  }
  return result;
}

const paths = process.argv.slice(2);
if (paths.length === 0) {
  console.error("usage: node read_ics.mjs FILE.ics [FILE.ics ...]");
  process.exit(2);
}
const output = {};
for (const path of paths) {
  output[path] = readFile(path);
}
process.stdout.write(JSON.stringify(output));
