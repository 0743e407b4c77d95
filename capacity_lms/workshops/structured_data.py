"""A workshop page's schema.org description: a ``CourseInstance`` (an ``Event``) with its first
start and last end, each meeting a ``subEvent`` at its own instant in its own zone (with the
offset: a series across a change of summer time says so), where it happens (a ``Place``, a
``VirtualLocation`` that is the page itself: the join link is only for those registered, or
both), its attendance mode and its status (cancelled, moved). Nothing personal: no trainer, no
participant, no join link."""

from datetime import UTC

from django.utils.html import strip_tags

from capacity_lms.conf import programme_name
from capacity_lms.core.links import absolute_url
from capacity_lms.core.structured_data import SCHEMA_ORG, iso
from capacity_lms.workshops.schedule import is_known_zone, zone

ATTENDANCE = {
    "in_person": f"{SCHEMA_ORG}/OfflineEventAttendanceMode",
    "online": f"{SCHEMA_ORG}/OnlineEventAttendanceMode",
    "hybrid": f"{SCHEMA_ORG}/MixedEventAttendanceMode",
}
COURSE_MODE = {"in_person": "onsite", "online": "online", "hybrid": "blended"}
SCHEDULED = f"{SCHEMA_ORG}/EventScheduled"
CANCELLED = f"{SCHEMA_ORG}/EventCancelled"
RESCHEDULED = f"{SCHEMA_ORG}/EventRescheduled"


def _location(workshop, url):
    places = []
    if workshop.has_venue:
        address = {"@type": "PostalAddress", "addressCountry": workshop.country.iso_code}
        if workshop.address:
            address["streetAddress"] = workshop.address.replace("\n", ", ")
        if workshop.city:
            address["addressLocality"] = workshop.city
        places.append(
            {"@type": "Place", "name": workshop.venue_name or workshop.city, "address": address}
        )
    if workshop.is_online:
        places.append({"@type": "VirtualLocation", "url": url})
    return places[0] if len(places) == 1 else places


def _meetings(workshop, workshop_cancelled):
    """Each meeting as an Event, in order, with whether it takes place."""
    meetings = []
    for session in workshop.sessions.all():
        session_zone = zone(session.time_zone)
        for occurrence in session.occurrences():
            cancelled = workshop_cancelled or session.is_cancelled or occurrence.is_cancelled
            status = CANCELLED if cancelled else RESCHEDULED if occurrence.is_moved else SCHEDULED
            meeting = {
                "@type": "Event",
                "name": session.title or workshop.title,
                "startDate": iso(occurrence.starts_at, session_zone),
                "endDate": iso(occurrence.ends_at, session_zone),
                "eventStatus": status,
            }
            meetings.append((occurrence.starts_at, occurrence.ends_at, cancelled, meeting))
    meetings.sort(key=lambda item: item[0])
    return meetings


def _instance(workshop, status):
    """What every description of ``workshop`` says: a ``CourseInstance`` at its page."""
    url = absolute_url(workshop.get_absolute_url())
    return {
        "@type": "CourseInstance",
        "name": workshop.title,
        "url": url,
        "inLanguage": workshop.language,
        "eventAttendanceMode": ATTENDANCE[workshop.format],
        "courseMode": COURSE_MODE[workshop.format],
        "eventStatus": status,
        "location": _location(workshop, url),
    }


def workshop_json_ld(workshop, language):
    """The schema.org data of ``workshop``'s page, read in ``language``."""
    cancelled = workshop.status == workshop.Status.CANCELLED
    meetings = _meetings(workshop, cancelled)
    data = {
        "@context": SCHEMA_ORG,
        **_instance(workshop, CANCELLED if cancelled else SCHEDULED),
        "organizer": {
            "@type": "Organization",
            "name": str(programme_name(language)),
            "url": absolute_url("/"),
        },
    }
    description = strip_tags(workshop.description or "").strip()
    if description:
        data["description"] = description
    held = [item for item in meetings if not item[2]] or meetings
    if held:
        first = min(held, key=lambda item: item[0])
        last = max(held, key=lambda item: item[1])
        data["startDate"] = first[3]["startDate"]
        data["endDate"] = last[3]["endDate"]
        data["subEvent"] = [item[3] for item in meetings]
    if workshop.strategic_axis_id:
        data["about"] = workshop.strategic_axis.name_in(language)
    if workshop.capacity:
        data["maximumAttendeeCapacity"] = workshop.capacity
    return data


def workshop_instance(workshop):
    """``workshop`` as one ``CourseInstance`` of a course page's list: its page, its mode, where
    and when it next meets (``next_session`` and ``next_zone``, as
    :func:`capacity_lms.workshops.page_panels.course_workshops` annotates them). The workshop's
    own page says the rest."""
    data = _instance(workshop, SCHEDULED)
    if workshop.next_session:
        # A stored row may name a zone this machine does not know: the instant then in UTC.
        known = workshop.next_zone and is_known_zone(workshop.next_zone)
        data["startDate"] = iso(workshop.next_session, zone(workshop.next_zone) if known else UTC)
    return data
