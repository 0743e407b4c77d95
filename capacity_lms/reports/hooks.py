"""Where the reports join the Wagtail admin: their URL, their menu item, the home panel."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem

from capacity_lms.reports.associations import AssociationReportView
from capacity_lms.reports.scope import scope_for
from capacity_lms.reports.views import ReportView


def admin_urls():
    return [
        path("programme-reports/", ReportView.as_view(), name="capacity_lms_reports"),
        path(
            "programme-reports/associations/<int:pk>/",
            AssociationReportView.as_view(),
            name="capacity_lms_association_report",
        ),
    ]


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return scope_for(request.user) is not None


def menu_item():
    return ReportsMenuItem(
        _("Programme reports"), reverse("capacity_lms_reports"), icon_name="table", order=250
    )
