"""Files people attach to what they write (a post, a workbook step): checked like every
upload, written to private storage, removed again if what they belong to is never saved, and
deleted with their row.

A domain gives the limits and how a row is made for one checked upload; the rows' model has
a ``file`` field on private storage (:mod:`capacity_lms.core.storage`) and is read through a
view that asks each time who may see it (:func:`capacity_lms.core.storage.private_download`).
"""

import os

from django.db import transaction
from django.db.models.signals import post_delete
from django.utils.translation import gettext as _

from capacity_lms.core.actions import ActionRefused
from capacity_lms.core.uploads import KINDS, UploadRefused, check_upload


def check_files(files, *, limit, max_bytes, too_many=None):
    """Each of ``files`` (uploaded files) checked, or :class:`ActionRefused` with a message per
    refused file; nothing is read past the bounds the upload check keeps. ``too_many`` is the
    message when there are more than ``limit``."""
    files = [upload for upload in files if upload is not None]
    if len(files) > limit:
        raise ActionRefused(
            too_many or _("Attach at most %(count)s files.") % {"count": limit},
            code="too_many_files",
        )
    checked, refused = [], []
    for upload in files:
        try:
            checked.append(check_upload(upload, max_bytes=max_bytes, kinds=KINDS))
        except UploadRefused as error:
            refused.append(str(error))
    if refused:
        raise ActionRefused(*refused, code="upload")
    return checked


class Storing:
    """Writes checked files as rows ``make_row(owner, upload)`` returns (unsaved, with a
    ``file`` field); ``discard()`` deletes what was written when the owner's transaction
    failed, so that no file outlives what it belonged to."""

    def __init__(self, checked, make_row):
        self.checked = list(checked)
        self.make_row = make_row
        self.written = []

    def store(self, owner):
        rows = []
        for upload in self.checked:
            row = self.make_row(owner, upload)
            row.file.save(os.path.basename(upload.name), upload.file, save=False)
            self.written.append((row.file.storage, row.file.name))
            row.save()
            rows.append(row)
        return rows

    def discard(self):
        for storage, name in self.written:
            storage.delete(name)
        self.written = []


def _file_of_deleted_row(sender, instance, **kwargs):
    """The stored file goes with its row, once the deletion is committed."""
    storage, name = instance.file.storage, instance.file.name
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def delete_files_with_rows(model):
    """Delete a ``model`` row's stored file when the row is deleted (once committed)."""
    post_delete.connect(
        _file_of_deleted_row, sender=model, dispatch_uid=f"capacity_lms_files_{model._meta.label}"
    )
