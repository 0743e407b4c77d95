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
    first = EnrolAction(course, user=learner).execute()
    second = EnrolAction(course, user=learner).execute()
    assert first.pk == second.pk
    assert Enrolment.objects.count() == 1


def test_leaving_and_coming_back_keeps_one_row(course, learner):
    EnrolAction(course, user=learner).execute()
    assert LeaveAction(course, user=learner).execute().status == Enrolment.Status.WITHDRAWN
    assert LeaveAction(course, user=learner).execute().status == Enrolment.Status.WITHDRAWN
    assert EnrolAction(course, user=learner).execute().status == Enrolment.Status.ACTIVE
    assert Enrolment.objects.count() == 1


def test_prerequisites_are_enforced(catalogue, course, learner):
    advanced = make_course(catalogue, title="Reporting to funders", prerequisites=[course])
    with pytest.raises(ActionRefused) as refused:
        EnrolAction(advanced, user=learner).execute()
    assert refused.value.code == "prerequisites"
    assert "Project engineering foundations" in str(refused.value)
    assert not Enrolment.objects.filter(course=advanced).exists()


def test_lesson_with_a_required_quiz_completes_only_by_passing_it(course, learner):
    EnrolAction(course, user=learner).execute()
    first, second = lessons_of(course)
    CompleteLessonAction(first, user=learner).execute()
    with pytest.raises(ActionRefused) as refused:
        CompleteLessonAction(second, user=learner).execute()
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
        EnrolAction(course, user=learner).execute()
        first, second = lessons_of(course)
        with django_capture_on_commit_callbacks(execute=True):
            CompleteLessonAction(first, user=learner).execute()
            CompleteLessonAction(first, user=learner).execute()
            quiz_id, answers = wrong_answers(second)
            failed = SubmitQuizAction(
                second, user=learner, quiz_id=quiz_id, answers=answers, submission_token="token-1"
            ).execute()
            assert not failed.passed
            quiz_id, answers = right_answers(second)
            passed = SubmitQuizAction(
                second, user=learner, quiz_id=quiz_id, answers=answers, submission_token="token-2"
            ).execute()
            assert passed.passed and passed.number == 2
            again = SubmitQuizAction(
                second, user=learner, quiz_id=quiz_id, answers=answers, submission_token="token-2"
            ).execute()
            assert again.pk == passed.pk
            CompleteLessonAction(second, user=learner).execute()
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
    CompleteLessonAction(first, user=learner).execute()
    assert Enrolment.objects.get().completed_at == completed_at


def test_a_completed_course_cannot_be_left(course, learner):
    EnrolAction(course, user=learner).execute()
    first, second = lessons_of(course)
    CompleteLessonAction(first, user=learner).execute()
    quiz_id, answers = right_answers(second)
    SubmitQuizAction(
        second, user=learner, quiz_id=quiz_id, answers=answers, submission_token="t"
    ).execute()
    with pytest.raises(ActionRefused, match="stays in your record"):
        LeaveAction(course, user=learner).execute()


def test_quiz_attempt_limit(course, learner):
    EnrolAction(course, user=learner).execute()
    _first, second = lessons_of(course)
    quiz_id, answers = wrong_answers(second)
    for token in ("a", "b", "c"):
        SubmitQuizAction(
            second, user=learner, quiz_id=quiz_id, answers=answers, submission_token=token
        ).execute()
    with pytest.raises(ActionRefused) as refused:
        SubmitQuizAction(
            second, user=learner, quiz_id=quiz_id, answers=answers, submission_token="d"
        ).execute()
    assert refused.value.code == "no_attempts_left"
    assert QuizAttempt.objects.count() == 3


def test_not_enrolled_cannot_complete_or_answer(course, learner):
    first, second = lessons_of(course)
    with pytest.raises(ActionRefused, match="Enrol"):
        CompleteLessonAction(first, user=learner).execute()
    quiz_id, answers = right_answers(second)
    with pytest.raises(ActionRefused, match="Enrol"):
        SubmitQuizAction(
            second, user=learner, quiz_id=quiz_id, answers=answers, submission_token="t"
        ).execute()
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
    EnrolAction(course, user=learner).execute()
    _first, second = lessons_of(course)
    quiz_id, answers = right_answers(second)
    with pytest.raises(ActionRefused) as refused:
        SubmitQuizAction(
            second, user=learner, quiz_id=quiz_id, answers=tamper(answers), submission_token="t"
        ).execute()
    assert refused.value.code == "invalid_answers"
    assert message in str(refused.value)
    assert not QuizAttempt.objects.exists()
    assert not LessonCompletion.objects.exists()


def test_unknown_quiz_id_is_refused(course, learner):
    EnrolAction(course, user=learner).execute()
    _first, second = lessons_of(course)
    _quiz_id, answers = right_answers(second)
    with pytest.raises(ActionRefused) as refused:
        SubmitQuizAction(
            second, user=learner, quiz_id="forged-quiz", answers=answers, submission_token="t"
        ).execute()
    assert refused.value.code == "unknown_quiz"
