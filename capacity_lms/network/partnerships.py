"""Partnerships (twinning) between associations: declared, confirmed or declined, ended.

An admin of a verified association declares a partnership with another verified association
(an association abroad with a local association, or two associations abroad); the partner's
admins confirm or decline it. Only a confirmed partnership is shown on both profiles and
counted in the reports (``Partnership.objects.shown()``); either side may end it later. Each
step e-mails the other side's admins, from the platform's own address.
"""

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.network.models import Partnership
from capacity_lms.network.partner_notifications import notify_later
from capacity_lms.network.reach import active_associations, leads
from capacity_lms.people.models import Association

__all__ = [
    "ConfirmPartnershipAction",
    "DeclarePartnershipAction",
    "DeclinePartnershipAction",
    "EndPartnershipAction",
]

OPEN_STATUSES = (Partnership.Status.PROPOSED, Partnership.Status.ACTIVE)


def _signed_in(user):
    if user is None or not user.is_authenticated:
        raise ActionRefused(_("Sign in first."), code="anonymous")


class DeclarePartnershipAction(BaseAction):
    """An admin of ``initiator`` declares a partnership with ``partner``; it waits for the
    partner's confirmation."""

    def __init__(
        self,
        initiator,
        user=None,
        *,
        partner,
        purpose,
        starts_on,
        ends_on=None,
        region=None,
        strategic_axis=None,
    ):
        super().__init__(initiator, user=user)
        self.initiator = initiator
        self.partner = partner
        self.purpose = (purpose or "").strip()
        self.starts_on = starts_on
        self.ends_on = ends_on
        self.region = region
        self.strategic_axis = strategic_axis

    def check(self):
        _signed_in(self.user)
        if not leads(self.user, self.initiator):
            raise ActionRefused(
                _("Only an admin of a verified association declares its partnerships."),
                code="not_admin",
            )
        partner = self.partner
        if partner is None or not active_associations().filter(pk=partner.pk).exists():
            raise ActionRefused(_("Choose a verified association as partner."), code="partner")
        if partner.pk == self.initiator.pk:
            raise ActionRefused(_("An association cannot partner with itself."), code="self")
        local = Association.Kind.LOCAL
        if self.initiator.kind == local and partner.kind == local:
            raise ActionRefused(
                _(
                    "A partnership joins an association of Moroccans abroad with a local "
                    "association, or two associations abroad."
                ),
                code="kinds",
            )
        if not self.purpose:
            raise ActionRefused(_("Say what the partnership is for."), code="purpose")
        if self.starts_on is None:
            raise ActionRefused(_("Give the date the partnership starts."), code="starts_on")
        if self.ends_on is not None and self.ends_on < self.starts_on:
            raise ActionRefused(_("A partnership cannot end before it starts."), code="dates")
        between = Q(initiator=self.initiator, partner=partner) | Q(
            initiator=partner, partner=self.initiator
        )
        if Partnership.objects.filter(between, status__in=OPEN_STATUSES).exists():
            raise ActionRefused(
                _("These two associations already have a partnership, active or proposed."),
                code="exists",
            )

    def execute(self):
        with transaction.atomic():
            # Both associations' rows, locked in a fixed order: two admins declaring the same
            # pair at once are served one after the other, and the second is refused.
            pair = sorted({self.initiator.pk, getattr(self.partner, "pk", self.initiator.pk)})
            list(Association.objects.select_for_update().filter(pk__in=pair).order_by("pk"))
            self.check()
            partnership = Partnership.objects.create(
                initiator=self.initiator,
                partner=self.partner,
                purpose=self.purpose,
                starts_on=self.starts_on,
                ends_on=self.ends_on,
                region=self.region,
                strategic_axis=self.strategic_axis,
                declared_by=self.user,
            )
        notify_later(self.partner.pk, "partnership_declared", partnership.pk)
        return partnership


class _PartnerAnswers(BaseAction):
    """The partner's admins answer a proposed partnership."""

    new_status = None
    notice = ""

    def __init__(self, partnership, user=None):
        super().__init__(partnership, user=user)
        self.partnership = partnership

    def check(self, partnership=None):
        partnership = partnership or self.partnership
        _signed_in(self.user)
        if not leads(self.user, partnership.partner):
            raise ActionRefused(
                _("Only an admin of the partner association answers this proposal."),
                code="not_admin",
            )
        if partnership.status != Partnership.Status.PROPOSED:
            raise ActionRefused(_("This partnership was already answered."), code="answered")

    def execute(self):
        with transaction.atomic():
            partnership = Partnership.objects.select_for_update().get(pk=self.partnership.pk)
            self.check(partnership)
            partnership.status = self.new_status
            partnership.confirmed_by = self.user
            partnership.confirmed_at = clock.now()
            partnership.save(update_fields=["status", "confirmed_by", "confirmed_at"])
        notify_later(partnership.initiator_id, self.notice, partnership.pk)
        return partnership


class ConfirmPartnershipAction(_PartnerAnswers):
    """The partner confirms: the partnership is active and shows on both profiles."""

    new_status = Partnership.Status.ACTIVE
    notice = "partnership_confirmed"


class DeclinePartnershipAction(_PartnerAnswers):
    """The partner declines: nothing is shown anywhere."""

    new_status = Partnership.Status.DECLINED
    notice = "partnership_declined"


class EndPartnershipAction(BaseAction):
    """Either side's admin ends an active partnership (it stays on record as ended)."""

    def __init__(self, partnership, user=None, *, ends_on=None):
        super().__init__(partnership, user=user)
        self.partnership = partnership
        self.ends_on = ends_on

    def check(self, partnership=None):
        partnership = partnership or self.partnership
        _signed_in(self.user)
        if not (leads(self.user, partnership.initiator) or leads(self.user, partnership.partner)):
            raise ActionRefused(
                _("Only an admin of one of the two associations ends this partnership."),
                code="not_admin",
            )
        if partnership.status != Partnership.Status.ACTIVE:
            raise ActionRefused(_("Only an active partnership can be ended."), code="not_active")

    def execute(self):
        with transaction.atomic():
            partnership = Partnership.objects.select_for_update().get(pk=self.partnership.pk)
            self.check(partnership)
            ends_on = self.ends_on or clock.today()
            partnership.ends_on = max(ends_on, partnership.starts_on)
            partnership.status = Partnership.Status.ENDED
            partnership.save(update_fields=["status", "ends_on"])
        other_side = partnership.initiator_id
        if leads(self.user, partnership.initiator):
            other_side = partnership.partner_id
        notify_later(other_side, "partnership_ended", partnership.pk)
        return partnership
