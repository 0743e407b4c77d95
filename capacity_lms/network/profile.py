"""Association admins edit their association's profile; staff review what the public would see.

For a verified association, a change to anything the directory shows (name, kind and place
always; the other fields only where the association agreed to publish them, and agreeing to
publish one more) waits in a :class:`~capacity_lms.people.records.ProfileChange` until staff
apply it; the rest (contacts, unpublished fields, withdrawing consent) applies at once. A new
edit replaces a pending one (which its form showed). An association not verified yet is not
public: its edits apply at once.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.core.uploads import UploadRefused
from capacity_lms.network.joining import may_manage
from capacity_lms.network.notifications import notify_proposer
from capacity_lms.network.registration import (
    RELATION_FIELDS,
    SCALAR_FIELDS,
    UploadsRefused,
    check_logo,
)
from capacity_lms.network.verification import may_verify
from capacity_lms.people.models import Association
from capacity_lms.people.records import ProfileChange
from capacity_lms.taxonomy.models import Country, Province, Region

ALWAYS_SHOWN = frozenset({"name", "kind", "host_country", "city", "region", "province"})
FOREIGN_KEYS = {"host_country": Country, "region": Region, "province": Province}
# Fields an admin edits but the registration number and status stay with staff.
EDITABLE = (*SCALAR_FIELDS, *RELATION_FIELDS, "logo")


def shown_fields(published):
    """The model fields the directory shows for an association publishing ``published``."""
    shown = set(ALWAYS_SHOWN)
    for name in published or ():
        if name == "description":
            shown |= {"description_en", "description_fr", "description_ar"}
        else:
            shown.add(name)
    return shown


def current_values(association):
    """The profile as JSON-able values (ids for relations), as ``ProfileChange`` keeps them."""
    values = {}
    for field in SCALAR_FIELDS:
        if field in FOREIGN_KEYS:
            values[field] = getattr(association, f"{field}_id")
        else:
            values[field] = as_json(field, getattr(association, field))
    for field in RELATION_FIELDS:
        values[field] = sorted(getattr(association, field).values_list("pk", flat=True))
    values["logo"] = association.logo.name or ""
    return values


def as_json(field, value):
    if field in FOREIGN_KEYS:
        return value.pk if value is not None else None
    if field in RELATION_FIELDS:
        return sorted(item.pk for item in value or ())
    if field == "published_fields":
        return sorted(value or ())
    return value


def pending_change(association):
    return (
        association.profile_changes.filter(status=ProfileChange.Status.PENDING)
        .order_by("-proposed_at", "-pk")
        .first()
    )


def apply_values(association, changes):
    """Write ``changes`` (JSON values) to ``association`` and its relations."""
    for field, value in changes.items():
        if field in FOREIGN_KEYS:
            setattr(association, f"{field}_id", value)
        elif field == "logo":
            association.logo.name = value
        elif field not in RELATION_FIELDS:
            setattr(association, field, value)
    association.full_clean()
    association.save()
    for field in RELATION_FIELDS:
        if field in changes:
            getattr(association, field).set(changes[field])


class EditProfileAction(BaseAction):
    """An association admin (or staff) edits the profile; returns the pending
    :class:`ProfileChange` when some of it waits for review, else None."""

    def __init__(self, association, user=None, *, data):
        super().__init__(association, user=user)
        self.association = association
        self.data = data

    def check(self):
        if not may_manage(self.user, self.association):
            raise ActionRefused(
                _("Only the association's admins edit its profile."), code="permission"
            )
        if self.association.merged_into_id:
            raise ActionRefused(_("This association was merged into another."), code="merged")

    def execute(self):
        self.check()
        logo = self.data.get("logo")
        checked_logo = None
        if logo:
            try:
                checked_logo = check_logo(logo)
            except UploadRefused as error:
                raise UploadsRefused({"logo": str(error)}) from None
        with transaction.atomic():
            association = Association.objects.select_for_update().get(pk=self.association.pk)
            before = current_values(association)
            wanted = {
                field: as_json(field, self.data[field])
                for field in EDITABLE
                if field in self.data and field != "logo"
            }
            if checked_logo is not None:
                stored = association.logo.storage.save(
                    association.logo.field.generate_filename(association, checked_logo.name),
                    checked_logo.file,
                )
                wanted["logo"] = stored
            changed = {field: value for field, value in wanted.items() if before[field] != value}
            if association.is_verified and not may_verify(self.user):
                watched = shown_fields(before["published_fields"]) | shown_fields(
                    changed.get("published_fields", before["published_fields"])
                )
                # Consenting to publish more waits; withdrawing consent applies at once.
                if set(changed.get("published_fields", ())) - set(before["published_fields"]):
                    watched.add("published_fields")
                reviewed = {f: v for f, v in changed.items() if f in watched}
            else:
                reviewed = {}
            now = {field: value for field, value in changed.items() if field not in reviewed}
            if now:
                apply_values(association, now)
            earlier = pending_change(association)
            if earlier is not None:
                ProfileChange.objects.filter(pk=earlier.pk).update(
                    status=ProfileChange.Status.SUPERSEDED, decided_at=clock.now()
                )
            if not reviewed:
                return None
            return ProfileChange.objects.create(
                association=association, changes=reviewed, proposed_by=self.user
            )


class ReviewProfileChangeAction(BaseAction):
    """Staff apply or refuse a pending profile change; its proposer hears by e-mail."""

    to_status = None
    outcome = ""

    def __init__(self, change, user=None, *, reason=""):
        super().__init__(change, user=user)
        self.change = change
        self.reason = (reason or "").strip()

    def check(self):
        if not may_verify(self.user):
            raise ActionRefused(_("Only programme staff review profile changes."))
        if self.change.status != ProfileChange.Status.PENDING:
            raise ActionRefused(_("This change was already reviewed."), code="reviewed")

    def execute(self):
        with transaction.atomic():
            self.change = ProfileChange.objects.select_for_update().get(pk=self.change.pk)
            self.check()
            self.follow_up()
            self.change.status = self.to_status
            self.change.decided_by = self.user
            self.change.decided_at = clock.now()
            self.change.reason = self.reason
            self.change.save(update_fields=["status", "decided_by", "decided_at", "reason"])
            notify_proposer(self.change.pk, self.outcome)
        return self.change

    def follow_up(self):
        """What the decision changes besides the review itself."""


class ApplyProfileChangeAction(ReviewProfileChangeAction):
    to_status = ProfileChange.Status.APPLIED
    outcome = "change_applied"

    def follow_up(self):
        association = Association.objects.select_for_update().get(pk=self.change.association_id)
        apply_values(association, self.change.changes)


class RefuseProfileChangeAction(ReviewProfileChangeAction):
    to_status = ProfileChange.Status.REFUSED
    outcome = "change_refused"


def form_initial(association):
    """The edit form's starting values: the profile with a pending change laid over it."""
    values = current_values(association)
    change = pending_change(association)
    if change is not None:
        values |= change.changes
    values.pop("logo", None)
    values["languages"] = ", ".join(values.get("languages") or [])
    values["social_links"] = "\n".join(values.get("social_links") or [])
    return values
