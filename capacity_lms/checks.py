"""System checks for what a host site can get wrong when installing capacity-lms."""

import django
from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from capacity_lms.conf import PREFIX, unknown_settings

REQUIRED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "wagtail",
    "wagtail.admin",
    "wagtail.snippets",
    "wagtail.contrib.settings",
    "wagtail.users",
    "wagtail.images",
    "wagtail.documents",
    "wagtail.search",
    "taggit",
    "modelcluster",
    "courses",
]


def database_settings():
    """The host's DATABASES (a function, so the checks can be tested on other configurations)."""
    return settings.DATABASES


REQUIRED_CONTEXT_PROCESSORS = [
    "django.template.context_processors.request",
    "django.contrib.auth.context_processors.auth",
]


@register(Tags.compatibility)
def check_installed_apps(app_configs=None, **kwargs):
    missing = [name for name in REQUIRED_APPS if not apps.is_installed(name)]
    return [
        Error(
            f"capacity-lms needs '{name}' in INSTALLED_APPS.",
            hint="See 'Install into an existing site' in the capacity-lms README.",
            id="capacity_lms.E001",
        )
        for name in missing
    ]


@register(Tags.database)
def check_postgres_app(app_configs=None, databases=None, **kwargs):
    on_postgres = any("postgresql" in db.get("ENGINE", "") for db in database_settings().values())
    if (
        on_postgres
        and django.VERSION >= (6, 1)
        and not apps.is_installed("django.contrib.postgres")
    ):
        return [
            Error(
                "On PostgreSQL with Django 6.1, 'django.contrib.postgres' must be in "
                "INSTALLED_APPS.",
                id="capacity_lms.E002",
            )
        ]
    return []


@register(Tags.database)
def check_sqlite_transaction_mode(app_configs=None, databases=None, **kwargs):
    messages = []
    for alias, db in database_settings().items():
        if "sqlite3" not in db.get("ENGINE", ""):
            continue
        if db.get("OPTIONS", {}).get("transaction_mode") != "IMMEDIATE":
            messages.append(
                Warning(
                    f"The SQLite database '{alias}' does not use transaction_mode IMMEDIATE: "
                    "concurrent workshop registrations may fail with 'database is locked'.",
                    hint=f'Set DATABASES["{alias}"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE".',
                    id="capacity_lms.W001",
                )
            )
    return messages


@register(Tags.compatibility)
def check_time_zone_support(app_configs=None, **kwargs):
    if not settings.USE_TZ:
        return [
            Error(
                "capacity-lms stores times in UTC and needs USE_TZ = True.",
                id="capacity_lms.E003",
            )
        ]
    return []


@register(Tags.templates)
def check_context_processors(app_configs=None, **kwargs):
    django_engines = [
        engine
        for engine in settings.TEMPLATES
        if engine["BACKEND"] == "django.template.backends.django.DjangoTemplates"
    ]
    if not django_engines:
        return [
            Error(
                "capacity-lms templates need a DjangoTemplates engine.",
                id="capacity_lms.E004",
            )
        ]
    processors = set()
    for engine in django_engines:
        processors.update(engine.get("OPTIONS", {}).get("context_processors", []))
    return [
        Error(
            f"capacity-lms templates need the context processor '{name}'.",
            id="capacity_lms.E005",
        )
        for name in REQUIRED_CONTEXT_PROCESSORS
        if name not in processors
    ]


@register(Tags.compatibility)
def check_locale_middleware(app_configs=None, **kwargs):
    if "django.middleware.locale.LocaleMiddleware" not in settings.MIDDLEWARE:
        return [
            Warning(
                "LocaleMiddleware is not in MIDDLEWARE: learners cannot switch between "
                "Arabic, French and English.",
                hint="Add 'django.middleware.locale.LocaleMiddleware' after SessionMiddleware.",
                id="capacity_lms.W002",
            )
        ]
    return []


PAGE_CACHE_MIDDLEWARE = "capacity_lms.core.page_cache.PageCacheMiddleware"
# What the page cache must come after: the key needs the language, hits the session and CSRF
# cookies, and the CSP middleware must write its header (with the visitor's nonce) on hits.
BEFORE_PAGE_CACHE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
]


@register(Tags.compatibility)
def check_page_cache_middleware_order(app_configs=None, **kwargs):
    middleware = list(settings.MIDDLEWARE)
    if PAGE_CACHE_MIDDLEWARE not in middleware:
        return []
    position = middleware.index(PAGE_CACHE_MIDDLEWARE)
    after = [name for name in BEFORE_PAGE_CACHE if name in middleware[position:]]
    if not after:
        return []
    return [
        Warning(
            f"{PAGE_CACHE_MIDDLEWARE} comes before {', '.join(after)}: it stores nothing "
            "(at best) or keys pages without their language.",
            hint="Put it last in MIDDLEWARE (docs/caching.md).",
            id="capacity_lms.W005",
        )
    ]


@register(Tags.compatibility)
def check_unknown_settings(app_configs=None, **kwargs):
    return [
        Warning(
            f"{name} is not a capacity-lms setting and is ignored.",
            hint=f"The settings capacity-lms reads are listed in its README (prefix {PREFIX}).",
            id="capacity_lms.W003",
        )
        for name in unknown_settings()
    ]


@register(Tags.security)
def check_certificate_keys(app_configs=None, **kwargs):
    """The configured signing and retired keys must load (else no certificate can be issued)."""
    from django.core.exceptions import ImproperlyConfigured

    from capacity_lms.core.signing import published_keys

    try:
        published_keys()
    except (ImproperlyConfigured, ValueError, TypeError) as error:
        return [
            Error(
                f"The certificate keys cannot be loaded: {error}",
                hint="CAPACITY_LMS_CERTIFICATE_SIGNING_KEY must be an Ed25519 private key in "
                "PEM (text or a file path); see `manage.py certificate_keys --new-private-key`.",
                id="capacity_lms.E006",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def check_certificate_signing_key_is_set(app_configs=None, **kwargs):
    from capacity_lms.core.signing import uses_derived_key

    if uses_derived_key():
        return [
            Warning(
                "Certificates are signed with a key derived from SECRET_KEY: changing "
                "SECRET_KEY would make every certificate issued so far unverifiable.",
                hint="Set CAPACITY_LMS_CERTIFICATE_SIGNING_KEY to a key of its own "
                "(`manage.py certificate_keys --new-private-key`).",
                id="capacity_lms.W004",
            )
        ]
    return []


@register(Tags.security)
def check_wagtail_image_pixel_limit(app_configs=None, **kwargs):
    """Wagtail's own image uploads (the admin's) should stop at our pixel limit too."""
    from capacity_lms.conf import get_setting

    ours = get_setting("UPLOAD_MAX_IMAGE_PIXELS")
    wagtails = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 128_000_000)
    if wagtails is None or wagtails > ours:
        return [
            Warning(
                f"Wagtail accepts images of up to {wagtails or 'any number of'} pixels in the "
                f"admin, more than the {ours} that uploads to capacity-lms may have.",
                hint=f"Set WAGTAILIMAGES_MAX_IMAGE_PIXELS = {ours} (or less): one rendition of "
                "a larger image can take hundreds of megabytes.",
                id="capacity_lms.W006",
            )
        ]
    return []


@register(Tags.security)
def check_private_storage_is_not_served(app_configs=None, **kwargs):
    """Uploads awaiting moderation must not sit where MEDIA_URL serves files."""
    from pathlib import Path

    from django.core.exceptions import ImproperlyConfigured
    from django.core.files.storage import FileSystemStorage

    from capacity_lms.core.storage import private_storage

    try:
        on_disk = isinstance(private_storage, FileSystemStorage)
        location = private_storage.location if on_disk else None
    except ImproperlyConfigured as error:
        return [Error(str(error), id="capacity_lms.E007")]
    if not location or not settings.MEDIA_ROOT:
        return []
    media_root = Path(settings.MEDIA_ROOT).resolve()
    private_root = Path(location).resolve()
    if private_root == media_root or media_root in private_root.parents:
        return [
            Error(
                f"The private storage for uploads awaiting moderation ({private_root}) is inside "
                f"MEDIA_ROOT ({media_root}), which is served to anyone with the URL.",
                hint="Point STORAGES[CAPACITY_LMS_PRIVATE_STORAGE] at a folder or bucket that no "
                "URL serves, or leave it out (capacity-lms then uses <MEDIA_ROOT>-private).",
                id="capacity_lms.E007",
            )
        ]
    return []
