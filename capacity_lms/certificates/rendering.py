"""Certificates as PDF: an HTML template rendered by WeasyPrint, stored once.

The template (``capacity_lms/certificates/pdf.html``, with its ``pdf.css``) is the host's to
override like any other. Arabic is shaped by Pango/HarfBuzz in WeasyPrint from the Amiri font
of the ``fontpkg-amiri`` package (``@font-face`` on the file it installs), so a certificate
looks the same on every machine and its text stays searchable. The QR code is an SVG drawn by
segno; the signed payload is attached to the PDF as ``certificate.jws``.

Rendering fetches nothing from the network: only ``data:`` and ``file:`` URLs are allowed.
"""

import segno
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from capacity_lms.certificates.codes import new_code
from capacity_lms.certificates.models import Certificate, CertificateEvent, CertificateSettings
from capacity_lms.pdf import FONT_FAMILY, font_faces, html_to_pdf

JWS_ATTACHMENT = "certificate.jws"


def qr_data_uri(url):
    return segno.make(url, error="m").svg_data_uri(scale=4, border=2, dark="#111")


def certificate_settings():
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        return CertificateSettings()
    return CertificateSettings.for_site(site)


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
            (JWS_ATTACHMENT, certificate.signed_payload, "Ed25519 JWS of this certificate")
        ],
        identifier=certificate.code.encode("ascii"),
    )


def ensure_pdf(certificate):
    """Render and store the PDF unless it already is; returns the certificate.

    Two workers rendering the same certificate at once both write a file, but only the first
    to set ``pdf`` on the row keeps theirs (a conditional update); the other deletes its own.
    """
    if certificate.pdf:
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
    return certificate
