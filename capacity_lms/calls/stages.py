"""The committee's steps after a call closes (before: its clock says upcoming or open)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CallStage(models.TextChoices):
    NONE = "", _("Not started")
    IN_REVIEW = "in_review", _("In review")
    DECIDED = "decided", _("Decided")
