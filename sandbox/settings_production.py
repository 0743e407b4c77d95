"""The demo site as it would run in production: HTTPS only, secrets from the environment.

``DJANGO_SETTINGS_MODULE=sandbox.settings_production``. It passes
``manage.py check --deploy --fail-level WARNING`` (tests/integration/security/test_deployment.py
runs it); docs/deployment-security.md explains each setting. The environment:

SECRET_KEY (required)
    At least 50 characters, e.g. ``python -c "import secrets; print(secrets.token_urlsafe(50))"``.
ALLOWED_HOSTS (required)
    Comma-separated host names the site answers to.
CSRF_TRUSTED_ORIGINS
    Comma-separated origins (``https://learning.example.org``) allowed to POST, when the site is
    reached through another origin than its own host (a CDN, another port).
CAPACITY_LMS_CERTIFICATE_SIGNING_KEY
    The Ed25519 key that signs certificates: PEM text, or the path of a PEM file (a mounted
    secret). Without it certificates are signed with a key derived from SECRET_KEY and
    ``check --deploy`` warns (capacity_lms.W004).
REDIS_URL
    A shared cache (``redis://host:6379/0``; needs the ``redis`` package) for the rate limits:
    with several app servers the default per-process memory cache counts each one alone.
    Required as soon as more than one app server process runs (gunicorn's workers count).
STATIC_ROOT, MEDIA_ROOT
    Where ``collectstatic`` writes the static files (served by WhiteNoise from the app
    servers) and where uploads and certificate PDFs go (shared by every app server and the
    task worker). Default: sandbox/static and sandbox/media.
CONN_MAX_AGE
    Seconds an app server keeps its database connection open between requests (default 60).
SECURE_PROXY_SSL_HEADER
    ``HTTP_X_FORWARDED_PROTO`` when a proxy terminates TLS and sets X-Forwarded-Proto (and
    strips it from what clients send): requests it marks ``https`` count as secure. Never set
    it otherwise: any client could then claim HTTPS.
SECURE_HSTS_SECONDS, SECURE_HSTS_INCLUDE_SUBDOMAINS, SECURE_HSTS_PRELOAD
    HSTS; default one year, subdomains and preload on. Lowering them makes check --deploy warn.
DATABASE_URL, WAGTAILADMIN_BASE_URL
    As in sandbox/settings.py (PostgreSQL: ``postgres://user:password@host:5432/name``).

Background tasks (e-mails, bulk certificates, large exports) go into the database
(django-tasks-db) and run in ``manage.py db_worker`` processes. Sessions are stored in the
database. Nothing is kept in one process that another needs: any number of app servers may run
behind the proxy. docs/deployment.md brings the whole stack up; ``pip install ".[production]"``
installs what these settings import.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from sandbox.settings import *  # noqa: F403
from sandbox.settings import DATABASES, INSTALLED_APPS, MIDDLEWARE, SANDBOX_DIR


def required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} is required by sandbox.settings_production "
            "(see its docstring)."
        )
    return value


def comma_separated(value):
    return [item.strip() for item in value.split(",") if item.strip()]


def flag(name, default):
    return os.environ.get(name, "1" if default else "0").strip().lower() in {"1", "true", "yes"}


DEBUG = False
SECRET_KEY = required("SECRET_KEY")
ALLOWED_HOSTS = comma_separated(required("ALLOWED_HOSTS"))
CSRF_TRUSTED_ORIGINS = comma_separated(os.environ.get("CSRF_TRUSTED_ORIGINS", ""))

# HTTPS everywhere: redirect plain HTTP, tell browsers to never use it again (HSTS), and send
# the session and CSRF cookies over HTTPS only.
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = flag("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
if os.environ.get("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (os.environ["SECURE_PROXY_SSL_HEADER"], "https")

# Explicit though they are Django's defaults: no framing by other sites, and the page is the
# only window of its browsing context group.
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

if os.environ.get("CAPACITY_LMS_CERTIFICATE_SIGNING_KEY"):
    CAPACITY_LMS_CERTIFICATE_SIGNING_KEY = os.environ["CAPACITY_LMS_CERTIFICATE_SIGNING_KEY"]

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
    # Sessions kept in PostgreSQL and read through Redis: a signed-in request no longer reads
    # its session from the database (one query fewer on every signed-in page and check-in).
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Static files from the app servers themselves: compressed, with hashed names cached for a year.
# ``manage.py collectstatic`` must run before the servers start (the manifest maps the names).
MIDDLEWARE = [
    *MIDDLEWARE[:1],
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[1:],
]
STATIC_ROOT = os.environ.get("STATIC_ROOT", str(SANDBOX_DIR / "static"))
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(SANDBOX_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Each worker keeps its connection between requests, checked before reuse.
DATABASES = {
    **DATABASES,
    "default": {
        **DATABASES["default"],
        "CONN_MAX_AGE": int(os.environ.get("CONN_MAX_AGE", 60)),
        "CONN_HEALTH_CHECKS": True,
    },
}

# Tasks wait in the database until a ``manage.py db_worker`` process runs them.
INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_db"]
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Errors reach the app server's log (stderr), not only ADMINS by e-mail.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django": {"handlers": ["console"], "level": "WARNING"}},
}
