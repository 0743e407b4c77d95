"""What the admin screens of every domain share: views limited to a scope, read-only
permission policies and exports that neutralise formulas.

A domain's viewset names its scope, ``scope(user)`` returning the queryset that user may see
(built with :mod:`capacity_lms.core.scopes`); the mixins apply it to the object of every view,
and to an index's base queryset, so that another person's row answers 404 whatever the URL.
"""

from django.shortcuts import get_object_or_404
from wagtail.permission_policies import ModelPermissionPolicy

from capacity_lms.core.spreadsheets import neutralise


class ScopedObjectMixin:
    """Look a generic admin view's object up in what ``scope(user)`` returns only."""

    def scope(self, user):
        raise NotImplementedError

    def get_object(self, queryset=None):
        pk = getattr(self, "object_pk", None) or self.kwargs.get(self.pk_url_kwarg)
        return get_object_or_404(self.scope(self.request.user), pk=pk)


class ScopedViewMixin(ScopedObjectMixin):
    """Limit a generic admin view to what ``scope(user)`` returns. Only the base queryset is
    replaced, so that an index view still orders, filters, searches and exports it (and keeps
    the annotations its subclass adds)."""

    def get_base_queryset(self):
        return self.scope(self.request.user)


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """The model's own "view" permission, and nothing more: adding, changing and deleting go
    through the domain's actions, not the admin's forms."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and super().user_has_permission(user, "view")

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return super().users_with_any_permission([]).none()
        return super().users_with_any_permission(["view"])

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions)


class NeutralisedExportMixin:
    """Export cells a spreadsheet would read as a formula (a walk-in's name, remarks) as text."""

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))
