"""The demo applications' documents: a small real PDF for each of the call's required documents
(drafts get the first only, so that the association sees what is still missing), rendered by
the project's WeasyPrint helper once per document and reused. A draft's files go through the
association's own action (the one upload check included); those of last year's decided call,
long past its draft, are written as the rows they would be."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape
from django.utils.text import slugify

_rendered = {}


def demo_pdf(title):
    """A one-page PDF titled ``title`` (rendered once per title)."""
    from capacity_lms.core.pdf import html_to_pdf

    if title not in _rendered:
        _rendered[title] = html_to_pdf(
            "<html lang='en'><body style='font-family: Amiri, serif'>"
            f"<h1>{escape(title)}</h1><p>Demo document of the sandbox.</p></body></html>"
        )
    return _rendered[title]


def _required(application):
    return list(application.call.canonical().required_documents.all())


def attach_to_draft(application, author, *, complete=True):
    """The required documents attached to a draft, as ``author`` (a member) would."""
    from capacity_lms.calls.documents import UploadDocument

    required = _required(application)
    for document in required if complete else required[:1]:
        upload = SimpleUploadedFile(
            f"{slugify(document.name) or 'document'}.pdf", demo_pdf(document.name)
        )
        UploadDocument(
            application, user=author, upload=upload, required_document=document
        ).execute()


def attach_to_decided(application, author):
    """The required documents of an application long past its draft, written directly."""
    from capacity_lms.calls.document_models import ApplicationDocument

    for document in _required(application):
        content = demo_pdf(document.name)
        name = f"{slugify(document.name) or 'document'}.pdf"
        row = ApplicationDocument(
            application=application,
            required_document=document,
            title=document.name,
            original_name=name,
            size=len(content),
            kind="pdf",
            content_type="application/pdf",
            uploaded_by=author,
        )
        row.file.save(name, SimpleUploadedFile(name, content), save=False)
        row.save()
