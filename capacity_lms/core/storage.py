"""Private storage: files that no URL serves, read only through views that check access.

Uploads waiting for a decision (a member's attachments to a case study not yet published; the
directory's, calls' and exchange spaces' later) are kept here, never in the default storage,
whose files the web server hands to whoever has the URL. The host names a storage of its own
in ``STORAGES`` under the alias ``CAPACITY_LMS_PRIVATE_STORAGE`` (default
``"capacity_lms_private"``: e.g. an S3 bucket without public access); without one, files go to
a folder next to ``MEDIA_ROOT`` (``<MEDIA_ROOT>-private``), outside what is served as media.
"""

import mimetypes

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import FileResponse
from django.utils.functional import LazyObject, empty

from capacity_lms.conf import get_setting


def default_private_root():
    media_root = str(settings.MEDIA_ROOT or "").rstrip("/\\")
    if not media_root:
        raise ImproperlyConfigured(
            "Set MEDIA_ROOT, or name a private storage in STORAGES under "
            "CAPACITY_LMS_PRIVATE_STORAGE, to keep uploads awaiting moderation."
        )
    return f"{media_root}-private"


class PrivateFileSystemStorage(FileSystemStorage):
    """A folder whose files have no URL."""

    def url(self, name):
        raise ValueError("Files in private storage have no URL; serve them through a view.")


class PrivateStorage(LazyObject):
    """The private storage, looked up when first used (and again when settings change)."""

    def _setup(self):
        alias = get_setting("PRIVATE_STORAGE")
        if alias in settings.STORAGES:
            self._wrapped = storages[alias]
        else:
            self._wrapped = PrivateFileSystemStorage(location=default_private_root())


private_storage = PrivateStorage()


def get_private_storage():
    """For a ``FileField(storage=...)``: a callable, so migrations name it, not a folder."""
    return private_storage


@receiver(setting_changed)
def _forget_storage(setting, **kwargs):
    if setting in ("STORAGES", "MEDIA_ROOT", "CAPACITY_LMS_PRIVATE_STORAGE"):
        private_storage._wrapped = empty


def private_download(file, name):
    """A response handing over a privately stored ``file`` as ``name``: always downloaded,
    never shown inline (a file is never rendered as a page of this site), never sniffed."""
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(
        file.open("rb"), as_attachment=True, filename=name, content_type=content_type
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return response
