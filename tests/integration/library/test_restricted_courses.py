"""A case study names only public related courses: the page is the same for every signed-out
visitor (and kept in the page cache), so a course behind a view restriction is left out."""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from sandbox.testing.factories import CoursePageFactory
from tests.integration.library.conftest import make_case_study

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Confidential restructuring of the federation"


@pytest.mark.parametrize("on", ["course", "catalogue"])
def test_a_case_study_names_only_public_related_courses(library, catalogue, on):
    open_course = CoursePageFactory(parent=catalogue, title="Budgeting for associations")
    secret = CoursePageFactory(parent=catalogue, title=SECRET_TITLE)
    study = make_case_study(
        library, title="Homework clubs in Lyon", related_courses=[open_course, secret]
    )
    assert SECRET_TITLE in Client().get(study.url).content.decode()
    if on == "catalogue":
        # Restricting the catalogue hides both courses.
        PageViewRestriction.objects.create(
            page=catalogue, restriction_type=PageViewRestriction.LOGIN
        )
    else:
        PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    html = Client().get(study.url).content.decode()
    assert SECRET_TITLE not in html
    assert ("Budgeting for associations" in html) == (on == "course")
