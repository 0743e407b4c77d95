"""A workbook out and back in: its logical framework and budget as XLSX, the file uploaded
again, and the whole workbook as a PDF.

Those who may read a workbook (``exports.readable_workbooks``: its association's members
enrolled in the module, the module's trainers, staff holding "view deliverable") download
both files; only its members upload, while the steps the file covers may be edited
(``importing.py``). Anybody else is told the workbook does not exist. Every answer is
personal: ``never_cache`` in ``urls.py``. A PDF is rendered on each request (the work changes
with every save, and nothing personal is kept in a shared cache), so renders are counted by
the ``workbook_pdf`` rate limit.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from capacity_lms.core import ratelimit
from capacity_lms.core.actions import ActionRefused
from capacity_lms.core.spreadsheets import XLSX_CONTENT_TYPE
from capacity_lms.projects.logframe_xlsx import (
    ProjectFileRefused,
    read_project_xlsx,
    write_project_xlsx,
)
from capacity_lms.workbook import access
from capacity_lms.workbook.exports import readable_workbooks, render_workbook_pdf
from capacity_lms.workbook.importing import ImportProjectFile, importable
from capacity_lms.workbook.models import Workbook

TEMPLATES = "capacity_lms/workbook/"


class ProjectFileForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Workbook file (XLSX)"),
        help_text=gettext_lazy("The file downloaded from this page, filled in."),
    )


def _workbook(queryset, pk):
    return get_object_or_404(queryset.select_related("association", "project"), pk=pk)


def _file_name(workbook, extension):
    return f"{slugify(workbook.project.title) or 'workbook'}-{workbook.pk}.{extension}"


@login_required
@require_GET
def workbook_xlsx(request, pk):
    """The logical framework and the budget as XLSX, with the figures the server computed."""
    workbook = _workbook(readable_workbooks(request.user), pk)
    project = workbook.project
    response = HttpResponse(
        write_project_xlsx(project, project.currency, {}), content_type=XLSX_CONTENT_TYPE
    )
    response["Content-Disposition"] = content_disposition_header(
        True, _file_name(workbook, "xlsx")
    )
    return response


@login_required
@require_http_methods(["GET", "POST"])
def workbook_import(request, pk):
    """Upload the filled-in file: it replaces the logical framework and the budget, whole,
    or nothing."""
    workable = Workbook.objects.filter(pk__in=access.workable_workbooks(request.user).values("pk"))
    workbook = _workbook(workable, pk)
    status, file_problems = 200, []
    form = ProjectFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        status = 400
        if importable(workbook) and form.is_valid():
            try:
                project_file = read_project_xlsx(form.cleaned_data["file"])
                ImportProjectFile(workbook, user=request.user, project_file=project_file).execute()
            except ProjectFileRefused as refused:
                file_problems = [str(problem) for problem in refused.problems]
            except ActionRefused as refused:
                file_problems = [str(message) for message in refused.messages]
            else:
                messages.success(
                    request,
                    _(
                        "The file was read: the logical framework and the budget are "
                        "replaced. Each step it changed keeps a version."
                    ),
                )
                return HttpResponseRedirect(reverse("capacity_lms:workbooks"))
            form.add_error("file", _("The file was not read: nothing was changed."))
    context = {
        "workbook": workbook,
        "project": workbook.project,
        "form": form,
        "file_problems": file_problems,
        "importable": importable(workbook),
    }
    return TemplateResponse(request, TEMPLATES + "import.html", context, status=status)


@login_required
@require_GET
def workbook_pdf(request, pk):
    """The whole workbook: every step's latest version, in the reader's language."""
    workbook = _workbook(readable_workbooks(request.user), pk)
    wait = ratelimit.hit(request, "workbook_pdf")
    if wait:
        return ratelimit.too_many_requests(request, wait)
    response = HttpResponse(render_workbook_pdf(workbook, request), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        False, _file_name(workbook, "pdf")
    )
    return response
