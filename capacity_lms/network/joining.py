"""Asking to join an association, and its admins' answer.

A :class:`~capacity_lms.people.records.MembershipRequest` is not a membership: reports and
rights count :class:`~capacity_lms.people.models.Membership` rows only, which
:class:`AcceptRequestAction` creates. Asking twice gives the same pending request (the
database holds one pending request per person and association).
"""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.network.notifications import notify_association_admins, notify_requester
from capacity_lms.network.verification import may_verify
from capacity_lms.people.models import Association, Membership
from capacity_lms.people.records import MembershipRequest


def is_association_admin(user, association):
    """Whether ``user`` is one of ``association``'s admins (a leader membership)."""
    if not user or not user.is_authenticated:
        return False
    return Membership.objects.leaders().filter(user=user, association=association).exists()


def may_manage(user, association):
    """Its admins, and programme staff, answer requests and edit the profile."""
    return is_association_admin(user, association) or may_verify(user)


class RequestToJoinAction(BaseAction):
    """``user`` asks to join ``association``; its admins are told by e-mail."""

    def __init__(self, association, user=None, *, message=""):
        super().__init__(association, user=user)
        self.association = association
        self.message = (message or "").strip()

    def check(self):
        if not self.user or not self.user.is_authenticated:
            raise ActionRefused(_("Sign in to continue."), code="anonymous")
        if self.association.merged_into_id:
            raise ActionRefused(_("This association was merged into another."), code="merged")
        if Membership.objects.filter(user=self.user, association=self.association).exists():
            raise ActionRefused(_("You are already a member of this association."), code="member")

    def execute(self):
        self.check()
        pending = MembershipRequest.objects.filter(
            user=self.user, association=self.association, status=MembershipRequest.Status.PENDING
        )
        existing = pending.first()
        if existing is not None:
            return existing
        try:
            with transaction.atomic():
                request = MembershipRequest.objects.create(
                    user=self.user, association=self.association, message=self.message
                )
                notify_association_admins(self.association.pk, "join_requested")
        except IntegrityError:
            # A second click raced the first: the first one's request is the answer.
            return pending.get()
        return request


class AnswerRequestAction(BaseAction):
    """An admin of the association (or staff) answers a pending request."""

    to_status = None
    outcome = ""

    def __init__(self, request, user=None, *, reason=""):
        super().__init__(request, user=user)
        self.request = request
        self.reason = (reason or "").strip()

    def check(self):
        if not may_manage(self.user, self.request.association):
            raise ActionRefused(
                _("Only the association's admins answer requests to join it."), code="permission"
            )
        if self.request.status != MembershipRequest.Status.PENDING:
            raise ActionRefused(_("This request was already answered."), code="answered")

    def execute(self):
        with transaction.atomic():
            self.request = (
                MembershipRequest.objects.select_for_update()
                .select_related("association")
                .get(pk=self.request.pk)
            )
            self.check()
            self.request.status = self.to_status
            self.request.decided_by = self.user
            self.request.decided_at = clock.now()
            self.request.reason = self.reason
            self.request.save(update_fields=["status", "decided_by", "decided_at", "reason"])
            self.follow_up()
            notify_requester(self.request.pk, self.outcome)
        return self.request

    def follow_up(self):
        """What else the answer changes (accepting makes the membership)."""


class AcceptRequestAction(AnswerRequestAction):
    to_status = MembershipRequest.Status.ACCEPTED
    outcome = "join_accepted"

    def follow_up(self):
        Membership.objects.get_or_create(
            user=self.request.user,
            association=self.request.association,
            defaults={"role": Membership.Role.MEMBER, "joined_on": clock.today()},
        )


class RefuseRequestAction(AnswerRequestAction):
    to_status = MembershipRequest.Status.REFUSED
    outcome = "join_refused"


class WithdrawRequestAction(BaseAction):
    """The person who asked takes their request back."""

    def check(self):
        if self.instance.user_id != getattr(self.user, "pk", None):
            raise ActionRefused(_("This is not your request."), code="permission")
        if self.instance.status != MembershipRequest.Status.PENDING:
            raise ActionRefused(_("This request was already answered."), code="answered")

    def execute(self):
        self.check()
        MembershipRequest.objects.filter(
            pk=self.instance.pk, status=MembershipRequest.Status.PENDING
        ).update(status=MembershipRequest.Status.WITHDRAWN, decided_at=clock.now())
        self.instance.refresh_from_db()
        return self.instance


def joinable(association):
    """Whether the public may be offered to join ``association`` (verified and not merged)."""
    return association.merged_into_id is None and (
        association.verification_status == Association.VerificationStatus.VERIFIED
    )
