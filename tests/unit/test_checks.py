"""Each system check fires on the misconfiguration it names, and only then."""

import django
from django.test import override_settings

from capacity_lms import checks


def ids(messages):
    return [message.id for message in messages]


def test_installed_apps_complete_in_the_sandbox():
    assert checks.check_installed_apps() == []


def test_missing_required_app_is_an_error(monkeypatch):
    real = checks.apps.is_installed
    monkeypatch.setattr(checks.apps, "is_installed", lambda name: name != "courses" and real(name))
    messages = checks.check_installed_apps()
    assert ids(messages) == ["capacity_lms.E001"]
    assert "'courses'" in messages[0].msg


POSTGRES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "x"}}


def test_postgres_without_contrib_postgres_on_django_61(monkeypatch):
    monkeypatch.setattr(checks.django, "VERSION", (6, 1, 0, "final", 0))
    real = checks.apps.is_installed
    monkeypatch.setattr(
        checks.apps, "is_installed", lambda name: name != "django.contrib.postgres" and real(name)
    )
    monkeypatch.setattr(checks, "database_settings", lambda: POSTGRES)
    assert ids(checks.check_postgres_app()) == ["capacity_lms.E002"]
    monkeypatch.setattr(checks.django, "VERSION", (5, 2, 0, "final", 0))
    assert checks.check_postgres_app() == []


def test_current_database_passes_the_postgres_check():
    assert checks.check_postgres_app() == []
    assert django.VERSION >= (5, 2)


def test_sqlite_without_immediate_transactions_warns(monkeypatch):
    sqlite = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
    monkeypatch.setattr(checks, "database_settings", lambda: sqlite)
    assert ids(checks.check_sqlite_transaction_mode()) == ["capacity_lms.W001"]
    sqlite["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE"}
    assert checks.check_sqlite_transaction_mode() == []


def test_use_tz_false_is_an_error():
    with override_settings(USE_TZ=False):
        assert ids(checks.check_time_zone_support()) == ["capacity_lms.E003"]
    assert checks.check_time_zone_support() == []


def test_missing_request_context_processor_is_an_error(settings):
    engine = dict(settings.TEMPLATES[0])
    engine["OPTIONS"] = {"context_processors": ["django.contrib.auth.context_processors.auth"]}
    with override_settings(TEMPLATES=[engine]):
        messages = checks.check_context_processors()
    assert ids(messages) == ["capacity_lms.E005"]
    assert "request" in messages[0].msg
    with override_settings(
        TEMPLATES=[{"BACKEND": "django.template.backends.jinja2.Jinja2", "OPTIONS": {}}]
    ):
        assert ids(checks.check_context_processors()) == ["capacity_lms.E004"]


def test_missing_locale_middleware_warns(settings):
    middleware = [m for m in settings.MIDDLEWARE if "LocaleMiddleware" not in m]
    with override_settings(MIDDLEWARE=middleware):
        assert ids(checks.check_locale_middleware()) == ["capacity_lms.W002"]
    assert checks.check_locale_middleware() == []


def test_unknown_setting_warns():
    with override_settings(CAPACITY_LMS_LANGUAGE="fr"):
        messages = checks.check_unknown_settings()
    assert ids(messages) == ["capacity_lms.W003"]
    assert "CAPACITY_LMS_LANGUAGE" in messages[0].msg


def test_a_signing_key_derived_from_secret_key_warns_on_deploy(settings):
    from capacity_lms.checks import check_certificate_signing_key_is_set
    from capacity_lms.core.signing import new_private_key_pem

    settings.CAPACITY_LMS_CERTIFICATE_SIGNING_KEY = None
    assert [m.id for m in check_certificate_signing_key_is_set()] == ["capacity_lms.W004"]
    settings.CAPACITY_LMS_CERTIFICATE_SIGNING_KEY = new_private_key_pem()
    assert check_certificate_signing_key_is_set() == []


def test_an_unreadable_signing_key_is_an_error(settings, tmp_path):
    from capacity_lms.checks import check_certificate_keys

    settings.CAPACITY_LMS_CERTIFICATE_SIGNING_KEY = str(tmp_path / "missing.pem")
    assert [m.id for m in check_certificate_keys()] == ["capacity_lms.E006"]
    settings.CAPACITY_LMS_CERTIFICATE_SIGNING_KEY = None
    assert check_certificate_keys() == []


def test_wagtail_accepting_more_pixels_than_our_uploads_warns(settings):
    """Wagtail's admin image uploads should stop where ours do (its default is 128 Mpx)."""
    assert checks.check_wagtail_image_pixel_limit() == []  # the sandbox sets it
    del settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    assert [message.id for message in checks.check_wagtail_image_pixel_limit()] == [
        "capacity_lms.W006"
    ]
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = None
    assert [message.id for message in checks.check_wagtail_image_pixel_limit()] == [
        "capacity_lms.W006"
    ]
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 20_000_000
    assert checks.check_wagtail_image_pixel_limit() == []


def test_private_storage_inside_media_root_is_an_error(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    assert checks.check_private_storage_is_not_served() == []  # <MEDIA_ROOT>-private
    settings.STORAGES = {
        **settings.STORAGES,
        "capacity_lms_private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media" / "private")},
        },
    }
    assert ids(checks.check_private_storage_is_not_served()) == ["capacity_lms.E007"]
    settings.STORAGES = {
        **settings.STORAGES,
        "capacity_lms_private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "elsewhere")},
        },
    }
    assert checks.check_private_storage_is_not_served() == []
