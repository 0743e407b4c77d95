"""Catalogue render time at 10,000 courses and 100,000 enrolments, against a plain page.

Run with `make benchmarks` (SQLite) or `make benchmarks DATABASE_URL=postgres://...`.
Reports the catalogue's median render time (signed in, with progress on each card) as a ratio
to the median render time of the sandbox's plain Wagtail home page in the same run: the
machines are shared, so only the ratio means something. Target: at most 3x.
"""

import random

import pytest
from django.contrib.auth import get_user_model

from capacity_lms.taxonomy.loading import load_standard_taxonomy
from courses.models import CoursePage, Enrolment
from sandbox.testing.bulk import bulk_courses
from sandbox.testing.factories import CatalogueIndexPageFactory, UserFactory

from .conftest import bench_home, median_seconds, report

COURSES = 10_000
ENROLMENTS = 100_000
LEARNERS = 10_000


def seed():
    load_standard_taxonomy()
    home = bench_home()
    catalogue = CatalogueIndexPageFactory(parent=home)
    rng = random.Random(7)
    course_ids = bulk_courses(catalogue, COURSES, rng)
    user_model = get_user_model()
    user_model.objects.bulk_create(
        [user_model(username=f"bench{n}", password="!") for n in range(LEARNERS)],
        batch_size=5000,
    )
    user_ids = list(user_model.objects.values_list("pk", flat=True))
    per_learner = ENROLMENTS // LEARNERS
    Enrolment.objects.bulk_create(
        [
            Enrolment(user_id=user_id, course_id=course_id)
            for user_id in user_ids
            for course_id in rng.sample(course_ids[:500], per_learner)
        ],
        batch_size=5000,
    )
    learner = UserFactory(username="bench-learner")
    Enrolment.objects.bulk_create(
        [Enrolment(user=learner, course_id=pk) for pk in course_ids[:12]]
    )
    return home, catalogue, learner


@pytest.mark.django_db
def test_catalogue_render_time_ratio(client, production_templates):
    home, catalogue, learner = seed()
    assert CoursePage.objects.count() >= COURSES
    assert Enrolment.objects.count() >= ENROLMENTS
    client.force_login(learner)
    home_url, catalogue_url = home.url, catalogue.url

    def plain():
        assert client.get(home_url).status_code == 200

    def listing():
        response = client.get(catalogue_url, {"q": ""})
        assert response.status_code == 200

    plain_median = median_seconds(plain)
    catalogue_median = median_seconds(listing)
    ratio = catalogue_median / plain_median
    report(
        "catalogue",
        {
            "courses": CoursePage.objects.count(),
            "enrolments": Enrolment.objects.count(),
            "plain page median (ms)": round(plain_median * 1000, 2),
            "catalogue median (ms)": round(catalogue_median * 1000, 2),
            "ratio": round(ratio, 2),
            "target": "<= 3.0",
        },
    )
    assert ratio <= 3.0
