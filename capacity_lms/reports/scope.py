"""What a viewer may count: their :class:`ReportScope`, or None: no reports.

Built on the one rule of :mod:`capacity_lms.core.scopes`: every country only with
``view_all_countries`` (programme staff) or as a superuser; a coordinator the countries their
entry names; a trainer their workshops; and no reports at all for whoever has none of these.
A coordinator's missing entry (or one naming no country) never widens their sight.
"""

from django.db.models import Q

from capacity_lms.core.scopes import reach
from capacity_lms.people.models import Association
from capacity_lms.reports.definitions import MOROCCO
from capacity_lms.taxonomy.models import VIEW_ALL_COUNTRIES, Country
from capacity_lms.workshops.models import Workshop

PERMISSION = "capacity_lms.view_programme_reports"


class ReportScope:
    """What one viewer may count: everything, some countries, or their own workshops."""

    def __init__(self, countries=None, workshops=None):
        self.countries = countries  # None: every country
        self.workshops = workshops  # None: not limited to workshops

    @classmethod
    def everything(cls):
        return cls()

    def limit(self, source, queryset):
        if self.countries is not None:
            countries = list(self.countries)
            expressions = {
                f"scope_country_{number}": expression
                for number, expression in enumerate(source.country_expressions())
            }
            matches = Q()
            for name in expressions:
                matches |= Q(**{f"{name}__in": countries})
            queryset = queryset.alias(**expressions).filter(matches)
        if self.workshops is not None:
            if source.workshop is None:
                return queryset.none()
            queryset = queryset.filter(**{f"{source.workshop}__in": self.workshops})
        return queryset


def association_country_code(association):
    """The country an association is in, for a coordinator: Morocco for a local one."""
    if association.kind == association.Kind.LOCAL:
        return MOROCCO
    return association.host_country.code if association.host_country_id else None


def associations_in_scope(scope, associations):
    """``associations`` cut to what a coordinator's countries hold (all for staff)."""
    if scope is None:
        return associations.none()
    if scope.countries is None:
        return associations
    in_countries = Q(host_country__code__in=list(scope.countries), kind=Association.Kind.ABROAD)
    if MOROCCO in scope.countries:
        in_countries |= Q(kind=Association.Kind.LOCAL)
    return associations.filter(in_countries)


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
