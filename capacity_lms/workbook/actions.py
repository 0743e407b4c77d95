"""Every change to a workbook: a member saving or submitting a step, a trainer reviewing it.

A save writes the step's own content and the parts of the association's project it covers,
and keeps a version naming who saved it, in one transaction, the deliverable's row locked so
that two members saving at once take two version numbers, never one. A review locks the row
too: of two trainers deciding at once, one decides and the other is told it is done.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.core.names import person_name
from capacity_lms.projects import writing
from capacity_lms.projects.models import Project
from capacity_lms.workbook import access
from capacity_lms.workbook.completion import complete_for_members
from capacity_lms.workbook.content import content_problems, normalised
from capacity_lms.workbook.display import section_order, sections_named, snapshot_sections
from capacity_lms.workbook.files import checked_files, storing
from capacity_lms.workbook.models import (
    Deliverable,
    DeliverableReview,
    DeliverableVersion,
    Workbook,
)
from capacity_lms.workbook.project_parts import (
    budget_lines,
    logframe_arguments,
    part_problems,
    snapshot,
    with_activities,
)
from capacity_lms.workbook.signals import deliverable_reviewed, deliverable_submitted
from courses.deliverable_blocks import rubric_points


def write_parts(project, parts):
    """Write what a step's forms gave (``project_parts``) into ``project``, in the caller's
    transaction."""
    sections = parts.get("sections", {})
    if sections:
        for name, text in sections.items():
            setattr(project, name, text.strip())
        project.save(update_fields=[*sections, "updated_at"])
    if "logframe" in parts:
        writing.replace_logframe(project, **logframe_arguments(parts["logframe"]))
    if "activities" in parts:
        rows = with_activities(project, parts["activities"])
        writing.replace_logframe(project, **logframe_arguments(rows))
    if "budget" in parts:
        entered = parts["budget"]
        if entered.get("currency"):
            project.currency = entered["currency"]
            project.save(update_fields=["currency", "updated_at"])
        writing.replace_budget(
            project,
            budget_lines(entered["lines"]),
            entered["funding"]["requested_amount"],
            entered["funding"]["own_contribution"],
            [(row["name"], row["amount"]) for row in entered["funders"]],
        )
    if "partners" in parts:
        writing.replace_partners(project, parts["partners"])


def find_deliverable(association, step):
    return Deliverable.objects.filter(
        workbook__association=association,
        workbook__course_key=step.course_key,
        lesson_key=step.lesson_key,
        step_id=step.step_id,
    ).first()


def _workbook(association, step, user):
    try:
        with transaction.atomic():
            return Workbook.objects.get_or_create(
                association=association,
                course_key=step.course_key,
                defaults={"project": _new_project(association, step, user)},
            )[0]
    except IntegrityError:  # another member's first save came first
        return Workbook.objects.get(association=association, course_key=step.course_key)


def _new_project(association, step, user):
    return Project.objects.create(
        association=association,
        title=_("%(association)s: project in %(module)s")
        % {"association": association.name, "module": step.course.title},
        language=step.lesson.locale.language_code,
        created_by=user,
    )


def _locked_deliverable(workbook, step):
    deliverable, _created = Deliverable.objects.get_or_create(
        workbook=workbook,
        lesson_key=step.lesson_key,
        step_id=step.step_id,
        defaults={"kind": step.kind},
    )
    return Deliverable.objects.select_for_update().get(pk=deliverable.pk)


class SaveStep(BaseAction):
    """A member saves their association's work on ``step``: ``content`` (the step's own rows
    and texts), ``parts`` (what it writes of the project, see ``project_parts``); with
    ``submit``, it goes to the trainers for review. Returns the version kept."""

    def __init__(
        self,
        step,
        user=None,
        *,
        association,
        content=None,
        parts=None,
        submit=False,
        files=(),
        remove_files=(),
        based_on=None,
    ):
        super().__init__(step, user=user)
        self.step = step
        self.association = association
        self.content = content or {}
        self.parts = parts or {}
        self.submit = submit
        self.files = list(files)
        self.remove_files = [getattr(item, "pk", item) for item in remove_files]
        self.based_on = based_on
        self.checked = None

    def check(self):
        if (
            not access.working_associations(self.user, self.step.course_key)
            .filter(pk=self.association.pk)
            .exists()
        ):
            raise ActionRefused(
                _("Only the association's members enrolled in this module work on it."),
                code="not_member",
            )
        existing = find_deliverable(self.association, self.step)
        if existing is not None and not existing.is_editable:
            raise ActionRefused(_refusal(existing), code="not_editable")
        if self.checked is None:
            self.checked = checked_files(self.step.kind, existing, self.files, self.remove_files)
        workbook = (
            Workbook.objects.filter(association=self.association, course_key=self.step.course_key)
            .select_related("project")
            .first()
        )
        project = workbook.project if workbook is not None else None
        problems = content_problems(self.step.kind, self.content) + part_problems(
            self.step.kind, self.parts, project
        )
        if problems:
            raise ActionRefused(*problems, code="bad_content")

    def execute(self):
        self.check()
        files = storing(self.checked, self.user)
        try:
            return self._write(files)
        except BaseException:
            files.discard()  # nothing kept of a save that did not happen
            raise

    def _write(self, files):
        with transaction.atomic():
            workbook = _workbook(self.association, self.step, self.user)
            deliverable = _locked_deliverable(workbook, self.step)
            if not deliverable.is_editable:  # submitted by another member meanwhile
                raise ActionRefused(_refusal(deliverable), code="not_editable")
            now = clock.now()
            latest = deliverable.versions.order_by("-number").first()
            newer = None not in (self.based_on, latest) and latest.number > self.based_on
            base = self._base(deliverable) if newer else {}
            content = normalised(self.step.kind, self.content)
            parts = self.parts
            if newer:
                content, parts = _taking_theirs(base, latest.content, content, parts)
            deliverable.kind = self.step.kind
            deliverable.content = content
            deliverable.updated_at = now
            # The project's rows are shared by the workbook's steps: checked again under its
            # lock, so a logframe changed meanwhile cannot leave a timeline naming no result.
            project = Project.objects.select_for_update().get(pk=workbook.project_id)
            problems = part_problems(self.step.kind, parts, project)
            if problems:
                raise ActionRefused(*problems, code="bad_content")
            write_parts(project, parts)
            deliverable.files.filter(pk__in=self.remove_files).delete()
            files.store(deliverable)
            kept = snapshot(deliverable)
            if newer:
                _refuse_lost_update(base, latest, kept)
            if self.submit:
                deliverable.status = Deliverable.Status.SUBMITTED
                deliverable.submitted_at = now
            deliverable.save()
            version = DeliverableVersion.objects.create(
                deliverable=deliverable,
                number=(latest.number if latest is not None else 0) + 1,
                author=self.user,
                author_name=person_name(self.user),
                saved_at=now,
                submitted=self.submit,
                content=kept,
            )
            if self.submit:
                transaction.on_commit(
                    lambda: deliverable_submitted.send(
                        Deliverable, deliverable=deliverable, version=version
                    )
                )
        return version

    def _base(self, deliverable):
        """The snapshot of the version the member's form was filled from."""
        found = deliverable.versions.filter(number=self.based_on).values_list("content", flat=True)
        return found.first() or {}


class ChangedMeanwhile(ActionRefused):
    """Another save came in since the member's form was shown, and this one would undo part of
    it. ``latest`` is that version; ``sections`` names what the two saves disagree on."""

    def __init__(self, latest, sections):
        super().__init__(
            _(
                "%(person)s saved this step while you were working on it (version %(number)s)."
                " Both of you changed: %(sections)s. Nothing was saved: what you wrote is kept"
                " in the form, and their version is shown beside it; bring the two together,"
                " then save again."
            )
            % {
                "person": latest.author_name or _("a former member"),
                "number": latest.number,
                "sections": ", ".join(str(label) for label in sections),
            },
            code="changed_meanwhile",
        )
        self.latest = latest
        self.sections = sections


def _taking_theirs(base, theirs, content, parts):
    """``content`` and ``parts`` with each text or table of the step, and each text of the
    project, that the member left as in ``base`` but another save changed since, taken from
    that save (``theirs``): two members working on different parts of a step both keep their
    work. The project's rows (logframe, budget, partners) are not merged: a change of them on
    both sides is refused by :func:`_refuse_lost_update`."""
    content = dict(content)
    for name, value in theirs.get("content", {}).items():
        if content.get(name) == base.get("content", {}).get(name) != value:
            content[name] = value
    mine = parts.get("sections")
    if mine:
        before = base.get("project", {}).get("sections", {})
        after = theirs.get("project", {}).get("sections", {})
        mine = {
            name: after[name]
            if name in after and text.strip() == before.get(name) != after[name]
            else text
            for name, text in mine.items()
        }
        parts = {**parts, "sections": mine}
    return content, parts


def _refuse_lost_update(base, latest, kept):
    """Raise :class:`ChangedMeanwhile` if ``kept`` (what this save would keep) differs from
    ``latest`` in a section that changed between ``base`` (the snapshot the member's form was
    filled from) and ``latest``."""
    before = snapshot_sections(base)
    theirs = snapshot_sections(latest.content)
    mine = snapshot_sections(json.loads(json.dumps(kept, cls=DjangoJSONEncoder)))
    disputed = [
        key
        for key in theirs.keys() | before.keys()
        if theirs.get(key) != before.get(key) and mine.get(key) != theirs.get(key)
    ]
    if disputed:
        raise ChangedMeanwhile(latest, sections_named(sorted(disputed, key=section_order)))


def _refusal(deliverable):
    if deliverable.status == Deliverable.Status.SUBMITTED:
        return _("This work is with the trainers: it can be changed again if they ask for it.")
    return _("This work is accepted: it is kept as it was accepted.")


class ReviewStep(BaseAction):
    """A trainer of the module reviews the submitted ``deliverable`` against the step's
    rubric: ``scores`` one level index per criterion, ``comments`` {section: text},
    ``comment`` a general one, ``decision`` accepted or changes requested."""

    def __init__(
        self, deliverable, user=None, *, step, decision, scores=(), comments=None, comment=""
    ):
        super().__init__(deliverable, user=user)
        self.deliverable = deliverable
        self.step = step
        self.decision = decision
        self.scores = list(scores)
        self.comments = {
            key: text.strip() for key, text in (comments or {}).items() if text.strip()
        }
        self.comment = comment.strip()

    def check(self):
        if not access.may_review(self.user, self.deliverable):
            raise ActionRefused(
                _("Only the module's trainers review this work."), code="not_trainer"
            )
        if self.deliverable.status != Deliverable.Status.SUBMITTED:
            raise ActionRefused(_("This work has been reviewed already."), code="not_submitted")
        if self.decision not in DeliverableReview.Decision.values:
            raise ActionRefused(_("Accept the work or ask for changes."), code="no_decision")
        rubric = self.step.rubric
        if len(self.scores) != len(rubric) or any(
            not isinstance(level, int) or not 0 <= level < len(criterion["levels"])
            for level, criterion in zip(self.scores, rubric, strict=False)
        ):
            raise ActionRefused(
                _("Give every criterion of the rubric a level."), code="bad_scores"
            )
        if (
            self.decision == DeliverableReview.Decision.CHANGES_REQUESTED
            and not self.comment
            and not self.comments
        ):
            raise ActionRefused(_("Say what should change: write a comment."), code="no_comment")

    def execute(self):
        self.check()
        with transaction.atomic():
            deliverable = Deliverable.objects.select_for_update().get(pk=self.deliverable.pk)
            if deliverable.status != Deliverable.Status.SUBMITTED:
                raise ActionRefused(
                    _("This work has been reviewed already."), code="not_submitted"
                )
            rubric = self.step.rubric
            scores = [
                {
                    "criterion": criterion["name"],
                    "level": criterion["levels"][level]["label"],
                    "points": criterion["levels"][level]["points"],
                }
                for level, criterion in zip(self.scores, rubric, strict=True)
            ]
            now = clock.now()
            review = DeliverableReview.objects.create(
                deliverable=deliverable,
                version=deliverable.versions.filter(submitted=True).order_by("-number").first(),
                reviewer=self.user,
                reviewer_name=person_name(self.user),
                decision=self.decision,
                scores=scores,
                points=sum(score["points"] for score in scores),
                max_points=rubric_points(rubric),
                comments=self.comments,
                comment=self.comment,
                created_at=now,
            )
            deliverable.status = self.decision
            deliverable.decided_at = now
            deliverable.save(update_fields=["status", "decided_at"])
            if self.decision == DeliverableReview.Decision.ACCEPTED:
                complete_for_members(deliverable, self.user)
            transaction.on_commit(
                lambda: deliverable_reviewed.send(DeliverableReview, review=review)
            )
        return review
