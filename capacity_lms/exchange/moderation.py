"""Moderating a space: reports, hiding and showing posts, letting held posts through, locking
threads, removing a person from a space. Trainers moderate their workshops' cohort spaces,
programme staff every space (``exchange/access.py``). Each act is one action writing one
:class:`ModerationEvent` (who, when, what, why); hiding, locking and removing need a reason.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.exchange import access
from capacity_lms.exchange.models import Post, Space, Thread
from capacity_lms.exchange.people_models import Follow, ModerationEvent, PostReport, SpaceRemoval
from capacity_lms.exchange.posting import _announce, refresh_figures, saved
from capacity_lms.exchange.signals import post_reported
from capacity_lms.exchange.versions import space_changed

MAX_REASON = 2000


def _reason(text, required=True):
    text = " ".join((text or "").split())[:MAX_REASON]
    if required and not text:
        raise ActionRefused(_("Say why: the history keeps it."), code="reason")
    return text


def _refuse_unless_moderator(user, space):
    if not access.may_moderate(user, space):
        raise ActionRefused(_("Only this space's moderators do this."), code="permission")


class ReportPost(BaseAction):
    """A reader reports a post to the space's moderators (once while the report is open)."""

    def __init__(self, post, user=None, *, reason):
        super().__init__(post, user=user)
        self.post = post
        self.reason = reason

    def check(self):
        if (
            not access.may_read(self.user, self.post.thread.space)
            or not self.user.is_authenticated
        ):
            raise ActionRefused(_("You cannot read this space."), code="permission")
        if self.post.author_id == self.user.pk:
            raise ActionRefused(_("You cannot report your own post."), code="own")
        if self.post.status != Post.Status.VISIBLE:
            raise ActionRefused(_("This post is no longer shown."), code="status")
        self.cleaned_reason = _reason(self.reason)

    def execute(self):
        with transaction.atomic():
            self.check()
            report, created = PostReport.objects.get_or_create(
                post=self.post,
                reporter=self.user,
                status=PostReport.Status.OPEN,
                defaults={"reason": self.cleaned_reason},
            )
        if created:
            transaction.on_commit(lambda: post_reported.send(sender=PostReport, report=report))
        return report


class _Moderate(BaseAction):
    verb = None

    def __init__(self, subject, user=None, *, reason=""):
        super().__init__(subject, user=user)
        self.subject = subject
        self.reason = reason

    def _event(self, space, **where):
        return ModerationEvent.objects.create(
            space=space, verb=self.verb, actor=self.user, reason=self.cleaned_reason, **where
        )


class HidePost(_Moderate):
    """A moderator hides a post (its open reports are upheld)."""

    verb = ModerationEvent.Verb.HIDDEN

    def check(self, post=None):
        post = post or self.subject
        _refuse_unless_moderator(self.user, post.thread.space)
        if post.status not in (Post.Status.VISIBLE, Post.Status.HELD):
            raise ActionRefused(_("This post is not shown."), code="status")
        self.cleaned_reason = _reason(self.reason)

    def execute(self):
        with transaction.atomic():
            post = (
                Post.objects.select_for_update()
                .select_related("thread__space")
                .get(pk=self.subject.pk)
            )
            self.check(post)
            post.status = Post.Status.HIDDEN
            post.save(update_fields=["status"])
            thread = post.thread
            if thread.solution_id == post.pk:
                Thread.objects.filter(pk=thread.pk).update(solution=None)
            PostReport.objects.filter(post=post, status=PostReport.Status.OPEN).update(
                status=PostReport.Status.UPHELD
            )
            self._event(thread.space, thread=thread, post=post, person=post.author)
            refresh_figures(thread)
            space_changed(thread.space)
        return post


class ShowPost(_Moderate):
    """A moderator shows a hidden post again, or lets a held post through."""

    def check(self, post=None):
        post = post or self.subject
        _refuse_unless_moderator(self.user, post.thread.space)
        if post.status not in (Post.Status.HIDDEN, Post.Status.HELD):
            raise ActionRefused(_("This post is already shown."), code="status")
        self.cleaned_reason = _reason(self.reason, required=False)

    def execute(self):
        with transaction.atomic():
            post = (
                Post.objects.select_for_update()
                .select_related("thread__space")
                .get(pk=self.subject.pk)
            )
            self.check(post)
            held = post.status == Post.Status.HELD
            self.verb = ModerationEvent.Verb.APPROVED if held else ModerationEvent.Verb.SHOWN
            post.status = Post.Status.VISIBLE
            post.save(update_fields=["status"])
            self._event(post.thread.space, thread=post.thread, post=post, person=post.author)
            refresh_figures(post.thread)
            space_changed(post.thread.space)
            if held:
                _announce(post)
        return post


class DismissReports(_Moderate):
    """A moderator finds nothing wrong with a reported post: its open reports are closed."""

    verb = ModerationEvent.Verb.REPORT_DISMISSED

    def check(self):
        _refuse_unless_moderator(self.user, self.subject.thread.space)
        self.cleaned_reason = _reason(self.reason, required=False)

    def execute(self):
        with transaction.atomic():
            self.check()
            post = self.subject
            closed = PostReport.objects.filter(post=post, status=PostReport.Status.OPEN).update(
                status=PostReport.Status.DISMISSED
            )
            if closed:
                self._event(post.thread.space, thread=post.thread, post=post)
        return closed


class SetLocked(_Moderate):
    """A moderator locks a thread (nobody replies) or unlocks it."""

    def __init__(self, thread, user=None, *, locked, reason=""):
        super().__init__(thread, user=user, reason=reason)
        self.locked = bool(locked)
        self.verb = ModerationEvent.Verb.LOCKED if locked else ModerationEvent.Verb.UNLOCKED

    def check(self):
        _refuse_unless_moderator(self.user, self.subject.space)
        if self.subject.locked == self.locked:
            raise ActionRefused(
                _("The thread is already locked.")
                if self.locked
                else _("The thread is not locked."),
                code="twice",
            )
        self.cleaned_reason = _reason(self.reason, required=self.locked)

    def execute(self):
        with transaction.atomic():
            thread = (
                Thread.objects.select_for_update().select_related("space").get(pk=self.subject.pk)
            )
            self.subject = thread
            self.check()
            Thread.objects.filter(pk=thread.pk).update(locked=self.locked)
            thread.locked = self.locked
            self._event(thread.space, thread=thread)
        return thread


class RemoveFromSpace(_Moderate):
    """A moderator removes a person from a space: they lose access at once, and their follows
    there go."""

    verb = ModerationEvent.Verb.REMOVED

    def __init__(self, space, user=None, *, person, reason):
        super().__init__(space, user=user, reason=reason)
        self.person = person

    def check(self):
        space = self.subject
        _refuse_unless_moderator(self.user, space)
        if self.person.pk == self.user.pk:
            raise ActionRefused(_("You cannot remove yourself."), code="self")
        if access.may_moderate(self.person, space):
            raise ActionRefused(
                _("A moderator of this space cannot be removed."), code="moderator"
            )
        if access.is_removed(self.person, space):
            raise ActionRefused(_("This person is already removed."), code="twice")
        self.cleaned_reason = _reason(self.reason)

    def execute(self):
        with transaction.atomic():
            self.check()
            space = saved(self.subject)
            removal = SpaceRemoval.objects.create(
                space=space, user=self.person, reason=self.cleaned_reason, removed_by=self.user
            )
            Follow.objects.filter(user=self.person, space=space).delete()
            Follow.objects.filter(user=self.person, thread__space=space).delete()
            self._event(space, person=self.person)
            space_changed(space)
        return removal


class Readmit(_Moderate):
    """A moderator lets a removed person back into the space."""

    verb = ModerationEvent.Verb.READMITTED

    def __init__(self, removal, user=None, *, reason=""):
        super().__init__(removal, user=user, reason=reason)

    def check(self):
        _refuse_unless_moderator(self.user, self.subject.space)
        self.cleaned_reason = _reason(self.reason, required=False)

    def execute(self):
        with transaction.atomic():
            self.check()
            removal = self.subject
            SpaceRemoval.objects.filter(pk=removal.pk).delete()
            self._event(removal.space, person=removal.user)
            space_changed(removal.space)
        return removal


class ChangeSpaceSettings(_Moderate):
    """A moderator holds (or stops holding) new members' first posts; programme staff make a
    topic space public (readable signed out) or not."""

    verb = ModerationEvent.Verb.SETTINGS

    def __init__(self, space, user=None, *, holds_first_posts, is_public=None, reason=""):
        super().__init__(space, user=user, reason=reason)
        self.holds_first_posts = bool(holds_first_posts)
        self.is_public = is_public

    def check(self):
        space = self.subject
        _refuse_unless_moderator(self.user, space)
        if self.is_public is not None and bool(self.is_public) != space.is_public:
            if not access.moderates_everywhere(self.user):
                raise ActionRefused(
                    _("Only programme staff make a space public."), code="permission"
                )
            if self.is_public and not space.is_open:
                raise ActionRefused(
                    _("Only a topic space or a case study's discussion can be public."),
                    code="kind",
                )
        self.cleaned_reason = _reason(self.reason, required=False)

    def execute(self):
        with transaction.atomic():
            self.check()
            space = saved(self.subject)
            public = space.is_public if self.is_public is None else bool(self.is_public)
            if (public, self.holds_first_posts) == (space.is_public, space.holds_first_posts):
                return space
            Space.objects.filter(pk=space.pk).update(
                is_public=public, holds_first_posts=self.holds_first_posts
            )
            space.is_public, space.holds_first_posts = public, self.holds_first_posts
            self._event(space)
        return space
