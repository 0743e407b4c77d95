"""E-mails about new posts, to the people who follow a thread or a space, each in their own
language, through the Django tasks API.

When a post is published (``post_published``, after its commit), each follower who may still
read the space gets one :class:`Notice` row for it: the database allows one per person and post,
so nobody hears of a post twice. Who chose *immediate* (the default) gets one e-mail per notice
from a task; who chose *a daily digest* gets one e-mail a day at most with all their waiting
notices (``send_exchange_digests``, daily: a person's digest is claimed for the day by a
conditional update, so a second run that day, or two at once, sends nothing); who chose *no
e-mail* gets none. Every e-mail carries an unsubscribe link that works without signing in (a
signed token: the link opens a confirmation page, a POST unsubscribes) and the one-click
``List-Unsubscribe-Post`` header for mail clients (RFC 8058).
"""

from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.core.languages import language_of
from capacity_lms.core.links import absolute_url
from capacity_lms.exchange import access
from capacity_lms.exchange.models import Post
from capacity_lms.exchange.people_models import (
    Follow,
    Notice,
    NotificationPreference,
    SpaceRemoval,
)
from capacity_lms.exchange.signals import post_published

UNSUBSCRIBE_SALT = "capacity_lms.exchange.unsubscribe"
# An unsubscribe link keeps working this long (a digest read months later still works).
UNSUBSCRIBE_MAX_AGE = 365 * 24 * 3600
DIGEST_LENGTH = 50


def mode_of(user):
    preference = NotificationPreference.objects.filter(user=user).first()
    return preference.mode if preference else NotificationPreference.Mode.IMMEDIATE


def followers(post):
    """Who follows the post's thread or space and may still read it, its author aside."""
    thread = post.thread
    space = thread.space
    following = (
        Follow.objects.filter(thread=thread) | Follow.objects.filter(space=space)
    ).exclude(user_id=post.author_id)
    removed = SpaceRemoval.objects.filter(space=space).values("user")
    people = {
        follow.user
        for follow in following.exclude(user__in=removed).select_related("user")
        if follow.user.is_active and follow.user.email
    }
    if space.is_open:
        return people
    # A cohort or private space: only who still belongs (a registration cancelled, a member
    # who left the association hear nothing more).
    return {person for person in people if access.may_read(person, space)}


class QueueNotices(BaseAction):
    """One notice per follower of a published post, then the immediate e-mails queued."""

    def __init__(self, post):
        super().__init__(post, user=None)
        self.post = post

    def check(self):
        if self.post.status != Post.Status.VISIBLE:
            raise ActionRefused(_("This post is not shown."), code="status")

    def execute(self):
        self.check()
        people = followers(self.post)
        with transaction.atomic():
            Notice.objects.bulk_create(
                [Notice(user=person, post=self.post) for person in people],
                ignore_conflicts=True,
            )
        immediate = [
            person.pk
            for person in people
            if mode_of(person) == NotificationPreference.Mode.IMMEDIATE
        ]
        for person_id in immediate:
            transaction.on_commit(
                lambda person_id=person_id: send_notice.enqueue(person_id, self.post.pk)
            )
        return len(people)


@receiver(post_published, dispatch_uid="capacity_lms_exchange_notices")
def queue_notices(sender, post, **kwargs):
    post = Post.objects.select_related("thread__space").filter(pk=post.pk).first()
    if post is not None and post.status == Post.Status.VISIBLE:
        QueueNotices(post).execute()


def unsubscribe_token(user):
    return signing.dumps({"u": user.pk}, salt=UNSUBSCRIBE_SALT, compress=True)


def person_of_token(token):
    """The person an unsubscribe token names, or None (forged, expired, unknown)."""
    from django.contrib.auth import get_user_model

    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=UNSUBSCRIBE_MAX_AGE)
    except signing.BadSignature:
        return None
    person_id = data.get("u") if isinstance(data, dict) else None
    if not isinstance(person_id, int):
        return None
    return get_user_model().objects.filter(pk=person_id, is_active=True).first()


def _message(person, subject, template, context):
    token = unsubscribe_token(person)
    unsubscribe = absolute_url(reverse("capacity_lms:exchange_unsubscribe", args=[token]))
    context = {
        **context,
        "person": person,
        "unsubscribe_url": unsubscribe,
        "preferences_url": absolute_url(reverse("capacity_lms:exchange_notifications")),
    }
    return EmailMessage(
        subject=subject,
        body=render_to_string(template, context),
        to=[person.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


class SendNotice(BaseAction):
    """The e-mail of one notice, once: the notice is claimed by a conditional update."""

    def __init__(self, notice):
        super().__init__(notice, user=None)
        self.notice = notice

    def check(self):
        if self.notice.sent_at is not None:
            raise ActionRefused(_("Already sent."), code="twice")

    def execute(self):
        self.check()
        notice = self.notice
        with transaction.atomic():
            if not Notice.objects.filter(pk=notice.pk, sent_at__isnull=True).update(
                sent_at=clock.now()
            ):
                return False
            person, post = notice.user, notice.post
            with translation.override(language_of(person)):
                message = _message(
                    person,
                    _("New post: %(title)s") % {"title": post.thread.title},
                    "capacity_lms/exchange/email/notice.txt",
                    {"post": post, "thread_url": _thread_url(post)},
                )
            transaction.on_commit(message.send)
        return True


def _thread_url(post):
    path = reverse("capacity_lms:exchange_thread", args=[post.thread_id])
    return absolute_url(f"{path}#post-{post.pk}")


@task()
def send_notice(person_id, post_id):
    """Send the waiting notice of ``post_id`` to ``person_id`` if they still want it at once."""
    notice = (
        Notice.objects.select_related("user", "post__thread__space", "post__author")
        .filter(user_id=person_id, post_id=post_id, sent_at__isnull=True)
        .first()
    )
    if notice is None or mode_of(notice.user) != NotificationPreference.Mode.IMMEDIATE:
        return False
    if notice.post.status != Post.Status.VISIBLE or not access.may_read(
        notice.user, notice.post.thread.space
    ):
        return False
    return SendNotice(notice).execute()


class SendDigest(BaseAction):
    """The day's digest of one person who chose it: claimed for the day first (a second run the
    same day finds it claimed and sends nothing), then every waiting notice in one e-mail."""

    def __init__(self, person, today=None):
        super().__init__(person, user=None)
        self.person = person
        self.today = today or clock.today()

    def check(self):
        if mode_of(self.person) != NotificationPreference.Mode.DAILY:
            raise ActionRefused(_("This person does not take a digest."), code="mode")

    def execute(self):
        self.check()
        with transaction.atomic():
            claimed = (
                NotificationPreference.objects.filter(user=self.person)
                .exclude(last_digest_on__gte=self.today)
                .update(last_digest_on=self.today)
            )
            if not claimed:
                return 0
            waiting = list(
                Notice.objects.filter(user=self.person, sent_at__isnull=True)
                .select_related("post__thread__space", "post__author")
                .order_by("created_at", "pk")[:DIGEST_LENGTH]
            )
            shown = [
                notice
                for notice in waiting
                if notice.post.status == Post.Status.VISIBLE
                and access.may_read(self.person, notice.post.thread.space)
            ]
            Notice.objects.filter(pk__in=[notice.pk for notice in waiting]).update(
                sent_at=clock.now()
            )
            if not shown:
                return 0
            with translation.override(language_of(self.person)):
                message = _message(
                    self.person,
                    _("Exchange spaces: %(count)s new posts") % {"count": len(shown)},
                    "capacity_lms/exchange/email/digest.txt",
                    {"items": [(notice.post, _thread_url(notice.post)) for notice in shown]},
                )
            transaction.on_commit(message.send)
        return len(shown)


def send_digests(today=None):
    """Every digest due today; how many e-mails went."""
    sent = 0
    preferences = NotificationPreference.objects.filter(
        mode=NotificationPreference.Mode.DAILY
    ).select_related("user")
    for preference in preferences.iterator():
        if preference.user.is_active and preference.user.email:
            sent += bool(SendDigest(preference.user, today=today).execute())
    return sent


@task()
def send_exchange_digests():
    return send_digests()


class SetNotificationMode(BaseAction):
    """``user`` chooses how they hear of new posts: at once, a daily digest, or not at all."""

    def __init__(self, person, user=None, *, mode):
        super().__init__(person, user=user)
        self.person = person
        self.mode = mode

    def check(self):
        if self.mode not in NotificationPreference.Mode.values:
            raise ActionRefused(_("Choose one of the ways offered."), code="mode")

    def execute(self):
        self.check()
        try:
            with transaction.atomic():
                preference, _created = NotificationPreference.objects.get_or_create(
                    user=self.person, defaults={"mode": self.mode}
                )
        except IntegrityError:
            preference = NotificationPreference.objects.get(user=self.person)
        if preference.mode != self.mode:
            NotificationPreference.objects.filter(pk=preference.pk).update(mode=self.mode)
        if self.mode == NotificationPreference.Mode.NONE:
            # Nothing waiting is sent any more.
            Notice.objects.filter(user=self.person, sent_at__isnull=True).update(
                sent_at=clock.now()
            )
        return self.mode
