"""What a member may attach to a case study: PDF, images and office documents, at most
``CAPACITY_LMS_SUBMISSION_MAX_UPLOAD_BYTES`` each, checked by content through
:func:`capacity_lms.core.uploads.check_upload` (which also bounds archive entries and image
pixels). A ``report.pdf`` that is really HTML or a program, or a ``photo.jpg`` that is really a
PDF, is refused with a message naming the file.
"""

import os

from django.utils.translation import gettext as _

from capacity_lms.conf import get_setting
from capacity_lms.core.uploads import KINDS, UploadRefused, accepted_extensions, check_upload

ACCEPTED_KINDS = KINDS
ACCEPTED_EXTENSIONS = accepted_extensions(ACCEPTED_KINDS)

__all__ = ["ACCEPTED_EXTENSIONS", "UploadRefused", "check_attachment", "max_upload_bytes"]


def max_upload_bytes():
    return get_setting("SUBMISSION_MAX_UPLOAD_BYTES")


def check_attachment(upload, description=""):
    """A :class:`~capacity_lms.core.uploads.CheckedUpload` for a case study's attachment, or
    :class:`UploadRefused` naming the file."""
    name = os.path.basename(upload.name or "")
    if upload.size and os.path.splitext(name)[1].lower() not in ACCEPTED_EXTENSIONS:
        raise UploadRefused(
            _(
                "“%(name)s” is not an accepted type. Attach PDF, images (%(images)s) or office "
                "documents (%(documents)s)."
            )
            % {
                "name": name,
                "images": "JPEG, PNG, GIF, WebP",
                "documents": "DOCX, XLSX, PPTX, ODT, ODS, ODP",
            }
        )
    return check_upload(
        upload, max_bytes=max_upload_bytes(), kinds=ACCEPTED_KINDS, description=description
    )
