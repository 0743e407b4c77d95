"""The PDF: real WeasyPrint output read back with pdftotext, its QR code decoded from pixels."""

import io
import shutil
import subprocess

import pypdf
import pytest
import zxingcpp
from PIL import Image

from capacity_lms.certificates.models import CertificateEvent
from capacity_lms.certificates.rendering import JWS_ATTACHMENT, ensure_pdf
from capacity_lms.certificates.signing import verify
from tests.integration.certificates.conftest import ARABIC_NAME

pytestmark = pytest.mark.django_db


def pdf_bytes(certificate):
    with certificate.pdf.open("rb") as file:
        return file.read()


def poppler(*args, **kwargs):
    """Run a poppler-utils tool (fixed executable, our own files)."""
    command = [shutil.which(args[0]), *args[1:]]
    return subprocess.run(command, capture_output=True, check=True, **kwargs)  # noqa: S603


def pdftotext(data):
    return poppler("pdftotext", "-layout", "-", "-", input=data).stdout.decode("utf-8")


def test_arabic_and_french_certificate_reads_back_in_logical_order(certificate):
    text = pdftotext(pdf_bytes(certificate))
    # pdftotext gives the Arabic in logical (reading) order when WeasyPrint shaped it right:
    # a reversed or unshaped run would not match these strings.
    assert ARABIC_NAME in text
    assert "Ingénierie de projet : les fondations" in text
    # Each block speaks its own language (from the catalogues), whatever the reader's.
    assert "شهادة" in text and "نشهد بإتمام" in text
    assert "Attestation" in text and "Nous attestons que" in text
    assert "This certifies" not in text
    assert "Fatima Zahra El Idrissi" in text
    assert certificate.reference in text
    # Arabic leads: its block comes before the French one.
    assert text.index(ARABIC_NAME) < text.index("Fatima Zahra El Idrissi")


def test_the_font_comes_from_the_python_package(certificate):
    fonts = poppler("pdffonts", "-", input=pdf_bytes(certificate)).stdout.decode()
    assert "Amiri" in fonts
    assert "DejaVu" not in fonts and "Noto" not in fonts  # no system fallback used


def test_the_qr_code_decodes_to_the_verification_url(certificate, tmp_path):
    (tmp_path / "certificate.pdf").write_bytes(pdf_bytes(certificate))
    poppler(
        "pdftoppm", "-r", "150", "-png", "-singlefile", "certificate.pdf", "page", cwd=tmp_path
    )
    found = zxingcpp.read_barcodes(Image.open(tmp_path / "page.png"))
    texts = [barcode.text for barcode in found if barcode.format == zxingcpp.BarcodeFormat.QRCode]
    assert texts == [certificate.verification_url()]
    assert certificate.verification_url().endswith(
        f"/ar/learning/certificates/verify/{certificate.code}/"
    )


def test_the_signed_payload_is_attached_and_verifies(certificate):
    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes(certificate)))
    attached = reader.attachments[JWS_ATTACHMENT][0].decode("ascii")
    assert attached == certificate.signed_payload
    payload = verify(attached).payload
    assert payload["holder"]["ar"] == ARABIC_NAME
    assert payload["code"] == certificate.code


def test_rendered_once_and_stored(certificate):
    name = certificate.pdf.name
    assert name and certificate.pdf.storage.exists(name)
    ensure_pdf(certificate)
    certificate.refresh_from_db()
    assert certificate.pdf.name == name
    assert certificate.events.filter(kind=CertificateEvent.Kind.RENDERED).count() == 1
