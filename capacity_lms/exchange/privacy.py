"""What the exchange spaces keep of a person, and what erasing them does.

Posts and threads are pseudonymised by default (``EXCHANGE_ERASED_POSTS = "pseudonymise"``):
they stay with the pseudonymous account, so that a conversation still reads; with
``"remove_text"`` their text and earlier versions go and they show as deleted. Follows, read
markers, notices and the notification choice are deleted. A post's files follow the post.
Reports and moderation acts are the spaces' moderation record: kept, with the pseudonymous
account.
"""

from django.utils.translation import gettext_lazy as _

from capacity_lms.conf import get_setting
from capacity_lms.exchange.models import Post, PostAttachment, PostRevision, Thread
from capacity_lms.exchange.people_models import (
    Follow,
    ModerationEvent,
    Notice,
    NotificationPreference,
    PostReport,
    ReadMarker,
    SpaceRemoval,
)
from capacity_lms.privacy.registry import DELETE, KEEP, PSEUDONYMISE, register

REMOVE_TEXT = "remove_text"


def _removing_text():
    return get_setting("EXCHANGE_ERASED_POSTS") == REMOVE_TEXT


def _erase_posts(rows, erasure):
    """Pseudonymised (nothing to change: the account becomes pseudonymous), or without their
    text, shown as deleted, each thread's figures counted again."""
    from capacity_lms.exchange.posting import refresh_figures

    posts = Post.objects.filter(pk__in=rows.values("pk"))
    if not _removing_text():
        return posts.count()
    threads = list(Thread.objects.filter(pk__in=posts.values("thread")))
    changed = posts.update(body="", status=Post.Status.DELETED)
    Thread.objects.filter(solution__in=posts).update(solution=None)
    for thread in threads:
        refresh_figures(thread)
    return changed


def _erase_revisions(rows, erasure):
    if not _removing_text():
        return rows.count()
    deleted, _per_model = PostRevision.objects.filter(pk__in=rows.values("pk")).delete()
    return deleted


register(
    Thread,
    person_fields=["author"],
    export=["title", "language", "created_at"],
    erase=PSEUDONYMISE,
    reason=_("A thread others replied in stays, by the pseudonymous account."),
)
register(
    Post,
    person_fields=["author"],
    export=[("thread", "thread__title"), "body", "language", "status", "created_at", "edited_at"],
    erase=_erase_posts,
    reason=_(
        "Posts stay in their threads by the pseudonymous account, or without their text "
        "(EXCHANGE_ERASED_POSTS)."
    ),
)
register(
    PostRevision,
    person_fields=["post__author"],
    actor_fields=["replaced_by"],
    export=["body", "language", "replaced_at"],
    erase=_erase_revisions,
    reason=_("The earlier versions of a post follow the post."),
)


def _erase_attachments(rows, erasure):
    """The files follow their posts: kept with a pseudonymised post, deleted (stored file
    too) with a post whose text goes."""
    if not _removing_text():
        return rows.count()
    deleted, _per_model = PostAttachment.objects.filter(pk__in=rows.values("pk")).delete()
    return deleted


register(
    PostAttachment,
    person_fields=["post__author"],
    export=["original_name", "kind", "size"],
    erase=_erase_attachments,
    reason=_("A post's files follow the post (EXCHANGE_ERASED_POSTS)."),
)
register(
    Follow,
    person_fields=["user"],
    export=[("thread", "thread__title"), ("space", "space__kind"), "created_at"],
    erase=DELETE,
)
register(
    ReadMarker,
    person_fields=["user"],
    export=[("thread", "thread__title"), "read_at"],
    erase=DELETE,
)
register(NotificationPreference, person_fields=["user"], export=["mode"], erase=DELETE)
register(Notice, person_fields=["user"], export=["created_at", "sent_at"], erase=DELETE)
register(
    PostReport,
    person_fields=["reporter"],
    export=["reason", "status", "created_at"],
    erase=PSEUDONYMISE,
    reason=_("A report is part of the space's moderation record."),
)
register(
    SpaceRemoval,
    person_fields=["user"],
    actor_fields=["removed_by"],
    export=[("space", "space__kind"), "reason", "removed_at"],
    erase=KEEP,
    reason=_(
        "A removal is part of the space's moderation record: the pseudonymous account stays "
        "removed."
    ),
)
register(
    ModerationEvent,
    person_fields=["person"],
    actor_fields=["actor"],
    export=["verb", "reason", "at"],
    erase=KEEP,
    reason=_("The space's moderation record names whom each act concerned."),
)
