"""A lesson page: its content, who may read it, and what it does on POST (mark it done,
submit a quiz), handled in its own ``serve()`` as Wagtail's form pages do."""

from django.contrib import messages
from django.db import models
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from capacity_lms.core.actions import ActionRefused, show_refusal
from capacity_lms.core.pages import PersonalPage, SharedPage
from capacity_lms.core.tree import view_restrictions
from courses.access import lesson_access_denied
from courses.actions import CompleteLessonAction, SubmitQuizAction, waiting_deliverables
from courses.blocks import LessonContentBlock
from courses.progress import CourseProgress, forget_learner_state, lesson_blocks, quiz_states
from courses.quiz import answers_from_post


class LessonPage(SharedPage, PersonalPage, Page):
    """One lesson of a course: rich content, media, resources and quizzes.

    Its place under the course gives its order. Required lessons count towards completion;
    preview lessons are open to everyone, enrolled or not.
    """

    body = StreamField(LessonContentBlock(), verbose_name=_("content"))
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=15)
    is_required = models.BooleanField(
        _("required"), default=True, help_text=_("Counts towards completing the course.")
    )
    is_preview = models.BooleanField(
        _("open preview"), default=False, help_text=_("Anyone can read it without enrolling.")
    )

    content_panels = [*Page.content_panels, FieldPanel("body")]
    settings_panels = [
        *Page.settings_panels,
        FieldRowPanel(
            [FieldPanel("estimated_minutes"), FieldPanel("is_required"), FieldPanel("is_preview")]
        ),
    ]
    parent_page_types = ["capacity_courses.CoursePage"]
    subpage_types = []
    search_fields = [*Page.search_fields, index.SearchField("body")]
    template = "capacity_courses/lesson_page.html"

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    @cached_property
    def course(self):
        return self.get_parent().specific

    @property
    def quizzes(self):
        """The quiz blocks of this lesson, as (block id, value) pairs."""
        return [(block.id, block.value) for block in self.body if block.block_type == "quiz"]

    def get_quiz(self, quiz_id):
        return dict(self.quizzes).get(quiz_id)

    @property
    def required_quiz_ids(self):
        return [quiz_id for quiz_id, quiz in self.quizzes if quiz["is_required"]]

    @property
    def deliverables(self):
        """The deliverable steps of this lesson, as (block id, value) pairs."""
        return [
            (block.id, block.value) for block in self.body if block.block_type == "deliverable"
        ]

    @property
    def required_deliverable_ids(self):
        return [step_id for step_id, step in self.deliverables if step["is_required"]]

    def shared_with_visitors(self, request):
        """Only an open preview is the same for every signed-out visitor; the others send
        them to sign in, which is never stored."""
        return self.is_preview

    def get_view_restrictions(self):
        return view_restrictions(self)

    def serve(self, request, *args, **kwargs):
        denied = lesson_access_denied(request, self)
        if denied is not None:
            return denied
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        action = request.POST.get("action")
        if action == "complete":
            return self.complete(request)
        if action == "quiz":
            return self.submit_quiz(request)
        messages.error(request, _("Unknown action."))
        return HttpResponseRedirect(self.url)

    def complete(self, request):
        """POST "complete": mark the lesson done, then go on to the next lesson (or the course)."""
        try:
            CompleteLessonAction(self, user=request.user).execute()
        except ActionRefused as error:
            show_refusal(request, error)
            return HttpResponseRedirect(self.url)
        forget_learner_state(request.user)
        following = CourseProgress.for_course(self.course, request, current=self).next_lesson
        messages.success(request, _("Lesson completed."))
        return HttpResponseRedirect(following.url if following else self.course.url)

    def submit_quiz(self, request):
        """POST "quiz": score an attempt; wrong input shows the lesson again with its errors."""
        quiz_id = request.POST.get("quiz_id", "")
        answers = answers_from_post(request.POST)
        submit = SubmitQuizAction(
            self,
            user=request.user,
            quiz_id=quiz_id,
            answers=answers,
            submission_token=request.POST.get("submission_token"),
        )
        try:
            attempt = submit.execute()
        except ActionRefused as error:
            if error.code != "invalid_answers":
                show_refusal(request, error)
                return HttpResponseRedirect(f"{self.url}#quiz-{quiz_id}")
            context = self.get_context(request)
            states = quiz_states(
                request, self, errors_for=quiz_id, errors=error.messages, posted=answers
            )
            context["lesson_blocks"] = lesson_blocks(self, request, states)
            return TemplateResponse(request, self.get_template(request), context, status=400)
        score = {"score": round(attempt.score)}
        if attempt.passed:
            messages.success(request, gettext("Quiz passed with %(score)s%%.") % score)
        else:
            messages.warning(
                request,
                gettext("Score %(score)s%%: not passed yet. Read the feedback and try again.")
                % score,
            )
        return HttpResponseRedirect(f"{self.url}#quiz-{quiz_id}")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        progress = CourseProgress.for_course(self.course, request, current=self)
        context["course"] = self.course
        context["progress"] = progress
        context["previous_lesson"], context["next_lesson"] = progress.neighbours(self)
        context["lesson_blocks"] = lesson_blocks(self, request, quiz_states(request, self))
        # Required steps not yet accepted for the reader's association (asked only when the
        # lesson has some and the reader is enrolled).
        context["waiting_deliverables"] = (
            waiting_deliverables(request.user, self)
            if progress.is_enrolled and self.required_deliverable_ids
            else set()
        )
        return context
