"""What the workshop models keep of a person, and how it is exported and erased.

An erased person's registrations for workshops still to come are cancelled, as if they had
cancelled themselves: their seat goes to the first person waiting (told by e-mail once the
erasure commits), and they are not written to (they have no address any more). Their
registrations for workshops that are over stay, pseudonymous, for the reports.
"""

from django.utils.translation import gettext_lazy as _

from capacity_lms.core.actions import ActionRefused
from capacity_lms.privacy.registry import DELETE, KEEP, register
from capacity_lms.workshops.actions import CancelRegistrationAction
from capacity_lms.workshops.models import (
    CalendarFeedToken,
    Registration,
    ReminderDelivery,
    Session,
    Workshop,
)


class ErasureCancellation(CancelRegistrationAction):
    """The member's own cancellation, on the authority of the erasure: the first person
    waiting is promoted in the same transaction; the erased person gets no e-mail."""

    tells_person = False


def erase_registrations(rows, erasure):
    """Cancel the person's registrations (confirmed or waiting) for workshops with a session
    not over yet, in the erasure's transaction; keep the others. Returns how many it cancelled.

    A cancelled workshop, or one whose only sessions to come are cancelled, keeps its
    registrations: nobody is to be promoted to a seat at a workshop that will not happen. So
    does one that has ended (its last meetings cancelled), as the member's action refuses.
    """
    to_come = (
        Session.objects.upcoming()
        .exclude(status=Session.Status.CANCELLED)
        .exclude(workshop__status=Workshop.Status.CANCELLED)
        .values("workshop")
    )
    registrations = list(rows.active().filter(workshop__in=to_come).select_related("workshop"))
    cancelled = 0
    for registration in registrations:
        try:
            ErasureCancellation(registration.workshop, user=erasure.person).execute()
        except ActionRefused as refused:
            # Its last meetings are cancelled or moved earlier: it has ended, and its
            # registrations stay like those of any past workshop.
            if refused.code != "ended":
                raise
        else:
            cancelled += 1
    return cancelled


register(
    Workshop,
    person_fields=["trainers"],
    export=["title", "slug", ("country", "country__code")],
    erase=KEEP,
    reason=_(
        "The programme's record of who ran a workshop; after erasure the trainer is the "
        "pseudonymous account. Kept as long as the workshop."
    ),
)

register(
    Registration,
    person_fields=["user"],
    actor_fields=["added_by"],
    export=[
        ("workshop", "workshop__title"),
        "status",
        "queued_at",
        "confirmed_at",
        "cancelled_at",
    ],
    erase=erase_registrations,
    reason=_(
        "Counted in the reports (registrations) and in the workshop's seats; after erasure it "
        "belongs to the pseudonymous account. Registrations for workshops still to come are "
        "cancelled, and their seats go to the waiting list."
    ),
)

register(
    CalendarFeedToken,
    person_fields=["user"],
    export=["created_at"],
    erase=DELETE,
)

register(
    ReminderDelivery,
    person_fields=["user"],
    export=[("session", "session__workshop__title"), "occurrence_starts_at", "sent_at"],
    erase=DELETE,
)
