"""An application's documents: the association attaches and removes them, and whoever may
read them downloads them.

Attaching and removing look the application up among those of the person's associations (a
404 for anybody else's), then run the action of ``calls/documents.py``, which decides. The
download serves a file of private storage to those :func:`~capacity_lms.calls.documents.
may_read_documents` lets in, always as an attachment the browser never renders; everybody
else, a conflicted reviewer first, gets the 404 of a file that does not exist.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from capacity_lms.calls import application_forms as forms
from capacity_lms.calls.applications import association_applications, can_edit
from capacity_lms.calls.document_models import ApplicationDocument
from capacity_lms.calls.documents import (
    RemoveDocument,
    UploadDocument,
    documents_of,
    max_document_bytes,
    may_read_documents,
    may_upload,
    missing_required,
    open_requests,
)
from capacity_lms.core.actions import ActionRefused, show_refusal

TEMPLATES = "capacity_lms/calls/applications/"


def _application(request, pk):
    return get_object_or_404(association_applications(request.user), pk=pk)


def documents_context(user, application):
    """What the association's pages show of the documents: those attached, the call's
    required documents still missing, staff's open requests, and whether it may attach."""
    documents = list(documents_of(application))
    return {
        "documents": documents,
        "missing_documents": missing_required(application, documents),
        "open_requests": open_requests(application),
        "may_upload": may_upload(user, application),
        "documents_editable": can_edit(user, application),
    }


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def upload(request, pk):
    """The form that attaches a document; a file refused comes back with why, nothing kept."""
    application = _application(request, pk)
    call = application.call.canonical()
    form = forms.DocumentUploadForm(
        request.POST or None,
        request.FILES or None,
        call=call,
        max_bytes=max_document_bytes(),
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                UploadDocument(
                    application,
                    user=request.user,
                    upload=form.cleaned_data["file"],
                    title=form.cleaned_data["title"],
                    required_document=form.cleaned_data["required_document"],
                ).execute()
            except ActionRefused as refused:
                for message in refused.messages:
                    form.add_error("file" if refused.code == "upload" else None, message)
            else:
                messages.success(request, _("The document is attached."))
                return redirect("capacity_lms:application_edit", pk=application.pk)
    context = {
        "application": application,
        "project": application.project,
        "call": call,
        "editable": can_edit(request.user, application),
        "form": form,
        **documents_context(request.user, application),
    }
    return TemplateResponse(request, TEMPLATES + "document_upload.html", context, status=status)


@login_required
@require_POST
def remove(request, pk, document_pk):
    application = _application(request, pk)
    document = get_object_or_404(ApplicationDocument, pk=document_pk, application=application)
    document.application = application
    try:
        RemoveDocument(document, user=request.user).execute()
    except ActionRefused as refused:
        show_refusal(request, refused)
    else:
        messages.success(request, _("The document is removed."))
    return redirect("capacity_lms:application_edit", pk=application.pk)


@require_safe
def download(request, pk, document_pk):
    """The file, for those who may read the application's documents; a 404 for anyone else."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    document = (
        ApplicationDocument.objects.select_related("application__call")
        .filter(pk=document_pk, application_id=pk)
        .first()
    )
    if document is None or not may_read_documents(request.user, document.application):
        raise Http404
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type or "application/octet-stream",
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response
