"""Absolute URLs for what leaves the request: e-mails, calendar feeds, certificate QR codes.

Inside a request the request's own scheme and host are used; outside one (a task, a command)
the host's ``WAGTAILADMIN_BASE_URL``.
"""

from django.conf import settings


def absolute_url(path, request=None):
    """``path`` as a full URL (a URL that already is one, as Wagtail gives a page of another
    site, is kept)."""
    if path.startswith(("https://", "http://")):
        return path
    if request is not None:
        return request.build_absolute_uri(path)
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/") + path
