"""Signed-out content pages from the page cache, against the bare view, in one process.

Run with `make benchmarks`. For a course (20 lessons), a preview lesson, a case study, the
workshop list (30 workshops) and a workshop page, reports the median time of a signed-out
request served from the page cache (a hit) and rendered (a miss, after a purge), each as a
ratio to the median of the bare view (an ``HttpResponse`` through the same middleware) measured
in the same run. Target: a hit at most 2x the bare view (the load test's "at least 0.5x its
requests per second", in one process), and 0 queries.
"""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Site

from capacity_lms.core import page_cache
from capacity_lms.taxonomy.loading import load_standard_taxonomy
from capacity_lms.taxonomy.models import Country
from sandbox.testing.factories import (
    CatalogueIndexPageFactory,
    LibraryIndexPageFactory,
    SessionFactory,
    WorkshopFactory,
)
from tests.integration.courses.conftest import make_course
from tests.integration.library.conftest import make_case_study

from .conftest import median_seconds, report

LESSONS = 20
WORKSHOPS = 30


def seed():
    load_standard_taxonomy()
    root = Site.objects.get(is_default_site=True).root_page
    course = make_course(CatalogueIndexPageFactory(parent=root), lessons=LESSONS)
    case_study = make_case_study(LibraryIndexPageFactory(parent=root), related_courses=[course])
    france = Country.objects.get(code="fr")
    first_day = datetime.date.today() + datetime.timedelta(days=14)
    workshops = []
    for number in range(WORKSHOPS):
        workshop = WorkshopFactory(country=france, course=course)
        for week in range(3):
            SessionFactory(
                workshop=workshop,
                date=first_day + datetime.timedelta(days=7 * week + number % 7),
                time_zone="Europe/Paris",
            )
        workshops.append(workshop)
    return {
        "course": course.url,
        "preview lesson": course.lessons().first().url,
        "case study": case_study.url,
        "workshop list": reverse("capacity_lms:workshop_list"),
        "workshop": reverse("capacity_lms:workshop_detail", kwargs={"slug": workshops[0].slug}),
    }


@pytest.mark.django_db
@pytest.mark.urls("tests.benchmarks.load_urls")
def test_signed_out_pages_from_the_page_cache(settings, production_templates):
    settings.CAPACITY_LMS_PAGE_CACHE_SECONDS = 300
    cache.clear()
    urls = seed()
    bare_url = reverse("load_test_bare")

    def fetch(url):
        response = Client().get(url)
        assert response.status_code == 200, url
        return response

    bare = median_seconds(lambda: fetch(bare_url))
    figures = {"bare view median (ms)": round(bare * 1000, 2)}
    worst = 0.0
    for name, url in urls.items():

        def miss(url=url):
            page_cache.purge()
            fetch(url)

        miss_median = median_seconds(miss, repeat=10, warmup=1)
        fetch(url)
        with CaptureQueriesContext(connection) as queries:
            fetch(url)
        assert len(queries) == 0, name
        hit_median = median_seconds(lambda url=url: fetch(url))
        worst = max(worst, hit_median / bare)
        figures[f"{name}: miss / hit median (ms)"] = (
            f"{miss_median * 1000:.2f} / {hit_median * 1000:.2f}"
        )
        figures[f"{name}: miss / hit ratio to bare"] = (
            f"{miss_median / bare:.1f} / {hit_median / bare:.2f}"
        )
    figures["worst hit ratio"] = round(worst, 2)
    figures["target"] = "hit <= 2.0x bare view, 0 queries"
    report("page cache", figures)
    cache.clear()
    assert worst <= 2.0
