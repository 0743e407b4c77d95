"""Programme staff verify associations, ask for changes, refuse, suspend and reinstate them.

Each is an action that writes the new state and a
:class:`~capacity_lms.people.records.VerificationEvent` (who, when, from what to what, why),
then, after commit, e-mails the association's admins, each in their own language. Only
someone who may change associations (programme staff) may do any of them; a reason is
required for every decision but verifying.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.network.notifications import notify_association_admins
from capacity_lms.people.models import Association
from capacity_lms.people.records import VerificationEvent

Status = Association.VerificationStatus
VERIFY_PERMISSION = "capacity_lms.change_association"


def may_verify(user):
    return bool(user and user.is_authenticated and user.has_perm(VERIFY_PERMISSION))


class ChangeVerificationAction(BaseAction):
    """Move an association from one of ``allowed_from`` to ``to_status``, with its history."""

    allowed_from = ()
    to_status = None
    reason_required = True
    # What the e-mail to the association's admins says happened.
    outcome = ""
    label = ""

    def __init__(self, association, user=None, *, reason=""):
        super().__init__(association, user=user)
        self.association = association
        self.reason = (reason or "").strip()

    def check(self):
        if not may_verify(self.user):
            raise ActionRefused(_("Only programme staff verify associations."), code="permission")
        if self.association.merged_into_id:
            raise ActionRefused(_("This association was merged into another."), code="merged")
        if self.association.verification_status not in self.allowed_from:
            raise ActionRefused(
                _("This cannot be done to an association that is “%(status)s”.")
                % {"status": self.association.get_verification_status_display()},
                code="state",
            )
        if self.reason_required and not self.reason:
            raise ActionRefused(_("Give the reason: the association's admins read it."))

    def execute(self):
        with transaction.atomic():
            association = Association.objects.select_for_update().get(pk=self.association.pk)
            self.association = association
            self.check()
            previous = association.verification_status
            association.verification_status = self.to_status
            if self.to_status == Status.VERIFIED and not association.verified_at:
                association.verified_at = clock.now()
            association.save(update_fields=["verification_status", "verified_at", "updated_at"])
            event = VerificationEvent.objects.create(
                association=association,
                from_status=previous,
                to_status=self.to_status,
                reason=self.reason,
                actor=self.user,
            )
            notify_association_admins(association.pk, self.outcome, self.reason)
        return event


class VerifyAssociationAction(ChangeVerificationAction):
    allowed_from = (Status.PENDING, Status.REJECTED)
    to_status = Status.VERIFIED
    reason_required = False
    outcome = "verified"
    label = gettext_lazy("Verify")


class AskForChangesAction(ChangeVerificationAction):
    """Stays pending; the admins are told what to correct or send."""

    allowed_from = (Status.PENDING,)
    to_status = Status.PENDING
    outcome = "changes_requested"
    label = gettext_lazy("Ask for changes")


class RefuseAssociationAction(ChangeVerificationAction):
    allowed_from = (Status.PENDING,)
    to_status = Status.REJECTED
    outcome = "refused"
    label = gettext_lazy("Refuse")


class SuspendAssociationAction(ChangeVerificationAction):
    allowed_from = (Status.VERIFIED,)
    to_status = Status.SUSPENDED
    outcome = "suspended"
    label = gettext_lazy("Suspend")


class ReinstateAssociationAction(ChangeVerificationAction):
    allowed_from = (Status.SUSPENDED,)
    to_status = Status.VERIFIED
    outcome = "reinstated"
    label = gettext_lazy("Reinstate")


VERIFICATION_ACTIONS = {
    "verify": VerifyAssociationAction,
    "ask_for_changes": AskForChangesAction,
    "refuse": RefuseAssociationAction,
    "suspend": SuspendAssociationAction,
    "reinstate": ReinstateAssociationAction,
}


def actions_open_to(association):
    """The names of the verification actions that apply to ``association`` as it is now."""
    if association.merged_into_id:
        return []
    status = association.verification_status
    return [name for name, action in VERIFICATION_ACTIONS.items() if status in action.allowed_from]
