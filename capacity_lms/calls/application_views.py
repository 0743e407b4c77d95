"""An association's members draft, submit and withdraw their application to a call.

Thin views: the rules are ``calls/applications.py``, every write an action of
``calls/actions.py`` or ``calls/drafting.py``. Every URL naming an application looks it up
among the applications of the associations the person is a member of: anybody else's is a
404, whoever asks. Totals are computed on the server each time they are shown (a total in a
POST is not read); the budget goes out and comes back as XLSX through the one upload check.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.models import Locale

from capacity_lms.calls import application_forms as forms
from capacity_lms.calls.actions import (
    ReopenApplication,
    SaveVersion,
    StartApplication,
    SubmitApplication,
    WithdrawApplication,
)
from capacity_lms.calls.applications import (
    association_applications,
    budget_problems,
    can_edit,
    can_submit,
    member_associations,
    project_budget,
    snapshot,
    submission_problems,
)
from capacity_lms.calls.capacity_record import capacity_record
from capacity_lms.calls.decisions import decision_for_association
from capacity_lms.calls.document_views import documents_context
from capacity_lms.calls.drafting import ReplaceBudget, SaveDraft, SaveLogframe
from capacity_lms.calls.models import ApplicationVersion
from capacity_lms.calls.pages import CallPage
from capacity_lms.core.actions import ActionRefused, perform, show_refusal
from capacity_lms.projects import budget, readout
from capacity_lms.projects import forms as project_forms
from capacity_lms.projects.budget_xlsx import BudgetFileRefused, read_budget, write_budget
from capacity_lms.projects.models import Project
from capacity_lms.workbook.access import accepted_workbooks

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEMPLATES = "capacity_lms/calls/applications/"


def _application(request, pk):
    """The application ``pk`` if one of the person's associations made it; else 404."""
    return get_object_or_404(association_applications(request.user), pk=pk)


def _edit_url(application):
    return redirect("capacity_lms:application_edit", pk=application.pk)


def _project(application):
    return Project.objects.prefetch_related(
        "budget_lines", "other_funders", "partners", "specific_objectives__results"
    ).get(pk=application.project_id)


def _common(request, application, project):
    """What every page of an application shows: its state, the computed budget, what the
    person may do, what stops a submission and, once the call is decided, the decision."""
    result = project_budget(project, application.call)
    editable = can_edit(request.user, application)
    return {
        "application": application,
        "call": application.call.canonical(),
        "project": project,
        "budget": result,
        "budget_problems": budget_problems(result, application.call),
        "editable": editable,
        "may_submit": can_submit(request.user, application),
        "call_open": application.call.is_open(),
        "problems": submission_problems(application) if editable else [],
        "current": None if editable else snapshot(application),
        "versions": application.versions.order_by("-number"),
        # The committee's decision, once the call is decided; None before.
        "decision": decision_for_association(application),
    }


@login_required
@require_POST
def start(request, call_pk):
    """Start (or find) the application of one of the person's associations to a call."""
    call = get_object_or_404(CallPage.objects.live(), pk=call_pk)
    form = forms.StartForm(request.POST)
    association = get_object_or_404(
        member_associations(request.user),
        pk=form.cleaned_data["association"] if form.is_valid() else None,
    )
    workbook = None
    if form.is_valid() and form.cleaned_data["workbook"]:
        workbook = get_object_or_404(
            accepted_workbooks(association), pk=form.cleaned_data["workbook"]
        )
    try:
        application = StartApplication(
            call, user=request.user, association=association, workbook=workbook
        ).execute()
    except ActionRefused as refused:
        show_refusal(request, refused)
        return redirect(call.url or "capacity_lms:application_mine")
    return _edit_url(application)


@login_required
@require_GET
def mine(request):
    """The applications of the person's associations, and the calls open to them now."""
    applications = association_applications(request.user).order_by("-call__year", "pk")
    associations = list(member_associations(request.user).order_by("name"))
    calls = CallPage.objects.live().filter(locale=Locale.get_active()).order_by("-year")
    open_calls = [call for call in calls if call.canonical().is_open()]
    return TemplateResponse(
        request,
        TEMPLATES + "mine.html",
        {"applications": applications, "associations": associations, "open_calls": open_calls},
    )


def _draft_forms(project, call, data=None, add=None):
    return {
        "sections": forms.SectionsForm(data, instance=project, prefix="sections"),
        **project_forms.budget_formsets(project, call.currency, data, add),
        "partners": project_forms.partner_formset(project, data, add),
    }


def _save_draft(request, application, bound):
    lines = [budget.BudgetLine(**row) for row in project_forms.kept(bound["lines"])]
    funding = bound["funding"].cleaned_data
    SaveDraft(
        application,
        user=request.user,
        sections={
            name: value
            for name, value in bound["sections"].cleaned_data.items()
            if name in forms.SECTION_FIELDS
        },
        lines=lines,
        requested=funding["requested_amount"],
        own_contribution=funding["own_contribution"],
        others=[(row["name"], row["amount"]) for row in project_forms.kept(bound["funders"])],
        partners=project_forms.kept(bound["partners"]),
    ).execute()


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    """The application's sections, budget and partners (GET); saving them (POST). Once it is
    no longer a draft, or the call has closed, the page shows it read-only."""
    application = _application(request, pk)
    project = _project(application)
    call = application.call.canonical()
    if request.method == "POST":
        add = request.POST.get(project_forms.ADD)
        bound = _draft_forms(Project.objects.get(pk=project.pk), call, request.POST, add)
        if add is not None:
            # "Add a row" without JavaScript: the page again, as typed, one row longer.
            return _render_edit(request, application, project, project_forms.not_judged(bound))
        if all(item.is_valid() for item in bound.values()):
            try:
                _save_draft(request, application, bound)
            except ActionRefused as refused:
                show_refusal(request, refused)
            else:
                if "save_version" in request.POST:
                    try:
                        version = SaveVersion(application, user=request.user).execute()
                    except ActionRefused as refused:
                        show_refusal(request, refused)
                    else:
                        messages.success(
                            request,
                            _("Saved, and kept as version %(number)s.")
                            % {"number": version.number},
                        )
                else:
                    messages.success(request, _("Your application is saved."))
                return _edit_url(application)
        return _render_edit(request, application, project, bound, status=400)
    return _render_edit(request, application, project, _draft_forms(project, call))


def _render_edit(request, application, project, draft_forms, status=200):
    context = {
        **_common(request, application, project),
        **draft_forms,
        **documents_context(request.user, application),
        "record": capacity_record(application),
    }
    context["forms"] = draft_forms
    return TemplateResponse(request, TEMPLATES + "edit.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def logframe(request, pk):
    """The logical framework: specific objectives, expected results (each naming its
    objective's number), activities, indicators and assumptions."""
    application = _application(request, pk)
    project = Project.objects.get(pk=application.project_id)
    if request.method == "POST":
        add = request.POST.get(project_forms.ADD)
        bound = project_forms.logframe_formsets(project, request.POST, add)
        if add is not None:
            # "Add a row" without JavaScript: the page again, as typed, one row longer.
            return _render_logframe(request, application, project, project_forms.not_judged(bound))
        if all(item.is_valid() for item in bound.values()):
            rows = {name: project_forms.kept(item) for name, item in bound.items()}
            try:
                SaveLogframe(
                    application,
                    user=request.user,
                    objectives=[row["text"] for row in rows["objectives"]],
                    results=[(row["objective"], row["text"]) for row in rows["results"]],
                    activities=[
                        (row["result"], row["text"], row["starts_on"], row["ends_on"])
                        for row in rows["activities"]
                    ],
                    indicators=rows["indicators"],
                    assumptions=[row["text"] for row in rows["assumptions"]],
                ).execute()
            except ActionRefused as refused:
                show_refusal(request, refused)
            else:
                messages.success(request, _("The logical framework is saved."))
                return redirect("capacity_lms:application_logframe", pk=application.pk)
        return _render_logframe(request, application, project, bound, status=400)
    return _render_logframe(
        request, application, project, project_forms.logframe_formsets(project)
    )


def _render_logframe(request, application, project, formsets, status=200):
    context = {**_common(request, application, project), "formsets": formsets}
    return TemplateResponse(request, TEMPLATES + "logframe.html", context, status=status)


@login_required
@require_GET
def budget_download(request, pk):
    """The budget as XLSX, with the figures the server computed."""
    application = _application(request, pk)
    project = _project(application)
    call = application.call.canonical()
    result = project_budget(project, call)
    content = write_budget(
        [item.line for item in result.lines],
        readout.funding(project),
        currency=call.currency,
        rates=call.rates_by_currency(),
    )
    response = HttpResponse(content, content_type=XLSX_TYPE)
    name = slugify(project.title) or "budget"
    response["Content-Disposition"] = f'attachment; filename="{name}-budget.xlsx"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def budget_upload(request, pk):
    """Upload a budget file: it replaces the lines and the funding whole, or nothing."""
    application = _application(request, pk)
    project = _project(application)
    status, file_problems = 200, []
    form = forms.BudgetUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                lines, funding = read_budget(form.cleaned_data["file"])
                ReplaceBudget(
                    application, user=request.user, lines=lines, funding=funding
                ).execute()
            except BudgetFileRefused as refused:
                file_problems = [str(problem) for problem in refused.problems]
            except ActionRefused as refused:
                file_problems = [str(message) for message in refused.messages]
            else:
                messages.success(request, _("The budget file was read; the budget is replaced."))
                return _edit_url(application)
            form.add_error("file", _("The file was not read: nothing was changed."))
    context = {
        **_common(request, application, project),
        "form": form,
        "file_problems": file_problems,
    }
    return TemplateResponse(request, TEMPLATES + "budget_upload.html", context, status=status)


@login_required
@require_POST
def submit(request, pk):
    application = _application(request, pk)
    perform(
        request,
        SubmitApplication(application, user=request.user),
        _("Your application is submitted."),
    )
    return _edit_url(application)


@login_required
@require_POST
def withdraw(request, pk):
    application = _application(request, pk)
    reason = request.POST.get("reason", "")[:2000]
    perform(
        request,
        WithdrawApplication(application, user=request.user, reason=reason),
        _("Your application is withdrawn."),
    )
    return _edit_url(application)


@login_required
@require_POST
def reopen(request, pk):
    application = _application(request, pk)
    perform(
        request,
        ReopenApplication(application, user=request.user),
        _("Your application is a draft again: correct it, then submit."),
    )
    return _edit_url(application)


@login_required
@require_GET
def version(request, pk, number):
    """A saved or submitted version, read-only, as it was frozen."""
    application = _application(request, pk)
    frozen = get_object_or_404(ApplicationVersion, application=application, number=number)
    return TemplateResponse(
        request,
        TEMPLATES + "version.html",
        {"application": application, "version": frozen, "snapshot": frozen.snapshot},
    )
