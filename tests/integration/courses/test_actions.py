"""Enrolment, completion and quizzes through the actions: idempotent, checked, signalled."""

import pytest

from capacity_lms.core.actions import ActionRefused
from courses.actions import CompleteLessonAction, EnrolAction, LeaveAction, SubmitQuizAction
from courses.models import Enrolment, LessonCompletion, QuizAttempt
from courses.signals import course_completed

from .conftest import make_course, right_answers, wrong_answers

pytestmark = pytest.mark.django_db


def lessons_of(course):
    return [lesson.specific for lesson in course.lessons()]


def test_enrolling_twice_leaves_one_row(course, learner):
    first = EnrolAction(learner, course).execute()
    second = EnrolAction(learner, course).execute()
    assert first.pk == second.pk
    assert Enrolment.objects.count() == 1


def test_leaving_and_coming_back_keeps_one_row(course, learner):
    EnrolAction(learner, course).execute()
    assert LeaveAction(learner, course).execute().status == Enrolment.Status.WITHDRAWN
    assert LeaveAction(learner, course).execute().status == Enrolment.Status.WITHDRAWN
    assert EnrolAction(learner, course).execute().status == Enrolment.Status.ACTIVE
    assert Enrolment.objects.count() == 1


def test_prerequisites_are_enforced(catalogue, course, learner):
    advanced = make_course(catalogue, title="Reporting to funders", prerequisites=[course])
    with pytest.raises(ActionRefused) as refused:
        EnrolAction(learner, advanced).execute()
    assert refused.value.code == "prerequisites"
    assert "Project engineering foundations" in str(refused.value)
    assert not Enrolment.objects.filter(course=advanced).exists()


def test_lesson_with_a_required_quiz_completes_only_by_passing_it(course, learner):
    EnrolAction(learner, course).execute()
    first, second = lessons_of(course)
    CompleteLessonAction(learner, first).execute()
    with pytest.raises(ActionRefused) as refused:
        CompleteLessonAction(learner, second).execute()
    assert refused.value.code == "quiz_required"
    assert LessonCompletion.objects.count() == 1


def test_a_full_course_completes_once_and_signals_once(
    course, learner, django_capture_on_commit_callbacks
):
    received = []

    def count(**kwargs):
        received.append(kwargs["enrolment"])

    course_completed.connect(count, weak=False)
    try:
        EnrolAction(learner, course).execute()
        first, second = lessons_of(course)
        with django_capture_on_commit_callbacks(execute=True):
            CompleteLessonAction(learner, first).execute()
            CompleteLessonAction(learner, first).execute()
            quiz_id, answers = wrong_answers(second)
            failed = SubmitQuizAction(learner, second, quiz_id, answers, "token-1").execute()
            assert not failed.passed
            quiz_id, answers = right_answers(second)
            passed = SubmitQuizAction(learner, second, quiz_id, answers, "token-2").execute()
            assert passed.passed and passed.number == 2
            again = SubmitQuizAction(learner, second, quiz_id, answers, "token-2").execute()
            assert again.pk == passed.pk
            CompleteLessonAction(learner, second).execute()
    finally:
        # Only ours: the certificate rules listen to this signal too.
        course_completed.disconnect(count)
    enrolment = Enrolment.objects.get()
    assert enrolment.status == Enrolment.Status.COMPLETED
    completed_at = enrolment.completed_at
    assert completed_at is not None
    assert [e.pk for e in received] == [enrolment.pk]
    assert LessonCompletion.objects.count() == 2
    assert QuizAttempt.objects.count() == 2
    CompleteLessonAction(learner, first).execute()
    assert Enrolment.objects.get().completed_at == completed_at


def test_a_completed_course_cannot_be_left(course, learner):
    EnrolAction(learner, course).execute()
    first, second = lessons_of(course)
    CompleteLessonAction(learner, first).execute()
    quiz_id, answers = right_answers(second)
    SubmitQuizAction(learner, second, quiz_id, answers, "t").execute()
    with pytest.raises(ActionRefused, match="stays in your record"):
        LeaveAction(learner, course).execute()


def test_quiz_attempt_limit(course, learner):
    EnrolAction(learner, course).execute()
    _first, second = lessons_of(course)
    quiz_id, answers = wrong_answers(second)
    for token in ("a", "b", "c"):
        SubmitQuizAction(learner, second, quiz_id, answers, token).execute()
    with pytest.raises(ActionRefused) as refused:
        SubmitQuizAction(learner, second, quiz_id, answers, "d").execute()
    assert refused.value.code == "no_attempts_left"
    assert QuizAttempt.objects.count() == 3


def test_not_enrolled_cannot_complete_or_answer(course, learner):
    first, second = lessons_of(course)
    with pytest.raises(ActionRefused, match="Enrol"):
        CompleteLessonAction(learner, first).execute()
    quiz_id, answers = right_answers(second)
    with pytest.raises(ActionRefused, match="Enrol"):
        SubmitQuizAction(learner, second, quiz_id, answers, "t").execute()
    assert not LessonCompletion.objects.exists()
    assert not QuizAttempt.objects.exists()


@pytest.mark.parametrize(
    ("tamper", "message"),
    [
        (lambda answers: {}, "Answer questions 1, 2."),
        (lambda answers: dict(list(answers.items())[:1]), "Answer question 2."),
        (lambda answers: {**answers, "forged-question": ["x"]}, "do not match this quiz"),
        (
            lambda answers: {key: ["not-an-option"] for key in answers},
            "not one of its options",
        ),
        (
            lambda answers: {
                key: [*value, *value] if i == 0 else value
                for i, (key, value) in enumerate(answers.items())
            },
            "Choose only one answer to question 1.",
        ),
    ],
)
def test_bad_quiz_input_is_refused_with_a_message_and_changes_nothing(
    course, learner, tamper, message
):
    EnrolAction(learner, course).execute()
    _first, second = lessons_of(course)
    quiz_id, answers = right_answers(second)
    with pytest.raises(ActionRefused) as refused:
        SubmitQuizAction(learner, second, quiz_id, tamper(answers), "t").execute()
    assert refused.value.code == "invalid_answers"
    assert message in str(refused.value)
    assert not QuizAttempt.objects.exists()
    assert not LessonCompletion.objects.exists()


def test_unknown_quiz_id_is_refused(course, learner):
    EnrolAction(learner, course).execute()
    _first, second = lessons_of(course)
    _quiz_id, answers = right_answers(second)
    with pytest.raises(ActionRefused) as refused:
        SubmitQuizAction(learner, second, "forged-quiz", answers, "t").execute()
    assert refused.value.code == "unknown_quiz"
