"""Settings of the demo site that stands for a host Wagtail site.

Everything a deployment changes comes from the environment: DATABASE_URL (default: SQLite in
sandbox/db.sqlite3 with transaction_mode IMMEDIATE), SECRET_KEY, DEBUG, ALLOWED_HOSTS.
"""

import os
from pathlib import Path

import dj_database_url
import django
from django.utils.translation import gettext_lazy as _

from sandbox import content_security

SANDBOX_DIR = Path(__file__).resolve().parent
BASE_DIR = SANDBOX_DIR.parent

# Demo only: a real deployment sets SECRET_KEY in the environment.
SECRET_KEY = os.environ.get("SECRET_KEY", "sandbox-only-insecure-key-do-not-use-in-production")
DEBUG = os.environ.get("DEBUG", "1") == "1"
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",")

INSTALLED_APPS = [
    "sandbox.home",
    "capacity_lms",
    "courses",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy on every response: Django's own on 6.x, django-csp's on 5.2
    # (sandbox/content_security.py). The admin's looser policy is set inside it.
    content_security.MIDDLEWARE,
    "sandbox.content_security.AdminContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: signed-out visitors' catalogue and library pages from the cache (docs/caching.md).
    "capacity_lms.core.page_cache.PageCacheMiddleware",
]

ROOT_URLCONF = "sandbox.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # The host's own templates come first, so a same-named file overrides the package's.
        "DIRS": [SANDBOX_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

if django.VERSION >= (6, 0):
    SECURE_CSP = content_security.SITE_POLICY
    # {{ csp_nonce }} for the host's own templates (ours use {% csp_nonce %}, which needs no
    # context processor); Django's check security.W027 asks for it once NONCE is in the policy.
    TEMPLATES[0]["OPTIONS"]["context_processors"].append("django.template.context_processors.csp")
else:
    CONTENT_SECURITY_POLICY = {"DIRECTIVES": content_security.SITE_POLICY}
# Explicit, though they are Django's defaults: a browser never guesses a content type (an
# uploaded file served as HTML), and other sites never see our paths in the Referer header
# (certificate codes and check-in links are in URLs).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

WSGI_APPLICATION = "sandbox.wsgi.application"


def database_from_environment(default_sqlite_path):
    config = dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{default_sqlite_path}"), conn_max_age=0
    )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # Seats are taken in write transactions: IMMEDIATE makes concurrent writers queue
        # instead of failing with "database is locked" halfway through.
        config.setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
    return config


DATABASES = {"default": database_from_environment(SANDBOX_DIR / "db.sqlite3")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailcore_login"
LOGIN_REDIRECT_URL = "/"

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("fr", _("French")),
    ("en", _("English")),
]
# The demo site's own strings (its home and login pages); the package ships its catalogues.
LOCALE_PATHS = [SANDBOX_DIR / "locale"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = SANDBOX_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = SANDBOX_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "capacity-lms sandbox"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# No avatars from Gravatar: they would tell a third party which editor opens the admin, and
# the admin's Content-Security-Policy allows images from this site only.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Wagtail's own image uploads (the admin's) stop where capacity-lms's do: 40 million pixels,
# all frames together (CAPACITY_LMS_UPLOAD_MAX_IMAGE_PIXELS; system check capacity_lms.W006).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

CAPACITY_LMS_PROGRAMME_NAME = {
    "en": "Capacity building – MLA associations",
    "fr": "Renforcement des capacités – associations MRE",
    "ar": "تقوية قدرات جمعيات مغاربة العالم",
}

# Signed-out visitors' catalogue and library pages are kept this long (0: not cached).
CAPACITY_LMS_PAGE_CACHE_SECONDS = int(os.environ.get("CAPACITY_LMS_PAGE_CACHE_SECONDS", 300))

# The demo data (`manage.py load_demo_data`): the hand-written accounts and content, then a
# generated programme's worth of activity around them (sandbox/home/world/). False, or the
# command's --small, loads the hand-written part only (the test settings do).
SANDBOX_DEMO_WORLD = os.environ.get("SANDBOX_DEMO_WORLD", "1") != "0"
