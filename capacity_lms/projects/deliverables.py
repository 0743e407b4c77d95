"""The kinds of deliverable an association's project is built from, step by step, in the
project-engineering modules (``courses`` puts them in lessons as blocks; the workbook keeps
what each association wrote; an application to a call starts from an accepted workbook).

Base layer: one list for every domain. Each kind names the part of a :class:`Project` it
writes, so that a workbook step, its review and the application carry the same data.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DeliverableKind(models.TextChoices):
    NEEDS_ANALYSIS = "needs_analysis", _("Needs analysis (problem tree)")
    STAKEHOLDERS = "stakeholders", _("Stakeholders and partners")
    LOGFRAME = "logframe", _("Logical framework")
    BUDGET = "budget", _("Budget")
    TIMELINE = "timeline", _("Timeline")
    RISKS = "risks", _("Risk table")
    TEXT = "text", _("Free text")
    FILE = "file", _("File")


# What of the project each kind writes (the rest of a deliverable's content is its own).
PROJECT_PARTS = {
    DeliverableKind.NEEDS_ANALYSIS: ("context", "target_groups"),
    DeliverableKind.STAKEHOLDERS: ("partners",),
    DeliverableKind.LOGFRAME: ("overall_objective", "logframe"),
    DeliverableKind.BUDGET: ("budget",),
    DeliverableKind.TIMELINE: ("activities",),
    DeliverableKind.RISKS: ("assumptions",),
    DeliverableKind.TEXT: (),
    DeliverableKind.FILE: (),
}

# Levels used by the risk table and the stakeholder map.
LEVELS = (("low", _("Low")), ("medium", _("Medium")), ("high", _("High")))
