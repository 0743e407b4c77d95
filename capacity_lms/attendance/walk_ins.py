"""Walk-ins as actions: added on the spot by a trainer, linked to an account later.

Linking moves the walk-in's records to the person, meeting by meeting, unless the person
already has a record for that meeting (registered and checked in, say): that record stands,
the walk-in's stays apart, and the caller is told which meetings clashed.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from capacity_lms.attendance.models import AttendanceRecord, WalkIn
from capacity_lms.attendance.tasks import announce_after_commit
from capacity_lms.core.actions import ActionRefused, BaseAction


def _require_trainer(user, workshop):
    if not workshop.is_managed_by(user):
        raise ActionRefused(
            _("Only this workshop's trainers and programme staff mark attendance."),
            code="not_trainer",
        )


class AddWalkInAction(BaseAction):
    """``trainer`` adds someone who came without registering to ``session``'s workshop."""

    def __init__(self, session, user=None, *, name, email=""):
        super().__init__(session, user=user)
        self.trainer = user
        self.session = session
        self.name = (name or "").strip()
        self.email = (email or "").strip()

    def check(self):
        _require_trainer(self.trainer, self.session.workshop)
        if not self.name:
            raise ActionRefused(_("Give the walk-in's name."), code="name")

    def execute(self):
        self.check()
        return WalkIn.objects.create(
            workshop=self.session.workshop,
            name=self.name,
            email=self.email,
            added_by=self.trainer,
        )


def find_account(username_or_email):
    """The one active account with this username or e-mail, or ActionRefused."""
    text = (username_or_email or "").strip()
    if not text:
        raise ActionRefused(_("Give the person's username or e-mail."), code="account")
    users = get_user_model().objects.filter(is_active=True)
    found = list(users.filter(**{get_user_model().USERNAME_FIELD: text})[:1])
    if not found and "@" in text:
        found = list(users.filter(email__iexact=text)[:2])
    if len(found) != 1:
        raise ActionRefused(
            _("No single account has this username or e-mail: check it with the person."),
            code="account",
        )
    return found[0]


class LinkWalkInAction(BaseAction):
    """``trainer`` says that ``walk_in`` is the account ``person``; their records move to it.

    Returns the records that stayed with the walk-in because the person already had one for
    the same meeting.
    """

    def __init__(self, walk_in, user=None, *, person):
        super().__init__(walk_in, user=user)
        self.trainer = user
        self.walk_in = walk_in
        self.person = person

    def check(self):
        _require_trainer(self.trainer, self.walk_in.workshop)
        if self.walk_in.user_id not in (None, self.person.pk):
            raise ActionRefused(
                _("This walk-in is already linked to another account."), code="linked"
            )

    def execute(self):
        self.check()
        with transaction.atomic():
            records = list(
                AttendanceRecord.objects.select_for_update()
                .filter(walk_in=self.walk_in)
                .select_related("session")
            )
            taken = set(
                AttendanceRecord.objects.filter(
                    user=self.person, session__in=[record.session_id for record in records]
                ).values_list("session_id", "occurrence_date")
            )
            kept = []
            for record in records:
                if (record.session_id, record.occurrence_date) in taken:
                    kept.append(record)
                    continue
                record.walk_in = None
                record.user = self.person
                record.save(update_fields=["walk_in", "user"])
                announce_after_commit(record)
            self.walk_in.user = self.person
            self.walk_in.save(update_fields=["user"])
        return kept
