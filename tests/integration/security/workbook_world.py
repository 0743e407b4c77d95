"""The project workbook in the access matrix's world: a lesson of the learner's course with a
deliverable step, the course trained by the trainer, the learner's association's work on it
submitted. The other learner (enrolled, another association) and the other trainer (not the
module's) are refused the step and the review; staff read it."""

from django.core.files.uploadedfile import SimpleUploadedFile

from capacity_lms.projects.deliverables import DeliverableKind
from capacity_lms.workbook.actions import SaveStep
from capacity_lms.workbook.steps import find_step
from sandbox.testing.factories import LessonPageFactory, deliverable_block
from tests.integration.security.exchange_world import PDF_BYTES


def build_workbook_world(people, objects):
    course = objects["course"]
    block = deliverable_block(
        DeliverableKind.TEXT, "Project idea", rubric=[("Clear", [("No", 0), ("Yes", 2)])]
    )
    lesson = LessonPageFactory(parent=course, title="Your project idea", body=[block])
    course.trainers.add(people["trainer"])
    course.save_revision().publish()
    step = find_step(lesson.pk, block["id"])
    version = SaveStep(
        step,
        user=people["learner"],
        association=objects["association"],
        content={"text": "Homework clubs in three districts."},
        submit=True,
        files=[SimpleUploadedFile("idea.pdf", PDF_BYTES)],
    ).execute()
    objects.update(
        workbook_step=step,
        workbook_deliverable=version.deliverable,
        workbook_lesson=lesson,
        workbook_file=version.deliverable.files.get(),
    )
