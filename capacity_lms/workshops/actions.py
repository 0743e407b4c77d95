"""Every change to who holds a seat goes through one of these actions.

As in ``courses.actions``: ``check()`` raises :class:`ActionRefused` with a message for the
person, ``execute()`` checks and changes the database in one transaction. Seats are scarce, so
``execute()`` first locks the workshop row (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite's
IMMEDIATE transactions hold the write lock from the start): registrations and cancellations of
one workshop happen one after the other, the count of confirmed seats is exact, and the first
person waiting is promoted in the same transaction as the cancellation that freed the seat.
Each action is idempotent.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from capacity_lms.workshops.models import Registration, Workshop
from courses.actions import ActionRefused

__all__ = [
    "ActionRefused",
    "AddPersonAction",
    "CancelRegistrationAction",
    "RegisterAction",
    "RemovePersonAction",
]


def _locked(workshop):
    return Workshop.objects.select_for_update().get(pk=workshop.pk)


def _seat_free(workshop):
    if workshop.capacity is None:
        return True
    return workshop.registrations.confirmed().count() < workshop.capacity


def _after_commit(task, registration):
    from capacity_lms.workshops import notifications

    pk = registration.pk
    transaction.on_commit(lambda: getattr(notifications, task).enqueue(pk))


def _take_place(workshop, user, added_by=None, over_capacity=False):
    """Confirm ``user`` if a seat is free (or ``over_capacity``), else put them at the end of
    the waiting list.

    Returns ``(registration, changed)``; an active registration is returned as it is.
    """
    registration = Registration.objects.filter(workshop=workshop, user=user).first()
    if registration is not None and registration.status != Registration.Status.CANCELLED:
        return registration, False
    now = timezone.now()
    confirmed = over_capacity or _seat_free(workshop)
    values = {
        "status": Registration.Status.CONFIRMED if confirmed else Registration.Status.WAITING,
        "queued_at": now,
        "confirmed_at": now if confirmed else None,
        "cancelled_at": None,
        "added_by": added_by,
    }
    if registration is None:
        try:
            with transaction.atomic():
                registration = Registration.objects.create(workshop=workshop, user=user, **values)
        except IntegrityError:
            # Only possible without the row lock (a host's own code path): the row exists now.
            return Registration.objects.get(workshop=workshop, user=user), False
    else:
        for name, value in values.items():
            setattr(registration, name, value)
        registration.save()
    _after_commit("notify_registered" if confirmed else "notify_waiting", registration)
    return registration, True


def _give_up_place(workshop, registration):
    """Cancel ``registration`` and, if it held a seat, promote the first person waiting."""
    held_seat = registration.status == Registration.Status.CONFIRMED
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at", "updated_at"])
    promoted = []
    if held_seat:
        while _seat_free(workshop):
            first = workshop.registrations.waiting().first()
            if first is None:
                break
            first.status = Registration.Status.CONFIRMED
            first.confirmed_at = timezone.now()
            first.save(update_fields=["status", "confirmed_at", "updated_at"])
            _after_commit("notify_promoted", first)
            promoted.append(first)
    return promoted


def _cancel(workshop, person, tell_person=True):
    """Cancel ``person``'s registration, if active, and tell them (unless ``tell_person`` is
    false); the registration or None. Whoever is promoted is told in any case."""
    with transaction.atomic():
        workshop = _locked(workshop)
        registration = Registration.objects.filter(workshop=workshop, user=person).first()
        if registration is None or registration.status == Registration.Status.CANCELLED:
            return registration
        _give_up_place(workshop, registration)
        if tell_person:
            _after_commit("notify_cancelled_registration", registration)
        return registration


class RegisterAction:
    """A member registers themself: a seat if one is free, else the waiting list."""

    def __init__(self, user, workshop):
        self.user = user
        self.workshop = workshop

    def check(self, workshop=None):
        workshop = workshop or self.workshop
        self.check_signed_in()
        refusal = workshop.registration_window_refusal()
        if refusal:
            raise ActionRefused(refusal, code="closed")

    def check_signed_in(self):
        if not self.user.is_authenticated:
            raise ActionRefused(_("Sign in to register."), code="anonymous")

    def execute(self):
        # Before any query: an anonymous user cannot be looked up as a registration's person.
        self.check_signed_in()
        with transaction.atomic():
            workshop = _locked(self.workshop)
            existing = Registration.objects.filter(workshop=workshop, user=self.user).exclude(
                status=Registration.Status.CANCELLED
            )
            registration = existing.first()
            if registration is not None:
                return registration
            self.check(workshop)
            registration, _changed = _take_place(workshop, self.user)
            return registration


class CancelRegistrationAction:
    """A member gives up their seat or their place in line. Cancelling twice is harmless."""

    #: Whether the member is told by e-mail (a subclass may say no, as the erasure does).
    tells_person = True

    def __init__(self, user, workshop):
        self.user = user
        self.workshop = workshop

    def check(self):
        if not self.user.is_authenticated:
            raise ActionRefused(_("Sign in to continue."), code="anonymous")

    def execute(self):
        self.check()
        return _cancel(self.workshop, self.user, tell_person=self.tells_person)


def _require_manager(user, workshop):
    if not workshop.is_managed_by(user):
        raise ActionRefused(
            _("Only this workshop's trainers and programme staff can do this."),
            code="not_trainer",
        )


class AddPersonAction:
    """A trainer registers someone. Outside the registration window too; never above capacity
    unless ``over_capacity`` is given (a trainer's deliberate choice)."""

    def __init__(self, trainer, workshop, person, over_capacity=False):
        self.trainer = trainer
        self.workshop = workshop
        self.person = person
        self.over_capacity = over_capacity

    def check(self):
        _require_manager(self.trainer, self.workshop)
        if self.workshop.status == Workshop.Status.CANCELLED:
            raise ActionRefused(_("This workshop is cancelled."), code="cancelled")

    def execute(self):
        self.check()
        with transaction.atomic():
            workshop = _locked(self.workshop)
            registration, _changed = _take_place(
                workshop, self.person, added_by=self.trainer, over_capacity=self.over_capacity
            )
            # Someone already waiting is promoted; a newcomer was confirmed at once (one e-mail).
            if self.over_capacity and registration.is_waiting:
                registration.status = Registration.Status.CONFIRMED
                registration.confirmed_at = timezone.now()
                registration.save(update_fields=["status", "confirmed_at", "updated_at"])
                _after_commit("notify_promoted", registration)
            return registration


class RemovePersonAction:
    """A trainer removes someone; their seat goes to the first person waiting."""

    def __init__(self, trainer, workshop, person):
        self.trainer = trainer
        self.workshop = workshop
        self.person = person

    def check(self):
        _require_manager(self.trainer, self.workshop)

    def execute(self):
        self.check()
        return _cancel(self.workshop, self.person)
