"""Who may read a lesson: one pluggable check (setting CAPACITY_LMS_LESSON_ACCESS_POLICY)."""

from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse
from django.utils.module_loading import import_string

from capacity_lms.conf import get_setting
from courses.progress import learner_state


def default_lesson_access(user, lesson):
    """Preview lessons are open to all; enrolled learners; editors of the lesson always.

    The enrolment is read with the learner's progress (one query the page uses again); the
    editor's permissions only for someone not enrolled."""
    if lesson.is_preview:
        return True
    if not user.is_authenticated:
        return False
    enrolment, _completed = learner_state(user, lesson.course)
    if enrolment is not None and enrolment.is_active:
        return True
    return lesson.permissions_for_user(user).can_edit()


def can_read_lesson(user, lesson):
    return import_string(get_setting("LESSON_ACCESS_POLICY"))(user, lesson)


def lesson_access_denied(request, lesson):
    """None when ``request.user`` may read the lesson, else the response to send instead."""
    if can_read_lesson(request.user, lesson):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return TemplateResponse(
        request,
        "capacity_courses/lesson_locked.html",
        {"page": lesson, "course": lesson.course},
        status=403,
    )
