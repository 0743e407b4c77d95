"""Programme staff's side of the follow-up of funded projects, in the Wagtail admin.

*Funded projects* lists every funded application with where its agreement, tranches and
reports stand (late reports first). A project's page records the agreement (when none yet),
releases the next tranche, and links each report; a report's page shows what the association
filed against the logical framework's targets and approves it or returns it with a reason, and
turns an approved final report into a case-study draft. Every button runs one action; what an
action refuses comes back as a message and nothing is written. Only those who may change
project reports (programme staff) reach any of it; anyone else gets 404.
"""

from django import forms
from django.contrib import messages
from django.db.models import Count, Min, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin.menu import MenuItem

from capacity_lms.calls.capitalisation import DraftCaseStudyAction
from capacity_lms.calls.followup import (
    LARGEST,
    RecordAgreementAction,
    ReleaseTrancheAction,
    ReviewReportAction,
    days_late,
    is_programme_staff,
)
from capacity_lms.calls.followup_models import ProjectReport, Tranche
from capacity_lms.calls.models import Application
from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused

app_name = "capacity_calls_followup"
# How many tranches and reports the agreement form offers.
ROWS = 4


def refuse_unless_staff(request):
    if not is_programme_staff(request.user):
        raise Http404


def funded():
    return Application.objects.filter(status=Application.Status.FUNDED)


@require_http_methods(["GET", "HEAD"])
def index(request):
    refuse_unless_staff(request)
    today = clock.today()
    waiting = Q(reports__status__in=["due", "returned"])
    applications = (
        funded()
        .select_related("call__locale", "project", "association", "agreement")
        .annotate(
            late=Count("reports", filter=waiting & Q(reports__due_on__lt=today)),
            to_review=Count("reports", filter=Q(reports__status="submitted")),
            next_due=Min("reports__due_on", filter=waiting),
        )
        .order_by("-late", "-to_review", "next_due", "project__title")
    )
    return TemplateResponse(
        request,
        "capacity_lms/calls/admin/followup_index.html",
        {"applications": applications},
    )


class AgreementForm(forms.Form):
    amount = forms.DecimalField(
        label=gettext_lazy("Amount agreed"), min_value=0, max_value=LARGEST, decimal_places=2
    )
    signed_on = forms.DateField(
        label=gettext_lazy("Signed on"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number in range(1, ROWS + 1):
            self.fields[f"tranche_{number}_amount"] = forms.DecimalField(
                label=_("Tranche %(number)s: amount") % {"number": number},
                min_value=0,
                max_value=LARGEST,
                decimal_places=2,
                required=number == 1,
            )
            self.fields[f"tranche_{number}_date"] = forms.DateField(
                label=_("Tranche %(number)s: planned on") % {"number": number},
                widget=forms.DateInput(attrs={"type": "date"}),
                required=number == 1,
            )
        for number in range(1, ROWS + 1):
            self.fields[f"report_{number}_kind"] = forms.ChoiceField(
                label=_("Report %(number)s: kind") % {"number": number},
                choices=[("", "–"), *ProjectReport.Kind.choices],
                required=number == 1,
            )
            self.fields[f"report_{number}_date"] = forms.DateField(
                label=_("Report %(number)s: due on") % {"number": number},
                widget=forms.DateInput(attrs={"type": "date"}),
                required=number == 1,
            )

    ROW_FIELDS = (("tranche", "amount", "date"), ("report", "kind", "date"))

    def clean(self):
        data = super().clean()
        for name, first, second in self.ROW_FIELDS:
            for number in range(1, ROWS + 1):
                has_first = data.get(f"{name}_{number}_{first}") not in (None, "")
                has_second = data.get(f"{name}_{number}_{second}") is not None
                if has_first != has_second:
                    missing = second if has_first else first
                    self.add_error(f"{name}_{number}_{missing}", _("Give both, or neither."))
        return data

    def rows(self, name):
        """The filled rows of ``name`` ("tranche" or "report"), as the action takes them."""
        first, second = {"tranche": ("amount", "date"), "report": ("kind", "date")}[name]
        data = self.cleaned_data
        return [
            (data[f"{name}_{n}_{first}"], data[f"{name}_{n}_{second}"])
            for n in range(1, ROWS + 1)
            if data.get(f"{name}_{n}_{first}") not in (None, "")
            and data.get(f"{name}_{n}_{second}") is not None
        ]


def application_for(pk):
    return get_object_or_404(
        funded().select_related("call__locale", "project", "association", "decision"), pk=pk
    )


@require_http_methods(["GET", "HEAD", "POST"])
def project(request, pk):
    """A funded project: its agreement (or the form to record it), tranches and reports."""
    refuse_unless_staff(request)
    application = application_for(pk)
    agreement = getattr(application, "agreement", None)
    form = None
    if agreement is None:
        form = AgreementForm(
            request.POST or None,
            initial={"amount": application.decision.amount, "signed_on": clock.today()},
        )
        if request.method == "POST" and form.is_valid():
            try:
                RecordAgreementAction(
                    application,
                    user=request.user,
                    amount=form.cleaned_data["amount"],
                    signed_on=form.cleaned_data["signed_on"],
                    tranches=form.rows("tranche"),
                    reports=form.rows("report"),
                ).execute()
            except ActionRefused as refusal:
                for message in refusal.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("The agreement is recorded."))
                return redirect(f"{app_name}:project", application.pk)
    elif request.method == "POST":
        raise Http404
    reports = list(application.reports.order_by("number"))
    for report in reports:
        report.days_late = days_late(report)
    tranches = list(agreement.tranches.order_by("number")) if agreement else []
    return TemplateResponse(
        request,
        "capacity_lms/calls/admin/followup_project.html",
        {
            "application": application,
            "agreement": agreement,
            "tranches": tranches,
            "reports": reports,
            "form": form,
        },
    )


@require_POST
def release(request, pk):
    refuse_unless_staff(request)
    tranche = get_object_or_404(
        Tranche.objects.select_related("agreement__application__call"), pk=pk
    )
    try:
        ReleaseTrancheAction(tranche, user=request.user).execute()
    except ActionRefused as refusal:
        for message in refusal.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("Tranche %(number)s is released.") % {"number": tranche.number}
        )
    return redirect(f"{app_name}:project", tranche.agreement.application_id)


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=[
            ("approve", gettext_lazy("Approve the report")),
            ("return", gettext_lazy("Return it for changes")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=gettext_lazy("What needs to change (told to the association)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=20_000,
    )


def report_for(pk):
    return get_object_or_404(
        ProjectReport.objects.select_related(
            "application__call", "application__project", "application__association"
        ).filter(application__in=funded()),
        pk=pk,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def report(request, pk):
    """A report as filed, against the targets; approve it or return it."""
    refuse_unless_staff(request)
    report = report_for(pk)
    form = None
    if report.status == ProjectReport.Status.SUBMITTED:
        form = ReviewForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                ReviewReportAction(
                    report,
                    user=request.user,
                    approve=form.cleaned_data["decision"] == "approve",
                    reason=form.cleaned_data["reason"],
                ).execute()
            except ActionRefused as refusal:
                for message in refusal.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("The association is told."))
                return redirect(f"{app_name}:project", report.application_id)
    elif request.method == "POST":
        raise Http404
    values = {value.indicator_id: value for value in report.indicator_values.all()}
    indicators = [
        (indicator, values.get(indicator.pk))
        for indicator in report.application.project.indicators.all()
    ]
    spent = {item.budget_line_id: item.amount for item in report.spending.all()}
    lines = [(line, spent.get(line.pk)) for line in report.application.project.budget_lines.all()]
    return TemplateResponse(
        request,
        "capacity_lms/calls/admin/followup_report.html",
        {
            "report": report,
            "form": form,
            "indicators": indicators,
            "lines": lines,
            "may_draft": report.kind == "final"
            and report.status == "approved"
            and report.case_study_id is None,
        },
    )


@require_POST
def draft_case_study(request, pk):
    refuse_unless_staff(request)
    report = report_for(pk)
    try:
        page = DraftCaseStudyAction(report, user=request.user).execute()
    except ActionRefused as refusal:
        for message in refusal.messages:
            messages.error(request, message)
        return redirect(f"{app_name}:report", report.pk)
    messages.success(request, _("The case-study draft is ready for the library's editors."))
    return redirect("wagtailadmin_pages:edit", page.pk)


def admin_urls():
    patterns = [
        path("", index, name="index"),
        path("<int:pk>/", project, name="project"),
        path("tranches/<int:pk>/release/", release, name="release"),
        path("reports/<int:pk>/", report, name="report"),
        path("reports/<int:pk>/case-study/", draft_case_study, name="case_study"),
    ]
    return [path("funded-projects/", include((patterns, app_name), namespace=app_name))]


class FundedProjectsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_programme_staff(request.user)


def menu_item():
    return FundedProjectsMenuItem(
        _("Funded projects"),
        reverse(f"{app_name}:index"),
        icon_name="folder-open-inverse",
        order=260,
    )
