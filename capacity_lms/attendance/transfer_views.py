"""A trainer's attendance files: import a roster or an online meeting report, export CSV/XLSX.

Every view looks the workshop up among those the user manages (their own for a trainer, all
for programme staff), so another trainer's workshop is a 404 like a missing one. Imports are
POST only; exports are reads.
"""

import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from capacity_lms.attendance import exports
from capacity_lms.attendance.imports.online import import_online_report
from capacity_lms.attendance.imports.report import find_meeting, meetings_of
from capacity_lms.attendance.imports.roster import import_roster
from capacity_lms.core import spreadsheets
from capacity_lms.core.actions import ImportRefused
from capacity_lms.workshops.models import Workshop

EACH_ROW = ""


def managed_workshop(request, slug):
    return get_object_or_404(Workshop.objects.visible_to(request.user), slug=slug)


def check_extension(extension):
    if extension not in ("csv", "xlsx"):
        raise Http404


def meeting_value(meeting):
    return f"{meeting.session.pk}:{meeting.occurrence_date.isoformat()}"


def meeting_label(meeting):
    local = meeting.starts_at.astimezone(ZoneInfo(meeting.session.time_zone))
    return f"{date_format(local, 'DATE_FORMAT')} {local:%H:%M} – {meeting.session.title}".strip(
        " –"
    )


class MeetingChoiceMixin:
    def set_meetings(self, workshop, blank_label=None):
        self.meetings = {meeting_value(m): m for m in meetings_of(workshop)}
        choices = [(value, meeting_label(m)) for value, m in self.meetings.items()]
        if blank_label is not None:
            choices.insert(0, (EACH_ROW, blank_label))
        self.fields["meeting"].choices = choices

    def clean_meeting(self):
        value = self.cleaned_data["meeting"]
        return self.meetings.get(value) if value else None


class RosterImportForm(MeetingChoiceMixin, forms.Form):
    roster_file = forms.FileField(label=gettext_lazy("Roster file (CSV)"))
    meeting = forms.ChoiceField(label=gettext_lazy("Meeting"), required=False)
    person_column = forms.CharField(
        label=gettext_lazy("Column with the e-mail or username"), initial="email", max_length=100
    )
    status_column = forms.CharField(
        label=gettext_lazy("Column with the status"),
        initial="status",
        max_length=100,
        help_text=gettext_lazy(
            "Statuses are read by code or by their English, French or Arabic name."
        ),
    )
    remarks_column = forms.CharField(
        label=gettext_lazy("Column with remarks"), required=False, max_length=100
    )
    date_column = forms.CharField(
        label=gettext_lazy("Column with the meeting date"),
        required=False,
        max_length=100,
        help_text=gettext_lazy("Only when each row names its meeting by date."),
    )
    all_or_nothing = forms.BooleanField(
        label=gettext_lazy("All or nothing: if any row is refused, import none"),
        required=False,
        initial=True,
    )

    def __init__(self, workshop, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_meetings(workshop, blank_label=_("Each row's meeting date (date column)"))

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("meeting") and not cleaned.get("date_column"):
            self.add_error(
                "date_column", _("Choose a meeting, or the column that holds its date.")
            )
        return cleaned


class OnlineReportForm(MeetingChoiceMixin, forms.Form):
    report_file = forms.FileField(label=gettext_lazy("Participants report (CSV)"))
    meeting = forms.ChoiceField(label=gettext_lazy("Meeting"))
    email_column = forms.CharField(
        label=gettext_lazy("Column with the e-mail"),
        required=False,
        max_length=100,
        help_text=gettext_lazy("Leave blank to find it from the headers (e.g. “User Email”)."),
    )
    duration_column = forms.CharField(
        label=gettext_lazy("Column with the minutes present"),
        required=False,
        max_length=100,
        help_text=gettext_lazy(
            "Leave blank to find it from the headers (e.g. “Duration (Minutes)”)."
        ),
    )
    minimum_percent = forms.IntegerField(
        label=gettext_lazy("Present from (percentage of the meeting)"),
        min_value=0,
        max_value=100,
        initial=30,
        required=False,
    )
    minimum_minutes = forms.IntegerField(
        label=gettext_lazy("…or present from (minutes)"),
        min_value=0,
        required=False,
        help_text=gettext_lazy("When given, this number is used instead of the percentage."),
    )

    def __init__(self, workshop, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_meetings(workshop)

    def clean_meeting(self):
        meeting = super().clean_meeting()
        if meeting is None:
            raise forms.ValidationError(_("Choose a meeting."))
        return meeting


@login_required
@require_safe
def transfer(request, slug):
    """The workshop's meetings with their export links, and the two imports."""
    workshop = managed_workshop(request, slug)
    meetings = [
        {"meeting": meeting, "label": meeting_label(meeting)} for meeting in meetings_of(workshop)
    ]
    return TemplateResponse(
        request,
        "capacity_lms/attendance/transfer/index.html",
        {"workshop": workshop, "meetings": meetings},
    )


def import_page(request, slug, form_class, template_name, run):
    """An import page: the form, then ``run(workshop, cleaned_data)``'s report, or the
    problems that refused the whole file."""
    workshop = managed_workshop(request, slug)
    form = form_class(workshop, request.POST or None, request.FILES or None)
    report, problems = None, []
    if request.method == "POST" and form.is_valid():
        try:
            report = run(workshop, form.cleaned_data)
        except ImportRefused as error:
            problems = error.problems
    return TemplateResponse(
        request,
        f"capacity_lms/attendance/transfer/{template_name}",
        {"workshop": workshop, "form": form, "report": report, "problems": problems},
    )


@login_required
@require_http_methods(["GET", "POST"])
def import_roster_view(request, slug):
    return import_page(
        request,
        slug,
        RosterImportForm,
        "import_roster.html",
        lambda workshop, data: import_roster(
            request.user,
            workshop,
            data["roster_file"].read(),
            person_column=data["person_column"],
            status_column=data["status_column"],
            remarks_column=data["remarks_column"],
            date_column=data["date_column"],
            meeting=data["meeting"],
            all_or_nothing=data["all_or_nothing"],
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def import_online_view(request, slug):
    return import_page(
        request,
        slug,
        OnlineReportForm,
        "import_online.html",
        lambda workshop, data: import_online_report(
            request.user,
            workshop,
            data["meeting"],
            data["report_file"].read(),
            email_column=data["email_column"],
            duration_column=data["duration_column"],
            minimum_minutes=data["minimum_minutes"],
            minimum_percent=30 if data["minimum_percent"] is None else data["minimum_percent"],
        ),
    )


@login_required
@require_safe
def export_workshop(request, slug, extension):
    """Every record of the workshop; the XLSX adds each person's rate as a second sheet."""
    workshop = managed_workshop(request, slug)
    check_extension(extension)
    rows = exports.record_rows(exports.records(workshop=workshop))
    if extension == "csv":
        return spreadsheets.csv_response(rows, exports.workshop_filename(workshop, "csv"))
    return spreadsheets.xlsx_response(
        [(_("Attendance"), rows), (_("Rates"), exports.rate_rows(workshop))],
        exports.workshop_filename(workshop, "xlsx"),
    )


@login_required
@require_safe
def export_workshop_rates(request, slug):
    workshop = managed_workshop(request, slug)
    return spreadsheets.csv_response(
        exports.rate_rows(workshop), exports.workshop_filename(workshop, "csv", part="rates")
    )


@login_required
@require_safe
def export_meeting(request, slug, session_pk, date, extension):
    workshop = managed_workshop(request, slug)
    check_extension(extension)
    try:
        occurrence_date = datetime.date.fromisoformat(date)
    except ValueError as error:
        raise Http404 from error
    meeting = find_meeting(workshop, session_pk, occurrence_date)
    if meeting is None:
        raise Http404
    rows = exports.record_rows(
        exports.records(session=meeting.session, occurrence_date=occurrence_date)
    )
    filename = exports.meeting_filename(meeting.session, occurrence_date, extension)
    if extension == "csv":
        return spreadsheets.csv_response(rows, filename)
    return spreadsheets.xlsx_response([(_("Attendance"), rows)], filename)
