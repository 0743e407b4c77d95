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
import os

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.translation import gettext as _

from capacity_lms.conf import get_setting
from capacity_lms.core.actions import ActionRefused
from capacity_lms.core.uploads import KINDS, UploadRefused, check_upload
from capacity_lms.exchange.models import PostAttachment


def max_files():
    return get_setting("EXCHANGE_MAX_ATTACHMENTS")


def max_upload_bytes():
    return get_setting("EXCHANGE_MAX_UPLOAD_BYTES")


def check_files(files):
    """Each of ``files`` (uploaded files) checked, or :class:`ActionRefused` with a message per
    refused file; nothing is read past the bounds the upload check keeps."""
    files = [upload for upload in files if upload is not None]
    if len(files) > max_files():
        raise ActionRefused(
            _("Attach at most %(count)s files to a post.") % {"count": max_files()},
            code="too_many_files",
        )
    checked, refused = [], []
    for upload in files:
        try:
            checked.append(check_upload(upload, max_bytes=max_upload_bytes(), kinds=KINDS))
        except UploadRefused as error:
            refused.append(str(error))
    if refused:
        raise ActionRefused(*refused, code="upload")
    return checked


class Storing:
    """Writes checked files for a post; ``discard()`` deletes what was written (the post's
    transaction failed), so that no file outlives a post that was never saved."""

    def __init__(self, checked):
        self.checked = list(checked)
        self.written = []

    def store(self, post):
        for upload in self.checked:
            attachment = PostAttachment(
                post=post,
                original_name=upload.name[:255],
                size=upload.file.size,
                kind=upload.kind.name,
                content_type=mimetypes.guess_type(upload.name)[0] or "application/octet-stream",
            )
            attachment.file.save(os.path.basename(upload.name), upload.file, save=False)
            self.written.append((attachment.file.storage, attachment.file.name))
            attachment.save()

    def discard(self):
        for storage, name in self.written:
            storage.delete(name)
        self.written = []


@receiver(post_delete, sender=PostAttachment)
def _attachment_deleted(sender, instance, **kwargs):
    """The stored file goes with its row, once the deletion is committed."""
    storage, name = instance.file.storage, instance.file.name
    if name:
        transaction.on_commit(lambda: storage.delete(name))
