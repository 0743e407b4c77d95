"""Saving a workshop, a session or an occurrence change tells nobody; an edit does.

(What is queued for after the commit, apart from the page cache's purges, is checked empty:
a cached page forgotten tells nobody, and a save must purge what visitors see.)

``Model.save()`` and ``delete()`` keep the row consistent (a higher SEQUENCE when calendars
show something else) and nothing else: a shell, a factory or the demo loader sends no e-mail
and queues no task. The same change made through the admin's edit views, or by an ``.ics``
import, goes through an action that tells each person registered once.
"""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from icalendar import Calendar, Event

from capacity_lms.core import page_cache
from capacity_lms.workshops import schedule
from capacity_lms.workshops.actions import RegisterAction
from capacity_lms.workshops.models import OccurrenceChange, Session, Workshop
from sandbox.testing.factories import SessionFactory, UserFactory, WorkshopFactory
from tests.integration.workshops.test_seats_appear import edit, edit_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

DAY = datetime.date.today() + datetime.timedelta(days=21)
TITLE = "Reporting to funders"
CHANGED = f"Changed: {TITLE}"


@pytest.fixture
def workshop(countries, trainer, committing):
    """Published, in Lyon, a weekly series of four from three weeks ahead; two people
    registered (their confirmations sent and forgotten)."""
    workshop = WorkshopFactory(
        country=countries["fr"], trainers=[trainer], title=TITLE, city="Lyon", capacity=10
    )
    SessionFactory(
        workshop=workshop,
        date=DAY,
        time_zone="Europe/Paris",
        uid="reporting-series@trainer.example",
        recurrence="FREQ=WEEKLY;COUNT=4",
    )
    with committing():
        for name in ("ana", "badr"):
            RegisterAction(workshop, user=UserFactory(username=name)).execute()
    mail.outbox = []
    return workshop


def told():
    return sorted((message.to[0].split("@")[0], message.subject) for message in mail.outbox)


def everyone(subject):
    return [("ana", subject), ("badr", subject)]


def test_saving_in_a_shell_sends_nothing_and_queues_nothing(
    workshop, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        stored = Workshop.objects.get(pk=workshop.pk)
        stored.venue_name, stored.online_url = "Maison des associations", "https://x.example"
        stored.save()
        session = Session.objects.get(workshop=workshop)
        session.start_time = datetime.time(17, 0)
        session.save()
        change = OccurrenceChange.objects.create(
            session=session, original_date=DAY + datetime.timedelta(days=7)
        )
        change.status = OccurrenceChange.Status.MOVED
        change.date = DAY + datetime.timedelta(days=8)
        change.start_time, change.end_time = datetime.time(9, 0), datetime.time(11, 0)
        change.save()
        change.delete()
        stored.status = Workshop.Status.CANCELLED
        stored.save()
    assert [callback for callback in callbacks if not page_cache.is_purge(callback)] == []
    assert mail.outbox == []
    # The rows stay consistent: calendars still see a higher SEQUENCE.
    assert Workshop.objects.get(pk=workshop.pk).sequence == 2
    assert Session.objects.get(workshop=workshop).sequence == 1


def test_factories_send_nothing(countries, trainer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        workshop = WorkshopFactory(country=countries["fr"], trainers=[trainer])
        session = SessionFactory(workshop=workshop, date=DAY, recurrence="FREQ=WEEKLY;COUNT=2")
        OccurrenceChange.objects.create(session=session, original_date=DAY)
    assert [callback for callback in callbacks if not page_cache.is_purge(callback)] == []
    assert mail.outbox == []


def test_a_venue_changed_in_the_admin_tells_everyone_once(
    client, workshop, trainer, countries, committing
):
    client.force_login(trainer)
    edit(
        client, workshop, edit_data(workshop, trainer, countries, city="Villeurbanne"), committing
    )
    assert told() == everyone(CHANGED)


def test_a_session_changed_in_the_admin_tells_everyone_once(
    client, workshop, trainer, countries, committing
):
    client.force_login(trainer)
    edit(
        client,
        workshop,
        edit_data(workshop, trainer, countries, session_start="17:00"),
        committing,
    )
    assert told() == everyone(CHANGED)
    assert Session.objects.get(workshop=workshop).start_time == datetime.time(17, 0)


def test_the_workshop_cancelled_in_the_admin_tells_everyone_once(
    client, workshop, trainer, countries, committing
):
    client.force_login(trainer)
    edit(client, workshop, edit_data(workshop, trainer, countries, status="cancelled"), committing)
    assert told() == everyone(f"Cancelled: {TITLE}")


def test_an_occurrence_changed_in_the_admin_tells_everyone_once_each_time(
    client, workshop, trainer, committing
):
    client.force_login(trainer)
    session = Session.objects.get(workshop=workshop)
    second = DAY + datetime.timedelta(days=7)
    with committing():
        response = client.post(
            reverse("capacity_occurrence_changes:add"),
            {"session": session.pk, "original_date": second.isoformat(), "status": "cancelled"},
        )
    assert response.status_code == 302
    assert told() == everyone(CHANGED)
    change = OccurrenceChange.objects.get()

    mail.outbox = []
    with committing():
        response = client.post(
            reverse("capacity_occurrence_changes:edit", args=[change.pk]),
            {
                "session": session.pk,
                "original_date": second.isoformat(),
                "status": "moved",
                "date": (second + datetime.timedelta(days=1)).isoformat(),
                "start_time": "09:00",
                "end_time": "11:00",
            },
        )
    assert response.status_code == 302
    assert told() == everyone(CHANGED)

    mail.outbox = []
    with committing():
        response = client.post(reverse("capacity_occurrence_changes:delete", args=[change.pk]))
    assert response.status_code == 302
    assert not OccurrenceChange.objects.exists()
    assert told() == everyone(CHANGED)
    assert Session.objects.get(pk=session.pk).sequence == 3


def _calendar(start_hour):
    calendar = Calendar()
    calendar.add("prodid", "-//trainer//EN")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", "reporting-series@trainer.example")
    event.add("summary", "Reporting")
    zone = schedule.zone("Europe/Paris")
    event.add("dtstart", datetime.datetime.combine(DAY, datetime.time(start_hour), tzinfo=zone))
    event.add("dtend", datetime.datetime.combine(DAY, datetime.time(start_hour + 2), tzinfo=zone))
    event.add("rrule", {"freq": "weekly", "count": 4})
    calendar.add_component(event)
    return calendar.to_ical()


def test_a_session_changed_by_an_ics_import_tells_everyone_once(
    client, workshop, trainer, committing
):
    client.force_login(trainer)
    url = reverse("capacity_workshops:import", args=[workshop.pk])
    upload = SimpleUploadedFile("schedule.ics", _calendar(16), "text/calendar")
    with committing():
        response = client.post(url, {"calendar_file": upload})
    assert response.status_code == 302
    assert told() == everyone(CHANGED)
    assert Session.objects.get(workshop=workshop).start_time == datetime.time(16, 0)

    mail.outbox = []
    upload = SimpleUploadedFile("schedule.ics", _calendar(16), "text/calendar")
    with committing():
        client.post(url, {"calendar_file": upload})
    assert mail.outbox == []  # the same file again changes nothing
