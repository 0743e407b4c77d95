"""The key figures on the Wagtail admin's home page, for whoever may see reports."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from capacity_lms.reports.engine import grand_total

FIGURES = [
    ("people", _("People trained")),
    ("associations", _("Associations reached")),
    ("completions", _("Module completions")),
    ("registrations", _("Workshop registrations")),
    ("attendance_rate", _("Attendance rate (%)")),
    ("certificates", _("Certificates issued")),
]


class ProgrammeSummaryPanel(Component):
    name = "capacity_programme_summary"
    order = 90
    template_name = "capacity_lms/reports/summary_panel.html"

    def __init__(self, scope):
        self.scope = scope

    def get_context_data(self, parent_context):
        figures = []
        for metric, label in FIGURES:
            value = grand_total(metric, self.scope)
            if metric == "attendance_rate" and value is not None:
                value = f"{value:.1f}"
            figures.append({"label": label, "value": value if value is not None else "–"})
        return {"figures": figures, "reports_url": reverse("capacity_lms_reports")}
