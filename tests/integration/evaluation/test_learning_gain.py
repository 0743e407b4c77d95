"""Learning gain (#25 point 3): a learner's first post-test score minus their first pre-test
score in the same module, recorded once; the module's mean gain for its trainers."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from capacity_lms.evaluation.gain import module_gain, module_gains
from capacity_lms.evaluation.models import LearningGain
from courses.actions import EnrolAction, SubmitQuizAction
from sandbox.testing.factories import (
    CoursePageFactory,
    LessonPageFactory,
    UserFactory,
    paragraph_block,
    quiz_block,
)
from tests.integration.courses.conftest import (  # noqa: F401  (fixtures)
    catalogue,
    site_root,
    taxonomy,
)

# Marked, not only reaching the database through its fixtures: pytest-django runs unmarked
# tests last, after the browser tests' flushes have removed the site.
pytestmark = pytest.mark.django_db

QUESTIONS = 20


def measuring_quiz(measures):
    """A quiz of twenty one-answer questions that only full marks pass (so it can be retaken)."""
    block = quiz_block(
        f"{measures}-test",
        [
            (f"Question {n}", [("Right", True, ""), ("Wrong", False, "")], False)
            for n in range(QUESTIONS)
        ],
        pass_mark=100,
    )
    block["value"]["measures"] = measures
    return block


def make_module(parent, **kwargs):
    course = CoursePageFactory(parent=parent, **kwargs)
    for measures in ("pre", "post"):
        LessonPageFactory(
            parent=course,
            title=f"{course.title}: {measures}",
            body=[paragraph_block("<p>Read this.</p>"), measuring_quiz(measures)],
        )
    return course


def lesson_with(course, measures):
    for lesson in course.lessons(with_bodies=True):
        for quiz_id, quiz in lesson.quizzes:
            if quiz["measures"] == measures:
                return lesson, quiz_id, quiz
    raise AssertionError(measures)


def answers_scoring(quiz, percent):
    """Answers that get ``percent`` (a multiple of 5) of the questions right."""
    right = QUESTIONS * percent // 100
    answers = {}
    for number, question in enumerate(quiz["questions"].bound_blocks):
        wanted = number < right
        answers[question.id] = [
            option.id
            for option in question.value["options"].bound_blocks
            if option.value["is_correct"] == wanted
        ]
    return answers


@pytest.fixture
def parent(request):
    """The catalogue (courses' fixture) the modules are created in."""
    return request.getfixturevalue("catalogue")


@pytest.fixture
def module(parent):
    return make_module(parent, title="Financial management")


@pytest.fixture
def take(committing):
    """``take(user, course, "pre", 40)``: submit a quiz attempt scoring 40%, on commit."""
    tokens = iter(range(10_000))

    def submit(user, course, measures, percent):
        lesson, quiz_id, quiz = lesson_with(course, measures)
        with committing():
            return SubmitQuizAction(
                lesson,
                user=user,
                quiz_id=quiz_id,
                answers=answers_scoring(quiz, percent),
                submission_token=f"token-{next(tokens)}",
            ).execute()

    return submit


@pytest.fixture
def learner(module):
    user = UserFactory(username="learner-salma")
    EnrolAction(module, user=user).execute()
    return user


def test_pre_then_post_records_the_gain(take, learner, module):
    take(learner, module, "pre", 40)
    take(learner, module, "post", 85)
    gain = LearningGain.objects.get(user=learner, course=module)
    assert (gain.pre_score, gain.post_score, gain.gain) == (
        Decimal("40.00"),
        Decimal("85.00"),
        Decimal("45.00"),
    )


def test_post_without_pre_records_nothing(take, learner, module):
    take(learner, module, "post", 85)
    assert not LearningGain.objects.exists()


def test_a_second_post_attempt_changes_nothing(take, learner, module):
    take(learner, module, "pre", 40)
    take(learner, module, "post", 50)
    take(learner, module, "post", 95)
    gain = LearningGain.objects.get()
    assert gain.gain == Decimal("10.00")


def test_a_later_pre_attempt_does_not_count(take, learner, module):
    take(learner, module, "pre", 40)
    take(learner, module, "pre", 60)
    take(learner, module, "post", 85)
    assert LearningGain.objects.get().gain == Decimal("45.00")


def test_a_pre_test_taken_after_the_post_test_records_nothing(take, learner, module):
    take(learner, module, "post", 85)
    take(learner, module, "pre", 40)
    take(learner, module, "post", 95)
    assert not LearningGain.objects.exists()


def test_an_ordinary_quiz_records_nothing(take, learner, module, committing):
    LessonPageFactory(parent=module, title="Practice", body=[measuring_quiz("")])
    lesson = module.lessons(with_bodies=True).get(title="Practice")
    quiz_id, quiz = lesson.quizzes[0]
    take(learner, module, "pre", 40)
    with committing():
        SubmitQuizAction(
            lesson,
            user=learner,
            quiz_id=quiz_id,
            answers=answers_scoring(quiz, 80),
            submission_token="ordinary",
        ).execute()
    assert not LearningGain.objects.exists()


def test_the_pre_test_of_another_module_does_not_count(take, learner, module, parent):
    other = make_module(parent, title="Communication")
    EnrolAction(other, user=learner).execute()
    take(learner, other, "pre", 40)
    take(learner, module, "post", 85)
    assert not LearningGain.objects.filter(course=module).exists()


def test_module_mean_and_learners(take, module):
    for number, (pre, post) in enumerate([(40, 85), (50, 60), (20, 80)]):
        user = UserFactory(username=f"learner-{number}")
        EnrolAction(module, user=user).execute()
        take(user, module, "pre", pre)
        take(user, module, "post", post)
    mean, learners = module_gain(module)
    assert learners == 3
    assert round(mean, 2) == Decimal("38.33")


def _gains(parent, modules, learners_each):
    courses = []
    for number in range(modules):
        course = CoursePageFactory(parent=parent, title=f"Module {number}")
        courses.append(course)
        for learner_number in range(learners_each):
            LearningGain.objects.create(
                user=UserFactory(username=f"m{number}-l{learner_number}"),
                course=course,
                pre_score=Decimal(30),
                post_score=Decimal(70),
                gain=Decimal(40),
                measured_at="2025-01-01T00:00Z",
            )
    return [course.pk for course in courses]


@pytest.mark.parametrize("size", [1, 10])
def test_module_gains_run_one_query(parent, size):
    courses = _gains(parent, 2 * size, 2)
    with CaptureQueriesContext(connection) as queries:
        gains = module_gains(courses)
    assert len(queries) == 1
    assert len(gains) == 2 * size
    assert all(learners == 2 for _mean, learners in gains.values())


def test_learner_sees_their_gain_in_my_learning(client, take, learner, module, english):
    take(learner, module, "pre", 40)
    take(learner, module, "post", 85)
    client.force_login(learner)
    page = client.get(reverse("capacity_lms:my_learning")).content.decode()
    assert "Financial management" in page
    assert "+45" in page


def test_trainers_see_their_modules_mean_from_five_learners(client, module, parent, english):
    trainer = UserFactory(username="trainer-idriss")
    module.trainers.add(trainer)
    module.save_revision().publish()
    other = CoursePageFactory(parent=parent, title="Someone else's module")
    _add_gains(other, 6, start=100)
    _add_gains(module, 4)
    my_learning = reverse("capacity_lms:my_learning")
    client.force_login(trainer)
    page = client.get(my_learning).content.decode()
    assert "Learning gain in the modules you train" in page
    assert "4 learners measured so far" in page
    assert "+40" not in page
    _add_gains(module, 1, start=4)
    page = client.get(my_learning).content.decode()
    assert "<bdi>+40</bdi></strong> points, 5 learners measured" in page
    assert "Someone else" not in page
    # Learners and other signed-in people see no module's mean.
    client.force_login(UserFactory(username="someone"))
    assert "modules you train" not in client.get(my_learning).content.decode()


def test_my_learning_panel_runs_the_same_queries_at_n_and_10n(client, parent, english):
    """The learner's gains and the modules they train: the same queries at 2 and 20 modules."""
    person = UserFactory(username="learner-and-trainer")
    client.force_login(person)
    url = reverse("capacity_lms:my_learning")
    counts = []
    for start, size in ((0, 2), (2, 18)):
        for number in range(start, start + size):
            course = CoursePageFactory(parent=parent, title=f"Module {number}")
            course.trainers.add(person)
            course.save()
            _add_gains(course, 1, start=number * 10)
            _add_gains(course, 1, user=person, gain=50)
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url).content.decode()
        assert page.count("<bdi>+50</bdi>") == start + size
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def _add_gains(course, count, start=0, user=None, gain=40):
    for number in range(start, start + count):
        LearningGain.objects.create(
            user=user or UserFactory(username=f"gainer-{number}"),
            course=course,
            pre_score=Decimal(30),
            post_score=Decimal(30 + gain),
            gain=Decimal(gain),
            measured_at="2025-01-01T00:00Z",
        )
