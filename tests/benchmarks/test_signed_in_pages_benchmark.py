"""Signed-in catalogue, course and lesson pages against the plain Wagtail home page.

Run with `make benchmarks` (SQLite) or `make benchmarks DATABASE_URL=postgres://...`.
A learner enrolled in a course of 5 lessons and one of 50 (some lessons done, one quiz passed)
requests, through Django's request handler with production template rendering and the
fragments kept as in production (capacity_lms.core.fragments), the catalogue of 200 courses
(12 cards, progress on each), both course pages, a lesson and the lesson with a quiz; and the
sandbox's plain Wagtail home page, signed in too. Each median is reported as a ratio to the
plain page's median in the same run: the machines are shared, so only the ratio means
something. Target (issue #20): at most 2x for each.
"""

import random

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from capacity_lms.taxonomy.loading import load_standard_taxonomy
from capacity_lms.taxonomy.models import StrategicAxis
from courses.models import Enrolment, LessonCompletion
from sandbox.testing.bulk import bulk_courses
from sandbox.testing.factories import (
    CatalogueIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    UserFactory,
    paragraph_block,
)
from tests.integration.courses.conftest import make_course

from .conftest import bench_home, median_seconds, report

COURSES = 200
TARGET = 2.0


def seed():
    load_standard_taxonomy()
    home = bench_home()
    catalogue = CatalogueIndexPageFactory(parent=home)
    axis = StrategicAxis.objects.get(code="project-engineering")
    learner = UserFactory(username="bench-learner")
    courses = {}
    for lessons in (5, 50):
        course = make_course(catalogue, lessons=lessons, title=f"Module of {lessons} lessons")
        courses[lessons] = course
        Enrolment.objects.create(user=learner, course=course)
        for lesson in list(course.lessons())[: lessons // 2]:
            LessonCompletion.objects.create(
                user=learner, lesson=lesson, course=course, method="explicit"
            )
    # A course with longer lessons (several blocks each), as the demo content has.
    rich = CoursePageFactory(
        parent=catalogue, title="Module with long lessons", strategic_axis=axis
    )
    for number in range(5):
        LessonPageFactory(
            parent=rich,
            title=f"Long lesson {number}",
            body=[paragraph_block(f"<p>Part {part} of the lesson.</p>" * 5) for part in range(8)],
        )
    Enrolment.objects.create(user=learner, course=rich)
    rng = random.Random(7)
    course_ids = bulk_courses(catalogue, COURSES, rng)
    Enrolment.objects.bulk_create(
        [Enrolment(user=learner, course_id=pk) for pk in course_ids[:12]]
    )
    return home, catalogue, courses, rich, learner


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_signed_in_pages_against_the_plain_page(client, production_templates, settings):
    settings.CAPACITY_LMS_PAGE_CACHE_SECONDS = 300  # fragments kept, as in production
    cache.clear()
    home, catalogue, courses, rich, learner = seed()
    client.force_login(learner)
    lessons = list(courses[50].lessons())
    urls = {
        "plain page": home.url,
        "catalogue": catalogue.url + "?q=",
        "course, 5 lessons": courses[5].url,
        "course, 50 lessons": courses[50].url,
        "lesson (50-lesson course)": lessons[10].url,
        "lesson with a quiz": lessons[-1].url,
        "long lesson": rich.lessons().first().url,
    }

    def get(url):
        return lambda: client.get(url)

    medians = {name: median_seconds(get(url)) for name, url in urls.items()}
    counts = {name: queries(client, url) for name, url in urls.items()}
    plain = medians["plain page"]
    ratios = {name: medians[name] / plain for name in urls if name != "plain page"}
    figures = {
        f"{name} median (ms)": f"{medians[name] * 1000:.2f} ({counts[name]} queries)"
        for name in urls
    }
    figures.update({f"{name} ratio": round(ratio, 2) for name, ratio in ratios.items()})
    figures["target"] = f"<= {TARGET}"
    report("signed-in pages", figures)
    assert counts["course, 5 lessons"] == counts["course, 50 lessons"]
    assert max(ratios.values()) <= TARGET, ratios
