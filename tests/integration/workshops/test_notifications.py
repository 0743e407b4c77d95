"""E-mails about workshops: what each person is told, when, once, and in their language.

The test settings run tasks with Django's ``ImmediateBackend`` and keep e-mail in memory; the
``committing`` fixture runs what an action leaves for after its commit.
"""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.utils import formats, translation
from django.utils.translation import gettext
from icalendar import Calendar

from capacity_lms.workshops import schedule
from capacity_lms.workshops.actions import (
    AddPersonAction,
    CancelRegistrationAction,
    EditWorkshopAction,
    RegisterAction,
)
from capacity_lms.workshops.models import OccurrenceChange, ReminderDelivery, Workshop
from capacity_lms.workshops.notifications import send_due_reminders
from capacity_lms.workshops.schedule_edits import CreateOccurrenceChangeAction, EditSessionAction
from sandbox.testing.factories import LearnerProfileFactory, SessionFactory, UserFactory
from tests.integration.conftest import make_workshop

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

ONLINE_URL = "https://meet.example.org/secret-room-42"
DAY = datetime.date.today() + datetime.timedelta(days=21)


@pytest.fixture
def workshop(countries, trainer):
    """Online, one seat, one session at 18:00 in Paris three weeks ahead."""
    workshop = make_workshop(
        countries["fr"],
        trainers=[trainer],
        sessions=0,
        capacity=1,
        format=Workshop.Format.ONLINE,
        online_url=ONLINE_URL,
        title="Budgets that funders trust",
    )
    SessionFactory(
        workshop=workshop,
        date=DAY,
        start_time=datetime.time(18, 0),
        end_time=datetime.time(20, 0),
        time_zone="Europe/Paris",
    )
    return workshop


def subjects():
    return [(message.to[0], message.subject) for message in mail.outbox]


def ics_of(message):
    """The parsed ``.ics`` attached to ``message``."""
    [(filename, content, mimetype)] = message.attachments
    assert filename == "workshop.ics"
    assert mimetype.startswith("text/calendar")
    return Calendar.from_ical(content.encode() if isinstance(content, str) else content)


def events(calendar):
    return calendar.walk("VEVENT")


def register(person, workshop, committing):
    with committing():
        return RegisterAction(workshop, user=person).execute()


def test_confirmation_carries_the_workshop_as_an_ics_with_the_link(workshop, member, committing):
    mail.outbox = []
    register(member, workshop, committing)

    [message] = mail.outbox
    assert message.to == [member.email]
    assert message.subject == "Registration confirmed: Budgets that funders trust"
    assert ONLINE_URL in message.body
    calendar = ics_of(message)
    [event] = events(calendar)
    session = workshop.sessions.get()
    assert str(event["UID"]) == session.uid
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    assert event.decoded("DTSTART").replace(tzinfo=None) == datetime.datetime.combine(
        DAY, datetime.time(18, 0)
    )
    assert event.decoded("DTSTART").astimezone(datetime.UTC) == session.starts_at
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    assert ONLINE_URL in str(event["LOCATION"]) + str(event["DESCRIPTION"])


def test_waiting_list_notice_has_no_link_and_promotion_notice_follows(
    workshop, member, committing
):
    first = UserFactory(username="first-in")
    register(first, workshop, committing)
    mail.outbox = []

    register(member, workshop, committing)

    [message] = mail.outbox
    assert message.subject == "On the waiting list: Budgets that funders trust"
    assert ONLINE_URL not in message.body
    assert ONLINE_URL not in ics_of(message).to_ical().decode()
    mail.outbox = []

    with committing():
        CancelRegistrationAction(workshop, user=first).execute()

    assert sorted(subjects()) == sorted(
        [
            (first.email, "Registration cancelled: Budgets that funders trust"),
            (member.email, "A seat is yours: Budgets that funders trust"),
        ]
    )
    promotion = next(m for m in mail.outbox if m.to == [member.email])
    assert ONLINE_URL in promotion.body
    assert ONLINE_URL in ics_of(promotion).to_ical().decode()
    cancellation = next(m for m in mail.outbox if m.to == [first.email])
    assert ONLINE_URL not in cancellation.body


def registered_people(workshop, committing, count=2):
    """``count`` people: the first confirmed, the others waiting (one seat)."""
    people = [UserFactory(username=f"registrant-{number}") for number in range(count)]
    for person in people:
        register(person, workshop, committing)
    mail.outbox = []
    return people


def test_a_changed_session_time_tells_everyone_registered_once(workshop, committing):
    confirmed, waiting = registered_people(workshop, committing)
    session = workshop.sessions.get()
    sequence = int(events(Calendar.from_ical(_feed(workshop)))[0]["SEQUENCE"])

    with committing():
        session.start_time = datetime.time(17, 0)
        EditSessionAction(session).execute()

    assert sorted(subjects()) == sorted(
        [
            (confirmed.email, "Changed: Budgets that funders trust"),
            (waiting.email, "Changed: Budgets that funders trust"),
        ]
    )
    message = next(m for m in mail.outbox if m.to == [confirmed.email])
    [event] = events(ics_of(message))
    assert int(event["SEQUENCE"]) > sequence
    assert event.decoded("DTSTART").time() == datetime.time(17, 0)
    assert "17:00" in message.body


def test_several_changes_in_one_transaction_send_one_notice(workshop, committing):
    confirmed, waiting = registered_people(workshop, committing)
    session = workshop.sessions.get()

    with committing(), transaction.atomic():
        session.start_time = datetime.time(9, 0)
        EditSessionAction(session).execute()
        session.end_time = datetime.time(12, 0)
        EditSessionAction(session).execute()
        session.title = "Morning"
        EditSessionAction(session).execute()

    assert sorted(to for to, _subject in subjects()) == sorted([confirmed.email, waiting.email])
    [event] = events(ics_of(mail.outbox[0]))
    assert event.decoded("DTEND").time() == datetime.time(12, 0)


def test_saving_a_session_unchanged_sends_nothing(workshop, committing):
    registered_people(workshop, committing)
    session = workshop.sessions.get()
    with committing():
        EditSessionAction(session).execute()
    assert mail.outbox == []


def test_an_occurrence_change_in_a_series_tells_people(workshop, committing):
    confirmed, _waiting = registered_people(workshop, committing)
    session = workshop.sessions.get()
    session.recurrence = "FREQ=WEEKLY;COUNT=4"
    with committing():
        session.save()
    mail.outbox = []

    with committing():
        CreateOccurrenceChangeAction(
            OccurrenceChange(session=session, original_date=DAY + datetime.timedelta(days=7))
        ).execute()

    assert len(mail.outbox) == 2
    message = next(m for m in mail.outbox if m.to == [confirmed.email])
    [event] = events(ics_of(message))
    exdates = [value.dt.date() for value in event["EXDATE"].dts]
    assert exdates == [DAY + datetime.timedelta(days=7)]


def test_cancelling_the_workshop_tells_everyone_registered(workshop, committing):
    confirmed, waiting, gone = registered_people(workshop, committing, count=3)
    CancelRegistrationAction(workshop, user=gone).execute()  # someone who left is not told

    with committing():
        workshop.status = Workshop.Status.CANCELLED
        EditWorkshopAction(workshop).execute()

    assert sorted(subjects()) == sorted(
        [
            (confirmed.email, "Cancelled: Budgets that funders trust"),
            (waiting.email, "Cancelled: Budgets that funders trust"),
        ]
    )
    [event] = events(ics_of(mail.outbox[0]))
    assert str(event["STATUS"]) == "CANCELLED"
    mail.outbox = []
    with committing():
        workshop.title = "Budgets that funders trust (cancelled)"
        EditWorkshopAction(workshop).execute()
    assert mail.outbox == []


def _feed(workshop):
    from capacity_lms.workshops.calendar import workshop_calendar

    return workshop_calendar(workshop)


def when(instant, zone="Europe/Paris", language="en", date_format="DATE_FORMAT"):
    """The weekday, date and time of ``instant`` in ``zone``, as ``language`` writes them
    (however a template joins them)."""
    local = instant.astimezone(schedule.zone(zone))
    with translation.override(language):
        return [formats.date_format(local, name) for name in ("l", date_format, "H:i")]


def shows(body, parts):
    return all(part in body for part in parts)


def reminder_run(at):
    return send_due_reminders.call(at.isoformat())


def paris(day, hour):
    return schedule.to_utc(day, datetime.time(hour, 0), "Europe/Paris")


def test_reminders_go_once_to_each_confirmed_person_within_the_lead_time(workshop, committing):
    workshop.capacity = 2
    workshop.save(update_fields=["capacity"])
    first, second, _waiting = registered_people(workshop, committing, count=3)
    start = paris(DAY, 18)

    assert reminder_run(start - datetime.timedelta(hours=30)) == 0
    assert mail.outbox == []

    assert reminder_run(start - datetime.timedelta(hours=3)) == 2
    assert sorted(subjects()) == sorted(
        [
            (first.email, "Reminder: Budgets that funders trust"),
            (second.email, "Reminder: Budgets that funders trust"),
        ]
    )
    assert ReminderDelivery.objects.count() == 2
    mail.outbox = []

    assert reminder_run(start - datetime.timedelta(hours=2)) == 0
    assert mail.outbox == []


def test_a_series_is_reminded_of_its_next_occurrence_only(workshop, committing):
    (confirmed,) = registered_people(workshop, committing, count=1)
    session = workshop.sessions.get()
    session.recurrence = "FREQ=WEEKLY;COUNT=4"
    session.save()
    OccurrenceChange.objects.create(
        session=session, original_date=DAY + datetime.timedelta(days=14)
    )
    second = paris(DAY + datetime.timedelta(days=7), 18)

    assert reminder_run(second - datetime.timedelta(hours=5)) == 1
    [message] = mail.outbox
    assert message.to == [confirmed.email]
    [delivery] = ReminderDelivery.objects.all()
    assert delivery.occurrence_starts_at == second
    # The reminder names that occurrence, not the whole series.
    assert shows(message.body, when(second))
    assert when(paris(DAY, 18))[1] not in message.body
    assert reminder_run(second - datetime.timedelta(hours=1)) == 0
    # The third occurrence is cancelled: nobody is reminded of it.
    third = paris(DAY + datetime.timedelta(days=14), 18)
    assert reminder_run(third - datetime.timedelta(hours=5)) == 0
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_e_mails_are_written_in_the_persons_preferred_language(
    workshop, member, committing, language
):
    LearnerProfileFactory(
        user=member,
        preferred_language=language,
        country_of_residence=workshop.country,
        time_zone="America/Toronto",
    )
    mail.outbox = []
    register(member, workshop, committing)

    [message] = mail.outbox
    with translation.override(language):
        subject = gettext("Registration confirmed: %(title)s") % {"title": workshop.title}
    starts = paris(DAY, 18)
    in_language, in_english = when(starts, language=language), when(starts)
    # Whatever the catalogue says today (translators are at work): the override is used.
    assert message.subject == subject
    assert shows(message.body, in_language)
    assert in_english[0] not in message.body  # the weekday is never left in English
    # The time in the person's own zone too.
    toronto = when(starts, "America/Toronto", language, "MONTH_DAY_FORMAT")
    assert shows(message.body, toronto) and "America/Toronto" in message.body
    # Whoever is next still gets English (the language is not left switched on).
    mail.outbox = []
    with committing():
        AddPersonAction(
            workshop,
            user=workshop.trainers.get(),
            person=UserFactory(username="english"),
            over_capacity=True,
        ).execute()
    assert mail.outbox[0].subject == "Registration confirmed: Budgets that funders trust"


def test_a_new_link_tells_everyone_registered_but_a_reworded_description_does_not(
    workshop, committing
):
    confirmed, waiting = registered_people(workshop, committing)
    sequence = Workshop.objects.get(pk=workshop.pk).sequence

    with committing():
        workshop = Workshop.objects.get(pk=workshop.pk)
        workshop.description = "<p>Same workshop, clearer words.</p>"
        EditWorkshopAction(workshop).execute()
    assert subjects() == []
    assert workshop.sequence == sequence + 1  # calendars still learn of it

    new_link = "https://meet.example.org/budgets-new-room"
    with committing():
        workshop.online_url = new_link
        EditWorkshopAction(workshop).execute()
    assert sorted(to for to, _subject in subjects()) == sorted([confirmed.email, waiting.email])
    by_person = {message.to[0]: message for message in mail.outbox}
    assert new_link in by_person[confirmed.email].body
    assert new_link not in by_person[waiting.email].body
