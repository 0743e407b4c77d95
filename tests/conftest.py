"""Shared fixtures, and the guard that keeps CI honest.

With ``CAPACITY_LMS_REQUIRE_BROWSER=1`` a browser test that is skipped fails the run; with
``CAPACITY_LMS_REQUIRE_POSTGRES=1`` the run fails unless the database is PostgreSQL and no
PostgreSQL test was skipped; with ``CAPACITY_LMS_REQUIRE_REDIS=1`` a Redis test (a private
``redis-server`` on loopback) that is skipped fails it. CI sets them where they apply, so it
can never pass by skipping.
"""

import os
import shutil

import pytest
from django.db import connection
from django.utils import translation

REQUIRE_BROWSER = os.environ.get("CAPACITY_LMS_REQUIRE_BROWSER") == "1"
REQUIRE_POSTGRES = os.environ.get("CAPACITY_LMS_REQUIRE_POSTGRES") == "1"
REQUIRE_REDIS = os.environ.get("CAPACITY_LMS_REQUIRE_REDIS") == "1"
REQUIRED = (("browser", REQUIRE_BROWSER), ("postgres", REQUIRE_POSTGRES), ("redis", REQUIRE_REDIS))

_skipped_required = []


@pytest.fixture(autouse=True)
def _no_language_left_active():
    """Each test starts in the default language: LocaleMiddleware activates the language of a
    request in the test's thread and nothing deactivates it, so a test that requested an Arabic
    page would otherwise leave the next test reading Arabic messages."""
    translation.deactivate()
    yield
    translation.deactivate()


_ran = {kind: 0 for kind, _required in REQUIRED}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "postgres" in item.keywords and connection.vendor != "postgresql":
            item.add_marker(pytest.mark.skip(reason="needs PostgreSQL (DATABASE_URL=postgres://)"))
        if "redis" in item.keywords and not shutil.which("redis-server"):
            item.add_marker(pytest.mark.skip(reason="needs redis-server (apt-get install)"))


def pytest_collection_finish(session):
    """Fail at once when a browser test would run before an ordinary database test: a browser
    test flushes the database (removing the roles and the Wagtail site that migrations made),
    so the ordinary tests after it would fail by the hundred. pytest moves tests this way when
    a test parametrizes an argument named like a wider-scoped fixture (Playwright's ``page``)."""
    first_browser = next(
        (index for index, item in enumerate(session.items) if "browser" in item.keywords), None
    )
    if first_browser is None:
        return
    misplaced = [
        item.nodeid
        for item in session.items[first_browser:]
        if "db" in getattr(item, "fixturenames", ())
        and "transactional_db" not in item.fixturenames
        and "live_server" not in item.fixturenames
    ]
    if misplaced:
        raise pytest.UsageError(
            "ordinary database tests would run after a browser test's flush (is a parameter "
            f"named like a fixture, e.g. 'page'?): {misplaced[:5]}"
        )


def pytest_runtest_logreport(report):
    keywords = report.keywords
    for kind, required in REQUIRED:
        if kind not in keywords:
            continue
        if report.skipped and required:
            _skipped_required.append(f"{report.nodeid} ({kind} test skipped)")
        elif report.when == "call" and report.passed:
            _ran[kind] += 1


def pytest_sessionfinish(session, exitstatus):
    problems = list(_skipped_required)
    if REQUIRE_POSTGRES and connection.vendor != "postgresql":
        problems.append(f"CAPACITY_LMS_REQUIRE_POSTGRES=1 but the database is {connection.vendor}")
    for kind, required in REQUIRED:
        if required and not _ran[kind] and session.testscollected:
            problems.append(f"no {kind} test ran although CAPACITY_LMS_REQUIRE_{kind.upper()}=1")
    if problems and session.testscollected:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter:
            reporter.write_line("")
            for problem in problems:
                reporter.write_line(f"REQUIRED TEST NOT RUN: {problem}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
