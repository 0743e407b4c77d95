"""A member uploads the workbook's file (``projects.logframe_xlsx``): its logical framework
and budget replace the project's, whole, or nothing changes.

The file covers what the logical framework, timeline and budget steps write, so it is taken
only while every such step of the workbook may still be edited (a draft, or changes asked
for): work with the trainers, or accepted, is kept as it is. Each of those steps whose
project parts the file changed keeps a version naming the member, numbered under the
deliverable's row lock as a save is (``actions.SaveStep``); a step the file leaves as it was
keeps none.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.core.names import person_name
from capacity_lms.projects import writing
from capacity_lms.projects.deliverables import DeliverableKind
from capacity_lms.projects.models import Project
from capacity_lms.workbook import access
from capacity_lms.workbook.models import Deliverable, DeliverableVersion
from capacity_lms.workbook.project_parts import snapshot

# The steps whose project parts the file replaces.
COVERED_KINDS = (DeliverableKind.LOGFRAME, DeliverableKind.TIMELINE, DeliverableKind.BUDGET)


def locked_steps(workbook):
    """The workbook's steps the file would change that may not be changed now."""
    return workbook.deliverables.filter(kind__in=COVERED_KINDS).exclude(
        status__in=Deliverable.EDITABLE
    )


def importable(workbook):
    return not locked_steps(workbook).exists()


def _not_editable():
    return ActionRefused(
        _(
            "The logical framework, the timeline or the budget is with the trainers or "
            "accepted: a file can be imported again once they ask for changes."
        ),
        code="not_editable",
    )


class ImportProjectFile(BaseAction):
    """A working member's uploaded file replaces the logical framework and the budget of
    ``workbook``'s project: ``project_file`` as ``logframe_xlsx.read_project_xlsx`` returns
    it. Returns the versions kept."""

    def __init__(self, workbook, user=None, *, project_file):
        super().__init__(workbook, user=user)
        self.workbook = workbook
        self.project_file = project_file

    def check(self):
        if not access.workable_workbooks(self.user).filter(pk=self.workbook.pk).exists():
            raise ActionRefused(
                _("Only the association's members enrolled in this module work on it."),
                code="not_member",
            )
        if not importable(self.workbook):
            raise _not_editable()
        logframe, funding = self.project_file.logframe, self.project_file.funding
        problems = writing.logframe_problems(
            logframe["objectives"],
            logframe["results"],
            logframe["activities"],
            logframe["indicators"],
        ) + writing.budget_entry_problems(
            self.project_file.lines, funding.requested, funding.own_contribution, funding.others
        )
        if problems:
            raise ActionRefused(*problems, code="bad_content")

    def execute(self):
        self.check()
        with transaction.atomic():
            deliverables = list(
                Deliverable.objects.select_for_update()
                .filter(workbook=self.workbook, kind__in=COVERED_KINDS)
                .order_by("pk")
            )
            if any(not deliverable.is_editable for deliverable in deliverables):
                raise _not_editable()  # submitted by another member meanwhile
            project = Project.objects.select_for_update().get(pk=self.workbook.project_id)
            self.workbook.project = project
            for deliverable in deliverables:
                deliverable.workbook = self.workbook
            before = {deliverable.pk: snapshot(deliverable) for deliverable in deliverables}
            self._write(project)
            now = clock.now()
            versions = []
            for deliverable in deliverables:
                kept = snapshot(deliverable)
                if kept != before[deliverable.pk]:
                    versions.append(self._version(deliverable, kept, now))
        return versions

    def _write(self, project):
        funding = self.project_file.funding
        writing.replace_logframe(project, **self.project_file.logframe)
        writing.replace_budget(
            project,
            list(self.project_file.lines),
            funding.requested,
            funding.own_contribution,
            list(funding.others),
        )

    def _version(self, deliverable, kept, now):
        deliverable.updated_at = now
        deliverable.save(update_fields=["updated_at"])
        last = deliverable.versions.order_by("-number").values_list("number", flat=True)
        return DeliverableVersion.objects.create(
            deliverable=deliverable,
            number=(last.first() or 0) + 1,
            author=self.user,
            author_name=person_name(self.user),
            saved_at=now,
            content=kept,
        )
