"""E-mails of the network, always from the platform's own address.

The admins of an association hear that a partnership was proposed, answered or ended, and that
the association received a message. Each person gets their own e-mail in their own language,
sent from ``DEFAULT_FROM_EMAIL`` with no Reply-To and no other person's address in any header or
in the text: the message itself is read and answered on the site. For a reply, the person who
wrote the message it answers is told too.
"""

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from capacity_lms.core.languages import language_of
from capacity_lms.core.links import absolute_url
from capacity_lms.network.models import Partnership, RelayedMessage
from capacity_lms.network.notifications import association_admins
from capacity_lms.people.models import Association

SUBJECTS = {
    "partnership_declared": _("%(association)s proposes a partnership"),
    "partnership_confirmed": _("%(association)s confirmed your partnership"),
    "partnership_declined": _("%(association)s declined your proposed partnership"),
    "partnership_ended": _("%(association)s ended your partnership"),
    "message_received": _("A message from %(association)s"),
}


def notify_later(association_id, notice, object_id):
    """Queue :func:`notify_association` once the current transaction commits."""
    transaction.on_commit(lambda: notify_association.enqueue(association_id, notice, object_id))


def _subject_and_link(notice, object_id, association_id):
    """(the other association, the page to read, the object) for ``notice``; None if gone."""
    if notice == "message_received":
        message = (
            RelayedMessage.objects.select_related("sender_association", "in_reply_to")
            .filter(pk=object_id)
            .first()
        )
        if message is None:
            return None
        link = reverse("capacity_lms:network_message", args=[message.pk])
        return message.sender_association, link, message
    partnership = (
        Partnership.objects.select_related("initiator", "partner").filter(pk=object_id).first()
    )
    if partnership is None:
        return None
    other = partnership.partner
    if partnership.partner_id == association_id:
        other = partnership.initiator
    return other, reverse("capacity_lms:network_partnerships"), partnership


def recipients(association_id, notice, subject):
    """The people told: the association's admins and, for a reply, the person answered."""
    people = set(association_admins(association_id))
    if notice == "message_received" and subject.in_reply_to_id:
        answered = subject.in_reply_to.sender
        if answered is not None:
            people.add(answered)
    return sorted(
        (person for person in people if person.email and person.is_active),
        key=lambda person: person.pk,
    )


@task()
def notify_association(association_id, notice, object_id):
    """E-mail the people of ``association_id`` about ``notice``; returns how many were told."""
    found = _subject_and_link(notice, object_id, association_id)
    association = Association.objects.filter(pk=association_id).first()
    if found is None or association is None:
        return 0
    other, link, subject = found
    told = 0
    for person in recipients(association_id, notice, subject):
        with translation.override(language_of(person)):
            context = {
                "notice": notice,
                "association": association,
                "other": other,
                "url": absolute_url(link),
                "object": subject,
            }
            message = EmailMessage(
                subject=str(SUBJECTS[notice] % {"association": other.name}),
                body=render_to_string("capacity_lms/network/email/notice.txt", context),
                to=[person.email],
            )
        message.send()
        told += 1
    return told
