"""The :class:`~capacity_lms.reports.engine.ReportScope` of a viewer, or None: no reports."""

from capacity_lms.reports.engine import ReportScope
from capacity_lms.reports.models import CountryCoordinator
from capacity_lms.workshops.models import Workshop

PERMISSION = "capacity_lms.view_programme_reports"


def scope_for(user):
    if not user.is_authenticated:
        return None
    if user.has_perm(PERMISSION):
        coordinator = CountryCoordinator.objects.filter(user=user).first()
        if coordinator is None or user.is_superuser:
            return ReportScope.everything()
        return ReportScope(countries=list(coordinator.countries.values_list("code", flat=True)))
    workshops = list(Workshop.objects.filter(trainers=user).values_list("pk", flat=True))
    if workshops:
        return ReportScope(workshops=workshops)
    return None
