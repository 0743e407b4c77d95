"""Entries for the models of Django and Wagtail that refer to a person, and for the log of
requests.

Registered only when their app is installed. A host that decides otherwise replaces an entry
with ``register(..., replace=True)`` in its own ``privacy.py``.
"""

from django.apps import apps
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from capacity_lms.privacy.registry import DELETE, KEEP, entry_for, register

EDITORIAL = _(
    "An editorial or audit record of the site (who edited, uploaded, approved or commented): "
    "kept as long as the content it describes; after erasure it names the pseudonymous account."
)


def _delete_profiles(rows, erasure):
    """Wagtail's admin preferences; the avatar file goes once the erasure has committed."""
    avatars = [(profile.avatar.storage, profile.avatar.name) for profile in rows if profile.avatar]
    deleted, _per_model = rows.model._default_manager.filter(pk__in=rows.values("pk")).delete()
    if avatars:
        transaction.on_commit(lambda: [storage.delete(name) for storage, name in avatars])
    return deleted


def _model(label):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def _entries():
    return [
        (
            "wagtailusers.UserProfile",
            {
                "person_fields": ["user"],
                "export": ["preferred_language", "current_time_zone", "theme", "contrast"],
                "erase": _delete_profiles,
                "reason": _("Admin preferences; deleted with the avatar."),
            },
        ),
        (
            "wagtailadmin.EditingSession",
            {"person_fields": ["user"], "export": ["last_seen_at"], "erase": DELETE},
        ),
        (
            "wagtailadmin.FormState",
            {
                "person_fields": ["user"],
                "export": ["object_id", "last_updated_at"],
                "erase": DELETE,
            },
        ),
        (
            "wagtailcore.APIToken",
            {
                "person_fields": ["user"],
                "export": ["name", "created", "revoked_at"],
                "erase": DELETE,
            },
        ),
        (
            "wagtailcore.PageSubscription",
            {
                "person_fields": ["user"],
                "export": ["page", "comment_notifications"],
                "erase": DELETE,
            },
        ),
        ("wagtailcore.Page", {"actor_fields": ["owner", "locked_by"], "reason": EDITORIAL}),
        ("wagtailcore.Revision", {"actor_fields": ["user"], "reason": EDITORIAL}),
        ("wagtailcore.PageLogEntry", {"actor_fields": ["user"], "reason": EDITORIAL}),
        ("wagtailcore.ModelLogEntry", {"actor_fields": ["user"], "reason": EDITORIAL}),
        ("wagtailcore.WorkflowState", {"actor_fields": ["requested_by"], "reason": EDITORIAL}),
        ("wagtailcore.TaskState", {"actor_fields": ["finished_by"], "reason": EDITORIAL}),
        ("wagtailcore.Comment", {"actor_fields": ["user", "resolved_by"], "reason": EDITORIAL}),
        ("wagtailcore.CommentReply", {"actor_fields": ["user"], "reason": EDITORIAL}),
        ("wagtailcore.UploadedFile", {"actor_fields": ["uploaded_by_user"], "reason": EDITORIAL}),
        ("wagtailimages.Image", {"actor_fields": ["uploaded_by_user"], "reason": EDITORIAL}),
        ("wagtaildocs.Document", {"actor_fields": ["uploaded_by_user"], "reason": EDITORIAL}),
        ("admin.LogEntry", {"actor_fields": ["user"], "reason": EDITORIAL}),
        (
            "capacity_lms.PersonalDataRequest",
            {
                "person_fields": ["person"],
                "actor_fields": ["performed_by"],
                "export": ["kind", "channel", "at"],
                "reason": _(
                    "The record that an export or erasure was carried out, without personal "
                    "data: kept to show the request was honoured."
                ),
            },
        ),
    ]


def register_installed():
    """Register the entries of the installed apps (once; a host's own entry wins)."""
    for label, options in _entries():
        model = _model(label)
        if model is None or entry_for(model) is not None:
            continue
        options.setdefault("erase", KEEP)
        register(model, **options)
