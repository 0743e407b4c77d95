"""Edits of a workshop's schedule as actions: what calendars and registered people learn.

``Workshop.save()`` and ``Session.save()`` keep their own row consistent (a change to what
calendars show grows its SEQUENCE) and do nothing else. Telling people is the edit's: the
admin's edit views (through the actions registered for them in ``wagtail_hooks``), the
``.ics`` import and a host's own code call these actions, which queue the notices after the
commit. Saving a row in a shell, a factory or the demo loader sends nothing.

An occurrence change is a row of its own; the series it changes gets a higher SEQUENCE from the
action, not from ``OccurrenceChange.save()``.
"""

from django.db import transaction
from django.db.models import F
from wagtail.actions.create import CreateAction
from wagtail.actions.delete import DeleteAction
from wagtail.actions.edit import EditAction

from capacity_lms.core import clock
from capacity_lms.core.actions import BaseAction
from capacity_lms.workshops import feed_cache
from capacity_lms.workshops.models import Session, Workshop


def _enqueue(task_name, *args):
    from capacity_lms.workshops import notifications

    transaction.on_commit(lambda: getattr(notifications, task_name).enqueue(*args))


def session_sequences(workshop_id):
    """``{session pk: SEQUENCE}`` of a workshop's sessions as stored now."""
    return dict(Session.objects.filter(workshop_id=workshop_id).values_list("pk", "sequence"))


def queue_workshop_notices(before, after, sequences_before):
    """Queue, after the commit, what people registered at ``after`` are to be told of an edit
    that turned ``before`` (the workshop as stored before it) into ``after`` (as stored since):
    its cancellation, a new venue or way to join, and each session whose SEQUENCE grew.

    Sessions created by the edit tell nobody, as before the edit there was nothing to change.
    """
    if before.status != Workshop.Status.CANCELLED and after.status == Workshop.Status.CANCELLED:
        _enqueue("notify_workshop_cancelled", after.pk)
    elif after.status == Workshop.Status.PUBLISHED and any(
        getattr(before, name) != getattr(after, name) for name in Workshop.NOTIFIED_FIELDS
    ):
        _enqueue("notify_workshop_changed", after.pk, after.sequence)
    for pk, sequence in session_sequences(after.pk).items():
        if pk in sequences_before and sequence > sequences_before[pk]:
            queue_session_notice(pk, sequence)


def queue_session_notice(session_id, sequence):
    """Tell the people registered, after the commit, that a session changed."""
    _enqueue("notify_session_changed", session_id, sequence)


def series_changed(session_id):
    """An occurrence of the series changed: its SEQUENCE grows and registered people are told
    (after the commit). Returns the new SEQUENCE."""
    sessions = Session.objects.filter(pk=session_id)
    sessions.update(sequence=F("sequence") + 1, updated_at=clock.now())
    feed_cache.purge_after_commit()
    sequence = sessions.values_list("sequence", flat=True).get()
    queue_session_notice(session_id, sequence)
    return sequence


class EditSessionAction(BaseAction):
    """A change to one session outside the workshop's form (a host's code, a command): saved,
    and the people registered told after the commit when calendars show something else."""

    def check(self):
        pass

    @transaction.atomic
    def execute(self):
        self.check()
        session = self.instance
        before = Session.objects.filter(pk=session.pk).values_list("sequence", flat=True).first()
        session.save()
        feed_cache.purge_after_commit()
        if before is not None and session.sequence > before:
            queue_session_notice(session.pk, session.sequence)
        return session


class _SeriesChangeMixin:
    """Grows the SEQUENCE of the series an occurrence change belongs to and tells people."""

    @transaction.atomic
    def execute(self, skip_permission_checks=False):
        session_id = self.instance.session_id
        result = super().execute(skip_permission_checks=skip_permission_checks)
        series_changed(session_id)
        return result


class CreateOccurrenceChangeAction(_SeriesChangeMixin, CreateAction, BaseAction):
    """An occurrence of a series cancelled or moved (Wagtail's create action, registered for
    :class:`OccurrenceChange`)."""


class EditOccurrenceChangeAction(_SeriesChangeMixin, EditAction, BaseAction):
    """A cancelled or moved occurrence changed again."""


class DeleteOccurrenceChangeAction(_SeriesChangeMixin, DeleteAction, BaseAction):
    """An occurrence change undone: the occurrence takes place as the rule says."""
