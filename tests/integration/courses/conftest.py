import pytest
from wagtail.models import Page, Site

from capacity_lms.taxonomy.loading import load_standard_taxonomy
from capacity_lms.taxonomy.models import StrategicAxis
from courses.quiz import correct_answers
from sandbox.testing.factories import (
    CatalogueIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    UserFactory,
    paragraph_block,
    quiz_block,
)


@pytest.fixture
def taxonomy(db):
    load_standard_taxonomy()


@pytest.fixture
def site_root(db):
    return Site.objects.get(is_default_site=True).root_page


@pytest.fixture
def catalogue(site_root, taxonomy):
    return CatalogueIndexPageFactory(parent=site_root)


def make_course(catalogue, lessons=2, quiz=True, **kwargs):
    """A course with ``lessons`` lessons; the last one carries a required two-question quiz."""
    kwargs.setdefault("strategic_axis", StrategicAxis.objects.get(code="project-engineering"))
    course = CoursePageFactory(parent=catalogue, **kwargs)
    for number in range(1, lessons + 1):
        body = [paragraph_block(f"<p>Lesson {number} content.</p>")]
        if quiz and number == lessons:
            body.append(
                quiz_block(
                    "Check your understanding",
                    [
                        (
                            "What does a logical framework link?",
                            [
                                ("Activities, results and objectives", True, "Yes."),
                                ("Only the budget lines", False, "No: more than money."),
                            ],
                            False,
                        ),
                        (
                            "Which are indicators?",
                            [
                                ("Number of pupils supported", True, ""),
                                ("Share of pupils who pass the year", True, ""),
                                ("The association's name", False, "Not measurable."),
                            ],
                            True,
                        ),
                    ],
                    pass_mark=100,
                    max_attempts=3,
                )
            )
        LessonPageFactory(
            parent=course,
            title=f"{course.title}: lesson {number}",
            body=body,
            is_preview=number == 1,
        )
    return course


@pytest.fixture
def course(catalogue):
    return make_course(catalogue, title="Project engineering foundations")


@pytest.fixture
def learner(db):
    return UserFactory(username="learner1")


@pytest.fixture
def other_learner(db):
    return UserFactory(username="learner2")


def quiz_of(lesson):
    """(quiz id, [(question id, [(option id, is_correct)])]) for the lesson's first quiz."""
    lesson = Page.objects.get(pk=lesson.pk).specific
    quiz_id, quiz = lesson.quizzes[0]
    questions = [
        (
            question.id,
            [
                (option.id, option.value["is_correct"])
                for option in question.value["options"].bound_blocks
            ],
        )
        for question in quiz["questions"].bound_blocks
    ]
    return quiz_id, questions


def right_answers(lesson):
    quiz_id, quiz = Page.objects.get(pk=lesson.pk).specific.quizzes[0]
    return quiz_id, correct_answers(quiz)


def wrong_answers(lesson):
    quiz_id, questions = quiz_of(lesson)
    return quiz_id, {
        question_id: [next(option_id for option_id, correct in options if not correct)]
        for question_id, options in questions
    }
