"""Editors write modules in the Wagtail admin; staff and trainers see enrolments and progress."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from capacity_lms.taxonomy.models import StrategicAxis
from courses.models import CatalogueIndexPage, CoursePage, Enrolment, LessonCompletion, LessonPage
from sandbox.testing.factories import UserFactory

from .conftest import make_course

pytestmark = pytest.mark.django_db


def member_of(group_name, **kwargs):
    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_tree_rules():
    assert CoursePage.parent_page_types == ["capacity_courses.CatalogueIndexPage"]
    assert CatalogueIndexPage.subpage_types == ["capacity_courses.CoursePage"]
    assert LessonPage.parent_page_types == ["capacity_courses.CoursePage"]
    assert LessonPage.subpage_types == []
    assert CoursePage.can_create_at(CatalogueIndexPage())
    assert not CoursePage.can_create_at(Page())
    assert LessonPage.can_create_at(CoursePage())
    assert not LessonPage.can_create_at(CatalogueIndexPage())


def test_an_editor_writes_a_module_and_submits_it_for_moderation(client, catalogue):
    editor = member_of("Editors")
    client.force_login(editor)
    axis = StrategicAxis.objects.get(code="school-support")
    url = reverse("wagtailadmin_pages:add", args=("capacity_courses", "coursepage", catalogue.pk))
    data = nested_form_data(
        {
            "title": "Homework clubs that work",
            "slug": "homework-clubs",
            "summary": "Run a homework club with volunteers.",
            "objectives": rich_text("<p>Recruit volunteers.</p>"),
            "strategic_axis": axis.pk,
            "language": "fr",
            "level": "beginner",
            "format": "online",
            "estimated_hours": "3",
            "follow_up_months": "6",
            "tags": "homework, volunteers",
            "action-submit": "Submit for moderation",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    course = CoursePage.objects.get(slug="homework-clubs")
    assert not course.live
    assert course.current_workflow_state is not None
    assert course.get_latest_revision() is not None
    assert sorted(tag.name for tag in course.tags.all()) == ["homework", "volunteers"]
    assert course.follow_up_months == 6


def test_a_lesson_with_a_quiz_is_written_in_the_admin(client, course):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = reverse("wagtailadmin_pages:add", args=("capacity_courses", "lessonpage", course.pk))
    quiz = {
        "title": "Check",
        "pass_mark": "50",
        "max_attempts": "0",
        "is_required": "on",
        "questions": streamfield(
            [
                (
                    "item",
                    {
                        "text": "Two plus two?",
                        "options": streamfield(
                            [
                                ("item", {"text": "Four", "is_correct": "on"}),
                                ("item", {"text": "Five"}),
                            ]
                        ),
                    },
                )
            ]
        ),
    }
    data = nested_form_data(
        {
            "title": "Counting",
            "slug": "counting",
            "body": streamfield([("paragraph", rich_text("<p>Count.</p>")), ("quiz", quiz)]),
            "estimated_minutes": "10",
            "is_required": "on",
            "action-publish": "Publish",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors.as_data()
    lesson = LessonPage.objects.get(slug="counting")
    assert lesson.live
    [(_quiz_id, value)] = lesson.quizzes
    assert value["pass_mark"] == 50
    assert [o["is_correct"] for o in value["questions"][0]["options"]] == [True, False]


def test_a_quiz_without_a_correct_answer_is_refused_in_the_admin(client, course):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = reverse("wagtailadmin_pages:add", args=("capacity_courses", "lessonpage", course.pk))
    quiz = {
        "title": "Check",
        "pass_mark": "50",
        "max_attempts": "0",
        "questions": streamfield(
            [
                (
                    "item",
                    {
                        "text": "Two plus two?",
                        "options": streamfield(
                            [("item", {"text": "Four"}), ("item", {"text": "Five"})]
                        ),
                    },
                )
            ]
        ),
    }
    data = nested_form_data(
        {
            "title": "Counting",
            "slug": "counting",
            "body": streamfield([("quiz", quiz)]),
            "estimated_minutes": "10",
            "action-publish": "Publish",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert not LessonPage.objects.filter(slug="counting").exists()


def test_staff_and_trainers_list_enrolments_with_progress_and_export(client, catalogue, learner):
    course = make_course(catalogue, title="Budgets", lessons=2, quiz=False)
    Enrolment.objects.create(user=learner, course=course)
    first = course.lessons().first()
    LessonCompletion.objects.create(user=learner, lesson=first, course=course, method="explicit")
    for group in ("Programme staff", "Trainers"):
        client.force_login(member_of(group))
        index = reverse("capacity_enrolments:index")
        response = client.get(index)
        assert response.status_code == 200
        assert b"learner1" in response.content
        exported = client.get(index, {"export": "csv"})
        body = b"".join(exported.streaming_content).decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(body)))
        assert rows[0]["Progress (%)"] == "50"
        assert rows[0]["Course"] == "Budgets"


def test_learners_cannot_see_the_enrolment_admin(client, learner):
    client.force_login(learner)
    response = client.get(reverse("capacity_enrolments:index"))
    assert response.status_code == 302
