"""What calls for projects keep of a person: the seats they held on a committee, the reviews
they wrote (the committee's record), and the acts they did on applications."""

from django.utils.translation import gettext_lazy as _

from capacity_lms.calls.document_models import ApplicationDocument
from capacity_lms.calls.eligibility_models import DocumentRequest, EligibilityCheck
from capacity_lms.calls.followup_models import Agreement, ProjectReport, Tranche
from capacity_lms.calls.models import ApplicationVersion, CallEvent
from capacity_lms.calls.pages import CommitteeMember
from capacity_lms.calls.review_models import Decision, ReviewAssignment
from capacity_lms.privacy.registry import KEEP, PSEUDONYMISE, register

register(ApplicationVersion, actor_fields=["saved_by"], erase=KEEP)
register(CallEvent, actor_fields=["actor"], erase=KEEP)
register(Decision, actor_fields=["decided_by"], erase=KEEP)

register(
    CommitteeMember,
    person_fields=["user"],
    export=[("call", "call__title"), "department", "is_chair"],
    erase=KEEP,
    reason=_(
        "The committee of a call is part of the public record of its decisions: who sat on "
        "it stays, as the ministry's minutes keep it."
    ),
    retention=_("As long as the call's record is kept."),
)

register(
    ReviewAssignment,
    person_fields=["reviewer"],
    actor_fields=["assigned_by"],
    export=[
        ("call", "application__call__title"),
        ("association", "application__association__name"),
        "conflict",
        "declaration",
        "declared_at",
        "submitted_at",
    ],
    erase=PSEUDONYMISE,
    scrub={"declaration": ""},
    reason=_(
        "A review is part of the committee's record of a decision: on erasure it stays with "
        "its scores, linked to the pseudonymous account, and the declaration's text is removed."
    ),
    retention=_("As long as the call's record is kept."),
)

# The follow-up of funded projects: the acts of staff and of the association's admins stay on
# the project's record (the agreement, payments and reports are the ministry's accounts).
register(Agreement, actor_fields=["signed_by"], erase=KEEP)
register(Tranche, actor_fields=["released_by"], erase=KEEP)
register(ProjectReport, actor_fields=["submitted_by", "approved_by"], erase=KEEP)
register(EligibilityCheck, actor_fields=["checked_by"], erase=KEEP)
register(DocumentRequest, actor_fields=["requested_by"], erase=KEEP)
register(ApplicationDocument, actor_fields=["uploaded_by"], erase=KEEP)
