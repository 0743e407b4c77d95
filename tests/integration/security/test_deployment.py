"""The sandbox's production settings pass ``manage.py check --deploy --fail-level WARNING``,
and the check does bite: the development settings and a production configuration without its
certificate key fail it. Each run is a fresh process, as a deployment pipeline runs it.

The settings' own rules (required variables, the shared cache) are read in-process."""

import os
import runpy
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from capacity_lms.core.signing import new_private_key_pem

REPOSITORY = Path(__file__).resolve().parents[3]
MANAGE = REPOSITORY / "sandbox" / "manage.py"


@pytest.fixture(scope="module")
def production_environment(tmp_path_factory):
    """What a deployment gives the production settings: secrets, hosts, the signing key as a
    mounted file. Nothing from the test run that a deployment would not have: no DATABASE_URL
    (the check needs no database), no DJANGO_ALLOW_ASYNC_UNSAFE (set by the browser tests'
    conftest, and itself an error of check --deploy: async.E001)."""
    key_file = tmp_path_factory.mktemp("secrets") / "certificate-signing-key.pem"
    key_file.write_text(new_private_key_pem())
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DATABASE_URL", "DEBUG", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
        and not name.startswith(("CAPACITY_LMS_", "SECURE_"))
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="sandbox.settings_production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="learning.example.org",
        CSRF_TRUSTED_ORIGINS="https://learning.example.org",
        CAPACITY_LMS_CERTIFICATE_SIGNING_KEY=str(key_file),
        PYTHONPATH=str(REPOSITORY),
    )
    return environment


def check_deploy(environment):
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py, fixed arguments
        [sys.executable, str(MANAGE), "check", "--deploy", "--fail-level", "WARNING"],
        env=environment,
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_production_settings_pass_the_deployment_check(production_environment):
    result = check_deploy(production_environment)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_development_settings_fail_it(production_environment):
    result = check_deploy({**production_environment, "DJANGO_SETTINGS_MODULE": "sandbox.settings"})
    assert result.returncode != 0
    for check_id in ("security.W018", "security.W004", "security.W008", "security.W012"):
        assert check_id in result.stderr  # DEBUG, HSTS, SSL redirect, session cookie


def test_production_without_a_certificate_key_of_its_own_fails_it(production_environment):
    environment = dict(production_environment)
    del environment["CAPACITY_LMS_CERTIFICATE_SIGNING_KEY"]
    result = check_deploy(environment)
    assert result.returncode != 0
    assert "capacity_lms.W004" in result.stderr


def production_settings(monkeypatch, **environment):
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "REDIS_URL", "SECURE_PROXY_SSL_HEADER"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_module("sandbox.settings_production")


def test_a_missing_secret_key_is_a_clear_error(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY is required"):
        production_settings(monkeypatch, ALLOWED_HOSTS="learning.example.org")


def test_missing_allowed_hosts_is_a_clear_error(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="ALLOWED_HOSTS is required"):
        production_settings(monkeypatch, SECRET_KEY=secrets.token_urlsafe(50))


def test_redis_url_gives_the_shared_cache_and_the_proxy_header_is_opt_in(monkeypatch):
    base = {"SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "a.example.org,b.example"}
    plain = production_settings(monkeypatch, **base)
    assert plain["ALLOWED_HOSTS"] == ["a.example.org", "b.example"]
    assert plain["DEBUG"] is False
    assert "SECURE_PROXY_SSL_HEADER" not in plain
    assert "CACHES" not in plain  # Django's per-process default, fine for one process

    shared = production_settings(
        monkeypatch,
        **base,
        REDIS_URL="redis://cache.internal:6379/0",
        SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO",
    )
    assert shared["CACHES"]["default"] == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://cache.internal:6379/0",
    }
    assert shared["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")


def test_static_files_tasks_and_database_connections(monkeypatch):
    """What several app servers and a task worker share: static files served by each server
    (WhiteNoise, right after the security middleware), tasks kept in the database for
    ``db_worker``, folders and connection reuse from the environment."""
    monkeypatch.delenv("CONN_MAX_AGE", raising=False)
    settings = production_settings(
        monkeypatch,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="learning.example.org",
        STATIC_ROOT="/srv/capacity-lms/static",
        MEDIA_ROOT="/srv/capacity-lms/media",
    )
    middleware = settings["MIDDLEWARE"]
    assert middleware.index("whitenoise.middleware.WhiteNoiseMiddleware") == 1
    assert middleware[0] == "django.middleware.security.SecurityMiddleware"
    assert settings["STORAGES"]["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    assert settings["STATIC_ROOT"] == "/srv/capacity-lms/static"
    assert settings["MEDIA_ROOT"] == "/srv/capacity-lms/media"
    assert settings["TASKS"]["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert "django_tasks_db" in settings["INSTALLED_APPS"]
    assert settings["DATABASES"]["default"]["CONN_MAX_AGE"] == 60
    assert settings["DATABASES"]["default"]["CONN_HEALTH_CHECKS"] is True
