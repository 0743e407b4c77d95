"""E-mails about an association's registration and membership, each in its reader's language.

Actions call the ``notify_*`` functions inside their transaction; the e-mail task is enqueued
once the transaction commits, so a refused or rolled-back change sends nothing. Addresses of
other people are never put in a message: each person gets their own e-mail.
"""

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from capacity_lms.core.languages import language_of
from capacity_lms.core.links import absolute_url
from capacity_lms.people.models import Association, Membership
from capacity_lms.people.records import MembershipRequest, ProfileChange


def _subjects():
    return {
        "verified": _("Your association is verified: %(name)s"),
        "reinstated": _("Your association is verified again: %(name)s"),
        "changes_requested": _("Your association's registration needs changes: %(name)s"),
        "refused": _("Your association's registration was not accepted: %(name)s"),
        "suspended": _("Your association is suspended: %(name)s"),
        "join_requested": _("A request to join %(name)s"),
        "join_accepted": _("You are now a member of %(name)s"),
        "join_refused": _("Your request to join %(name)s was not accepted"),
        "change_applied": _("Your changes to %(name)s are published"),
        "change_refused": _("Your changes to %(name)s were not published"),
    }


def send(person, outcome, association, reason=""):
    """E-mail ``person`` about ``outcome`` for ``association``; False without an address."""
    if person is None or not person.email:
        return False
    with translation.override(language_of(person)):
        name = association.name
        if not association.is_verified and outcome == "join_refused":
            # Asked through a duplicate registration: nothing of an unverified one is told.
            name = _("an association awaiting verification")
        context = {
            "outcome": outcome,
            "person": person,
            "association": association,
            "association_name": name,
            "reason": reason,
            "my_associations_url": absolute_url(reverse("capacity_lms:association_mine")),
        }
        message = EmailMessage(
            subject=_subjects()[outcome] % {"name": name},
            body=render_to_string("capacity_lms/network/email/association.txt", context),
            to=[person.email],
        )
    message.send()
    return True


def association_admins(association_id):
    """The admins of an association who can be e-mailed (active, with an address)."""
    return [
        membership.user
        for membership in Membership.objects.leaders()
        .filter(association_id=association_id, user__is_active=True)
        .exclude(user__email="")
        .select_related("user__capacity_profile")
        .order_by("user_id")
    ]


@task()
def send_to_admins(association_id, outcome, reason=""):
    association = Association.objects.filter(pk=association_id).first()
    if association is None:
        return 0
    return sum(
        send(person, outcome, association, reason) for person in association_admins(association.pk)
    )


@task()
def send_request_outcome(request_id, outcome):
    request = (
        MembershipRequest.objects.select_related("user", "association")
        .filter(pk=request_id)
        .first()
    )
    if request is None:
        return False
    return send(request.user, outcome, request.association, request.reason)


@task()
def send_change_outcome(change_id, outcome):
    change = (
        ProfileChange.objects.select_related("proposed_by", "association")
        .filter(pk=change_id)
        .first()
    )
    if change is None:
        return False
    return send(change.proposed_by, outcome, change.association, change.reason)


def notify_association_admins(association_id, outcome, reason=""):
    transaction.on_commit(lambda: send_to_admins.enqueue(association_id, outcome, reason))


def notify_requester(request_id, outcome):
    transaction.on_commit(lambda: send_request_outcome.enqueue(request_id, outcome))


def notify_proposer(change_id, outcome):
    transaction.on_commit(lambda: send_change_outcome.enqueue(change_id, outcome))
