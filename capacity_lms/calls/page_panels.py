"""What the calls show on pages of lower layers, registered in the core's panel registry
(:mod:`capacity_lms.core.panels`): the site's navigation gives a member who sits on a call's
committee their way in to *My reviews*.

Every signed-in page asks; the people who hold a seat (a committee is a few people, the calls
of all years a few hundred) are kept in the shared cache as one set while the seats' version
number stays put: one cache round trip and no query for everyone, a newcomer included, and every
change of a seat moves the number on, whichever app server made it. The page drawn at a
workshop's door after a check-in leaves the slot out (see ``CheckInView``).
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from capacity_lms.calls.pages import CommitteeMember
from capacity_lms.core import clock
from capacity_lms.core.panels import register_panel
from capacity_lms.core.versions import bump, kept_while

SEATS_VERSION = "capacity_lms:calls:committee-seats"
SEATED_KEY = f"{SEATS_VERSION}:people"
KEPT_SEAT_SECONDS = 24 * 3600


def sits_on_a_committee(user):
    """Whether ``user`` has a seat on the committee of any call (any language version)."""
    if user is None or not user.is_authenticated:
        return False
    return user.pk in kept_while(SEATS_VERSION, SEATED_KEY, seated_people, KEPT_SEAT_SECONDS)


def seated_people():
    """The ids of everyone with a seat on any call's committee."""
    return frozenset(CommitteeMember.objects.values_list("user_id", flat=True).distinct())


@receiver(post_save, sender=CommitteeMember, dispatch_uid="capacity_lms_committee_seat_saved")
@receiver(post_delete, sender=CommitteeMember, dispatch_uid="capacity_lms_committee_seat_gone")
def forget_kept_seats(**kwargs):
    bump(SEATS_VERSION)
    transaction.on_commit(lambda: bump(SEATS_VERSION))


def reviews_link(page, request):
    """The navigation's link to *My reviews*, for a member of a committee only."""
    if request is None or not sits_on_a_committee(request.user):
        return None
    return {}


def workbook_calls(workbook, request):
    """On a project workbook (``workbook/mine.html``), for an admin of its association once
    some of it is accepted: the open calls an application may start from it, or the
    application already started for each."""
    from wagtail.models import Locale

    from capacity_lms.calls.applications import is_admin_of
    from capacity_lms.calls.models import Application
    from capacity_lms.calls.pages import CallPage
    from capacity_lms.workbook.access import accepted_workbooks

    user = getattr(request, "user", None)
    if user is None or not is_admin_of(user, workbook.association_id):
        return None
    if not accepted_workbooks(workbook.association).filter(pk=workbook.pk).exists():
        return None
    now = clock.now()
    calls = [
        call
        for call in CallPage.objects.live().filter(locale=Locale.get_active()).order_by("-year")
        if call.canonical().is_open(now)
    ]
    if not calls:
        return None
    started = {
        application.call_id: application
        for application in Application.objects.filter(association_id=workbook.association_id)
    }
    return {
        "call_rows": [(call, started.get(call.canonical().pk)) for call in calls],
    }


def register():
    register_panel(
        "member_navigation",
        "capacity_lms/calls/includes/reviews_link.html",
        context=reviews_link,
        order=10,
    )
    register_panel(
        "workbook",
        "capacity_lms/calls/includes/workbook_calls.html",
        context=workbook_calls,
        order=10,
    )
