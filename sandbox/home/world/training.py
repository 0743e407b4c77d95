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
from courses.actions import CompleteLessonAction, EnrolAction, SubmitQuizAction
from courses.models import CoursePage, LessonPage
from courses.quiz import correct_answers

# Of those who enrol: the share who keep going after each lesson.
KEEP_GOING = 0.8
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


def _work_through(world, user, course, lessons, day):
    """``user`` does the lessons of ``course`` from ``day`` on; the last day they worked."""
    rng = world.rng
    for lesson in lessons:
        day += datetime.timedelta(days=rng.randint(1, 12))
        if day >= world.today or lesson.required_deliverable_ids:
            return day
        with clock.at(world.moment(day, hour=rng.randint(8, 21), minute=rng.randint(0, 59))):
            try:
                for quiz_id, quiz in lesson.quizzes:
                    SubmitQuizAction(
                        lesson,
                        user=user,
                        quiz_id=quiz_id,
                        answers=correct_answers(quiz),
                        submission_token=f"world-{user.pk}-{lesson.pk}-{quiz_id}",
                    ).execute()
                if not lesson.required_quiz_ids:
                    CompleteLessonAction(lesson, user=user).execute()
            except ActionRefused:
                return day
        if rng.random() > KEEP_GOING:
            return day
    return day


def load_training(world):
    """Enrolments and lesson work of every generated member; returns the counts."""
    courses = demo_courses()
    slugs = sorted(courses)
    lessons = Lessons()
    rng = world.rng
    last_day = world.today - datetime.timedelta(days=1)
    enrolments = 0
    for user in world.all_members():
        language = user.capacity_profile.preferred_language
        chosen = rng.sample(slugs, min(len(slugs), rng.choice(ENROLMENTS_PER_MEMBER)))
        for slug in chosen:
            course = _course_for(courses, slug, language)
            day = world.day_between(world.start, last_day)
            with clock.at(world.moment(day, hour=rng.randint(8, 21))):
                try:
                    EnrolAction(course, user=user).execute()
                except ActionRefused:
                    continue
            enrolments += 1
            _work_through(world, user, course, lessons.of(course), day)
    return {"world enrolments": enrolments}
