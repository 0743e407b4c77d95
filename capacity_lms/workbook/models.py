"""The association's project workbook, built step by step in a project-engineering module.

A :class:`Workbook` is one association's work in one module (every language version of it:
the module's translation key): it holds the association's project (``projects.Project``),
which the logical framework, budget, timeline and partner steps write. Each deliverable step
of a lesson (a block, identified by the lesson's translation key and the block's id, which a
translation keeps) is a :class:`Deliverable` of the workbook: drafted by the association's
members, submitted, reviewed by the module's trainers against the step's rubric, sent back
with comments or accepted. Every save is a :class:`DeliverableVersion` naming its author, so
who wrote what stays known, also after they leave the association; every review is a
:class:`DeliverableReview` of the version it read.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from capacity_lms.core import clock
from capacity_lms.core.storage import get_private_storage
from capacity_lms.people.models import Association
from capacity_lms.projects.deliverables import DeliverableKind
from capacity_lms.projects.models import Project


class Workbook(models.Model):
    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="workbooks",
    )
    course_key = models.UUIDField(
        _("module"), db_index=True, help_text=_("The module's translation key.")
    )
    project = models.OneToOneField(
        Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="workbook"
    )
    created_at = models.DateTimeField(_("created"), default=clock.now)

    class Meta:
        verbose_name = _("workbook")
        verbose_name_plural = _("workbooks")
        constraints = [
            models.UniqueConstraint(
                fields=["association", "course_key"], name="capacity_workbook_one_per_module"
            )
        ]

    def __str__(self):
        return str(self.project)


class Deliverable(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        ACCEPTED = "accepted", _("Accepted")

    # While a trainer reads it, and once accepted, the work is not edited.
    EDITABLE = (Status.DRAFT, Status.CHANGES_REQUESTED)

    workbook = models.ForeignKey(
        Workbook, verbose_name=_("workbook"), on_delete=models.CASCADE, related_name="deliverables"
    )
    lesson_key = models.UUIDField(_("lesson"), help_text=_("The lesson's translation key."))
    step_id = models.CharField(_("step"), max_length=64, help_text=_("The block's id."))
    kind = models.CharField(_("kind"), max_length=20, choices=DeliverableKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    content = models.JSONField(_("content"), default=dict, blank=True)
    updated_at = models.DateTimeField(_("updated"), default=clock.now)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("deliverable")
        verbose_name_plural = _("deliverables")
        constraints = [
            models.UniqueConstraint(
                fields=["workbook", "lesson_key", "step_id"],
                name="capacity_deliverable_one_per_step",
            )
        ]
        indexes = [models.Index(fields=["status", "submitted_at"], name="capacity_deliv_queue")]

    def __str__(self):
        return f"{self.workbook} – {self.get_kind_display()}"

    @property
    def is_editable(self):
        return self.status in self.EDITABLE


class DeliverableVersion(models.Model):
    """What the deliverable held when one member saved or submitted it."""

    deliverable = models.ForeignKey(
        Deliverable,
        verbose_name=_("deliverable"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    number = models.PositiveIntegerField(_("number"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    author_name = models.CharField(_("author's name"), max_length=255, blank=True)
    saved_at = models.DateTimeField(_("saved"), default=clock.now)
    submitted = models.BooleanField(_("submitted for review"), default=False)
    content = models.JSONField(_("content"), default=dict)

    class Meta:
        verbose_name = _("deliverable version")
        verbose_name_plural = _("deliverable versions")
        ordering = ["deliverable", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["deliverable", "number"], name="capacity_deliverable_version_number"
            )
        ]

    def __str__(self):
        return f"{self.deliverable} v{self.number}"


class DeliverableFile(models.Model):
    """A file a member attached to a step (a free text or file deliverable): kept in private
    storage, read through the view that asks who may see the deliverable."""

    deliverable = models.ForeignKey(
        Deliverable, verbose_name=_("deliverable"), on_delete=models.CASCADE, related_name="files"
    )
    file = models.FileField(
        upload_to="capacity_lms/workbook/", storage=get_private_storage, max_length=255
    )
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size"))
    kind = models.CharField(_("kind"), max_length=16)
    content_type = models.CharField(max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=clock.now)

    class Meta:
        verbose_name = _("deliverable file")
        verbose_name_plural = _("deliverable files")
        ordering = ["deliverable", "uploaded_at", "pk"]

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("capacity_lms:workbook_file", args=[self.pk, self.original_name])


class DeliverableReview(models.Model):
    """A trainer's review of a submitted version: scores per criterion, comments per section,
    and the decision."""

    class Decision(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")

    deliverable = models.ForeignKey(
        Deliverable,
        verbose_name=_("deliverable"),
        on_delete=models.CASCADE,
        related_name="reviews",
    )
    version = models.ForeignKey(
        DeliverableVersion,
        verbose_name=_("version reviewed"),
        on_delete=models.PROTECT,
        related_name="reviews",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewer_name = models.CharField(_("reviewer's name"), max_length=255, blank=True)
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices)
    # {criterion index: level index}, as the rubric of the lesson's live revision listed them,
    # with the points they gave then (a later edit of the rubric changes no past score).
    scores = models.JSONField(_("scores"), default=list, blank=True)
    points = models.PositiveIntegerField(_("points"), default=0)
    max_points = models.PositiveIntegerField(_("out of"), default=0)
    comments = models.JSONField(_("comments per section"), default=dict, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("reviewed"), default=clock.now)

    class Meta:
        verbose_name = _("deliverable review")
        verbose_name_plural = _("deliverable reviews")
        ordering = ["deliverable", "-created_at", "-pk"]

    def __str__(self):
        return f"{self.deliverable}: {self.get_decision_display()}"


class ReviewAlertChoice(models.Model):
    """How a trainer hears of new submissions: one e-mail each, or a daily digest."""

    class Frequency(models.TextChoices):
        EACH = "each", _("One e-mail per submission")
        DAILY = "daily", _("A daily digest")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainer"),
        on_delete=models.CASCADE,
        related_name="workbook_alerts",
    )
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.EACH
    )
    digest_sent_until = models.DateTimeField(_("digest sent until"), null=True, blank=True)

    class Meta:
        verbose_name = _("review alert choice")
        verbose_name_plural = _("review alert choices")

    def __str__(self):
        return f"{self.user}: {self.get_frequency_display()}"
