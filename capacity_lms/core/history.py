"""Wagtail's site history (and every object's history) read through our scopes.

Wagtail lists a model's log entries to whoever holds any permission on the model: a trainer
(``view_workshop``) would read every other trainer's workshop titles and walk-ins' names, a
country coordinator (``view_programme_reports``) every coordinator entry. Our log entries stay
in Wagtail's table; :class:`ScopedLogEntry`, a proxy of ``ModelLogEntry``, takes its place for
every model and keeps, of the models registered with :func:`register_history_scope`, only the
entries of objects the viewer's scope holds (:mod:`capacity_lms.core.scopes`). Entries of
objects since deleted belong to no scope: only those who see everything read them.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from wagtail.models import ModelLogEntry
from wagtail.models.audit_log import ModelLogEntryManager

from capacity_lms.core.scopes import sees_everything

_scopes = {}


def register_history_scope(model, everything_permission, scope):
    """Show ``model``'s log entries to holders of ``everything_permission`` (and superusers),
    and to anyone else only for the objects ``scope(user)`` returns."""
    _scopes[model] = (everything_permission, scope)


class ScopedLogEntryManager(ModelLogEntryManager):
    def viewable_by_user(self, user):
        queryset = super().viewable_by_user(user)
        for model, (everything_permission, scope) in _scopes.items():
            if sees_everything(user, everything_permission):
                continue
            content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
            held = scope(user).annotate(log_object_id=Cast("pk", CharField()))
            queryset = queryset.filter(
                ~Q(content_type=content_type) | Q(object_id__in=held.values("log_object_id"))
            )
        return queryset


class ScopedLogEntry(ModelLogEntry):
    """Wagtail's model log entries, shown through the viewer's scopes (same table)."""

    objects = ScopedLogEntryManager()

    class Meta:
        proxy = True
        app_label = "capacity_lms"
        default_permissions = ()
        ordering = ["-timestamp", "-id"]


def use_scoped_log_entries(actions):
    """From a ``register_log_actions`` hook that runs after Wagtail's own: log every model
    (pages keep theirs) through :class:`ScopedLogEntry`, and list it in the site history in
    place of ``ModelLogEntry``, which would list the same rows unscoped."""
    actions.register_model(models.Model, ScopedLogEntry)
    actions.log_entry_models.discard(ModelLogEntry)
