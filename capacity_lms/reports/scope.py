"""The :class:`~capacity_lms.reports.engine.ReportScope` of a viewer, or None: no reports.

Built on the one rule of :mod:`capacity_lms.core.scopes`: every country only with
``view_all_countries`` (programme staff) or as a superuser; a coordinator the countries their
entry names; a trainer their workshops; and no reports at all for whoever has none of these.
A coordinator's missing entry (or one naming no country) never widens their sight.
"""

from capacity_lms.core.scopes import reach
from capacity_lms.reports.engine import ReportScope
from capacity_lms.taxonomy.models import VIEW_ALL_COUNTRIES, Country
from capacity_lms.workshops.models import Workshop

PERMISSION = "capacity_lms.view_programme_reports"


def coordinated_countries(user):
    """The codes of the countries ``user``'s coordinator entry names (none without one)."""
    return Country.objects.filter(coordinators__user=user).values_list("code", flat=True)


def trained_workshops(user):
    return Workshop.objects.filter(trainers=user).values_list("pk", flat=True)


def scope_for(user):
    if user.has_perm(PERMISSION):
        countries = reach(user, VIEW_ALL_COUNTRIES, coordinated_countries)
        if countries.everything:
            return ReportScope.everything()
        if not countries.is_empty:
            return ReportScope(countries=sorted(countries.assigned))
    # Without countries, a trainer still sees their own workshops' figures (nothing more).
    workshops = reach(user, None, trained_workshops)
    if workshops.is_empty:
        return None
    return ReportScope(workshops=sorted(workshops.assigned))
