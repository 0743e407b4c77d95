"""Archive and pixel bombs are refused by the one upload check, quickly and in little memory.

Each bomb is built here from nothing (zipfile of zeros, image headers declaring huge sizes) and
checked in a fresh subprocess, whose peak resident memory is what we compare: this process's
own peak never goes down, and tracemalloc misses Pillow's C allocations. The peak is the
subprocess's ``VmHWM`` (its own address space's high-water mark): Linux carries a parent's
peak over into a child's ``ru_maxrss`` across fork and exec, so that figure would be this
test process's.
"""

import io
import json
import os
import struct
import subprocess
import sys
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from capacity_lms.core.uploads import (
    DOCX,
    GIF,
    ODT,
    PNG,
    WEBP,
    UploadLimits,
    UploadRefused,
    _gif_frame_count,
    check_upload,
    open_archive,
)

pytestmark = pytest.mark.skipif(
    not os.path.exists("/proc/self/status"), reason="reads peak memory from Linux's /proc"
)

MAX_SECONDS = 1.0
MAX_PEAK_BYTES = 100 * 1024 * 1024
MB = 1024 * 1024

CHECK_IN_A_SUBPROCESS = """
import json, sys, time
import django
from django.conf import settings

def peak_resident_bytes():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024

settings.configure(USE_I18N=False)
django.setup()
from django.core.files import File
from capacity_lms.core.uploads import UploadRefused, check_upload
path, name = sys.argv[1], sys.argv[2]
with open(path, "rb") as handle:
    upload = File(handle, name=name)
    started = time.perf_counter()
    try:
        kind = check_upload(upload, max_bytes=10 * 1024 * 1024)
        outcome, message = "accepted", kind.kind.name
    except UploadRefused as refused:
        outcome, message = "refused", str(refused)
    seconds = time.perf_counter() - started
print(json.dumps({
    "outcome": outcome, "message": message, "seconds": seconds,
    "peak_bytes": peak_resident_bytes(),
}))
"""


def check_in_subprocess(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    environment = {
        key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"
    }
    completed = subprocess.run(  # noqa: S603 (this interpreter, our own script)
        [sys.executable, "-c", CHECK_IN_A_SUBPROCESS, str(path), name],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return json.loads(completed.stdout.strip().splitlines()[-1])


# Archives -----------------------------------------------------------------------------------


def write_zeros(archive, name, size, compress_type=zipfile.ZIP_DEFLATED):
    info = zipfile.ZipInfo(name)
    info.compress_type = compress_type
    chunk = bytes(MB)
    with archive.open(info, "w", force_zip64=size > 0x7FFFFFFF) as entry:
        for _ in range(size // MB):
            entry.write(chunk)


def odt_deflate_bomb():
    """An ODT whose ``mimetype`` entry unpacks to 300 MB of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        write_zeros(archive, "mimetype", 300 * MB)
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def docx_bzip2_bomb():
    """A DOCX whose parts are compressed with bzip2, which its format does not allow (and
    which zipfile unpacks without bounding its output)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_BZIP2) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        write_zeros(archive, "word/media/zeros.bin", 20 * MB, zipfile.ZIP_BZIP2)
    return buffer.getvalue()


def nested_bomb():
    """A DOCX holding a ZIP whose one entry unpacks to 300 MB (each level looks small)."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        write_zeros(archive, "zeros.bin", 300 * MB)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/embeddings/package.zip", inner.getvalue())
    return buffer.getvalue()


def deeply_nested():
    """Archives inside an archive inside the upload (42.zip's shape, kept small)."""
    level = io.BytesIO()
    with zipfile.ZipFile(level, "w") as archive:
        archive.writestr("a.txt", "a" * 100)
    for _ in range(3):
        outer = io.BytesIO()
        with zipfile.ZipFile(outer, "w") as archive:
            for number in range(4):
                archive.writestr(f"{number}.zip", level.getvalue())
        level = outer
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/embeddings/nested.zip", level.getvalue())
    return buffer.getvalue()


def many_entries():
    """A DOCX of 60,000 empty entries (a few MB, and a record each once parsed)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        for number in range(60_000):
            archive.writestr(f"x/{number}", b"")
    return buffer.getvalue()


def huge_declared_size():
    """An ODT whose ``mimetype`` entry declares 4 GB in the central directory."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    content = bytearray(buffer.getvalue())
    directory = content.index(b"PK\x01\x02")
    content[directory + 24 : directory + 28] = struct.pack("<I", 0xFFFFFFF0)
    return bytes(content)


# Images -------------------------------------------------------------------------------------


def png_chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png_of(width, height, frames=None):
    """A valid one-bit PNG of ``width`` x ``height`` black pixels (a few KB compressed);
    with ``frames``, an APNG declaring that many frames (the default image counting as one)."""
    rows = height * (1 + (width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(
        compressor.compress(bytes(min(MB, rows - done))) for done in range(0, rows, MB)
    )
    data += compressor.flush()
    chunks = [png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))]
    if frames:
        chunks.append(png_chunk(b"acTL", struct.pack(">II", frames, 0)))
        chunks.append(
            png_chunk(b"fcTL", struct.pack(">IIIIIHHBB", 0, width, height, 0, 0, 1, 10, 0, 0))
        )
    chunks.append(png_chunk(b"IDAT", data))
    chunks.append(png_chunk(b"IEND", b""))
    return b"\x89PNG\r\n\x1a\n" + b"".join(chunks)


def gif_of(width, height, frames=1):
    """A GIF of ``width`` x ``height`` with ``frames`` frames, each a few bytes of LZW."""
    header = (
        b"GIF89a" + struct.pack("<HHBBB", width, height, 0x80, 0, 0) + b"\x00" * 3 + b"\xff" * 3
    )
    frame = (
        b"\x21\xf9\x04\x00\x0a\x00\x00\x00"  # graphic control: 0.1 s
        + b"\x2c"
        + struct.pack("<HHHHB", 0, 0, width, height, 0)
        + b"\x02\x02\x4c\x01\x00"  # LZW: clear, a pixel, end
    )
    loop = b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00" if frames > 1 else b""
    return header + loop + frame * frames + b"\x3b"


def riff_chunk(kind, data):
    return kind + struct.pack("<I", len(data)) + data + (b"\x00" if len(data) % 2 else b"")


def uint24(value):
    return struct.pack("<I", value)[:3]


def webp_of(width, height, frames=1):
    """An animated WebP: a canvas of ``width`` x ``height`` (up to 2**24 each) and ``frames``
    frames of one pixel each, made from a real one-pixel lossless WebP."""
    pixel = io.BytesIO()
    Image.new("RGB", (1, 1), "teal").save(pixel, "WEBP", lossless=True)
    vp8l = pixel.getvalue()[12:]  # the VP8L chunk, after "RIFF", its size and "WEBP"
    frame = riff_chunk(
        b"ANMF", uint24(0) + uint24(0) + uint24(0) + uint24(0) + uint24(100) + b"\x00" + vp8l
    )
    body = (
        b"WEBP"
        + riff_chunk(b"VP8X", b"\x02\x00\x00\x00" + uint24(width - 1) + uint24(height - 1))
        + riff_chunk(b"ANIM", b"\x00\x00\x00\x00\x00\x00")
        + frame * frames
    )
    return b"RIFF" + struct.pack("<I", len(body)) + body


BOMBS = {
    "deflate": ("report.odt", odt_deflate_bomb, "once unpacked"),
    "bzip2": ("report.docx", docx_bzip2_bomb, "compression method"),
    "nested": ("report.docx", nested_bomb, "once unpacked"),
    "deeply nested": ("report.docx", deeply_nested, "archives inside archives"),
    "many entries": ("report.docx", many_entries, "more than 2000 files"),
    "huge declared size": ("report.odt", huge_declared_size, "once unpacked"),
    "png 100 Mpx": ("photo.png", lambda: png_of(10_000, 10_000), "100.0 million pixels"),
    "png 400 Mpx": ("photo.png", lambda: png_of(20_000, 20_000), "too many pixels"),
    "gif 65535 x 65535": ("photo.gif", lambda: gif_of(65535, 65535), "too many pixels"),
    "webp 12000 x 12000": ("photo.webp", lambda: webp_of(12000, 12000), "144.0 million"),
    "webp 100000 x 100000": ("photo.webp", lambda: webp_of(100_000, 100_000), "too many pixels"),
    "animated webp": ("photo.webp", lambda: webp_of(3000, 3000, frames=5), "45.0 million"),
    "animated gif": ("photo.gif", lambda: gif_of(2000, 2000, frames=12), "48.0 million"),
    "png of countless frames": ("photo.png", lambda: png_of(10, 10, frames=10**9), "1000 frames"),
    "animated png": ("photo.png", lambda: png_of(2000, 2000, frames=800), "3200.0 million"),
}


@pytest.mark.parametrize("shape", BOMBS)
def test_a_bomb_is_refused_quickly_in_little_memory(tmp_path, shape):
    name, build, expected = BOMBS[shape]
    result = check_in_subprocess(tmp_path, name, build())
    assert result["outcome"] == "refused", result
    assert expected in result["message"]
    assert result["seconds"] < MAX_SECONDS, result
    assert result["peak_bytes"] < MAX_PEAK_BYTES, result
    print(shape, result)


def test_countless_tiny_gif_frames_are_refused_quickly(tmp_path):
    """A 1 x 1 GIF of some 430,000 frames (under 10 MB, few pixels, much work)."""
    content = gif_of(1, 1, frames=430_000)
    assert len(content) < 10 * MB
    result = check_in_subprocess(tmp_path, "photo.gif", content)
    assert result["outcome"] == "refused", result
    assert "more than 1000 frames" in result["message"]
    assert result["seconds"] < MAX_SECONDS, result
    assert result["peak_bytes"] < MAX_PEAK_BYTES, result


# What is fine stays fine --------------------------------------------------------------------


def test_ordinary_files_pass(settings):
    small_png = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(small_png, "PNG")
    odt = io.BytesIO()
    with zipfile.ZipFile(odt, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>" * 1000)
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>" * 1000)
    for name, content, kind in (
        ("photo.png", small_png.getvalue(), PNG),
        ("report.odt", odt.getvalue(), ODT),
        ("report.docx", docx.getvalue(), DOCX),
    ):
        checked = check_upload(SimpleUploadedFile(name, content), max_bytes=10 * MB)
        assert checked.kind == kind


def test_animated_images_pass_under_the_limits_and_every_frame_counts(settings):
    frames = [Image.new("RGB", (30, 20), (number * 20, 0, 0)) for number in range(12)]
    animated = io.BytesIO()
    frames[0].save(animated, "GIF", save_all=True, append_images=frames[1:], duration=100)
    with Image.open(io.BytesIO(animated.getvalue())) as image:
        assert image.n_frames == 12
    assert _gif_frame_count(animated.getvalue(), 1000) == 12
    assert _gif_frame_count(gif_of(5, 5, frames=7), 1000) == 7
    checked = check_upload(SimpleUploadedFile("a.gif", animated.getvalue()), max_bytes=MB)
    assert checked.kind == GIF
    assert (
        check_upload(SimpleUploadedFile("a.webp", webp_of(30, 20, 3)), max_bytes=MB).kind == WEBP
    )
    settings.CAPACITY_LMS_UPLOAD_MAX_IMAGE_FRAMES = 11
    with pytest.raises(UploadRefused, match="more than 11 frames"):
        check_upload(SimpleUploadedFile("a.gif", animated.getvalue()), max_bytes=MB)
    settings.CAPACITY_LMS_UPLOAD_MAX_IMAGE_FRAMES = 1000
    settings.CAPACITY_LMS_UPLOAD_MAX_IMAGE_PIXELS = 30 * 20 * 12 - 1
    with pytest.raises(UploadRefused, match="all its frames together"):
        check_upload(SimpleUploadedFile("a.gif", animated.getvalue()), max_bytes=MB)


def test_an_image_just_under_the_setting_passes_and_one_over_it_is_refused(settings):
    settings.CAPACITY_LMS_UPLOAD_MAX_IMAGE_PIXELS = 1_000_000
    ok = SimpleUploadedFile("photo.png", png_of(1000, 1000))
    assert check_upload(ok, max_bytes=10 * MB).kind == PNG
    too_big = SimpleUploadedFile("photo.png", png_of(1000, 1001))
    with pytest.raises(UploadRefused, match=r"1\.0 million pixels"):
        check_upload(too_big, max_bytes=10 * MB)


def test_an_archive_entry_is_read_only_as_far_as_asked():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        write_zeros(archive, "zeros.bin", 20 * MB)
    limits = UploadLimits(
        max_image_pixels=1,
        max_image_frames=1,
        max_archive_entries=10,
        max_archive_entry_bytes=30 * MB,
        max_archive_total_bytes=30 * MB,
    )
    archive = open_archive(buffer, "zeros.zip", limits)
    assert archive.read("zeros.bin", 100) == bytes(100)
    assert archive.read("missing", 100) is None
    archive.close()
