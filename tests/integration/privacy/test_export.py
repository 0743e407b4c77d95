"""A person's export holds their rows of every registered model and nothing of anyone else."""

import json

import pytest

from capacity_lms.privacy.actions import export_data, export_json
from capacity_lms.privacy.registry import entries

from .conftest import FATIMA


def test_the_export_has_every_registered_model_and_the_persons_rows(world):
    data = json.loads(export_json(world.fatima))
    assert data["format"] == "capacity-lms personal data"
    assert data["account"]["email"] == FATIMA["email"]
    assert "password" not in data["account"]
    labels = {entry.label for entry in entries() if entry.person_fields}
    assert set(data["data"]) == labels
    for label in [
        "capacity_lms.learnerprofile",
        "capacity_lms.membership",
        "capacity_lms.registration",
        "capacity_lms.attendancerecord",
        "capacity_lms.attendancechange",
        "capacity_lms.walkin",
        "capacity_lms.calendarfeedtoken",
        "capacity_lms.reminderdelivery",
        "capacity_lms.certificate",
        "capacity_lms.certificateevent",
        "capacity_lms.countrycoordinator",
        "capacity_courses.enrolment",
        "capacity_courses.lessoncompletion",
        "capacity_courses.quizattempt",
    ]:
        assert data["data"][label], label
    profile = data["data"]["capacity_lms.learnerprofile"][0]
    assert profile["country_of_residence"] == "fr"
    assert len(profile["specialized_groups"]) == 2
    assert data["data"]["capacity_lms.attendancerecord"][0]["remarks"] == "Fatima came late"
    assert data["data"]["capacity_courses.quizattempt"][0]["answers"] == {
        "q": ["Fatima came late answer"]
    }


def test_nothing_of_another_person_is_exported(world):
    text = export_json(world.fatima)
    for trace in ("Karim", "Bennani", "karim@example.org", "Karim left early"):
        assert trace not in text


def test_the_trainer_sees_their_workshops_and_what_they_recorded(world, trainer, staff):
    assert [row["id"] for row in export_data(trainer)["data"]["capacity_lms.workshop"]] == [
        world.workshop.pk
    ]
    acted = export_data(staff)["recorded_as_actor"]
    assert acted["capacity_lms.attendancerecord"] == {"marked_by": 2}
    text = export_json(staff)
    assert "Fatima" not in text and "Karim" not in text


def test_dates_are_iso_and_the_keys_stable(world):
    first = json.loads(export_json(world.fatima))
    second = json.loads(export_json(world.fatima))
    first.pop("exported_at"), second.pop("exported_at")
    assert first == second
    enrolment = first["data"]["capacity_courses.enrolment"][0]
    assert enrolment["completed_at"][:4].isdigit() and "T" in enrolment["completed_at"]


def test_the_queries_do_not_grow_with_the_rows(world, django_assert_max_num_queries):
    from capacity_lms.privacy.registry import entries
    from courses.models import LessonCompletion

    # At most two queries for each model that keeps rows about a person (its rows, and the
    # related rows its export names), and a few for the account itself.
    models = [entry for entry in entries() if entry.person_fields]
    with django_assert_max_num_queries(2 * len(models) + 15) as few:
        export_data(world.fatima)
    lesson = world.course.get_children().specific().first()
    LessonCompletion.objects.create(
        user=world.fatima, lesson=lesson, course=world.course, method="explicit"
    )
    with django_assert_max_num_queries(len(few.captured_queries)):
        export_data(world.fatima)


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_the_readable_page_renders_in_each_language(world, language):
    from django.template.loader import render_to_string
    from django.utils import translation

    from capacity_lms.privacy.views import readable_context

    with translation.override(language):
        html = render_to_string(
            "capacity_lms/privacy/personal_data.html", readable_context(world.fatima)
        )
    assert "Fatima came late" in html
    assert "Karim" not in html
    if language == "ar":
        assert 'dir="rtl"' in html
