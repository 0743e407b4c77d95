"""What the attendance models keep of a person, and how it is exported and erased."""

from django.utils.translation import gettext_lazy as _

from capacity_lms.attendance.models import AttendanceChange, AttendanceRecord, WalkIn
from capacity_lms.privacy.registry import PSEUDONYMISE, register

COUNTED = _(
    "Counted in the attendance rates and reports; after erasure it belongs to the pseudonymous "
    "account, its remarks erased."
)


def _pseudonym(erasure):
    return erasure.pseudonym


register(
    WalkIn,
    person_fields=["user"],
    actor_fields=["added_by"],
    export=[("workshop", "workshop__title"), "name", "email", "created_at"],
    erase=PSEUDONYMISE,
    scrub={"name": _pseudonym, "email": ""},
    reason=COUNTED,
)

register(
    AttendanceRecord,
    person_fields=["user"],
    actor_fields=["marked_by"],
    export=[
        ("workshop", "session__workshop__title"),
        "occurrence_date",
        ("status", "status__code"),
        "method",
        "minutes_present",
        "remarks",
        "marked_at",
    ],
    erase=PSEUDONYMISE,
    scrub={"remarks": ""},
    reason=COUNTED,
)

register(
    AttendanceChange,
    person_fields=["record__user"],
    actor_fields=["changed_by"],
    export=[
        ("record", "record_id"),
        ("status", "status__code"),
        ("previous_status", "previous_status__code"),
        "method",
        "remarks",
        "changed_at",
    ],
    erase=PSEUDONYMISE,
    scrub={"remarks": ""},
    reason=_("The history of an attendance record, kept with it; its remarks are erased."),
)
