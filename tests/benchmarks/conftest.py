import statistics
import time

import pytest


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

    instrumented = Template._render
    Template._render = getattr(Template, "_original_render", instrumented)
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


def report(name, figures):
    lines = [f"BENCHMARK {name}"] + [f"  {key}: {value}" for key, value in figures.items()]
    print("\n" + "\n".join(lines))
