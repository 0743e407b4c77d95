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
