"""Views: what course and lesson pages do on POST, and the learner's "My learning" page.

Course and lesson pages take their own POSTs (as Wagtail's form pages do), so every change is
a POST with CSRF to the page it concerns, answered with a redirect (post/redirect/get), or with
the page again and its errors when the input was wrong.
"""

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from capacity_lms.core.actions import ActionRefused
from courses.actions import (
    CompleteLessonAction,
    EnrolAction,
    LeaveAction,
    SubmitQuizAction,
    new_submission_token,
)
from courses.models import QuizAttempt
from courses.progress import my_learning
from courses.quiz import InvalidAnswers, answers_from_post, score_answers, validate_answers


def _refused(request, error):
    for message in error.messages:
        messages.error(request, message)


def course_post(request, course):
    action = request.POST.get("action")
    try:
        if action == "enrol":
            EnrolAction(course, user=request.user).execute()
            messages.success(request, _("You are enrolled. Start with the first lesson."))
        elif action == "leave":
            LeaveAction(course, user=request.user).execute()
            messages.success(request, _("You have left this course."))
        else:
            messages.error(request, _("Unknown action."))
    except ActionRefused as error:
        _refused(request, error)
    return HttpResponseRedirect(course.url)


@dataclass
class QuizState:
    """One quiz of a lesson as the learner sees it now."""

    quiz_id: str
    quiz: object
    attempts: list = field(default_factory=list)
    token: str = ""
    errors: list = field(default_factory=list)
    chosen: dict = field(default_factory=dict)
    result: object = None

    @property
    def passed(self):
        return any(attempt.passed for attempt in self.attempts)

    @property
    def last_attempt(self):
        return self.attempts[0] if self.attempts else None

    @property
    def attempts_left(self):
        if not self.quiz["max_attempts"]:
            return None
        return max(0, self.quiz["max_attempts"] - len(self.attempts))

    @property
    def can_attempt(self):
        return not self.passed and self.attempts_left != 0


def quiz_states(request, lesson, errors_for=None, errors=(), posted=None):
    """The state of each quiz in ``lesson`` for the learner, in one query."""
    attempts = []
    if request.user.is_authenticated and lesson.quizzes:
        attempts = list(QuizAttempt.objects.filter(user=request.user, lesson=lesson))
    states = {}
    for quiz_id, quiz in lesson.quizzes:
        own = [attempt for attempt in attempts if attempt.quiz_id == quiz_id]
        state = QuizState(quiz_id=quiz_id, quiz=quiz, attempts=own, token=new_submission_token())
        if state.last_attempt:
            try:
                answers = validate_answers(quiz, state.last_attempt.answers)
                state.result = score_answers(quiz, answers)
                state.chosen = answers
            except InvalidAnswers:
                # The quiz was edited since that attempt; its score stands, its detail is gone.
                state.result = None
        if quiz_id == errors_for:
            state.errors = list(errors)
            state.chosen = posted or {}
            state.result = None
        states[quiz_id] = state
    return states


def lesson_blocks(lesson, states):
    """The lesson's body as (block, quiz state or None) pairs, for the lesson template."""
    return [(block, states.get(block.id)) for block in lesson.body]


def lesson_post(request, lesson):
    action = request.POST.get("action")
    course = lesson.course
    if action == "complete":
        try:
            CompleteLessonAction(lesson, user=request.user).execute()
        except ActionRefused as error:
            _refused(request, error)
            return HttpResponseRedirect(lesson.url)
        following = next_lesson_after(request, lesson)
        messages.success(request, _("Lesson completed."))
        return HttpResponseRedirect(following.url if following else course.url)
    if action == "quiz":
        quiz_id = request.POST.get("quiz_id", "")
        answers = answers_from_post(request.POST)
        submit = SubmitQuizAction(
            lesson,
            user=request.user,
            quiz_id=quiz_id,
            answers=answers,
            submission_token=request.POST.get("submission_token"),
        )
        try:
            attempt = submit.execute()
        except ActionRefused as error:
            if error.code != "invalid_answers":
                _refused(request, error)
                return HttpResponseRedirect(f"{lesson.url}#quiz-{quiz_id}")
            context = lesson.get_context(request)
            context["lesson_blocks"] = lesson_blocks(
                lesson,
                quiz_states(
                    request, lesson, errors_for=quiz_id, errors=error.messages, posted=answers
                ),
            )
            return TemplateResponse(request, lesson.get_template(request), context, status=400)
        if attempt.passed:
            messages.success(
                request, _("Quiz passed with %(score)s%%.") % {"score": round(attempt.score)}
            )
        else:
            messages.warning(
                request,
                _("Score %(score)s%%: not passed yet. Read the feedback and try again.")
                % {"score": round(attempt.score)},
            )
        return HttpResponseRedirect(f"{lesson.url}#quiz-{quiz_id}")
    messages.error(request, _("Unknown action."))
    return HttpResponseRedirect(lesson.url)


def next_lesson_after(request, lesson):
    from courses.progress import CourseProgress

    progress = CourseProgress.for_course(lesson.course, request.user, current=lesson)
    return progress.next_lesson


class MyLearningView(LoginRequiredMixin, TemplateView):
    """The learner's own enrolments, progress, completion dates and where to resume."""

    template_name = "capacity_courses/my_learning.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(rows=my_learning(self.request.user), **kwargs)
