"""The programme reports in the Wagtail admin: a cross table, its chart, its exports.

One GET form: the figure, the dimension down the rows and across the columns, the period
granularity and range, and filters on countries, groups and axes. Every view is limited to what
the viewer may see (:mod:`capacity_lms.reports.scope`): staff everything, a country coordinator
their countries, a trainer their workshops.

A protected figure (the impact figures) shows its hidden entries as a dash with a note, writes
an explicit word in their place in the exports, draws no bar for them, and offers no download
of its underlying rows (the answers stay pseudonymous).
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseForbidden
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from capacity_lms.core.spreadsheets import csv_response, xlsx_response
from capacity_lms.people.models import Association
from capacity_lms.reports.charts import Bar, bar_chart
from capacity_lms.reports.definitions import PERIODS
from capacity_lms.reports.engine import ReportRequest, cross_table
from capacity_lms.reports.exports import rows_csv_response, rows_xlsx_response
from capacity_lms.reports.facts import fact_header
from capacity_lms.reports.labels import course_titles, labels_for
from capacity_lms.reports.scope import associations_in_scope, scope_for
from capacity_lms.reports.sources import DIMENSIONS, METRICS, counts_by
from capacity_lms.reports.suppression import is_hidden, minimum_answers
from capacity_lms.taxonomy.models import (
    CapacityArea,
    Country,
    Region,
    SpecializedGroup,
    StrategicAxis,
)
from capacity_lms.workshops.models import Workshop
from courses.models import CoursePage

DEFAULT_REPORT = {
    "metric": "enrolments",
    "rows": "country",
    "columns": "axis",
    "period": "quarter",
}


FILTERS = (
    "country",
    "group",
    "axis",
    "association",
    "course",
    "kind",
    "region",
    "status",
    "area",
)


def _codes(model):
    return [(row.code, row.name) for row in model.objects.all()]


def metric_choices():
    """The figures, those of a heading (the impact figures) grouped under it."""
    choices, groups = [], {}
    for key, metric in METRICS.items():
        if metric.choice_group is None:
            choices.append((key, metric.label))
        else:
            if metric.choice_group not in groups:
                groups[metric.choice_group] = []
                choices.append((metric.choice_group, groups[metric.choice_group]))
            groups[metric.choice_group].append((key, metric.label))
    return choices


class ReportForm(forms.Form):
    metric = forms.ChoiceField(label=gettext_lazy("Figure"), initial="enrolments")
    rows = forms.ChoiceField(label=gettext_lazy("Rows"), initial="country")
    columns = forms.ChoiceField(label=gettext_lazy("Columns"), initial="axis")
    period = forms.ChoiceField(
        label=gettext_lazy("Periods of"),
        initial="quarter",
        choices=[
            ("month", gettext_lazy("months")),
            ("quarter", gettext_lazy("quarters")),
            ("year", gettext_lazy("years")),
        ],
    )
    start = forms.DateField(
        label=gettext_lazy("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=gettext_lazy("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    country = forms.MultipleChoiceField(label=gettext_lazy("Countries"), required=False)
    group = forms.MultipleChoiceField(label=gettext_lazy("Specialized groups"), required=False)
    axis = forms.MultipleChoiceField(label=gettext_lazy("Strategic axes"), required=False)
    association = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Associations"), required=False, coerce=int
    )
    course = forms.MultipleChoiceField(label=gettext_lazy("Courses"), required=False)
    kind = forms.MultipleChoiceField(
        label=gettext_lazy("Kinds of association"),
        required=False,
        choices=Association.Kind.choices,
    )
    region = forms.MultipleChoiceField(label=gettext_lazy("Regions of Morocco"), required=False)
    status = forms.MultipleChoiceField(
        label=gettext_lazy("Verification"),
        required=False,
        choices=Association.VerificationStatus.choices,
    )
    area = forms.MultipleChoiceField(label=gettext_lazy("Capacity areas"), required=False)

    def __init__(self, data=None, scope=None):
        super().__init__(data)
        self.fields["metric"].choices = metric_choices()
        dimensions = list(DIMENSIONS.items())
        self.fields["rows"].choices = dimensions
        self.fields["columns"].choices = dimensions
        countries = Country.objects.all()
        if scope is not None and scope.countries is not None:
            countries = countries.filter(code__in=scope.countries)
        if scope is not None and scope.workshops is not None:
            held = Workshop.objects.filter(pk__in=scope.workshops).values("country")
            countries = countries.filter(pk__in=held)
        self.fields["country"].choices = [(row.code, row.name) for row in countries]
        associations = associations_in_scope(scope, Association.objects.order_by("name"))
        self.fields["association"].choices = list(associations.values_list("pk", "name"))
        courses = course_titles(CoursePage.objects.order_by("title"))
        self.fields["course"].choices = [(str(key), title) for key, title in courses.items()]
        self.fields["group"].choices = _codes(SpecializedGroup)
        self.fields["axis"].choices = _codes(StrategicAxis)
        self.fields["region"].choices = _codes(Region)
        self.fields["area"].choices = _codes(CapacityArea)

    def clean(self):
        data = super().clean()
        if data.get("rows") and data.get("rows") == data.get("columns"):
            raise forms.ValidationError(_("Choose two different dimensions."))
        metric = data.get("metric")
        if metric:
            chosen = [data.get("rows"), data.get("columns")]
            chosen += [name for name in FILTERS if data.get(name)]
            for dimension in chosen:
                if dimension and not counts_by(metric, dimension):
                    raise forms.ValidationError(
                        _("%(figure)s cannot be counted by “%(dimension)s”.")
                        % {"figure": METRICS[metric].label, "dimension": DIMENSIONS[dimension]}
                    )
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            raise forms.ValidationError(_("The period ends before it starts."))
        return data

    def report_request(self):
        data = self.cleaned_data
        return ReportRequest(
            metric=data["metric"],
            rows=data["rows"],
            columns=data["columns"],
            period=data["period"] if data["period"] in PERIODS else "quarter",
            start=data.get("start"),
            end=data.get("end"),
            filters={name: data.get(name) for name in FILTERS},
        )


def format_value(value, metric):
    """A figure as the table shows it (a hidden entry stays the marker it is)."""
    if value is None or is_hidden(value):
        return "" if value is None else value
    if METRICS[metric].kind in ("rate", "ratio", "score"):
        return f"{value:.1f}"
    return value


def table_rows(table, row_labels, column_labels):
    """Header row, then one row a key with its cells and total, then the totals row."""
    metric = table.request.metric
    header = [
        f"{DIMENSIONS[table.request.rows]} / {DIMENSIONS[table.request.columns]}",
        *[column_labels[key] for key in table.column_keys],
        _("Total"),
    ]
    body = [
        [
            row_labels[row],
            *[format_value(table.value(row, column), metric) for column in table.column_keys],
            format_value(table.row_totals.get(row), metric),
        ]
        for row in table.row_keys
    ]
    footer = [
        _("Total"),
        *[format_value(table.column_totals.get(key), metric) for key in table.column_keys],
        format_value(table.total, metric),
    ]
    return header, body, footer


def hidden_note(marker):
    """What a hidden entry's marker means."""
    return _(
        "%(marker)s: hidden, from fewer than %(minimum)s answers, or hidden with such a figure "
        "so that it cannot be worked out from the totals."
    ) % {"marker": marker, "minimum": minimum_answers()}


class ReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "capacity_lms/reports/report.html"
    page_title = gettext_lazy("Programme reports")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        self.scope = scope_for(request.user)
        if self.scope is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        self.form = ReportForm(request.GET or DEFAULT_REPORT, scope=self.scope)
        self.table = None
        if self.form.is_valid():
            self.table = cross_table(self.form.report_request(), self.scope)
            export = request.GET.get("export")
            if export in ("csv", "xlsx"):
                return self.export(export)
            if export in ("rows-csv", "rows-xlsx"):
                return self.export_rows(export)
        return super().get(request, *args, **kwargs)

    def labelled(self):
        request = self.table.request
        rows = labels_for(request.rows, self.table.row_keys, request.period)
        columns = labels_for(request.columns, self.table.column_keys, request.period)
        return table_rows(self.table, rows, columns)

    def export(self, kind):
        header, body, footer = self.labelled()
        request = self.table.request
        name = f"report-{request.metric}-{request.rows}-{request.columns}"
        marker = _("hidden")
        rows = [
            [marker if is_hidden(cell) else cell for cell in row]
            for row in [header, *body, footer]
        ]
        if any(marker in row for row in rows):
            rows.append([hidden_note(marker)])
        if kind == "csv":
            return csv_response(rows, f"{name}.csv")
        return xlsx_response(
            [(str(METRICS[self.table.request.metric].label), rows)], f"{name}.xlsx"
        )

    def export_rows(self, kind):
        """Every fact behind the figure, streamed (CSV) or written row by row (XLSX)."""
        request = self.table.request
        if METRICS[request.metric].protected:
            # People's answers: never row by row, whoever asks.
            return HttpResponseForbidden(
                _("The answers behind this figure are not downloaded row by row.")
            )
        header = fact_header(request)
        name = f"report-{request.metric}-rows"
        if kind == "rows-csv":
            return rows_csv_response(request, self.scope, header, f"{name}.csv")
        title = str(METRICS[request.metric].label)
        return rows_xlsx_response(request, self.scope, header, title, f"{name}.xlsx")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(form=self.form, **kwargs)
        if self.table is not None:
            header, body, footer = self.labelled()
            metric = METRICS[self.table.request.metric]
            links = [
                reverse("capacity_lms_association_report", args=[key])
                if self.table.request.rows == "association" and key is not None
                else None
                for key in self.table.row_keys
            ]
            description = _("%(figure)s by %(dimension)s; the same figures are in the table.") % {
                "figure": metric.label,
                "dimension": DIMENSIONS[self.table.request.rows],
            }
            hidden = any(is_hidden(cell) for row in [*body, footer] for cell in row)
            if hidden:
                description += " " + _("Hidden figures have no bar.")
            context.update(
                header=header,
                body=body,
                linked_body=list(zip(links, body, strict=True)),
                footer=footer,
                metric=metric,
                chart=bar_chart(
                    metric.label,
                    description,
                    [Bar(row[0], row[-1] or 0) for row in body if not is_hidden(row[-1])],
                    "cl-report-chart",
                ),
                export_query=self.request.GET.urlencode(),
                hidden_note=hidden_note("–") if hidden else "",
                minimum_answers=minimum_answers(),
            )
        return context
