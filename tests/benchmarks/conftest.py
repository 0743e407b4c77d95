import statistics
import time
import tracemalloc

import pytest
from django.db import connection


def pytest_collection_modifyitems(items):
    for item in items:
        item.add_marker(pytest.mark.benchmark)


@pytest.fixture
def production_templates():
    """Render templates as in production, without the test runner's instrumentation.

    The test environment wraps every template render to record contexts; that overhead grows
    with the number of includes and would distort ratios between pages.
    """
    from django.template import Template
    from django.test.utils import _TestState

    instrumented = Template._render
    # The test runner keeps the original where it installs its instrumented render.
    saved = getattr(_TestState, "saved_data", None)
    Template._render = getattr(saved, "template_render", None) or (
        lambda self, context: self.nodelist.render(context)
    )
    yield
    Template._render = instrumented


def median_seconds(function, repeat=30, warmup=3):
    """Median wall time of ``function()`` over ``repeat`` runs after ``warmup`` runs."""
    for _ in range(warmup):
        function()
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def peak_memory_and_queries(function):
    """What ``function()`` returns, the peak memory traced while it runs, and the number of
    SQL statements it runs."""
    statements = []

    def count(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    tracemalloc.start()
    try:
        with connection.execute_wrapper(count):
            result = function()
        return result, tracemalloc.get_traced_memory()[1], len(statements)
    finally:
        tracemalloc.stop()


def report(name, figures):
    lines = [f"BENCHMARK {name}"] + [f"  {key}: {value}" for key, value in figures.items()]
    print("\n" + "\n".join(lines))


def bench_home():
    """A plain Wagtail home page (the sandbox's ``HomePage``) made the default site's root: the
    peer every page's median is compared with."""
    from wagtail.models import Site

    from sandbox.home.models import HomePage

    site = Site.objects.get(is_default_site=True)
    home = site.root_page.get_parent().add_child(
        instance=HomePage(title="Home", slug="bench-home")
    )
    site.root_page = home
    site.save()
    return home
