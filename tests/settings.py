"""Test settings: the sandbox's, with a custom user model as a host site may have."""

import os

from sandbox.settings import *  # noqa: F403
from sandbox.settings import INSTALLED_APPS, SANDBOX_DIR, database_from_environment

INSTALLED_APPS = ["tests.testapp", *INSTALLED_APPS]
AUTH_USER_MODEL = "testapp.User"

DATABASES = {"default": database_from_environment(SANDBOX_DIR / "test.sqlite3")}
DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_DATABASE_NAME") or None}
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
