"""The database under the live server: snapshots of whole worlds, restored before each test.

Live-server tests run on a transactional database that Django flushes after each test, taking
with it what the data migrations created (Wagtail's root page and default Site, the Locales, the
role groups). pytest-django's ``serialized_rollback`` would put it back, but it cannot be trusted
next to Playwright: the sync API leaves its event loop marked as running in the main thread
between calls, and Django's connection handler (asgiref's thread-critical ``Local``) then hands
out a second connection object, without the serialized content and with a different idea of
whether to run ``post_migrate`` after a flush. So the browser tests keep their own snapshots and
restore them, through whichever connection object is current, whatever state the previous test
(browser or not) left behind: every connection object reaches the same database.

On SQLite a snapshot is a page-by-page copy made with SQLite's backup API (milliseconds, and
exact down to the sequences); elsewhere it is Django's JSON serialization of every migrated app.
"""

import sqlite3

import pytest


class SqliteCopy:
    """The whole SQLite database, copied into a private in-memory database."""

    def __init__(self, connection):
        connection.ensure_connection()
        self.copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(self.copy)

    def restore(self, connection):
        connection.ensure_connection()
        self.copy.backup(connection.connection)


class SerializedCopy:
    """Every migrated app's rows as Django's test runner serializes them."""

    def __init__(self, connection):
        self.content = connection.creation.serialize_db_to_string()

    def restore(self, connection):
        from django.apps import apps
        from django.core.management import call_command
        from django.core.management.color import no_style

        call_command(
            "flush",
            database=connection.alias,
            interactive=False,
            inhibit_post_migrate=True,
            verbosity=0,
        )
        connection.creation.deserialize_db_from_string(self.content)
        # Rows come back with their primary keys: move the sequences past them (PostgreSQL).
        models = [model for model in apps.get_models() if model._meta.managed]
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)


def take_snapshot(connection):
    """A snapshot of the database's whole content, to give to :func:`restore`."""
    return SqliteCopy(connection) if connection.vendor == "sqlite" else SerializedCopy(connection)


def restore(connection, snapshot):
    """Make the database hold exactly ``snapshot``, whatever it held before."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import caches

    snapshot.restore(connection)
    # A flush that ran post_migrate may have numbered the content types differently, and
    # Wagtail caches site roots: nothing cached may outlive the rows it was read from.
    ContentType.objects.clear_cache()
    for cache in caches.all():
        cache.clear()


class Snapshots:
    """A pytest plugin that holds the snapshots: ``migrated``, and ``demo`` once loaded.

    ``migrated`` is taken the moment pytest-django's ``django_db_setup`` has created the
    database, before any test (of this folder or another) can have flushed it.
    """

    name = "capacity-lms-database-snapshots"

    def __init__(self):
        self.migrated = None
        self.demo = None

    @pytest.hookimpl(wrapper=True)
    def pytest_fixture_setup(self, fixturedef, request):
        result = yield
        if fixturedef.argname == "django_db_setup" and self.migrated is None:
            from django.db import connection

            blocker = request.getfixturevalue("django_db_blocker")
            with blocker.unblock():
                self.migrated = take_snapshot(connection)
        return result
