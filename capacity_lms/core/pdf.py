"""PDFs from HTML with WeasyPrint, the same way everywhere (certificates, case studies).

The font is Amiri from the ``fontpkg-amiri`` package (Arabic and Latin), found through
``@font-face`` on the installed file, so a PDF looks the same on every machine and its Arabic is
shaped by HarfBuzz. Rendering fetches nothing from the network: only ``data:`` and ``file:``
URLs are allowed (images are passed as files or data URIs).
"""

import fontpkg

FONT_FAMILY = "Amiri"


def font_faces():
    """``[(weight, file URI)]`` of the PDF font, from the installed font package."""
    return [(weight, fontpkg.path(FONT_FAMILY, weight=weight).as_uri()) for weight in (400, 700)]


def html_to_pdf(html, attachments=(), identifier=None):
    """The PDF bytes of ``html``; ``attachments`` are ``(name, text, description)`` triples."""
    from weasyprint import HTML, Attachment
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols=["data", "file"])
    files = [
        Attachment(string=text, name=name, description=description)
        for name, text, description in attachments
    ]
    options = {"pdf_identifier": identifier} if identifier else {}
    return HTML(string=html, url_fetcher=fetcher).write_pdf(attachments=files, **options)
