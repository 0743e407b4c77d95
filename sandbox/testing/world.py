"""The minimum Wagtail needs to serve pages, rebuilt after a transactional test's flush."""

from django.conf import settings
from wagtail.models import Locale, Page, Site


def ensure_wagtail_site():
    """Return the default Site, creating the Locale, root page and home page it needs."""
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        home = root.add_child(instance=Page(title="Home", slug="home", locale=locale))
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
    return site


def restore_migrated_rows(app_labels=("capacity_lms", "capacity_courses")):
    """Put back what our data migrations and Wagtail's initial data made, after a flush.

    A transactional test (a browser test, a concurrency test) empties every table when it
    ends; Django's flush then recreates content types and permissions with new ids. This clears
    the content-type cache, runs our migrations' data functions again (they are idempotent:
    roles, attendance statuses) and rebuilds the Wagtail site.
    """
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.db.migrations import RunPython
    from django.db.migrations.loader import MigrationLoader

    ContentType.objects.clear_cache()
    loader = MigrationLoader(None, ignore_no_migrations=True)
    for (app_label, _name), migration in sorted(loader.disk_migrations.items()):
        if app_label not in app_labels:
            continue
        for operation in migration.operations:
            if isinstance(operation, RunPython):
                operation.code(apps, None)
    return ensure_wagtail_site()
