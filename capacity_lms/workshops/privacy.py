"""What the workshop models keep of a person, and how it is exported and erased."""

from django.utils.translation import gettext_lazy as _

from capacity_lms.privacy.registry import DELETE, KEEP, PSEUDONYMISE, register
from capacity_lms.workshops.models import (
    CalendarFeedToken,
    Registration,
    ReminderDelivery,
    Workshop,
)

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
    erase=PSEUDONYMISE,
    reason=_(
        "Counted in the reports (registrations) and in the workshop's seats; after erasure it "
        "belongs to the pseudonymous account."
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
