"""What a member may attach to a case study, decided by the file's content, not its name.

A file is accepted when its first bytes (and, for office files, the entries inside the ZIP
container) say it is a PDF, an image or an office document, when it is no larger than
``CAPACITY_LMS_SUBMISSION_MAX_UPLOAD_BYTES``, and when its extension names that same type: a
``report.pdf`` that is really HTML or a program, or a ``photo.jpg`` that is really a PDF, is
refused with a message naming the file. Images are also opened and verified with Pillow.
"""

import os
import zipfile
from dataclasses import dataclass

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, UnidentifiedImageError

from capacity_lms.conf import get_setting


@dataclass(frozen=True)
class FileKind:
    name: str
    label: str
    extensions: tuple
    is_image: bool = False


PDF = FileKind("pdf", gettext_lazy("a PDF document"), (".pdf",))
PNG = FileKind("png", gettext_lazy("a PNG image"), (".png",), is_image=True)
JPEG = FileKind("jpeg", gettext_lazy("a JPEG image"), (".jpg", ".jpeg"), is_image=True)
GIF = FileKind("gif", gettext_lazy("a GIF image"), (".gif",), is_image=True)
WEBP = FileKind("webp", gettext_lazy("a WebP image"), (".webp",), is_image=True)
DOCX = FileKind("docx", gettext_lazy("a Word document (DOCX)"), (".docx",))
XLSX = FileKind("xlsx", gettext_lazy("an Excel spreadsheet (XLSX)"), (".xlsx",))
PPTX = FileKind("pptx", gettext_lazy("a PowerPoint presentation (PPTX)"), (".pptx",))
ODT = FileKind("odt", gettext_lazy("an OpenDocument text (ODT)"), (".odt",))
ODS = FileKind("ods", gettext_lazy("an OpenDocument spreadsheet (ODS)"), (".ods",))
ODP = FileKind("odp", gettext_lazy("an OpenDocument presentation (ODP)"), (".odp",))

KINDS = (PDF, PNG, JPEG, GIF, WEBP, DOCX, XLSX, PPTX, ODT, ODS, ODP)
ACCEPTED_EXTENSIONS = tuple(extension for kind in KINDS for extension in kind.extensions)

PILLOW_FORMATS = {"PNG": PNG, "JPEG": JPEG, "GIF": GIF, "WEBP": WEBP}
# The entry that tells one Office Open XML format from another.
OOXML_PARTS = {"word/document.xml": DOCX, "xl/workbook.xml": XLSX, "ppt/presentation.xml": PPTX}
OPENDOCUMENT_TYPES = {
    b"application/vnd.oasis.opendocument.text": ODT,
    b"application/vnd.oasis.opendocument.spreadsheet": ODS,
    b"application/vnd.oasis.opendocument.presentation": ODP,
}


class UploadRefused(Exception):
    """The file cannot be attached; the message names it and says why."""


@dataclass
class CheckedUpload:
    file: object
    name: str
    kind: FileKind
    description: str = ""


def max_upload_bytes():
    return get_setting("SUBMISSION_MAX_UPLOAD_BYTES")


def _image_kind(upload):
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            kind = PILLOW_FORMATS.get(image.format)
            image.verify()
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
    ):
        return None
    finally:
        upload.seek(0)
    return kind


def _zip_kind(upload):
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" in names:
                for part, kind in OOXML_PARTS.items():
                    if part in names:
                        return kind
            if "mimetype" in names:
                return OPENDOCUMENT_TYPES.get(archive.read("mimetype").strip())
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    finally:
        upload.seek(0)
    return None


def detect_kind(upload):
    """The :class:`FileKind` the content of ``upload`` really is, or None."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")) or (
        head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    ):
        return _image_kind(upload)
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(upload)
    return None


def check_upload(upload, description=""):
    """Return a :class:`CheckedUpload` or raise :class:`UploadRefused` naming the file."""
    name = os.path.basename(upload.name or "")
    limit = max_upload_bytes()
    if not upload.size:
        raise UploadRefused(_("“%(name)s” is empty.") % {"name": name})
    if upload.size > limit:
        raise UploadRefused(
            _("“%(name)s” is %(size)s; files may be at most %(limit)s.")
            % {"name": name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    extension = os.path.splitext(name)[1].lower()
    if extension not in ACCEPTED_EXTENSIONS:
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
    kind = detect_kind(upload)
    if kind is None:
        raise UploadRefused(
            _(
                "“%(name)s” is named %(extension)s but its content is not a file of that type, "
                "or it is damaged."
            )
            % {"name": name, "extension": extension}
        )
    if extension not in kind.extensions:
        raise UploadRefused(
            _(
                "“%(name)s” is named %(extension)s but its content is %(kind)s. Rename it or "
                "attach another file."
            )
            % {"name": name, "extension": extension, "kind": kind.label}
        )
    return CheckedUpload(file=upload, name=name, kind=kind, description=description)
