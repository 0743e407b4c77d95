"""E-mails about workshops, sent through the Django tasks API.

Actions and model changes enqueue these tasks after their transaction commits; the host picks
the backend (``ImmediateBackend`` runs them at once, ``django-tasks-db``'s ``db_worker`` runs
them in another process). Each message goes out in the person's preferred language, with the
workshop's ``.ics`` attached so that one click puts it in their calendar.
"""

import datetime

from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from capacity_lms.conf import get_setting
from capacity_lms.core import clock
from capacity_lms.core.languages import language_of
from capacity_lms.core.links import absolute_url
from capacity_lms.workshops.calendar import workshop_calendar
from capacity_lms.workshops.models import (
    Registration,
    ReminderDelivery,
    Session,
    Workshop,
)
from capacity_lms.workshops.times import person_time_zone


def send_notice(user, workshop, kind, occurrences=None):
    """Send one notice of ``kind`` about ``workshop`` to ``user``; False without an address."""
    if not user.email:
        return False
    confirmed = workshop.registrations.filter(
        user=user, status=Registration.Status.CONFIRMED
    ).exists()
    with translation.override(language_of(user)):
        subjects = {
            "registered": _("Registration confirmed: %(title)s"),
            "waiting": _("On the waiting list: %(title)s"),
            "promoted": _("A seat is yours: %(title)s"),
            "cancelled_registration": _("Registration cancelled: %(title)s"),
            "changed": _("Changed: %(title)s"),
            "workshop_cancelled": _("Cancelled: %(title)s"),
            "reminder": _("Reminder: %(title)s"),
        }
        context = {
            "kind": kind,
            "person": user,
            "workshop": workshop,
            "workshop_url": absolute_url(workshop.get_absolute_url()),
            "occurrences": occurrences
            if occurrences is not None
            else [
                occurrence
                for session in workshop.sessions.prefetch_related("changes")
                for occurrence in session.occurrences()
                if occurrence.ends_at >= clock.now()
            ],
            "time_zone": person_time_zone(user),
            "online_link": confirmed and workshop.online_url,
        }
        message = EmailMessage(
            subject=subjects[kind] % {"title": workshop.title},
            body=render_to_string("capacity_lms/workshops/email/notice.txt", context),
            to=[user.email],
        )
        if kind not in ("cancelled_registration",):
            message.attach(
                "workshop.ics",
                workshop_calendar(workshop, online_link=confirmed),
                "text/calendar; charset=utf-8; method=PUBLISH",
            )
    message.send()
    return True


def _registration_notice(registration_id, kind):
    registration = (
        Registration.objects.select_related("user", "workshop", "workshop__country")
        .filter(pk=registration_id)
        .first()
    )
    if registration is None:
        return False
    return send_notice(registration.user, registration.workshop, kind)


@task()
def notify_registered(registration_id):
    return _registration_notice(registration_id, "registered")


@task()
def notify_waiting(registration_id):
    return _registration_notice(registration_id, "waiting")


@task()
def notify_promoted(registration_id):
    return _registration_notice(registration_id, "promoted")


@task()
def notify_cancelled_registration(registration_id):
    return _registration_notice(registration_id, "cancelled_registration")


def _people_of(workshop, told_before=None):
    """The people registered (confirmed or waiting); with ``told_before``, only those whose
    last notice (registered, waiting, promoted) went out before that instant: whoever was
    registered or promoted since a change got a notice that already carries it (as when one
    edit raises the capacity and moves the venue)."""
    registrations = workshop.registrations.active()
    if told_before is not None:
        registrations = registrations.exclude(queued_at__gte=told_before).exclude(
            confirmed_at__gte=told_before
        )
    return [registration.user for registration in registrations.select_related("user")]


@task()
def notify_session_changed(session_id, sequence=None):
    """Tell everyone registered that a session moved, was cancelled or was changed.

    ``sequence`` is the session's SEQUENCE when the change was saved: if a later change has
    been saved since, that change's own task tells people, and this one sends nothing.
    """
    session = Session.objects.select_related("workshop", "workshop__country").filter(pk=session_id)
    session = session.first()
    if session is None or session.workshop.status != Workshop.Status.PUBLISHED:
        return 0
    if sequence is not None and session.sequence != sequence:
        return 0
    sent = 0
    # The session's last save is no earlier than this change.
    for person in _people_of(session.workshop, told_before=session.updated_at):
        sent += send_notice(person, session.workshop, "changed")
    return sent


@task()
def notify_workshop_changed(workshop_id, sequence):
    """Tell everyone registered that the venue or the way to join changed.

    As for sessions, a later change's own task speaks for both: this one then sends nothing.
    """
    workshop = Workshop.objects.select_related("country").filter(pk=workshop_id).first()
    if workshop is None or workshop.status != Workshop.Status.PUBLISHED:
        return 0
    if workshop.sequence != sequence:
        return 0
    people = _people_of(workshop, told_before=workshop.updated_at)
    return sum(send_notice(person, workshop, "changed") for person in people)


@task()
def notify_workshop_cancelled(workshop_id):
    workshop = Workshop.objects.select_related("country").filter(pk=workshop_id).first()
    if workshop is None:
        return 0
    return sum(
        send_notice(person, workshop, "workshop_cancelled") for person in _people_of(workshop)
    )


@task()
def send_due_reminders(now=None):
    """Remind confirmed people of each occurrence starting within the reminder lead time.

    Safe to run as often as wanted, from several processes: a reminder is claimed by inserting
    its :class:`ReminderDelivery` row (unique per occurrence and person) before it is sent, so
    a second run finds the row and sends nothing. A failed send releases its claim.
    """
    now = datetime.datetime.fromisoformat(now) if now else clock.now()
    horizon = now + datetime.timedelta(hours=get_setting("REMINDER_HOURS_BEFORE"))
    sessions = (
        Session.objects.filter(
            workshop__status=Workshop.Status.PUBLISHED,
            status=Session.Status.SCHEDULED,
            series_ends_at__gte=now,
            starts_at__lte=horizon,
        )
        .select_related("workshop", "workshop__country")
        .prefetch_related("changes")
    )
    sent = 0
    for session in sessions:
        due = [
            occurrence
            for occurrence in session.occurrences()
            if now <= occurrence.starts_at <= horizon and not occurrence.is_cancelled
        ]
        if not due:
            continue
        registrations = session.workshop.registrations.confirmed().select_related("user")
        for occurrence in due:
            for registration in registrations:
                sent += _remind_once(session, occurrence, registration.user)
    return sent


def _remind_once(session, occurrence, user):
    try:
        with transaction.atomic():
            claim = ReminderDelivery.objects.create(
                session=session, occurrence_starts_at=occurrence.starts_at, user=user
            )
    except IntegrityError:
        return 0
    try:
        delivered = send_notice(user, session.workshop, "reminder", occurrences=[occurrence])
    except Exception:
        claim.delete()
        raise
    return int(delivered)
