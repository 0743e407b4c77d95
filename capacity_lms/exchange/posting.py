"""Writing in a space: starting a thread, replying, quoting, editing with history, deleting
one's own post, marking the solution, following. Each is one action (``check()`` then
``execute()``), refused with a message and nothing written when it may not happen.

The text is members' rich text, cleaned like a case study submitted to the library
(:func:`capacity_lms.core.rich_text.clean_rich_text`: scripts, event handlers and
``javascript:`` links go). Every post says the language it was written in. A form carries a
one-time key: the same form sent twice (a double click, a retry on a weak connection) is one
post, enforced by the database. A thread's figures (how many posts, the last one's time) are
counted again from its visible posts by every action that changes them, in its transaction.
"""

import re
import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Max
from django.utils.translation import gettext as _

from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.core.rich_text import clean_rich_text
from capacity_lms.exchange import access
from capacity_lms.exchange.attachments import Storing, check_files
from capacity_lms.exchange.models import Post, PostRevision, Space, Thread
from capacity_lms.exchange.people_models import Follow, ModerationEvent, ReadMarker
from capacity_lms.exchange.signals import post_held, post_published
from capacity_lms.exchange.versions import space_changed

MAX_TITLE = 200
MAX_BODY = 20_000


def saved(space):
    """``space`` with its row, made now if it has none (two people at once make one)."""
    if space.pk:
        return space
    lookup = space.target_filter()
    try:
        with transaction.atomic():
            row, _created = Space.objects.get_or_create(kind=space.kind, **lookup)
    except IntegrityError:
        row = Space.objects.get(kind=space.kind, **lookup)
    space.pk = row.pk
    space.is_public, space.holds_first_posts = row.is_public, row.holds_first_posts
    space._state.adding = False
    return space


def _language(code):
    languages = {language for language, _name in settings.LANGUAGES}
    return code if code in languages else None


def _clean(body):
    if len(body or "") > MAX_BODY:
        raise ActionRefused(
            _("A post may be at most %(limit)s characters long.") % {"limit": MAX_BODY},
            code="too_long",
        )
    cleaned = clean_rich_text(body)
    if not cleaned or not _has_text(cleaned):
        raise ActionRefused(_("Write something first."), code="empty")
    return cleaned


def _has_text(html):
    return bool(re.sub(r"<[^>]*>|&nbsp;|\s", "", html))


def refresh_figures(thread):
    """Count the thread's visible posts again, and the time of the last one."""
    figures = Post.objects.filter(thread=thread, status=Post.Status.VISIBLE).aggregate(
        count=Count("pk"), last=Max("created_at")
    )
    thread.post_count = figures["count"]
    thread.last_post_at = figures["last"] or thread.created_at
    Thread.objects.filter(pk=thread.pk).update(
        post_count=thread.post_count, last_post_at=thread.last_post_at
    )


def _first_posts_held(user, space):
    """Whether ``user``'s post in ``space`` waits for a moderator: the space holds new
    members' first posts and this person has no post there a moderator let through."""
    if not space.holds_first_posts or access.may_moderate(user, space):
        return False
    return not Post.objects.filter(
        thread__space=space, author=user, status=Post.Status.VISIBLE
    ).exists()


class _Write(BaseAction):
    """What starting a thread and replying share: the text, its language, the one-time key."""

    def __init__(self, subject, user=None, *, body, language, submission_key=None, files=()):
        super().__init__(subject, user=user)
        self.body = body or ""
        self.files = list(files)
        self.language = _language(language)
        try:
            self.submission_key = uuid.UUID(str(submission_key)) if submission_key else None
        except ValueError:
            self.submission_key = None

    def _check_text(self):
        if self.language is None:
            raise ActionRefused(_("Say which language the post is written in."), code="language")
        self.cleaned = _clean(self.body)
        self.storing = Storing(check_files(self.files))

    def _sent_before(self):
        """The post this very form already made, if it was sent before."""
        if self.submission_key is None:
            return None
        return Post.objects.filter(author=self.user, submission_key=self.submission_key).first()

    def _new_post(self, thread, space, quoted=None):
        """The post, with its files (deleted again if its transaction does not commit)."""
        held = _first_posts_held(self.user, space)
        post = Post.objects.create(
            thread=thread,
            author=self.user,
            body=self.cleaned,
            language=self.language,
            quoted=quoted,
            status=Post.Status.HELD if held else Post.Status.VISIBLE,
            submission_key=self.submission_key or uuid.uuid4(),
        )
        self.storing.store(post)
        self.made = post
        return post

    def execute(self):
        """Write the post (:meth:`_execute`), or, when anything fails, the files it stored are
        deleted again and nothing stays."""
        self.storing, self.made = Storing(()), None
        try:
            post = self._execute()
        except BaseException:
            self.storing.discard()
            raise
        if post is not None and post == self.made:
            _announce(post)
        return post

    def _once(self, make):
        """``make()``, or the post this very form made when the database says it was sent
        twice at once (the files stored for this copy deleted)."""
        try:
            with transaction.atomic():
                return make()
        except IntegrityError:
            self.storing.discard()
            return None


class StartThread(_Write):
    """``user`` starts a thread in ``space`` with its first post."""

    def __init__(self, space, user=None, *, title, **kwargs):
        super().__init__(space, user=user, **kwargs)
        self.space = space
        self.title = " ".join((title or "").split())

    def check(self):
        if not access.may_write(self.user, self.space):
            raise ActionRefused(_("You cannot write in this space."), code="permission")
        if not self.title:
            raise ActionRefused(_("Give the thread a title."), code="title")
        if len(self.title) > MAX_TITLE:
            raise ActionRefused(
                _("A title may be at most %(limit)s characters long.") % {"limit": MAX_TITLE},
                code="title",
            )
        self._check_text()

    def _execute(self):
        with transaction.atomic():
            self.check()
            before = self._sent_before()
            if before is not None:
                return before
            saved(self.space)
            post = self._once(self._start)
            if post is None:
                # The same form, sent again while the first was being written: that one.
                return self._sent_before()
            refresh_figures(post.thread)
            space_changed(self.space)
            Follow.objects.get_or_create(user=self.user, thread=post.thread)
        return post

    def _start(self):
        thread = Thread.objects.create(
            space=self.space, title=self.title, language=self.language, author=self.user
        )
        return self._new_post(thread, self.space)


class Reply(_Write):
    """``user`` replies in ``thread``, quoting one of its posts or none."""

    def __init__(self, thread, user=None, *, quoted=None, **kwargs):
        super().__init__(thread, user=user, **kwargs)
        self.thread = thread
        self.quoted = quoted

    def check(self, thread=None):
        thread = thread or self.thread
        if not access.may_write(self.user, thread.space):
            raise ActionRefused(_("You cannot write in this space."), code="permission")
        if thread.locked:
            raise ActionRefused(
                _("This thread is locked: nobody replies any more."), code="locked"
            )
        if self.quoted is not None and (
            self.quoted.thread_id != thread.pk or self.quoted.status != Post.Status.VISIBLE
        ):
            raise ActionRefused(_("You can only quote a post of this thread."), code="quote")
        self._check_text()

    def _execute(self):
        with transaction.atomic():
            thread = (
                Thread.objects.select_for_update().select_related("space").get(pk=self.thread.pk)
            )
            self.check(thread)
            before = self._sent_before()
            if before is not None:
                return before
            post = self._once(lambda: self._new_post(thread, thread.space, quoted=self.quoted))
            if post is None:
                return self._sent_before()
            refresh_figures(thread)
            space_changed(thread.space)
            Follow.objects.get_or_create(user=self.user, thread=thread)
        return post


def _announce(post):
    """Followers hear of a visible post once it is committed (a held one when approved); the
    space's moderators of a held one."""
    if post.status == Post.Status.VISIBLE:
        transaction.on_commit(lambda: post_published.send(sender=Post, post=post))
    elif post.status == Post.Status.HELD:
        transaction.on_commit(lambda: post_held.send(sender=Post, post=post))


class EditPost(BaseAction):
    """The author changes their post's text; the text it replaces is kept."""

    def __init__(self, post, user=None, *, body, language):
        super().__init__(post, user=user)
        self.post = post
        self.body = body
        self.language = _language(language)

    def check(self, post=None):
        post = post or self.post
        if self.user is None or post.author_id != self.user.pk:
            raise ActionRefused(_("Only its author edits a post."), code="permission")
        if not access.may_write(self.user, post.thread.space):
            raise ActionRefused(_("You cannot write in this space."), code="permission")
        if post.status in (Post.Status.HIDDEN, Post.Status.DELETED):
            raise ActionRefused(_("This post can no longer be edited."), code="status")
        if post.thread.locked:
            raise ActionRefused(
                _("This thread is locked: nobody replies any more."), code="locked"
            )
        if self.language is None:
            raise ActionRefused(_("Say which language the post is written in."), code="language")
        self.cleaned = _clean(self.body)

    def execute(self):
        with transaction.atomic():
            post = (
                Post.objects.select_for_update()
                .select_related("thread__space")
                .get(pk=self.post.pk)
            )
            self.check(post)
            if post.body == self.cleaned and post.language == self.language:
                return post
            PostRevision.objects.create(
                post=post, body=post.body, language=post.language, replaced_by=self.user
            )
            post.body, post.language, post.edited_at = self.cleaned, self.language, clock.now()
            post.save(update_fields=["body", "language", "edited_at"])
        return post


class DeletePost(BaseAction):
    """The author deletes their post: nobody reads it any more, and it is kept, hidden, for
    the moderation history."""

    def __init__(self, post, user=None):
        super().__init__(post, user=user)
        self.post = post

    def check(self, post=None):
        post = post or self.post
        if self.user is None or post.author_id != self.user.pk:
            raise ActionRefused(_("Only its author deletes a post."), code="permission")
        if not access.may_read(self.user, post.thread.space):
            raise ActionRefused(_("You cannot write in this space."), code="permission")
        if post.status == Post.Status.DELETED:
            raise ActionRefused(_("This post is already deleted."), code="twice")

    def execute(self):
        with transaction.atomic():
            post = (
                Post.objects.select_for_update()
                .select_related("thread__space")
                .get(pk=self.post.pk)
            )
            self.check(post)
            post.status = Post.Status.DELETED
            post.save(update_fields=["status"])
            thread = post.thread
            if thread.solution_id == post.pk:
                Thread.objects.filter(pk=thread.pk).update(solution=None)
            ModerationEvent.objects.create(
                space=thread.space,
                thread=thread,
                post=post,
                verb=ModerationEvent.Verb.DELETED,
                actor=self.user,
            )
            refresh_figures(thread)
            space_changed(thread.space)
        return post


class MarkSolution(BaseAction):
    """The thread's author or a moderator marks a reply as the answer (``post=None``: none)."""

    def __init__(self, thread, user=None, *, post):
        super().__init__(thread, user=user)
        self.thread = thread
        self.post = post

    def check(self):
        thread = self.thread
        if not access.may_read(self.user, thread.space):
            raise ActionRefused(_("You cannot write in this space."), code="permission")
        if thread.author_id != getattr(self.user, "pk", None) and not access.may_moderate(
            self.user, thread.space
        ):
            raise ActionRefused(
                _("Only the person who asked or a moderator marks the answer."),
                code="permission",
            )
        if self.post is not None and (
            self.post.thread_id != thread.pk or self.post.status != Post.Status.VISIBLE
        ):
            raise ActionRefused(_("Only a post of this thread can be its answer."), code="post")

    def execute(self):
        with transaction.atomic():
            self.check()
            Thread.objects.filter(pk=self.thread.pk).update(solution=self.post)
            self.thread.solution = self.post
            space_changed(self.thread.space)
        return self.thread


class MarkRead(BaseAction):
    """``user`` has read ``thread`` up to ``up_to`` (the last post they were shown; never
    later than now, never back from a later mark)."""

    def __init__(self, thread, user=None, *, up_to):
        super().__init__(thread, user=user)
        self.thread = thread
        self.up_to = min(up_to or thread.last_post_at, clock.now())

    def check(self):
        if not access.may_read(self.user, self.thread.space) or not self.user.is_authenticated:
            raise ActionRefused(_("You cannot read this space."), code="permission")

    def execute(self):
        with transaction.atomic():
            self.check()
            marker, created = ReadMarker.objects.get_or_create(
                user=self.user, thread=self.thread, defaults={"read_at": self.up_to}
            )
            if not created:
                ReadMarker.objects.filter(pk=marker.pk, read_at__lt=self.up_to).update(
                    read_at=self.up_to
                )
        return self.up_to


class SetFollowing(BaseAction):
    """``user`` follows (or stops following) a thread or a whole space they may read."""

    def __init__(self, target, user=None, *, following):
        super().__init__(target, user=user)
        self.target = target
        self.following = bool(following)

    def _space(self):
        return self.target.space if isinstance(self.target, Thread) else self.target

    def check(self):
        if not access.may_read(self.user, self._space()) or not self.user.is_authenticated:
            raise ActionRefused(_("You cannot follow this."), code="permission")

    def execute(self):
        with transaction.atomic():
            self.check()
            field = "thread" if isinstance(self.target, Thread) else "space"
            if field == "space" and not self.target.pk:
                if not self.following:
                    return False
                saved(self.target)
            if self.following:
                Follow.objects.get_or_create(user=self.user, **{field: self.target})
            else:
                Follow.objects.filter(user=self.user, **{field: self.target}).delete()
        return self.following
