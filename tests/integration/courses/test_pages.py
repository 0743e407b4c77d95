"""Course, lesson, catalogue and My learning pages through HTTP, as learners use them."""

import pytest
from django.urls import reverse

from courses.models import Enrolment, LessonCompletion, QuizAttempt

from .conftest import make_course, right_answers, wrong_answers

pytestmark = pytest.mark.django_db


def lessons_of(course):
    return [lesson.specific for lesson in course.lessons()]


def quiz_post(lesson, quiz_id, answers, token="tok"):
    data = {"action": "quiz", "quiz_id": quiz_id, "submission_token": token}
    for question_id, options in answers.items():
        data[f"question-{question_id}"] = options
    return data


def test_enrol_by_post_twice_leaves_one_row(client, course, learner):
    client.force_login(learner)
    for _ in range(2):
        response = client.post(course.url, {"action": "enrol"})
        assert response.status_code == 302
    assert Enrolment.objects.filter(user=learner, course=course).count() == 1
    html = client.get(course.url).content.decode()
    assert "In progress: 0%" in html
    assert "Start the first lesson" in html


def test_get_never_changes_anything(client, course, learner):
    client.force_login(learner)
    client.get(course.url, {"action": "enrol"})
    first, _second = lessons_of(course)
    client.get(first.url, {"action": "complete"})
    assert not Enrolment.objects.exists()
    assert not LessonCompletion.objects.exists()


def test_anonymous_post_changes_nothing(client, course):
    response = client.post(course.url, {"action": "enrol"})
    assert response.status_code == 302
    assert not Enrolment.objects.exists()


def test_prerequisite_cannot_be_bypassed_by_posting(client, catalogue, course, learner):
    advanced = make_course(catalogue, title="Reporting", prerequisites=[course])
    client.force_login(learner)
    response = client.post(advanced.url, {"action": "enrol"}, follow=True)
    assert "Complete these courses first: Project engineering foundations." in (
        response.content.decode()
    )
    assert not Enrolment.objects.filter(course=advanced).exists()


def test_lesson_access(client, course, learner):
    first, second = lessons_of(course)
    assert client.get(first.url).status_code == 200  # open preview
    response = client.get(second.url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    client.force_login(learner)
    locked = client.get(second.url)
    assert locked.status_code == 403
    assert "Enrol in the module to read it" in locked.content.decode()
    client.post(course.url, {"action": "enrol"})
    assert client.get(second.url).status_code == 200


def test_editors_read_lessons_without_enrolling(client, course):
    from django.contrib.auth.models import Group

    from sandbox.testing.factories import UserFactory

    editor = UserFactory(username="editor1")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    _first, second = lessons_of(course)
    assert client.get(second.url).status_code == 200


def test_full_flow_to_completion_through_the_pages(client, course, learner):
    client.force_login(learner)
    client.post(course.url, {"action": "enrol"})
    first, second = lessons_of(course)
    response = client.post(first.url, {"action": "complete"})
    assert response["Location"] == second.url
    client.post(first.url, {"action": "complete"})
    assert LessonCompletion.objects.count() == 1

    quiz_id, answers = wrong_answers(second)
    response = client.post(second.url, quiz_post(second, quiz_id, answers, "a"), follow=True)
    html = response.content.decode()
    assert "not passed yet" in html
    assert "No: more than money." in html  # the chosen option's feedback

    quiz_id, answers = right_answers(second)
    for _ in range(2):
        client.post(second.url, quiz_post(second, quiz_id, answers, "b"))
    assert QuizAttempt.objects.count() == 2
    enrolment = Enrolment.objects.get()
    assert enrolment.completed_at is not None

    page = client.get(reverse("capacity_lms:my_learning")).content.decode()
    assert "100%" in page
    assert "Completed on" in page
    assert course.title in page


def test_bad_quiz_post_rerenders_with_a_message_and_keeps_choices(client, course, learner):
    client.force_login(learner)
    client.post(course.url, {"action": "enrol"})
    _first, second = lessons_of(course)
    quiz_id, answers = right_answers(second)
    first_question = next(iter(answers))
    partial = {first_question: answers[first_question]}
    response = client.post(second.url, quiz_post(second, quiz_id, partial))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Your answers were not recorded" in html
    assert "Answer question 2." in html
    assert f'value="{answers[first_question][0]}" checked' in html
    assert not QuizAttempt.objects.exists()


def test_my_learning_shows_only_my_own_enrolments(client, catalogue, learner, other_learner):
    mine = make_course(catalogue, title="Mine")
    theirs = make_course(catalogue, title="Theirs")
    Enrolment.objects.create(user=learner, course=mine)
    Enrolment.objects.create(user=other_learner, course=theirs)
    client.force_login(learner)
    html = client.get(reverse("capacity_lms:my_learning")).content.decode()
    assert "Mine" in html
    assert "Theirs" not in html


def test_my_learning_needs_sign_in(client):
    response = client.get(reverse("capacity_lms:my_learning"))
    assert response.status_code == 302


def test_nobody_sees_another_learners_progress_on_a_course_page(
    client, course, learner, other_learner
):
    client.force_login(other_learner)
    client.post(course.url, {"action": "enrol"})
    first, _ = lessons_of(course)
    client.post(first.url, {"action": "complete"})
    client.force_login(learner)
    html = client.get(course.url).content.decode()
    assert "In progress" not in html
    assert "Enrol in this module" in html


def everyone_signed_in(user, lesson):
    """A host's own lesson access policy, used by the test below."""
    return user.is_authenticated


def test_lesson_access_policy_is_pluggable(client, course, learner, settings):
    _first, second = lessons_of(course)
    client.force_login(learner)
    assert client.get(second.url).status_code == 403
    settings.CAPACITY_LMS_LESSON_ACCESS_POLICY = (
        "tests.integration.courses.test_pages.everyone_signed_in"
    )
    assert client.get(second.url).status_code == 200
