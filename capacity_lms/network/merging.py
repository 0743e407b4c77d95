"""Programme staff merge a duplicate association into the one that stays.

:class:`MergeAssociationsAction` moves to the survivor everything that points at the
duplicate: memberships (a person in both keeps one, the admin role winning), pending requests
to join (unless the person is already in), partnerships, case studies, offers and needs,
relayed messages, documents, and whatever else a later domain points at it (every foreign key
to :class:`~capacity_lms.people.models.Association` is followed, so a new one is not
forgotten). The duplicate stays as a row ``merged_into`` the survivor, out of every listing,
with its verification history; the merge is logged on both as a
:class:`~capacity_lms.people.records.VerificationEvent`. Reports count memberships, so they
then count the people under the survivor.
"""

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.network.models import Partnership
from capacity_lms.network.verification import may_verify
from capacity_lms.people.models import Association, Membership
from capacity_lms.people.records import MembershipRequest, ProfileChange, VerificationEvent

# Relations the merge treats itself (the rest are moved as they are); the verification history
# and profile changes stay with the association they were about.
HANDLED = {
    (Membership, "association"),
    (MembershipRequest, "association"),
    (VerificationEvent, "association"),
    (ProfileChange, "association"),
    (Partnership, "initiator"),
    (Partnership, "partner"),
    (Association, "merged_into"),
    (Association, "possible_duplicate_of"),
}


def _other_relations():
    """(model, field name) of every other foreign key to Association."""
    for relation in Association._meta.related_objects:
        if not (relation.one_to_many or relation.one_to_one):
            continue
        key = (relation.related_model, relation.field.name)
        if key not in HANDLED:
            yield key


class MergeAssociationsAction(BaseAction):
    """Merge ``duplicate`` into ``into``; returns a dict of how many rows were moved."""

    def __init__(self, duplicate, user=None, *, into, reason=""):
        super().__init__(duplicate, user=user)
        self.duplicate = duplicate
        self.survivor = into
        self.reason = (reason or "").strip()

    def check(self):
        if not may_verify(self.user):
            raise ActionRefused(_("Only programme staff merge associations."), code="permission")
        if self.survivor is None or self.survivor.pk == self.duplicate.pk:
            raise ActionRefused(_("Choose another association to merge this one into."))
        if self.duplicate.merged_into_id or self.survivor.merged_into_id:
            raise ActionRefused(_("This association was merged into another."), code="merged")

    def execute(self):
        with transaction.atomic():
            rows = Association.objects.select_for_update().in_bulk(
                [self.duplicate.pk, self.survivor.pk]
            )
            self.duplicate, self.survivor = rows[self.duplicate.pk], rows[self.survivor.pk]
            self.check()
            moved = {
                "memberships": self._move_memberships(),
                "requests": self._move_requests(),
                "partnerships": self._move_partnerships(),
            }
            for model, field in _other_relations():
                moved[f"{model._meta.model_name}.{field}"] = model._base_manager.filter(
                    **{field: self.duplicate}
                ).update(**{field: self.survivor})
            self._close_duplicate()
        return moved

    def _move_memberships(self):
        survivor_roles = dict(
            Membership.objects.filter(association=self.survivor).values_list("user_id", "role")
        )
        moved = 0
        for membership in Membership.objects.filter(association=self.duplicate):
            if membership.user_id not in survivor_roles:
                membership.association = self.survivor
                membership.save(update_fields=["association"])
                moved += 1
                continue
            if (
                membership.role == Membership.Role.LEADER
                and survivor_roles[membership.user_id] != Membership.Role.LEADER
            ):
                Membership.objects.filter(
                    association=self.survivor, user_id=membership.user_id
                ).update(role=Membership.Role.LEADER)
            membership.delete()
        return moved

    def _move_requests(self):
        requests = MembershipRequest.objects.filter(association=self.duplicate)
        members = Membership.objects.filter(association=self.survivor).values("user_id")
        pending_there = MembershipRequest.objects.filter(
            association=self.survivor, status=MembershipRequest.Status.PENDING
        ).values("user_id")
        requests.filter(status=MembershipRequest.Status.PENDING).filter(
            Q(user_id__in=members) | Q(user_id__in=pending_there)
        ).update(status=MembershipRequest.Status.WITHDRAWN)
        return requests.update(association=self.survivor)

    def _move_partnerships(self):
        """Every partnership with a third association moves; one between the two merged
        associations would become a partnership with itself, so it stays on the duplicate."""
        between = Q(initiator=self.survivor) | Q(partner=self.survivor)
        moved = (
            Partnership.objects.filter(initiator=self.duplicate)
            .exclude(between)
            .update(initiator=self.survivor)
        )
        moved += (
            Partnership.objects.filter(partner=self.duplicate)
            .exclude(between)
            .update(partner=self.survivor)
        )
        return moved

    def _close_duplicate(self):
        duplicate, survivor = self.duplicate, self.survivor
        duplicate.merged_into = survivor
        duplicate.possible_duplicate_of = None
        duplicate.save(update_fields=["merged_into", "possible_duplicate_of", "updated_at"])
        Association.objects.filter(possible_duplicate_of=duplicate).update(
            possible_duplicate_of=None
        )
        if survivor.possible_duplicate_of_id == duplicate.pk:
            survivor.possible_duplicate_of = None
            survivor.save(update_fields=["possible_duplicate_of", "updated_at"])
        reason = self.reason
        for association, text in (
            (duplicate, _("Merged into “%(name)s” (#%(pk)s).")),
            (survivor, _("“%(name)s” (#%(pk)s) was merged into this association.")),
        ):
            other = survivor if association is duplicate else duplicate
            summary = text % {"name": other.name, "pk": other.pk}
            VerificationEvent.objects.create(
                association=association,
                from_status=association.verification_status,
                to_status=association.verification_status,
                reason=f"{summary} {reason}".strip(),
                actor=self.user,
            )
