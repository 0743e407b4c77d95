"""Files attached to a post: checked like every upload, kept where no URL serves them, read
through one view that asks each time whether the reader may see the post.

A post may carry up to ``CAPACITY_LMS_EXCHANGE_MAX_ATTACHMENTS`` files of at most
``CAPACITY_LMS_EXCHANGE_MAX_UPLOAD_BYTES`` each: PDF, images and office documents, judged by
their content with bounded work (:func:`capacity_lms.core.uploads.check_upload`, the same
check as case studies submitted to the library). Every file is checked before anything is
written; a refused one names itself and nothing is kept. Stored files are in private storage
(:mod:`capacity_lms.core.storage`); a file written for a post whose transaction then fails is
deleted again, and a file's row deleted (with its post, its space, an erasure) takes the file
with it once committed.
"""

import mimetypes

from django.utils.translation import gettext as _

from capacity_lms.conf import get_setting
from capacity_lms.core import stored_files
from capacity_lms.exchange.models import PostAttachment


def max_files():
    return get_setting("EXCHANGE_MAX_ATTACHMENTS")


def max_upload_bytes():
    return get_setting("EXCHANGE_MAX_UPLOAD_BYTES")


def check_files(files):
    """Each of ``files`` checked (:func:`capacity_lms.core.stored_files.check_files`)."""
    return stored_files.check_files(
        files,
        limit=max_files(),
        max_bytes=max_upload_bytes(),
        too_many=_("Attach at most %(count)s files to a post.") % {"count": max_files()},
    )


def _attachment(post, upload):
    return PostAttachment(
        post=post,
        original_name=upload.name[:255],
        size=upload.file.size,
        kind=upload.kind.name,
        content_type=mimetypes.guess_type(upload.name)[0] or "application/octet-stream",
    )


class Storing(stored_files.Storing):
    """A post's checked files, written as its attachments (``discard()`` if it fails)."""

    def __init__(self, checked):
        super().__init__(checked, _attachment)


stored_files.delete_files_with_rows(PostAttachment)
