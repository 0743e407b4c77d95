"""Certificates as PDF: an HTML template rendered by WeasyPrint, stored once.

The template (``capacity_lms/certificates/pdf.html``, with its ``pdf.css``) is the host's to
override like any other. Arabic is shaped by Pango/HarfBuzz in WeasyPrint from the Amiri font
of the ``fontpkg-amiri`` package (``@font-face`` on the file it installs), so a certificate
looks the same on every machine and its text stays searchable. The QR code is an SVG drawn by
segno; the signed payload is attached to the PDF as ``certificate.jws``, and the Open Badges 3.0
credential (``credentials.py``) as ``certificate.json``.

Rendering fetches nothing from the network: only ``data:`` and ``file:`` URLs are allowed.

The stored file is derived from the certificate's data, which stays the source: when storage
has lost it or cannot read it (a database restored without its media, an outage), whatever
serves it (the download, the e-mail) renders it again, logs a warning on the
``capacity_lms.certificates`` logger and puts it back under its name (:func:`pdf_content`).
"""

import logging
import time

import segno
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from capacity_lms.certificates.codes import new_code
from capacity_lms.certificates.credentials import open_badge, open_badge_json
from capacity_lms.certificates.models import Certificate, CertificateEvent, CertificateSettings
from capacity_lms.core.pdf import FONT_FAMILY, font_faces, html_to_pdf

JWS_ATTACHMENT = "certificate.jws"
CREDENTIAL_ATTACHMENT = "certificate.json"

logger = logging.getLogger("capacity_lms.certificates")


def qr_data_uri(url):
    return segno.make(url, error="m").svg_data_uri(scale=4, border=2, dark="#111")


def certificate_settings():
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        return CertificateSettings()
    # Not for_site(), which creates the row: rendering for a download (a GET) writes nothing.
    return CertificateSettings.objects.filter(site=site).first() or CertificateSettings(site=site)


def pdf_context(certificate):
    from capacity_lms.conf import programme_name

    options = certificate_settings()
    url = certificate.verification_url()
    leading = certificate.languages[0]
    return {
        "certificate": certificate,
        "lines": [
            {
                "language": code,
                "direction": "rtl" if translation.get_language_info(code)["bidi"] else "ltr",
                "holder": name,
                "title": title,
            }
            for code, name, title in certificate.lines()
        ],
        "leading_direction": "rtl" if translation.get_language_info(leading)["bidi"] else "ltr",
        "issuer": options.issuer or str(programme_name(leading)),
        "issuer_in_arabic": options.issuer_in_arabic,
        "signatory_name": options.signatory_name,
        "signatory_title": options.signatory_title,
        "verification_url": url,
        "qr": qr_data_uri(url),
        "font_family": FONT_FAMILY,
        "font_faces": font_faces(),
    }


def render_pdf(certificate):
    """The certificate's PDF as bytes (nothing stored)."""
    with translation.override(certificate.languages[0]):
        html = render_to_string("capacity_lms/certificates/pdf.html", pdf_context(certificate))
    return html_to_pdf(
        html,
        attachments=[
            (JWS_ATTACHMENT, certificate.signed_payload, "Ed25519 JWS of this certificate"),
            (
                CREDENTIAL_ATTACHMENT,
                open_badge_json(certificate),
                "Open Badges 3.0 credential of this certificate",
            ),
        ],
        identifier=certificate.code.encode("ascii"),
    )


def ensure_pdf(certificate):
    """Render and store the PDF unless it already is; returns the certificate.

    Two workers rendering the same certificate at once both write a file, but only the first
    to set ``pdf`` on the row keeps theirs (a conditional update); the other deletes its own.
    """
    started = time.perf_counter()
    keep_open_badge(certificate)
    credential_seconds = time.perf_counter() - started
    if certificate.pdf:
        if not _stored(certificate):
            pdf_content(certificate)
        return certificate
    content = render_pdf(certificate)
    name = certificate.pdf.storage.save(
        certificate.pdf.field.generate_filename(certificate, f"{new_code()}.pdf"),
        ContentFile(content),
    )
    with transaction.atomic():
        won = Certificate.objects.filter(pk=certificate.pk, pdf="").update(pdf=name)
        if won:
            CertificateEvent.objects.create(
                certificate=certificate, kind=CertificateEvent.Kind.RENDERED
            )
    if not won:
        certificate.pdf.storage.delete(name)
    certificate.refresh_from_db(fields=["pdf"])
    seconds = time.perf_counter() - started
    # What the delivery costs a certificate, for whoever watches the workers (and the
    # benchmark, which reads these figures back from the record).
    logger.info(
        "Certificate %s rendered in %.1f ms, %.1f ms of it for its Open Badges credential.",
        certificate.reference,
        seconds * 1000,
        credential_seconds * 1000,
        extra={"rendering_seconds": seconds, "credential_seconds": credential_seconds},
    )
    return certificate


def keep_open_badge(certificate):
    """Build and keep the certificate's Open Badges credential unless it already is (the
    delivery task's work, beside the PDF; an erased certificate has none)."""
    if certificate.open_badge is not None or not certificate.signed_payload:
        return
    credential = open_badge(certificate)
    Certificate.objects.filter(pk=certificate.pk, open_badge__isnull=True).update(
        open_badge=credential
    )
    certificate.refresh_from_db(fields=["open_badge"])


def pdf_content(certificate):
    """The certificate's PDF as bytes, for a download or an e-mail. Writes no row.

    The stored file when storage gives it. When it is missing or unreadable, the PDF is
    rendered again from the certificate's data, logged, and stored again under its own name
    (the row keeps naming it). When none was ever stored (the delivery task has not run yet),
    it is rendered and not stored: naming a file on the row is that task's work
    (:func:`ensure_pdf`), not a reader's.
    """
    content = _read_stored(certificate)
    if content is not None:
        return content
    content = render_pdf(certificate)
    if certificate.pdf:
        _store_again(certificate, content)
    else:
        logger.info(
            "Certificate %s has no stored PDF yet; rendered it for a reader.",
            certificate.reference,
        )
    return content


def _stored(certificate):
    try:
        return certificate.pdf.storage.exists(certificate.pdf.name)
    except Exception:  # a storage that fails to answer has not got it for us
        return False


def _read_stored(certificate):
    """The stored file's bytes, or None when there is none or storage cannot give it."""
    if not certificate.pdf:
        return None
    try:
        with certificate.pdf.storage.open(certificate.pdf.name, "rb") as file:
            return file.read()
    except Exception:  # lost or unreadable, from any storage backend alike
        logger.warning(
            "Certificate %s: its stored PDF %s cannot be read; rendering it again.",
            certificate.reference,
            certificate.pdf.name,
            exc_info=True,
        )
        return None


def _store_again(certificate, content):
    """Put a re-rendered PDF back under the name the row gives, if storage lets us."""
    storage = certificate.pdf.storage
    name = certificate.pdf.name
    try:
        saved = storage.save(name, ContentFile(content))
    except Exception:  # an outage: the reader still gets the rendered PDF
        logger.warning(
            "Certificate %s: its PDF could not be stored again as %s.",
            certificate.reference,
            name,
            exc_info=True,
        )
        return
    if saved != name:
        # Something unreadable holds the name: keep no copy under another name, which no row
        # would ever name (the next reader renders again and the warning repeats).
        storage.delete(saved)
