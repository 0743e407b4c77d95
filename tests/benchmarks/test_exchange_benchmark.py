"""A workshop's exchange space at 100,000 posts, against the plain Wagtail page (issue #23).

Run with `make benchmarks` (SQLite) or `make benchmarks DATABASE_URL=postgres://...`;
`CAPACITY_LMS_BENCH_EXCHANGE_POSTS=5000` seeds fewer posts for a quick check. Bulk-inserts a
workshop's cohort space with threads of 50 posts each (2,000 threads at 100,000 posts; each
thread's post count and last post time kept as the posting actions keep them) and read markers
for the registered learner on half of the threads; and another workshop's space of 100 such
threads (5,000 posts). Signed in as that learner, through Django's request handler with
production template rendering and fragments kept as in production, it requests the space page
(first page of threads), its last page, a thread of 50 posts (its first page) and the small
space's page; and the sandbox's plain Wagtail home page, signed in too. Each median is reported
as a ratio to the plain page's median in the same run (the machines are shared, so only the
ratio means something), with each page's queries and the time their statements took to
execute. The small space shows what of the space page's time grows with its threads: both
pages show 20 threads, in the same number of queries. Target (issue #23): the space page at
most 2x.
"""

import datetime
import os
import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from capacity_lms.exchange.models import Post, Space, Thread
from capacity_lms.exchange.people_models import Follow, ReadMarker
from capacity_lms.exchange.posting import saved
from capacity_lms.exchange.spaces import space_for
from capacity_lms.exchange.views import THREADS_PER_PAGE
from capacity_lms.people.roles import TRAINERS
from capacity_lms.taxonomy.loading import load_standard_taxonomy
from sandbox.testing.factories import CountryFactory, RegistrationFactory, UserFactory
from tests.integration.conftest import in_group, make_workshop

from .conftest import bench_home, median_seconds, report

POSTS = int(os.environ.get("CAPACITY_LMS_BENCH_EXCHANGE_POSTS", "100000"))
POSTS_PER_THREAD = 50
THREADS = max(POSTS // POSTS_PER_THREAD, 1)
SMALL_THREADS = 100
LANGUAGES = ("fr", "ar", "en")
TARGET = 2.0


def seed():
    load_standard_taxonomy()
    home = bench_home()
    # As tests/integration/exchange/conftest.py's world: a workshop, its trainer and a
    # registered learner; a few more registrants write too.
    country = CountryFactory(code="fr", name_en="France", default_time_zone="Europe/Paris")
    trainer = in_group(UserFactory(username="bench-trainer"), TRAINERS)
    workshop = make_workshop(country, trainers=[trainer], sessions=1)
    learner = UserFactory(username="bench-learner")
    writers = [learner, trainer]
    for number in range(8):
        writers.append(UserFactory(username=f"bench-writer-{number}"))
    small = make_workshop(country, trainers=[trainer], sessions=1)
    for person in [learner, *writers[2:]]:
        RegistrationFactory(workshop=workshop, user=person, status="confirmed")
        RegistrationFactory(workshop=small, user=person, status="confirmed")
    space = saved(space_for("workshop", workshop.pk))
    Follow.objects.create(user=learner, space=space)
    bulk_threads(space, THREADS, writers, learner)
    bulk_threads(saved(space_for("workshop", small.pk)), SMALL_THREADS, writers, learner)
    return home, workshop, space, small, learner


def bulk_threads(space, count, writers, reader, chunk=200):
    """``count`` threads of ``POSTS_PER_THREAD`` visible posts each, a minute apart within a
    thread and thread after thread (the last thread the latest), with their figures; the reader
    has read every second thread, half of them to the end and half to the middle."""
    start = timezone.now() - datetime.timedelta(minutes=count * POSTS_PER_THREAD + 60)

    def posted(thread_number, post_number):
        return start + datetime.timedelta(minutes=thread_number * POSTS_PER_THREAD + post_number)

    for first in range(0, count, chunk):
        numbers = range(first, min(first + chunk, count))
        threads = Thread.objects.bulk_create(
            [
                Thread(
                    space=space,
                    title=f"Question {n}: how do we keep the accounts of a small association?",
                    language=LANGUAGES[n % len(LANGUAGES)],
                    author=writers[n % len(writers)],
                    created_at=posted(n, 0),
                    last_post_at=posted(n, POSTS_PER_THREAD - 1),
                    post_count=POSTS_PER_THREAD,
                )
                for n in numbers
            ]
        )
        Post.objects.bulk_create(
            [
                Post(
                    thread=thread,
                    author=writers[(n + p) % len(writers)],
                    body=f"<p>Answer {p} to question {n}: we keep a ledger and a bank book, "
                    "and the treasurer checks them each month with a second member.</p>",
                    language=LANGUAGES[(n + p) % len(LANGUAGES)],
                    created_at=posted(n, p),
                )
                for n, thread in zip(numbers, threads, strict=True)
                for p in range(POSTS_PER_THREAD)
            ],
            batch_size=2000,
        )
        ReadMarker.objects.bulk_create(
            [
                ReadMarker(
                    user=reader,
                    thread=thread,
                    read_at=posted(n, POSTS_PER_THREAD // (1 if n % 4 == 0 else 2) - 1),
                )
                for n, thread in zip(numbers, threads, strict=True)
                if n % 2 == 0
            ]
        )


def database_work(function):
    """``function()``'s statements, each with its parameters and the seconds it took."""
    statements = []

    def timed(execute, sql, params, many, context):
        began = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            statements.append((sql, params, time.perf_counter() - began))

    with connection.execute_wrapper(timed):
        function()
    return statements


def explain(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(f"{connection.ops.explain_query_prefix()} {sql}", params)
        return [" ".join(str(column) for column in row) for row in cursor.fetchall()]


@pytest.mark.django_db
def test_exchange_space_at_100000_posts(settings, production_templates):
    settings.CAPACITY_LMS_PAGE_CACHE_SECONDS = 300  # fragments kept, as in production
    cache.clear()
    home, workshop, space, small, learner = seed()
    assert Post.objects.filter(thread__space=space).count() == THREADS * POSTS_PER_THREAD
    client = Client()
    client.force_login(learner)
    space_url = reverse("capacity_lms:exchange_space", args=[Space.Kind.WORKSHOP, workshop.pk])
    last_page = -(-THREADS // THREADS_PER_PAGE)
    thread = Thread.objects.filter(space=space).order_by("-last_post_at", "-pk")[5]
    urls = {
        "plain page": home.url,
        "space page": space_url,
        f"space page, last (page {last_page})": f"{space_url}?page={last_page}",
        f"thread of {POSTS_PER_THREAD} posts": reverse(
            "capacity_lms:exchange_thread", args=[thread.pk]
        ),
        f"space page, {SMALL_THREADS} threads": reverse(
            "capacity_lms:exchange_space", args=[Space.Kind.WORKSHOP, small.pk]
        ),
    }

    def get(url):
        def fetch():
            assert client.get(url).status_code == 200

        return fetch

    medians = {name: median_seconds(get(url)) for name, url in urls.items()}
    # Counted and timed by a wrapper on the connection, which keeps each statement's parameters
    # for EXPLAIN below.
    work = {name: database_work(get(url)) for name, url in urls.items()}
    plain = medians["plain page"]
    ratios = {name: medians[name] / plain for name in urls if name != "plain page"}
    figures = {
        "threads": THREADS,
        "posts": Post.objects.filter(thread__space=space).count(),
        "read markers": ReadMarker.objects.filter(user=learner, thread__space=space).count(),
    }
    figures.update(
        {
            f"{name} median (ms)": f"{medians[name] * 1000:.2f} ({len(work[name])} queries, "
            f"{sum(seconds for *_sql, seconds in work[name]) * 1000:.2f} ms executing them)"
            for name in urls
        }
    )
    figures.update({f"{name} ratio": round(ratio, 2) for name, ratio in ratios.items()})
    figures["target"] = f"space page <= {TARGET}"
    report("exchange space", figures)
    assert len(work["space page"]) == len(work[f"space page, {SMALL_THREADS} threads"])
    if ratios["space page"] > TARGET:
        # What to look at: the space page's slowest statements and how the database runs them.
        slowest = sorted(work["space page"], key=lambda statement: -statement[2])[:3]
        for sql, params, seconds in slowest:
            print(f"\n{seconds * 1000:.2f} ms: {sql}")
            print("\n".join(f"    {line}" for line in explain(sql, params)))
    assert ratios["space page"] <= TARGET, ratios
