"""One check for every uploaded file: its type by content, its size, its archive entries and
its pixels, with bounded work whatever the file claims.

:func:`check_upload` is what every upload goes through (library submissions now; the
directory, calls and exchange spaces later): it refuses with :class:`UploadRefused`, whose
message names the file and says why, a file that is empty or too large, whose extension is not
one of the accepted kinds, whose content is not what its extension says, or that would cost
too much to read:

- An archive (the ZIP container of DOCX, XLSX, PPTX, ODT, ODS, ODP, and whatever imports read
  through :func:`open_archive`) is judged by its central directory before any entry is
  unpacked: at most ``CAPACITY_LMS_UPLOAD_MAX_ARCHIVE_ENTRIES`` entries (counted from the end
  record, before Python builds a record per entry), each declaring at most
  ``CAPACITY_LMS_UPLOAD_MAX_ARCHIVE_ENTRY_BYTES`` uncompressed and all together at most
  ``CAPACITY_LMS_UPLOAD_MAX_ARCHIVE_TOTAL_BYTES``, stored or deflated only (the compression
  methods these formats allow; bzip2 and LZMA decompress without an output bound in
  ``zipfile``). An archive inside the archive counts with its own entries, one level deep.
  :meth:`Archive.read` then reads at most the bytes asked for, whatever an entry declares.
- An image is refused above ``CAPACITY_LMS_UPLOAD_MAX_IMAGE_PIXELS`` counting every frame,
  or above ``CAPACITY_LMS_UPLOAD_MAX_IMAGE_FRAMES`` frames, read from its headers before
  anything is decoded.
"""

import os
import struct
import zipfile
from dataclasses import dataclass

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, UnidentifiedImageError

from capacity_lms.conf import get_setting


@dataclass(frozen=True)
class FileKind:
    """A type of file we accept, as its content shows it."""

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

IMAGE_KINDS = (PNG, JPEG, GIF, WEBP)
OFFICE_KINDS = (DOCX, XLSX, PPTX, ODT, ODS, ODP)
KINDS = (PDF, *IMAGE_KINDS, *OFFICE_KINDS)

PILLOW_FORMATS = {"PNG": PNG, "JPEG": JPEG, "GIF": GIF, "WEBP": WEBP}
# The entry that tells one Office Open XML format from another.
OOXML_PARTS = {"word/document.xml": DOCX, "xl/workbook.xml": XLSX, "ppt/presentation.xml": PPTX}
OPENDOCUMENT_TYPES = {
    b"application/vnd.oasis.opendocument.text": ODT,
    b"application/vnd.oasis.opendocument.spreadsheet": ODS,
    b"application/vnd.oasis.opendocument.presentation": ODP,
}
# ODF puts its media type, some 50 bytes, in an entry named "mimetype": never read more.
MIMETYPE_BYTES = 128
# Compression methods OOXML (ECMA-376 part 2) and ODF (OASIS 1.3 part 2) allow.
ZIP_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
ARCHIVE_HEAD = b"PK\x03\x04"
END_RECORD = b"PK\x05\x06"
ZIP64_LOCATOR = b"PK\x06\x07"
ZIP64_END_RECORD = b"PK\x06\x06"


class UploadRefused(Exception):
    """The file cannot be accepted; the message names it and says why."""


@dataclass(frozen=True)
class UploadLimits:
    """How much work a file may cost; read from the settings by :meth:`from_settings`."""

    max_image_pixels: int
    max_image_frames: int
    max_archive_entries: int
    max_archive_entry_bytes: int
    max_archive_total_bytes: int

    @classmethod
    def from_settings(cls):
        return cls(
            max_image_pixels=get_setting("UPLOAD_MAX_IMAGE_PIXELS"),
            max_image_frames=get_setting("UPLOAD_MAX_IMAGE_FRAMES"),
            max_archive_entries=get_setting("UPLOAD_MAX_ARCHIVE_ENTRIES"),
            max_archive_entry_bytes=get_setting("UPLOAD_MAX_ARCHIVE_ENTRY_BYTES"),
            max_archive_total_bytes=get_setting("UPLOAD_MAX_ARCHIVE_TOTAL_BYTES"),
        )


@dataclass
class CheckedUpload:
    file: object
    name: str
    kind: FileKind
    description: str = ""


def _refuse(message, name, **values):
    raise UploadRefused(message % {"name": name, **values})


# Archives -----------------------------------------------------------------------------------


def _declared_entry_count(file):
    """The number of entries the archive's end record declares, read from its last bytes
    (the end record, its comment and, for ZIP64, the ZIP64 end record) without parsing the
    central directory; None when no end record is found."""
    file.seek(0, os.SEEK_END)
    size = file.tell()
    tail_size = min(size, 22 + 0xFFFF)
    file.seek(size - tail_size)
    tail = file.read(tail_size)
    at = tail.rfind(END_RECORD)
    if at < 0 or len(tail) - at < 22:
        return None
    count = struct.unpack("<H", tail[at + 10 : at + 12])[0]
    locator_at = at - 20
    if locator_at >= 0 and tail[locator_at : locator_at + 4] == ZIP64_LOCATOR:
        offset = struct.unpack("<Q", tail[locator_at + 8 : locator_at + 16])[0]
        if offset + 56 > size:
            return None
        file.seek(offset)
        record = file.read(56)
        if record[:4] != ZIP64_END_RECORD:
            return None
        count = max(count, struct.unpack("<Q", record[32:40])[0])
    return count


class Archive:
    """A ZIP archive whose central directory passed the limits; read entries with
    :meth:`read`, which never unpacks more than it is asked for."""

    def __init__(self, zip_file):
        self.zip_file = zip_file

    def names(self):
        return set(self.zip_file.namelist())

    def read(self, name, max_bytes):
        """At most ``max_bytes`` of entry ``name`` (None when there is no such entry)."""
        try:
            info = self.zip_file.getinfo(name)
        except KeyError:
            return None
        with self.zip_file.open(info) as entry:
            return entry.read(max_bytes)

    def close(self):
        self.zip_file.close()


def _inspect_entries(zip_file, limits, name, budget, depth):
    """Check every entry's method and declared size; an entry that is itself an archive is
    opened (as a stream, one level deep) and its entries counted against the same budget."""
    infos = zip_file.infolist()
    budget["entries"] += len(infos)
    if budget["entries"] > limits.max_archive_entries:
        _refuse(
            _("“%(name)s” holds more than %(limit)s files inside it."),
            name,
            limit=limits.max_archive_entries,
        )
    for info in infos:
        if info.compress_type not in ZIP_METHODS:
            _refuse(_("“%(name)s” uses a compression method its format does not allow."), name)
        if info.file_size > limits.max_archive_entry_bytes:
            _refuse(
                _("“%(name)s” holds a file of %(size)s once unpacked; at most %(limit)s."),
                name,
                size=filesizeformat(info.file_size),
                limit=filesizeformat(limits.max_archive_entry_bytes),
            )
        budget["bytes"] += info.file_size
        if budget["bytes"] > limits.max_archive_total_bytes:
            _refuse(
                _("“%(name)s” unpacks to more than %(limit)s."),
                name,
                limit=filesizeformat(limits.max_archive_total_bytes),
            )
    for info in infos:
        if info.is_dir() or info.file_size < 22:
            continue
        with zip_file.open(info) as entry:
            if entry.read(4) != ARCHIVE_HEAD:
                continue
            if depth >= 1:
                _refuse(_("“%(name)s” holds archives inside archives."), name)
            try:
                inner = zipfile.ZipFile(entry)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError):
                continue
            with inner:
                _inspect_entries(inner, limits, name, budget, depth + 1)


def open_archive(file, name, limits=None):
    """An :class:`Archive` for ``file`` once its entries passed the limits; raises
    :class:`UploadRefused` (over a limit) or :class:`zipfile.BadZipFile` (not an archive)."""
    limits = limits or UploadLimits.from_settings()
    file.seek(0)
    count = _declared_entry_count(file)
    if count is None:
        raise zipfile.BadZipFile("no end of central directory record")
    if count > limits.max_archive_entries:
        _refuse(
            _("“%(name)s” holds more than %(limit)s files inside it."),
            name,
            limit=limits.max_archive_entries,
        )
    file.seek(0)
    zip_file = zipfile.ZipFile(file)
    try:
        _inspect_entries(zip_file, limits, name, {"entries": 0, "bytes": 0}, depth=0)
    except BaseException:
        zip_file.close()
        raise
    return Archive(zip_file)


def _archive_kind(upload, name, limits):
    try:
        archive = open_archive(upload, name, limits)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError):
        return None
    try:
        names = archive.names()
        if "[Content_Types].xml" in names:
            for part, kind in OOXML_PARTS.items():
                if part in names:
                    return kind
        mimetype = archive.read("mimetype", MIMETYPE_BYTES)
        if mimetype is not None:
            return OPENDOCUMENT_TYPES.get(mimetype.strip())
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError):
        return None
    finally:
        archive.close()
    return None


# Images -------------------------------------------------------------------------------------


def _gif_frame_count(data, stop_after):
    """The number of frames of GIF ``data``, walking its blocks without decoding any, or
    ``stop_after + 1`` once more are found (or once the walk would take more steps than such
    a file needs), so that a small file of countless frames costs no more than a big one."""
    size = len(data)
    if size < 13:
        return 0
    flags, position = data[10], 13
    if flags & 0x80:
        position += 3 * (2 << (flags & 7))
    frames, steps, max_steps = 0, 0, 64 * (stop_after + 16)
    while position < size:
        steps += 1
        if steps > max_steps:
            return stop_after + 1
        block = data[position]
        if block == 0x3B:
            break
        if block == 0x2C:
            frames += 1
            if frames > stop_after:
                return frames
            if position + 10 >= size:
                break
            local_flags = data[position + 9]
            position += 10
            if local_flags & 0x80:
                position += 3 * (2 << (local_flags & 7))
            position += 1  # LZW minimum code size
        elif block == 0x21:
            position += 2
        else:
            break
        # The data sub-blocks: a length byte, that many bytes, until a zero length.
        while position < size:
            steps += 1
            if steps > max_steps:
                return stop_after + 1
            length = data[position]
            position += 1 + length
            if length == 0:
                break
    return frames


def image_frames(image, upload, stop_after):
    """How many frames ``image`` (opened by Pillow from ``upload``) has, at most
    ``stop_after + 1``: GIF frames are counted by walking the file's blocks (Pillow's own count
    takes seconds for a few MB of tiny frames); APNG and WebP declare theirs."""
    if image.format == "GIF":
        position = upload.tell()
        upload.seek(0)
        try:
            return _gif_frame_count(upload.read(), stop_after)
        finally:
            upload.seek(position)
    return max(getattr(image, "n_frames", 1), 1)


def _refuse_pixels(name, pixels, limits):
    limit = f"{limits.max_image_pixels / 1e6:g}"
    if pixels is None:
        _refuse(
            _("“%(name)s” has too many pixels; images may have at most %(limit)s million."),
            name,
            limit=limit,
        )
    _refuse(
        _(
            "“%(name)s” has %(pixels)s million pixels (all its frames together); images may "
            "have at most %(limit)s million."
        ),
        name,
        pixels=f"{pixels / 1e6:.1f}",
        limit=limit,
    )


def _image_kind(upload, name, limits):
    try:
        with Image.open(upload) as image:
            kind = PILLOW_FORMATS.get(image.format)
            frames = image_frames(image, upload, limits.max_image_frames)
            if frames > limits.max_image_frames:
                _refuse(
                    _("“%(name)s” has more than %(limit)s frames."),
                    name,
                    limit=limits.max_image_frames,
                )
            width, height = image.size
            pixels = width * height * frames
            if pixels > limits.max_image_pixels:
                _refuse_pixels(name, pixels, limits)
            image.verify()
    except Image.DecompressionBombError:
        # Pillow's own limit (twice Image.MAX_IMAGE_PIXELS) is far above ours.
        _refuse_pixels(name, None, limits)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        return None
    return kind


def detect_kind(upload, name="", limits=None):
    """The :class:`FileKind` the content of ``upload`` really is, or None; raises
    :class:`UploadRefused` when reading it would cost more than the limits allow."""
    limits = limits or UploadLimits.from_settings()
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    try:
        if head.startswith(b"%PDF-"):
            return PDF
        if head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")) or (
            head[:4] == b"RIFF" and head[8:12] == b"WEBP"
        ):
            return _image_kind(upload, name, limits)
        if head.startswith(ARCHIVE_HEAD):
            return _archive_kind(upload, name, limits)
        return None
    finally:
        upload.seek(0)


def _extensions(kinds):
    return tuple(extension for kind in kinds for extension in kind.extensions)


def accepted_extensions(kinds=KINDS):
    return _extensions(kinds)


def check_upload(upload, *, max_bytes, kinds=KINDS, description="", limits=None):
    """Return a :class:`CheckedUpload` or raise :class:`UploadRefused` naming the file.

    ``upload`` is a Django uploaded file (a name, a size, a seekable file); ``max_bytes`` the
    largest size accepted; ``kinds`` the :class:`FileKind` s accepted.
    """
    name = os.path.basename(upload.name or "")
    if not upload.size:
        _refuse(_("“%(name)s” is empty."), name)
    if upload.size > max_bytes:
        _refuse(
            _("“%(name)s” is %(size)s; files may be at most %(limit)s."),
            name,
            size=filesizeformat(upload.size),
            limit=filesizeformat(max_bytes),
        )
    extension = os.path.splitext(name)[1].lower()
    if extension not in _extensions(kinds):
        _refuse(
            _("“%(name)s” is not an accepted type. Accepted: %(types)s."),
            name,
            types=", ".join(kind.extensions[0][1:].upper() for kind in kinds),
        )
    kind = detect_kind(upload, name, limits)
    if kind is None:
        _refuse(
            _(
                "“%(name)s” is named %(extension)s but its content is not a file of that type, "
                "or it is damaged."
            ),
            name,
            extension=extension,
        )
    if extension not in kind.extensions:
        _refuse(
            _(
                "“%(name)s” is named %(extension)s but its content is %(kind)s. Rename it or "
                "attach another file."
            ),
            name,
            extension=extension,
            kind=kind.label,
        )
    return CheckedUpload(file=upload, name=name, kind=kind, description=description)
