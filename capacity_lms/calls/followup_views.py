"""The association's side of the follow-up of its funded projects.

"My funded projects" lists, for each association the person belongs to, its funded projects
with the agreement, the tranches (released or planned) and the reports (due, late, submitted,
returned with the reason, approved). A report is filed by an admin of the association on its
own page: what was done, the value each indicator of the logical framework reached against its
target, and what was spent on each budget line. Anybody else asking for a report's URL gets 404.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from capacity_lms.calls.applications import is_admin_of
from capacity_lms.calls.decisions import announced
from capacity_lms.calls.followup import (
    LARGEST,
    TEXT_LIMIT,
    SubmitReportAction,
    days_late,
)
from capacity_lms.calls.followup_models import ProjectReport, Tranche
from capacity_lms.calls.models import Application
from capacity_lms.core.actions import ActionRefused
from capacity_lms.people.models import Membership

TEXTS = {
    "activities_done": gettext_lazy("What was done"),
    "success_factors": gettext_lazy("What made it work"),
    "difficulties": gettext_lazy("Difficulties, and what others should avoid"),
}


def funded_applications(user):
    """The funded applications of the associations ``user`` belongs to (none signed out),
    once the committee's session on their call is closed: a decision recorded while the
    committee still sits is not announced (``calls/decisions.py``)."""
    if not user.is_authenticated:
        return Application.objects.none()
    associations = Membership.objects.filter(user=user).values("association")
    return Application.objects.filter(
        association__in=associations, status=Application.Status.FUNDED
    ).filter(announced())


@login_required
@require_GET
def my_projects(request):
    applications = (
        funded_applications(request.user)
        .select_related("call", "project", "association", "agreement", "decision")
        .prefetch_related(
            Prefetch("reports", queryset=ProjectReport.objects.order_by("number")),
            Prefetch("agreement__tranches", queryset=Tranche.objects.order_by("number")),
        )
        .order_by("-call__year", "project__title")
    )
    led = set(
        Membership.objects.leaders()
        .filter(user=request.user)
        .values_list("association", flat=True)
    )
    rows = []
    for application in applications:
        reports = list(application.reports.all())
        for report in reports:
            report.days_late = days_late(report)
        rows.append(
            {
                "application": application,
                "agreement": getattr(application, "agreement", None),
                "reports": reports,
                "files_reports": application.association_id in led,
            }
        )
    return TemplateResponse(
        request, "capacity_lms/calls/followup/my_projects.html", {"rows": rows}
    )


class ReportForm(forms.Form):
    """The report's texts, one value (and a comment) per indicator, one amount per budget line.
    The fields only shape the input; ``SubmitReportAction`` decides what is accepted."""

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        project = report.application.project
        for name, label in TEXTS.items():
            self.fields[name] = forms.CharField(
                label=label,
                widget=forms.Textarea(attrs={"rows": 5}),
                max_length=TEXT_LIMIT,
                required=name == "activities_done",
                initial=getattr(report, name),
            )
        values = {value.indicator_id: value for value in report.indicator_values.all()}
        spent = {item.budget_line_id: item.amount for item in report.spending.all()}
        self.indicators = list(project.indicators.all())
        self.lines = list(project.budget_lines.all())
        final = report.kind == ProjectReport.Kind.FINAL
        for indicator in self.indicators:
            given = values.get(indicator.pk)
            self.fields[f"value_{indicator.pk}"] = forms.DecimalField(
                label=_("%(indicator)s: value reached") % {"indicator": indicator.text},
                help_text=_("Baseline %(baseline)s, target %(target)s %(unit)s")
                % {
                    "baseline": indicator.baseline if indicator.baseline is not None else "–",
                    "target": indicator.target if indicator.target is not None else "–",
                    "unit": indicator.unit,
                },
                min_value=0,
                max_value=LARGEST,
                max_digits=14,
                decimal_places=2,
                required=final,
                initial=given.value if given else None,
            )
            self.fields[f"comment_{indicator.pk}"] = forms.CharField(
                label=_("%(indicator)s: comment") % {"indicator": indicator.text},
                max_length=500,
                required=False,
                initial=given.comment if given else "",
            )
        for line in self.lines:
            self.fields[f"spent_{line.pk}"] = forms.DecimalField(
                label=_("Spent on “%(line)s” (%(currency)s)")
                % {"line": line.description, "currency": report.application.call.currency},
                min_value=0,
                max_value=LARGEST,
                max_digits=14,
                decimal_places=2,
                required=False,
                initial=spent.get(line.pk),
            )

    def action_arguments(self):
        data = self.cleaned_data
        values = {
            indicator.pk: (data[f"value_{indicator.pk}"], data[f"comment_{indicator.pk}"])
            for indicator in self.indicators
            if data.get(f"value_{indicator.pk}") is not None
        }
        spending = {
            line.pk: data[f"spent_{line.pk}"]
            for line in self.lines
            if data.get(f"spent_{line.pk}") is not None
        }
        texts = {name: data.get(name, "") for name in TEXTS}
        return {"texts": texts, "values": values, "spending": spending}


def report_for(user, pk):
    """The report ``pk`` of a funded project of an association ``user`` belongs to, or 404."""
    report = (
        ProjectReport.objects.select_related(
            "application__project", "application__call", "application__association"
        )
        .filter(pk=pk, application__in=funded_applications(user))
        .first()
    )
    if report is None:
        raise Http404
    return report


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def report_page(request, pk):
    """A report: its form for the association's admins while it is due or returned, else what
    was filed; members of the association read it."""
    report = report_for(request.user, pk)
    may_file = is_admin_of(request.user, report.application.association_id) and report.is_editable
    form = ReportForm(request.POST or None, report=report) if may_file else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                SubmitReportAction(report, user=request.user, **form.action_arguments()).execute()
            except ActionRefused as refusal:
                for message in refusal.messages:
                    form.add_error(None, message)
            else:
                messages.success(
                    request, _("Your report is submitted. Programme staff will review it.")
                )
                return redirect("capacity_lms:calls_my_projects")
    returned = None
    if report.status == ProjectReport.Status.RETURNED:
        returned = report.application.events.filter(verb="report_returned").order_by("-pk").first()
    context = {
        "report": report,
        "form": form,
        "returned": returned,
        "values": report.indicator_values.select_related("indicator"),
        "spending": report.spending.select_related("budget_line"),
        "days_late": days_late(report),
    }
    return TemplateResponse(request, "capacity_lms/calls/followup/report.html", context)
