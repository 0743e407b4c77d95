"""Every change to who holds a seat goes through one of these actions.

As in ``courses.actions``: ``check()`` raises :class:`ActionRefused` with a message for the
person, ``execute()`` checks and changes the database in one transaction. Seats are scarce, so
``execute()`` first locks the workshop row (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite's
IMMEDIATE transactions hold the write lock from the start): registrations and cancellations of
one workshop happen one after the other, the count of confirmed seats is exact, and the first
person waiting is promoted in the same transaction as the cancellation (or the edit) that freed
the seat. Each action is idempotent.

Once a workshop has ended (:meth:`Workshop.has_ended`), members can no longer register or
cancel; trainers and staff still correct who was registered, giving a reason that is kept in
the workshop's history. Such a correction e-mails nobody and promotes nobody: a seat freed
after the last meeting is no seat.
"""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.actions import EditAction
from wagtail.log_actions import LogFormatter, log

from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.core.names import person_name
from capacity_lms.workshops import feed_cache
from capacity_lms.workshops.cached_pages import seats_changed
from capacity_lms.workshops.models import Registration, Workshop
from capacity_lms.workshops.schedule_edits import queue_workshop_notices, session_sequences

__all__ = [
    "AddPersonAction",
    "CancelRegistrationAction",
    "EditWorkshopAction",
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


#: The log action of a trainer's or staff member's correction after a workshop has ended.
CORRECTION_LOG_ACTION = "capacity_lms.registration_correction"


class CorrectionLogFormatter(LogFormatter):
    """How the workshop's history shows a correction: who, the status it left, and the
    reason (in the message: Wagtail shows comments only for models with revisions)."""

    label = gettext_lazy("Registration corrected after the end")

    def format_message(self, log_entry):
        person = get_user_model().objects.filter(pk=log_entry.data.get("person")).first()
        status = log_entry.data.get("status")
        return _(
            "Registration corrected after the end: %(person)s, %(status)s. Reason: %(reason)s"
        ) % {
            "reason": log_entry.data.get("reason", ""),
            "person": person_name(person) or _("a deleted account"),
            "status": Registration.Status(status).label
            if status in Registration.Status.values
            else status,
        }

    def format_comment(self, log_entry):
        return log_entry.data.get("reason", "")


def _take_place(workshop, user, added_by=None, over_capacity=False, notify=True):
    """Confirm ``user`` if a seat is free (or ``over_capacity``), else put them at the end of
    the waiting list; tell them by e-mail unless ``notify`` is false.

    Returns ``(registration, changed)``; an active registration is returned as it is.
    """
    registration = Registration.objects.filter(workshop=workshop, user=user).first()
    if registration is not None and registration.status != Registration.Status.CANCELLED:
        return registration, False
    now = clock.now()
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
    feed_cache.purge_after_commit([user.pk])
    seats_changed(workshop)
    if notify:
        _after_commit("notify_registered" if confirmed else "notify_waiting", registration)
    return registration, True


def fill_free_seats(workshop):
    """Give every free seat of ``workshop`` to the people waiting, first in first out, and
    tell each of them once (after the commit); the registrations promoted.

    Call it with the workshop row locked, in the transaction that freed the seats: a
    cancellation, or an edit that raised the capacity; not once the workshop has ended. Nobody
    confirmed is ever moved back to the waiting list, and nobody is promoted at a workshop that
    is not published (a draft, or a cancelled one: nobody is to be told a seat is theirs
    there). One query counts the seats and one reads the people promoted, however many seats
    appeared.
    """
    if workshop.status != Workshop.Status.PUBLISHED:
        return []
    waiting = workshop.registrations.waiting()
    if workshop.capacity is not None:
        free = workshop.capacity - workshop.registrations.confirmed().count()
        if free <= 0:
            return []
        waiting = waiting[:free]
    promoted = list(waiting)
    now = clock.now()
    for registration in promoted:
        registration.status = Registration.Status.CONFIRMED
        registration.confirmed_at = now
        registration.updated_at = now
    Registration.objects.bulk_update(promoted, ["status", "confirmed_at", "updated_at"])
    if promoted:
        seats_changed(workshop)
    # A bulk update sends no signal: the promoted people's feeds are purged here.
    for registration in promoted:
        feed_cache.purge_person(registration.user_id)
        _after_commit("notify_promoted", registration)
    feed_cache.purge_after_commit([registration.user_id for registration in promoted])
    return promoted


def _give_up_place(workshop, registration, promote=True):
    """Cancel ``registration`` and, if it held a seat (and ``promote``), give the seat to the
    first person waiting."""
    held_seat = registration.status == Registration.Status.CONFIRMED
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_at = clock.now()
    registration.save(update_fields=["status", "cancelled_at", "updated_at"])
    feed_cache.purge_after_commit([registration.user_id])
    seats_changed(workshop)
    if held_seat and promote:
        return fill_free_seats(workshop)
    return []


def _cancel(workshop, person, tell_person=True, check=None):
    """Cancel ``person``'s registration, if active, and tell them (unless ``tell_person`` is
    false); the registration or None. Whoever is promoted is told in any case.

    ``check(workshop)`` runs first, on the locked row, and may refuse."""
    with transaction.atomic():
        workshop = _locked(workshop)
        if check is not None:
            check(workshop)
        registration = Registration.objects.filter(workshop=workshop, user=person).first()
        if registration is None or registration.status == Registration.Status.CANCELLED:
            return registration
        _give_up_place(workshop, registration)
        if tell_person:
            _after_commit("notify_cancelled_registration", registration)
        return registration


def _refuse_if_ended(workshop, message):
    if workshop.has_ended():
        raise ActionRefused(message, code="ended")


def _registration_ended(workshop):
    _refuse_if_ended(workshop, _("This workshop has ended: registration is closed."))


def _cancellation_ended(workshop):
    _refuse_if_ended(
        workshop, _("This workshop has ended: a registration can no longer be cancelled.")
    )


class RegisterAction(BaseAction):
    """A member registers themself: a seat if one is free, else the waiting list."""

    def __init__(self, workshop, user=None):
        super().__init__(workshop, user=user)
        self.workshop = workshop

    def check(self, workshop=None):
        workshop = workshop or self.workshop
        self.check_signed_in()
        _registration_ended(workshop)
        self.check_window(workshop)

    def check_window(self, workshop):
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
            # Ended comes first: after the last meeting, a click is refused even for someone
            # registered, so that nobody reads "you are registered" for a past workshop.
            _registration_ended(workshop)
            existing = Registration.objects.filter(workshop=workshop, user=self.user).exclude(
                status=Registration.Status.CANCELLED
            )
            registration = existing.first()
            if registration is not None:
                return registration
            self.check_window(workshop)
            registration, _changed = _take_place(workshop, self.user)
            return registration


class CancelRegistrationAction(BaseAction):
    """A member gives up their seat or their place in line. Cancelling twice is harmless;
    cancelling once the workshop has ended is refused (it would promote people to a past
    event and change attendance rates and certificates)."""

    #: Whether the member is told by e-mail (a subclass may say no, as the erasure does).
    tells_person = True

    def __init__(self, workshop, user=None):
        super().__init__(workshop, user=user)
        self.workshop = workshop

    def check(self, workshop=None):
        self.check_signed_in()
        _cancellation_ended(workshop or self.workshop)

    def check_signed_in(self):
        if not self.user.is_authenticated:
            raise ActionRefused(_("Sign in to continue."), code="anonymous")

    def execute(self):
        self.check_signed_in()
        return _cancel(
            self.workshop, self.user, tell_person=self.tells_person, check=_cancellation_ended
        )


def _require_manager(user, workshop):
    if not workshop.is_managed_by(user):
        raise ActionRefused(
            _("Only this workshop's trainers and programme staff can do this."),
            code="not_trainer",
        )


def _require_reason(reason):
    if not reason:
        raise ActionRefused(
            _("This workshop has ended: give the reason for this correction."),
            code="reason_required",
        )


def _log_correction(workshop, by, registration, reason):
    """Keep an after-the-end correction, with its reason, in the workshop's history.

    The person is kept by their key only: their name is read when the history is shown, so
    that an erased person is shown by their pseudonym.
    """
    log(
        instance=workshop,
        action=CORRECTION_LOG_ACTION,
        user=by,
        data={
            "person": registration.user_id,
            "status": registration.status,
            "reason": reason,
        },
    )


class AddPersonAction(BaseAction):
    """A trainer registers someone. Outside the registration window too; never above capacity
    unless ``over_capacity`` is given (a trainer's deliberate choice).

    After the workshop has ended it is a correction: ``reason`` is required and kept in the
    workshop's history, and the person is not e-mailed.
    """

    def __init__(self, workshop, user=None, *, person, over_capacity=False, reason=""):
        super().__init__(workshop, user=user)
        self.trainer = user
        self.workshop = workshop
        self.person = person
        self.over_capacity = over_capacity
        self.reason = (reason or "").strip()

    def check(self, workshop=None, ended=None):
        workshop = workshop or self.workshop
        _require_manager(self.trainer, workshop)
        if workshop.status == Workshop.Status.CANCELLED:
            raise ActionRefused(_("This workshop is cancelled."), code="cancelled")
        if workshop.has_ended() if ended is None else ended:
            _require_reason(self.reason)

    def execute(self):
        _require_manager(self.trainer, self.workshop)
        with transaction.atomic():
            workshop = _locked(self.workshop)
            ended = workshop.has_ended()
            self.check(workshop, ended)
            registration, changed = _take_place(
                workshop,
                self.person,
                added_by=self.trainer,
                over_capacity=self.over_capacity,
                notify=not ended,
            )
            # Someone already waiting is promoted; a newcomer was confirmed at once (one e-mail).
            if self.over_capacity and registration.is_waiting:
                registration.status = Registration.Status.CONFIRMED
                registration.confirmed_at = clock.now()
                registration.save(update_fields=["status", "confirmed_at", "updated_at"])
                seats_changed(workshop)
                changed = True
                if not ended:
                    _after_commit("notify_promoted", registration)
            if ended and changed:
                _log_correction(workshop, self.trainer, registration, self.reason)
            return registration


class RemovePersonAction(BaseAction):
    """A trainer removes someone; their seat goes to the first person waiting.

    After the workshop has ended it is a correction: ``reason`` is required and kept in the
    workshop's history; nobody is e-mailed and nobody is promoted.
    """

    def __init__(self, workshop, user=None, *, person, reason=""):
        super().__init__(workshop, user=user)
        self.trainer = user
        self.workshop = workshop
        self.person = person
        self.reason = (reason or "").strip()

    def check(self, workshop=None, ended=None):
        workshop = workshop or self.workshop
        _require_manager(self.trainer, workshop)
        if workshop.has_ended() if ended is None else ended:
            _require_reason(self.reason)

    def execute(self):
        _require_manager(self.trainer, self.workshop)
        with transaction.atomic():
            workshop = _locked(self.workshop)
            ended = workshop.has_ended()
            self.check(workshop, ended)
            registration = Registration.objects.filter(workshop=workshop, user=self.person)
            registration = registration.first()
            if registration is None or registration.status == Registration.Status.CANCELLED:
                return registration
            if ended:
                _give_up_place(workshop, registration, promote=False)
                _log_correction(workshop, self.trainer, registration, self.reason)
            else:
                _give_up_place(workshop, registration)
                _after_commit("notify_cancelled_registration", registration)
            return registration


class EditWorkshopAction(EditAction, BaseAction):
    """An edit of a workshop (and of its sessions, inline in its form): Wagtail's edit action,
    registered for :class:`Workshop` so that the admin's edit view (and any caller of the
    action registry) goes through it.

    The workshop row is locked first, so that registrations and cancellations wait for the
    edit. Once it is saved, the people registered are told after the commit of what changed
    for them (a cancellation, a new venue or way to join, a session whose SEQUENCE grew), and
    seats that appeared (a higher capacity, or none) go to the people waiting, first in first
    out, in the same transaction, each told once after the commit. A lower capacity moves
    nobody back to the waiting list. Nobody is promoted at a workshop that is not published or
    has ended. ``promoted`` holds the registrations promoted. The change notices leave out
    whoever was registered or promoted after the change (they were told with it).
    """

    def __init__(self, instance, user=None, **kwargs):
        super().__init__(instance, user=user, **kwargs)
        self.promoted = []

    def user_has_permission(self):
        # The model permission and the scope: a trainer edits only their own workshops.
        return (
            super().user_has_permission()
            and Workshop.objects.visible_to(self.user).filter(pk=self.instance.pk).exists()
        )

    @transaction.atomic
    def _edit(self, skip_permission_checks=False):
        before = _locked(self.instance)
        sequences = session_sequences(before.pk)
        instance = super()._edit(skip_permission_checks=skip_permission_checks)
        # As saved, sessions and changes included (the form's instance may hold its own).
        saved = Workshop.objects.get(pk=instance.pk)
        feed_cache.purge_after_commit()
        queue_workshop_notices(before, saved, sequences)
        if not saved.has_ended():
            self.promoted = fill_free_seats(saved)
        return instance
