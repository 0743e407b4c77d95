"""What an accepted deliverable completes: the lesson, for every member of the association
enrolled in a version of the module (each in their own language's lesson); and the source of
acceptances that ``courses`` asks before completing a lesson with a required step."""

from capacity_lms.core.actions import ActionRefused
from capacity_lms.workbook.models import Deliverable
from courses.actions import CompleteLessonAction
from courses.completion import register_acceptances
from courses.models import Enrolment, LessonCompletion, LessonPage


def accepted_steps(user, lesson):
    """The ids of ``lesson``'s steps accepted for one of ``user``'s associations."""
    if user is None or not user.is_authenticated:
        return set()
    return set(
        Deliverable.objects.filter(
            status=Deliverable.Status.ACCEPTED,
            lesson_key=lesson.translation_key,
            workbook__course_key=lesson.course.translation_key,
            workbook__association__memberships__user=user,
        ).values_list("step_id", flat=True)
    )


def complete_for_members(deliverable, trainer):
    """Complete the step's lesson for each member enrolled in a version of the module whose
    other requirements (quizzes, other steps) are met; the others complete it when they are."""
    workbook = deliverable.workbook
    enrolments = (
        Enrolment.objects.active()
        .filter(
            course__translation_key=workbook.course_key,
            user__capacity_memberships__association=workbook.association,
        )
        .select_related("user", "course")
    )
    lessons = {
        lesson.locale_id: lesson
        for lesson in LessonPage.objects.live().filter(translation_key=deliverable.lesson_key)
    }
    for enrolment in enrolments:
        lesson = lessons.get(enrolment.course.locale_id)
        if lesson is None or not lesson.path.startswith(enrolment.course.path):
            continue
        try:
            CompleteLessonAction(
                lesson,
                user=trainer,
                learner=enrolment.user,
                method=LessonCompletion.Method.DELIVERABLE,
            ).execute()
        except ActionRefused:
            continue  # a quiz or another step still waits: completed when it is done


register_acceptances(accepted_steps)
