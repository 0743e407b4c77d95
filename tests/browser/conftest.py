"""Browser tests: Playwright driving the system Chromium against pytest-django's live server.

Every test in this folder is marked ``browser`` (so ``CAPACITY_LMS_REQUIRE_BROWSER=1`` turns a
skip into a failure) and is skipped with a reason when the system Chromium is missing. One
browser runs per session; each test gets its own context and page (pytest-playwright).

``demo_site`` gives each test the world of ``make sandbox``: the migrated database with the
demo data loaded. Loading the demo data takes many seconds, so the first test loads it and
keeps a snapshot that the following tests restore (see ``database.py`` for why these are our
own snapshots rather than pytest-django's serialized rollback). Both paths run every session.
"""

import os
import re
from pathlib import Path

import pytest

from tests.browser.database import Snapshots, restore, take_snapshot

# Playwright's sync API runs an event loop in this thread; Django would otherwise refuse the
# database calls that tests make between two browser calls.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
# The live server listens on the loopback address only (pytest-django's default is localhost).
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")

# The system Chromium; CAPACITY_LMS_CHROMIUM points elsewhere (e.g. /usr/bin/chromium-browser).
CHROMIUM = Path(os.environ.get("CAPACITY_LMS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
NO_CHROMIUM = f"the system Chromium is not installed at {CHROMIUM} (never `playwright install`)"

BROWSER_TESTS = Path(__file__).resolve().parent


def pytest_configure(config):
    config.pluginmanager.register(Snapshots(), Snapshots.name)
    # pytest-playwright 0.10 defines its fallback ``base_url`` fixture as a method, which
    # pytest 9 deprecates; nothing here can act on it, and it would print on every run.
    config.addinivalue_line(
        "filterwarnings",
        "ignore:Session-scoped fixtures defined as instance methods"
        ":pytest.PytestRemovedIn10Warning",
    )


def pytest_collection_modifyitems(config, items):
    for item in items:
        if BROWSER_TESTS not in Path(item.path).resolve().parents:
            continue
        item.add_marker(pytest.mark.browser)
        if not CHROMIUM.exists():
            item.add_marker(pytest.mark.skip(reason=NO_CHROMIUM))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch the system Chromium, keeping pytest-playwright's own options (--headed, ...)."""
    if not CHROMIUM.exists():
        pytest.skip(NO_CHROMIUM)
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": [*browser_type_launch_args.get("args", []), *CHROMIUM_ARGS],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, live_server):
    """Relative URLs go to the live server; the browser speaks English unless told otherwise."""
    return {**browser_context_args, "base_url": live_server.url, "locale": "en-GB"}


# Every page a test opens reports Content-Security-Policy violations to the console, where
# the fixture below collects them: a blocked script or style is otherwise silent in Playwright.
CSP_VIOLATION_LOGGER = """
document.addEventListener("securitypolicyviolation", (event) => {
    const where = `${event.sourceFile || "the page"}:${event.lineNumber}`;
    console.error(`CSP violation: ${event.effectiveDirective} blocked `
        + `${event.blockedURI || "inline code"} (${where}) on ${document.location.href}`);
});
"""


@pytest.fixture
def new_context(new_context):
    """pytest-playwright's context factory (``context``, ``page`` use it), failing the test on
    any CSP violation: the proof that the policy and the templates agree."""
    violations = []

    def record(message):
        if message.type == "error" and message.text.startswith("CSP violation:"):
            violations.append(message.text)

    def watched_context(**kwargs):
        context = new_context(**kwargs)
        context.add_init_script(CSP_VIOLATION_LOGGER)
        context.on("console", record)
        return context

    yield watched_context
    assert not violations, "Content-Security-Policy violations:\n" + "\n".join(violations)


def index_the_demo():
    """What `make sandbox-data` runs after the load, which holds Wagtail's indexing back:
    the search index (the catalogue's and the library's search) and the reference index."""
    from django.core.management import call_command

    call_command("update_index", verbosity=0)
    call_command("rebuild_references_index", verbosity=0)


@pytest.fixture
def demo_site(pytestconfig, live_server, transactional_db):
    """The live server's URL, with the migrated database restored and the demo data loaded."""
    from django.db import connection

    from sandbox.home.demo import load_demo_data

    snapshots = pytestconfig.pluginmanager.get_plugin(Snapshots.name)
    if snapshots.demo is None:
        restore(connection, snapshots.migrated)
        load_demo_data()
        index_the_demo()
        snapshots.demo = take_snapshot(connection)
    else:
        restore(connection, snapshots.demo)
    return live_server.url


@pytest.fixture
def login_as(demo_site):
    """``login_as(page, username)`` signs in through the sandbox's login page, in English."""
    from playwright.sync_api import expect

    from sandbox.testing.factories import DEMO_PASSWORD

    def sign_in(page, username, password=DEMO_PASSWORD):
        page.goto("/en/accounts/login/")
        page.get_by_label("Username", exact=True).fill(username)
        page.get_by_label("Password", exact=True).fill(password)
        page.get_by_role("button", name="Sign in", exact=True).click()
        expect(page).not_to_have_url(re.compile(r"/accounts/login/"))
        return page

    return sign_in
