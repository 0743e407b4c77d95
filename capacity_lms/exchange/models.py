"""Exchange spaces: moderated discussions between associations, trainers and learners.

A :class:`Space` is of one kind: an open topic space (a strategic axis, or a region of origin in
Morocco), a cohort space (one per workshop, one per module for all its language versions), or
a private space (one per partnership, one per funded project). Who reads, writes and moderates
is decided by the kind and what it names (``exchange/access.py``), never stored per person,
except for those removed from a space (:class:`SpaceRemoval`). Threads hold posts; every post
carries the language it was written in; an edit keeps the text it replaced
(:class:`PostRevision`); moderators' acts are one :class:`ModerationEvent` each.
"""

import uuid
from functools import reduce
from operator import or_

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from capacity_lms.core import clock
from capacity_lms.core.storage import get_private_storage

# What each kind of space is about: the fields it names (the others stay empty). A space
# about an offer or need is between the association that published it and one that answers.
KIND_FIELDS = (
    ("axis", ("strategic_axis",)),
    ("region", ("region",)),
    ("workshop", ("workshop",)),
    ("module", ("course_key",)),
    ("partnership", ("partnership",)),
    ("project", ("application",)),
    ("case_study", ("case_study_key",)),
    ("offer", ("offer", "association")),
)
TARGET_FIELDS = dict(KIND_FIELDS)
NAMED_FIELDS = tuple(dict.fromkeys(field for _kind, fields in KIND_FIELDS for field in fields))
# Kinds named by a page's translation key (one space for every language version), not a row.
KEY_KINDS = ("module", "case_study")
KEY_SEPARATOR = "-"


def _names_only(kind, fields):
    """The condition that a space of ``kind`` names ``fields`` and nothing else."""
    return Q(kind=kind, **{f"{other}__isnull": other not in fields for other in NAMED_FIELDS})


class Space(models.Model):
    class Kind(models.TextChoices):
        AXIS = "axis", _("Topic: strategic axis")
        REGION = "region", _("Topic: region of origin")
        WORKSHOP = "workshop", _("Workshop cohort")
        MODULE = "module", _("Module cohort")
        PARTNERSHIP = "partnership", _("Partnership")
        PROJECT = "project", _("Funded project")
        CASE_STUDY = "case_study", _("Case study discussion")
        OFFER = "offer", _("Offer or need")

    TOPIC_KINDS = (Kind.AXIS, Kind.REGION)
    # Every signed-in person reads and writes there; staff may open them to everyone.
    OPEN_KINDS = (Kind.AXIS, Kind.REGION, Kind.CASE_STUDY)

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    strategic_axis = models.ForeignKey(
        "capacity_lms.StrategicAxis",
        verbose_name=_("strategic axis"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    region = models.ForeignKey(
        "capacity_lms.Region",
        verbose_name=_("region of origin"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    workshop = models.ForeignKey(
        "capacity_lms.Workshop",
        verbose_name=_("workshop"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # A module's space is one for every language version: it names the course's translation key.
    course_key = models.UUIDField(_("module"), null=True, blank=True)
    partnership = models.ForeignKey(
        "capacity_lms.Partnership",
        verbose_name=_("partnership"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    application = models.ForeignKey(
        "capacity_lms.Application",
        verbose_name=_("funded project"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # A case study's discussion is one for every language version: its translation key.
    case_study_key = models.UUIDField(_("case study"), null=True, blank=True)
    offer = models.ForeignKey(
        "capacity_lms.OfferOrNeed",
        verbose_name=_("offer or need"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # The association answering the offer or need (the other is the one that published it).
    association = models.ForeignKey(
        "capacity_lms.Association",
        verbose_name=_("answering association"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # Open spaces only: readable by everyone, not only signed-in members.
    is_public = models.BooleanField(_("public"), default=False)
    # New members' first posts wait for a moderator.
    holds_first_posts = models.BooleanField(_("hold new members' first posts"), default=False)
    created_at = models.DateTimeField(_("created"), default=clock.now, editable=False)

    class Meta:
        verbose_name = _("exchange space")
        verbose_name_plural = _("exchange spaces")
        permissions = [
            ("moderate_exchange", "Can moderate every exchange space"),
            ("moderate_module_spaces", "Can moderate the modules' and case studies' spaces"),
        ]
        constraints = [
            *(
                models.UniqueConstraint(
                    fields=list(fields),
                    condition=Q(kind=kind),
                    name=f"capacity_space_one_per_{kind}",
                )
                for kind, fields in KIND_FIELDS
            ),
            # What each kind names, and nothing else.
            models.CheckConstraint(
                condition=reduce(or_, (_names_only(kind, fields) for kind, fields in KIND_FIELDS)),
                name="capacity_space_names_what_its_kind_needs",
            ),
            models.CheckConstraint(
                condition=Q(is_public=False) | Q(kind__in=["axis", "region", "case_study"]),
                name="capacity_space_only_open_spaces_are_public",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"

    def get_absolute_url(self):
        return reverse("capacity_lms:exchange_space", args=[self.kind, self.target_key()])

    @property
    def is_topic(self):
        return self.kind in self.TOPIC_KINDS

    @property
    def is_open(self):
        return self.kind in self.OPEN_KINDS

    def target_filter(self):
        """``{column: value}`` naming what this space is about (its kind aside)."""
        fields = TARGET_FIELDS[self.kind]
        # A translation key is a value of its own; the other fields are rows, named by id.
        columns = fields if self.kind in KEY_KINDS else [f"{field}_id" for field in fields]
        return {column: getattr(self, column) for column in columns}

    def target_key(self):
        """What names the space in its URL: the target's id (a page's translation key; an
        offer's id and the answering association's)."""
        return KEY_SEPARATOR.join(str(value) for value in self.target_filter().values())


class Thread(models.Model):
    space = models.ForeignKey(
        Space, verbose_name=_("space"), on_delete=models.CASCADE, related_name="threads"
    )
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(_("language"), max_length=12)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("started"), default=clock.now)
    # Kept by the actions that add, hide or remove a post: the listing's order and figures
    # without a count over the posts.
    last_post_at = models.DateTimeField(_("last post"), default=clock.now)
    post_count = models.PositiveIntegerField(_("posts"), default=0)
    locked = models.BooleanField(_("locked"), default=False)
    solution = models.ForeignKey(
        "Post",
        verbose_name=_("solution"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        # The space page's order, whole (the id breaks ties): no sort, and an OFFSET that walks
        # the index, at any number of threads.
        indexes = [
            models.Index(fields=["space", "-last_post_at", "-id"], name="capacity_thread_latest")
        ]

    def __str__(self):
        return self.title


class Post(models.Model):
    class Status(models.TextChoices):
        VISIBLE = "visible", _("Visible")
        HELD = "held", _("Waiting for a moderator")
        HIDDEN = "hidden", _("Hidden by a moderator")
        DELETED = "deleted", _("Deleted by its author")

    thread = models.ForeignKey(
        Thread, verbose_name=_("thread"), on_delete=models.CASCADE, related_name="posts"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=12)
    quoted = models.ForeignKey(
        "self",
        verbose_name=_("quoting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.VISIBLE
    )
    created_at = models.DateTimeField(_("posted"), default=clock.now)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    # The form's one-time key: the same form sent twice (a double click) is one post.
    submission_key = models.UUIDField(default=uuid.uuid4, editable=False)

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "submission_key"], name="capacity_post_sent_once"
            )
        ]
        indexes = [models.Index(fields=["thread", "created_at"], name="capacity_post_in_thread")]

    def __str__(self):
        return f"{self.thread} #{self.pk}"


class PostRevision(models.Model):
    """The text a post had before an edit (or a moderator's hiding), kept for the history."""

    post = models.ForeignKey(
        Post, verbose_name=_("post"), on_delete=models.CASCADE, related_name="revisions"
    )
    body = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=12)
    replaced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("edited by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    replaced_at = models.DateTimeField(_("replaced"), default=clock.now)

    class Meta:
        verbose_name = _("post revision")
        verbose_name_plural = _("post revisions")
        ordering = ["replaced_at", "pk"]

    def __str__(self):
        return f"{self.post} ({self.replaced_at:%Y-%m-%d %H:%M})"


class PostAttachment(models.Model):
    post = models.ForeignKey(
        Post, verbose_name=_("post"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(
        upload_to="capacity_lms/exchange/", storage=get_private_storage, max_length=255
    )
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size"))
    kind = models.CharField(_("kind"), max_length=16)
    content_type = models.CharField(max_length=100)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.original_name
