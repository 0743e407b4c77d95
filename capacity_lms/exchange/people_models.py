"""What people do around the posts of the exchange spaces: follows, read markers, removals
from a space, reports, the moderation history, and the e-mails due (``exchange/models.py`` has
the spaces, threads and posts)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from capacity_lms.core import clock
from capacity_lms.exchange.models import Post, Space, Thread


class Follow(models.Model):
    """A person follows a thread or a whole space (one of the two)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="exchange_follows",
    )
    space = models.ForeignKey(
        Space, verbose_name=_("space"), null=True, blank=True, on_delete=models.CASCADE
    )
    thread = models.ForeignKey(
        Thread, verbose_name=_("thread"), null=True, blank=True, on_delete=models.CASCADE
    )
    created_at = models.DateTimeField(_("since"), default=clock.now, editable=False)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.CheckConstraint(
                condition=Q(space__isnull=True, thread__isnull=False)
                | Q(space__isnull=False, thread__isnull=True),
                name="capacity_follow_one_target",
            ),
            models.UniqueConstraint(fields=["user", "space"], name="capacity_follow_space_once"),
            models.UniqueConstraint(fields=["user", "thread"], name="capacity_follow_thread_once"),
        ]

    def __str__(self):
        return f"{self.user} → {self.thread or self.space}"


class ReadMarker(models.Model):
    """Up to when a person has read a thread: newer posts are unread."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    thread = models.ForeignKey(
        Thread, verbose_name=_("thread"), on_delete=models.CASCADE, related_name="+"
    )
    read_at = models.DateTimeField(_("read up to"))

    class Meta:
        verbose_name = _("thread read")
        verbose_name_plural = _("threads read")
        constraints = [
            models.UniqueConstraint(fields=["user", "thread"], name="capacity_read_marker_once")
        ]

    def __str__(self):
        return f"{self.user} read {self.thread} up to {self.read_at:%Y-%m-%d %H:%M}"


class SpaceRemoval(models.Model):
    """A person a moderator removed from a space: they lose access at once."""

    space = models.ForeignKey(
        Space, verbose_name=_("space"), on_delete=models.CASCADE, related_name="removals"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    reason = models.TextField(_("why"))
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("removed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    removed_at = models.DateTimeField(_("removed"), default=clock.now)

    class Meta:
        verbose_name = _("removal from a space")
        verbose_name_plural = _("removals from spaces")
        constraints = [
            models.UniqueConstraint(fields=["space", "user"], name="capacity_space_removal_once")
        ]

    def __str__(self):
        return f"{self.user} removed from {self.space}"


class PostReport(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        UPHELD = "upheld", _("Upheld: the post is hidden")
        DISMISSED = "dismissed", _("Dismissed")

    post = models.ForeignKey(
        Post, verbose_name=_("post"), on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("why"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("reported"), default=clock.now)

    class Meta:
        verbose_name = _("reported post")
        verbose_name_plural = _("reported posts")
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"],
                condition=Q(status="open"),
                name="capacity_post_report_open_once",
            )
        ]

    def __str__(self):
        return f"{self.get_status_display()}: {self.reason[:40]}"


class ModerationEvent(models.Model):
    """One act of moderation: who, when, what, on which post, thread or person, why."""

    class Verb(models.TextChoices):
        HIDDEN = "hidden", _("Post hidden")
        SHOWN = "shown", _("Post shown again")
        APPROVED = "approved", _("Held post approved")
        LOCKED = "locked", _("Thread locked")
        UNLOCKED = "unlocked", _("Thread unlocked")
        REMOVED = "removed", _("Person removed from the space")
        READMITTED = "readmitted", _("Person readmitted")
        REPORT_DISMISSED = "report_dismissed", _("Report dismissed")
        DELETED = "deleted", _("Post deleted by its author")
        SETTINGS = "settings", _("Space settings changed")

    space = models.ForeignKey(
        Space, verbose_name=_("space"), on_delete=models.CASCADE, related_name="moderation"
    )
    thread = models.ForeignKey(
        Thread, verbose_name=_("thread"), null=True, blank=True, on_delete=models.CASCADE
    )
    post = models.ForeignKey(
        Post, verbose_name=_("post"), null=True, blank=True, on_delete=models.CASCADE
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verb = models.CharField(_("what"), max_length=20, choices=Verb.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("why"), blank=True)
    at = models.DateTimeField(_("when"), default=clock.now)

    class Meta:
        verbose_name = _("moderation event")
        verbose_name_plural = _("moderation events")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_verb_display()} – {self.at:%Y-%m-%d %H:%M}"


class NotificationPreference(models.Model):
    """How a person hears of new posts where they follow: at once, a daily digest, or not."""

    class Mode(models.TextChoices):
        IMMEDIATE = "immediate", _("An e-mail for each new post")
        DAILY = "daily", _("One digest a day")
        NONE = "none", _("No e-mail")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="exchange_preference",
    )
    mode = models.CharField(
        _("e-mails"), max_length=12, choices=Mode.choices, default=Mode.IMMEDIATE
    )
    last_digest_on = models.DateField(_("last digest"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail choice")
        verbose_name_plural = _("e-mail choices")

    def __str__(self):
        return f"{self.user}: {self.get_mode_display()}"


class Notice(models.Model):
    """A new post a follower is to hear of: one row per (person, post), enforced by the
    database, so nobody gets two e-mails about one post; ``sent_at`` once it is sent."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    post = models.ForeignKey(
        Post, verbose_name=_("post"), on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(_("due since"), default=clock.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail about a post")
        verbose_name_plural = _("e-mails about posts")
        constraints = [
            models.UniqueConstraint(fields=["user", "post"], name="capacity_notice_once")
        ]
        indexes = [models.Index(fields=["user", "sent_at"], name="capacity_notice_waiting")]

    def __str__(self):
        return f"{self.user} ← {self.post}"
