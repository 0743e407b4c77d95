"""What the workbook keeps of a person.

A version names the member who saved it: the work is the association's, so the version stays
with the pseudonymous account and its stored name is cleared. A review names its trainer (an
actor): kept, its name cleared the same way. A trainer's choice of alerts is theirs: deleted.
"""

from django.utils.translation import gettext_lazy as _

from capacity_lms.privacy.registry import DELETE, KEEP, PSEUDONYMISE, register
from capacity_lms.workbook.models import (
    DeliverableFile,
    DeliverableReview,
    DeliverableVersion,
    ReviewAlertChoice,
)

register(
    DeliverableVersion,
    person_fields=["author"],
    export=[("step", "deliverable__kind"), "number", "saved_at", "submitted"],
    erase=PSEUDONYMISE,
    scrub={"author_name": ""},
    reason=_("The work is the association's: its versions stay, by the pseudonymous account."),
)
register(
    DeliverableReview,
    person_fields=["reviewer"],
    export=["decision", "points", "max_points", "created_at"],
    erase=PSEUDONYMISE,
    scrub={"reviewer_name": ""},
    reason=_("A review is part of the association's record: it stays, unsigned."),
)
register(
    DeliverableFile,
    actor_fields=["uploaded_by"],
    erase=KEEP,
    reason=_("A file of the association's work stays with the work."),
)
register(ReviewAlertChoice, person_fields=["user"], export=["frequency"], erase=DELETE)
