"""A learner's progress, computed from the facts (completions, attempts), never stored twice.

Each function runs a fixed number of queries whatever the number of courses or lessons. The
pages call these, so they take the pages they work on from their callers (or through the
learner-state relations) and do not import the page models.
"""

from dataclasses import dataclass, field

from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.template.loader import render_to_string
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from capacity_lms.core.fragments import remember
from capacity_lms.core.translation import language_direction
from capacity_lms.core.tree import children_of
from capacity_lms.core.written_language import prefetch_written_languages, written_language
from courses.actions import new_submission_token
from courses.models.learning import Enrolment, GroupConcat, LessonCompletion, QuizAttempt
from courses.quiz import InvalidAnswers, score_answers, validate_answers


def percent(done, total):
    if not total:
        return 0
    return min(100, round(done * 100 / total))


@dataclass(frozen=True)
class OutlineEntry:
    """A lesson as a course's outline, its previous and next links and the resume button show
    it: the same for every reader, so kept as a fragment (see :func:`course_outline`)."""

    pk: int
    url: str
    title: str
    title_attributes: str  # ` lang=".." dir=".."`: the language the title was written in
    estimated_minutes: int
    is_required: bool
    is_preview: bool
    link: str = ""  # the outline's link to it
    facts: str = ""  # "15 min · Optional", in the reader's language


def course_outline(course, request):
    """The live lessons of ``course`` in order, as :class:`OutlineEntry` rows, computed once per
    course, language, site and page cache generation (a lesson published, unpublished, moved
    or translated purges the generation). Two queries when computed, none when kept."""

    def compute():
        lessons = list(course.lessons())
        # Each title labelled with the language it was written in.
        prefetch_written_languages(lessons, "title")
        entries = []
        for lesson in lessons:
            url = lesson.get_url(request)
            attributes = lang_attributes(written_language(lesson, "title"))
            minutes = gettext("%(minutes)s min") % {"minutes": lesson.estimated_minutes}
            entries.append(
                OutlineEntry(
                    pk=lesson.pk,
                    url=url,
                    title=lesson.title,
                    title_attributes=attributes,
                    estimated_minutes=lesson.estimated_minutes,
                    is_required=lesson.is_required,
                    is_preview=lesson.is_preview,
                    link=format_html('<a href="{}"{}>{}</a>', url, attributes, lesson.title),
                    facts=minutes if lesson.is_required else f"{minutes} · {gettext('Optional')}",
                )
            )
        return entries

    return remember(request, "course-outline", [course.pk, course.live_revision_id], compute)


def lang_attributes(code):
    return format_html(' lang="{}" dir="{}"', code, language_direction(code))


STATES_ATTRIBUTE = "_capacity_learner_states"


def learner_state(user, course):
    """``(enrolment or None, {completed lesson ids})`` of ``user`` in ``course``, in one query.

    Kept on the user object for the rest of the request, so that the lesson access check and
    the page's progress share it; :func:`forget_learner_state` after a change in the same
    request."""
    if not user.is_authenticated:
        return None, set()
    states = user.__dict__.setdefault(STATES_ATTRIBUTE, {})
    if course.pk not in states:
        completed = (
            LessonCompletion.objects.filter(user=OuterRef("user"), course=OuterRef("course"))
            .order_by()
            .values("course")
            .annotate(ids=GroupConcat(Cast("lesson_id", models.CharField())))
            .values("ids")
        )
        enrolment = (
            Enrolment.objects.filter(user=user, course=course)
            .annotate(completed_ids=Subquery(completed, output_field=models.CharField()))
            .first()
        )
        ids = (enrolment.completed_ids or "") if enrolment else ""
        states[course.pk] = (enrolment, {int(pk) for pk in ids.split(",") if pk})
    return states[course.pk]


def forget_learner_state(user):
    user.__dict__.pop(STATES_ATTRIBUTE, None)


CURRENT = mark_safe(' aria-current="page"')  # nosec B308 B703: a constant


@dataclass
class LessonStatus:
    lesson: OutlineEntry
    completed: bool
    is_current: bool = False


@dataclass
class CourseProgress:
    """Where a learner stands in one course: for the course page and each lesson page."""

    course: object  # CoursePage
    enrolment: Enrolment | None
    lessons: list = field(default_factory=list)

    @classmethod
    def for_course(cls, course, request, current=None):
        """The outline (kept for everyone) with the learner's marks: one query for them."""
        entries = course_outline(course, request)
        enrolment, completed = learner_state(request.user, course)
        return cls(
            course=course,
            enrolment=enrolment,
            lessons=[
                LessonStatus(
                    lesson=entry,
                    completed=entry.pk in completed,
                    is_current=current is not None and entry.pk == current.pk,
                )
                for entry in entries
            ],
        )

    def outline_html(self):
        """The outline's items, marked for this learner. Written here rather than in a template
        loop: over fifty lessons the loop cost more than the rest of the page; the links and
        facts come rendered with the kept outline."""
        enrolled = self.is_enrolled
        preview = format_html(" · {}", gettext("Open preview"))
        completed = format_html(" · <strong>{}</strong>", gettext("Completed"))
        return format_html_join(
            "\n",
            '<li class="cl-outline__item{}"{}>{}\n<span class="cl-meta">{}{}{}</span></li>',
            (
                (
                    " is-complete" if status.completed else "",
                    CURRENT if status.is_current else "",
                    status.lesson.link,
                    status.lesson.facts,
                    preview if status.lesson.is_preview and not enrolled else "",
                    completed if status.completed else "",
                )
                for status in self.lessons
            ),
        )

    @property
    def current(self):
        """The status of the lesson being viewed, if any."""
        return next((status for status in self.lessons if status.is_current), None)

    @property
    def is_enrolled(self):
        return self.enrolment is not None and self.enrolment.is_active

    @property
    def completed_at(self):
        return self.enrolment.completed_at if self.enrolment else None

    @property
    def percent(self):
        if self.completed_at:
            return 100
        required = [status for status in self.lessons if status.lesson.is_required]
        return percent(sum(status.completed for status in required), len(required))

    @property
    def next_lesson(self):
        """Where to resume: the first lesson not completed yet, required ones first."""
        for status in self.lessons:
            if status.lesson.is_required and not status.completed:
                return status.lesson
        for status in self.lessons:
            if not status.completed:
                return status.lesson
        return None

    def neighbours(self, lesson):
        """(previous, next) outline entries around ``lesson`` in course order."""
        pages = [status.lesson for status in self.lessons]
        try:
            index = [page.pk for page in pages].index(lesson.pk)
        except ValueError:
            return None, None
        previous = pages[index - 1] if index > 0 else None
        following = pages[index + 1] if index + 1 < len(pages) else None
        return previous, following


@dataclass
class CardStatus:
    """A catalogue card's status for the signed-in learner."""

    state: str  # "not_enrolled", "in_progress", "completed"
    percent: int = 0
    completed_at: object = None


NOT_ENROLLED = CardStatus("not_enrolled")


def statuses_for(user, courses):
    """{course id: CardStatus} for ``courses``, in one query."""
    if not user.is_authenticated or not courses:
        return {}
    enrolments = {
        enrolment.course_id: enrolment
        for enrolment in Enrolment.objects.active()
        .filter(user=user, course_id__in=[course.pk for course in courses])
        .with_progress()
    }
    statuses = {}
    for course in courses:
        enrolment = enrolments.get(course.pk)
        if enrolment is None:
            continue
        if enrolment.completed_at:
            statuses[course.pk] = CardStatus("completed", 100, enrolment.completed_at)
        else:
            statuses[course.pk] = CardStatus("in_progress", enrolment.progress_percent())
    return statuses


@dataclass
class LearningRow:
    enrolment: Enrolment
    course: object  # CoursePage
    percent: int
    next_lesson: object  # LessonPage or None


def my_learning(user):
    """Rows for the "My learning" page: each active enrolment, its progress and next lesson."""
    enrolments = list(
        Enrolment.objects.active()
        .filter(user=user, course__live=True)
        .select_related("course", "course__strategic_axis")
        .order_by("completed_at", "-enrolled_at")
    )
    if not enrolments:
        return []
    courses = {enrolment.course_id: enrolment.course for enrolment in enrolments}
    paths = Q()
    for course in courses.values():
        paths |= children_of(course)
    lesson_model = LessonCompletion.lesson.field.related_model
    lessons = list(lesson_model.objects.live().filter(paths).defer_streamfields().order_by("path"))
    # Courses in several languages side by side: each title labelled with its own.
    prefetch_written_languages(list(courses.values()), "title")
    prefetch_written_languages(lessons, "title")
    completed = set(
        LessonCompletion.objects.filter(user=user, course_id__in=list(courses)).values_list(
            "lesson_id", flat=True
        )
    )
    rows = []
    for enrolment in enrolments:
        course = courses[enrolment.course_id]
        own = [lesson for lesson in lessons if lesson.path.startswith(course.path)]
        required = [lesson for lesson in own if lesson.is_required]
        done = sum(1 for lesson in required if lesson.pk in completed)
        pending = [lesson for lesson in required if lesson.pk not in completed] or [
            lesson for lesson in own if lesson.pk not in completed
        ]
        finished = enrolment.completed_at is not None
        rows.append(
            LearningRow(
                enrolment=enrolment,
                course=course,
                percent=100 if finished else percent(done, len(required)),
                next_lesson=None if finished or not pending else pending[0],
            )
        )
    return rows


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


def lesson_blocks(lesson, request, states):
    """The lesson's body as (block, quiz state or None, html) triples for the lesson template.

    Every block but the quizzes is the same for every reader: its html (with the language it
    was written in) is rendered once per revision, language, site and generation and kept; a
    quiz shows the reader's own attempts, so the template renders it (with the kept
    ``lang``/``dir`` attributes) each time."""

    def compute():
        rendered = {}
        for block in lesson.body:
            attributes = lang_attributes(written_language(lesson, "body", block))
            if block.block_type == "quiz":
                rendered[block.id] = attributes
            else:
                rendered[block.id] = render_to_string(
                    "capacity_courses/includes/lesson_block.html",
                    {"page": lesson, "block": block, "attributes": attributes, "request": request},
                )
        return rendered

    rendered = remember(request, "lesson-body", [lesson.pk, lesson.live_revision_id], compute)
    return [(block, states.get(block.id), rendered.get(block.id, "")) for block in lesson.body]
