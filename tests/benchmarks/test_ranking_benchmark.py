"""The committee's ranking at 5,000 applications with 3 reviews each (issue #22, "Done when").

Run with `make benchmarks` (SQLite) or `make benchmarks DATABASE_URL=postgres://...`.
Reports the chair's ranking page's median time as a ratio to the median time of the sandbox's
plain Wagtail home page for the same signed-in chair in the same run (the machines are shared,
so only ratios mean something), with the ranking's computation alone (every application's
weighted totals, mean and spread, then the order) beside it, and the page's query count. The
page shows the ranking a page of rows at a time (every position computed over all of them).
"""

import random

import pytest
from django.test import Client
from django.urls import reverse

from capacity_lms.calls.models import Application
from capacity_lms.calls.review_models import Score
from capacity_lms.calls.review_scopes import ranking
from capacity_lms.taxonomy.loading import load_standard_taxonomy
from sandbox.testing.call_factories import CallIndexPageFactory, CallPageFactory
from sandbox.testing.committee_factories import CommitteeMemberFactory, bulk_reviewed_applications
from sandbox.testing.factories import UserFactory

from .conftest import bench_home, median_seconds, peak_memory_and_queries, report

APPLICATIONS = 5_000
REVIEWS = 3


def seed():
    load_standard_taxonomy()
    home = bench_home()
    call = CallPageFactory(parent=CallIndexPageFactory(parent=home), slug="bench-call")
    chair = UserFactory(username="bench-chair")
    CommitteeMemberFactory(call=call, user=chair, is_chair=True, department="Finance")
    reviewers = [UserFactory(username=f"bench-reviewer-{n}") for n in range(REVIEWS)]
    for reviewer in reviewers:
        CommitteeMemberFactory(call=call, user=reviewer, department="Youth")
    bulk_reviewed_applications(call, reviewers, APPLICATIONS, random.Random(22))
    return home, call, chair


@pytest.mark.django_db
def test_ranking_page_ratio_at_5000_applications(production_templates):
    home, call, chair = seed()
    assert Application.objects.filter(call=call).count() == APPLICATIONS
    assert Score.objects.filter(assignment__application__call=call).count() >= (
        APPLICATIONS * REVIEWS * call.criteria.count()
    )
    client = Client()
    client.force_login(chair)
    address = reverse("capacity_lms:calls_ranking", args=[call.pk])

    def get(url):
        def fetch():
            assert client.get(url).status_code == 200

        return fetch

    # Counted by a wrapper on the connection: the seeding filled the connection's query log
    # to its cap, where CaptureQueriesContext would count nothing.
    _result, _memory, queries = peak_memory_and_queries(get(address))
    plain = median_seconds(get(home.url), repeat=15)
    page = median_seconds(get(address), repeat=9, warmup=1)
    last_page = median_seconds(get(f"{address}?page=50"), repeat=9, warmup=1)
    computation = median_seconds(lambda: ranking(call), repeat=9, warmup=1)
    report(
        "ranking",
        {
            "applications": APPLICATIONS,
            "reviews each": REVIEWS,
            "criteria": call.criteria.count(),
            "ranking page queries": queries,
            "plain Wagtail page median (ms)": round(plain * 1000, 2),
            "ranking page median (ms)": round(page * 1000, 2),
            "ranking page ratio": round(page / plain, 2),
            "last page of the ranking ratio": round(last_page / plain, 2),
            "ranking computation alone ratio": round(computation / plain, 2),
        },
    )
