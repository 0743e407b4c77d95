"""Test settings: the sandbox's, with a custom user model as a host site may have."""

import os
import tempfile
from pathlib import Path

from sandbox.settings import *  # noqa: F403
from sandbox.settings import INSTALLED_APPS, SANDBOX_DIR, database_from_environment

INSTALLED_APPS = ["tests.testapp", *INSTALLED_APPS]
AUTH_USER_MODEL = "testapp.User"

DATABASES = {"default": database_from_environment(SANDBOX_DIR / "test.sqlite3")}
# On SQLite the test database is a file, not memory: concurrency tests need separate
# connections that really contend for the write lock, as in production.
# One file per test process, so two runs on one machine never share it.
# On PostgreSQL likewise one database per test process: two checkouts that point their runs
# at the same server never drop each other's test database.
default_test_name = (
    str(Path(tempfile.gettempdir()) / f"capacity-lms-test-{os.getpid()}.sqlite3")
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    else f"test_{DATABASES['default']['NAME']}_{os.getpid()}"
)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Durability is no concern for a throwaway test database; speed is.
    DATABASES["default"]["OPTIONS"]["init_command"] = "PRAGMA synchronous=OFF;"
DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_DATABASE_NAME") or default_test_name}
if (
    DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    and "django.contrib.postgres" not in INSTALLED_APPS
):
    INSTALLED_APPS.append("django.contrib.postgres")

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DEBUG = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The page cache is on in the demo site; tests read what a page rendered (response.context),
# which a cached page has not, so it is off here and turned on where it is under test
# (tests/integration/test_page_cache.py).
CAPACITY_LMS_PAGE_CACHE_SECONDS = 0

# Tests that load the demo data want the hand-written part; tests/integration/test_demo_world.py
# loads the generated world itself.
SANDBOX_DEMO_WORLD = False
