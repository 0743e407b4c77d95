"""The generated world's online training: every member enrols in one to three demo modules
(in their preferred language when the module has it, else in French) on a day of the last
eighteen months, then works through the lessons over the following days and weeks, passing
each quiz, until they finish, stop, or reach today.

Everything goes through the learners' own actions (``EnrolAction``, ``SubmitQuizAction``,
``CompleteLessonAction``) under ``clock.at`` the day it happened, so enrolments, lesson
completions, quiz attempts and course completions carry those dates. A lesson that completes
only when a trainer accepts the association's deliverable (the foundations module's logical
framework) stops a learner there: the workbook's part of the story is the hand-written demo's.
"""

import datetime

from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused
from capacity_lms.people.models import Membership
from capacity_lms.workbook.actions import ReviewStep, SaveStep, find_deliverable
from capacity_lms.workbook.models import Deliverable, DeliverableReview
from capacity_lms.workbook.steps import Step
from courses.actions import CompleteLessonAction, EnrolAction
from courses.models import CoursePage, LessonPage
from sandbox.home.demo_training import pass_quizzes
from sandbox.home.demo_workbook import LOGFRAME

# Of those who enrol: the share who keep going after each lesson.
KEEP_GOING = 0.85
# The module the others build on, and those that ask for it first (taken after it).
FOUNDATIONS = "project-engineering-foundations"
FOLLOW_ON = ["solidarity-development-regions-of-origin", "monitoring-evaluation-reporting"]
# The rubric levels a trainer gives a logical framework (one index per criterion).
SCORES = [[2, 2, 1], [2, 2, 2], [1, 2, 1], [2, 1, 2]]
# How many modules a member enrols in (drawn from these: one on average).
ENROLMENTS_PER_MEMBER = [0, 1, 1, 2]


def demo_courses():
    """{module slug: {language: live course page}} of the demo's modules."""
    courses = {}
    for course in CoursePage.objects.live().select_related("locale"):
        courses.setdefault(course.slug, {})[course.locale.language_code] = course
    return courses


class Lessons:
    """Each course's live lessons, in order, read once."""

    def __init__(self):
        self._lessons = {}

    def of(self, course):
        if course.pk not in self._lessons:
            self._lessons[course.pk] = list(
                LessonPage.objects.child_of(course).live().order_by("path").specific()
            )
        return self._lessons[course.pk]


def _course_for(courses, slug, language):
    versions = courses[slug]
    return versions.get(language) or versions.get("fr") or next(iter(versions.values()))


def _association_work(world, user, lesson, day):
    """The step of ``lesson`` a trainer must accept: ``user``'s association writes and submits
    it that day, and the demo "trainer" accepts it three days later (which completes the
    lesson for the association's enrolled members). The day it was accepted, or None."""
    membership = Membership.objects.filter(user=user).select_related("association").first()
    if membership is None:
        return None
    rng = world.rng
    for step_id, value in lesson.deliverables:
        if step_id not in lesson.required_deliverable_ids:
            continue
        step = Step(lesson, step_id, value)
        found = find_deliverable(membership.association, step)
        if found is not None and found.status == Deliverable.Status.ACCEPTED:
            continue
        with clock.at(world.moment(day, hour=rng.randint(9, 20))):
            SaveStep(
                step,
                user=user,
                association=membership.association,
                parts={
                    "sections": {"overall_objective": LOGFRAME["objectives"][0]["text"]},
                    "logframe": LOGFRAME,
                },
                submit=True,
            ).execute()
        day += datetime.timedelta(days=3)
        if day >= world.today:
            return None
        with clock.at(world.moment(day, hour=11)):
            ReviewStep(
                find_deliverable(membership.association, step),
                user=world.trainers[0],
                step=step,
                decision=DeliverableReview.Decision.ACCEPTED,
                scores=rng.choice(SCORES),
                comment="Cadre logique clair.",
            ).execute()
    return day


def _work_through(world, user, course, lessons, day):
    """``user`` does the lessons of ``course`` from ``day`` on; the last day they worked, and
    whether they finished."""
    rng = world.rng
    for lesson in lessons:
        day += datetime.timedelta(days=rng.randint(1, 12))
        if day >= world.today:
            return day, False
        with clock.at(world.moment(day, hour=rng.randint(8, 21), minute=rng.randint(0, 59))):
            try:
                pass_quizzes(user, lesson, f"world-{user.pk}-{lesson.pk}")
            except ActionRefused:
                return day, False
        if lesson.required_deliverable_ids:
            try:
                day = _association_work(world, user, lesson, day)
            except ActionRefused:
                return day, False
            if day is None:
                return world.today, False
        if not lesson.required_quiz_ids:
            with clock.at(world.moment(day, hour=rng.randint(8, 21), minute=rng.randint(0, 59))):
                try:
                    CompleteLessonAction(lesson, user=user).execute()
                except ActionRefused:
                    return day, False
        if rng.random() > KEEP_GOING:
            return day, False
    return day, True


def _take(world, user, course, lessons, day):
    """``user`` enrols in ``course`` on ``day`` and works on it; (last day, finished)."""
    rng = world.rng
    with clock.at(world.moment(day, hour=rng.randint(8, 21))):
        try:
            EnrolAction(course, user=user).execute()
        except ActionRefused:
            return day, False
    return _work_through(world, user, course, lessons.of(course), day)


def load_training(world):
    """Enrolments and lesson work of every generated member; returns the counts."""
    courses = demo_courses()
    first_modules = sorted(slug for slug in courses if slug not in FOLLOW_ON)
    lessons = Lessons()
    rng = world.rng
    last_day = world.today - datetime.timedelta(days=1)
    enrolments = 0
    for user in world.all_members():
        language = user.capacity_profile.preferred_language
        count = rng.choice(ENROLMENTS_PER_MEMBER)
        for slug in rng.sample(first_modules, min(len(first_modules), count)):
            course = _course_for(courses, slug, language)
            day, finished = _take(world, user, course, lessons, world.day_between(None, last_day))
            enrolments += 1
            if slug == FOUNDATIONS and finished and day < last_day:
                follow_on = _course_for(courses, rng.choice(FOLLOW_ON), language)
                later = min(day + datetime.timedelta(days=rng.randint(2, 20)), last_day)
                _take(world, user, follow_on, lessons, later)
                enrolments += 1
    return {"world enrolments": enrolments}
