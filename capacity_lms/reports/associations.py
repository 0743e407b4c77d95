"""What an association's members did: modules completed, workshops attended, certificates.

For programme staff (and a country coordinator, for the associations of their countries), in
the admin; a fixed number of queries whatever the number of members.
"""

from collections import defaultdict
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from capacity_lms.attendance.models import AttendanceRecord
from capacity_lms.certificates.models import Certificate
from capacity_lms.people.models import Association, Membership
from capacity_lms.reports.scope import association_country_code, scope_for
from courses.models import Enrolment


def member_rows(association):
    """One dict a member: name, role, completed modules, attendance, certificates."""
    memberships = list(
        Membership.objects.filter(association=association)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__username")
    )
    people = [membership.user_id for membership in memberships]
    completed = defaultdict(list)
    for user_id, title in (
        Enrolment.objects.completed()
        .filter(user_id__in=people)
        .order_by("completed_at")
        .values_list("user_id", "course__title")
    ):
        completed[user_id].append(title)
    attended = defaultdict(lambda: [Decimal(0), 0])
    for user_id, weight in AttendanceRecord.objects.filter(
        user_id__in=people, status__counts_in_rate=True
    ).values_list("user_id", "status__weight"):
        attended[user_id][0] += weight
        attended[user_id][1] += 1
    certificates = defaultdict(list)
    for certificate in Certificate.objects.filter(user_id__in=people).exclude(
        status=Certificate.Status.REPLACED
    ):
        certificates[certificate.user_id].append(certificate)
    rows = []
    for membership in memberships:
        weight, meetings = attended[membership.user_id]
        rows.append(
            {
                "membership": membership,
                "person": membership.user,
                "completed": completed[membership.user_id],
                "meetings": meetings,
                "attendance_rate": (weight * 100 / meetings) if meetings else None,
                "certificates": certificates[membership.user_id],
            }
        )
    return rows


class AssociationReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "capacity_lms/reports/association.html"
    header_icon = "group"

    def dispatch(self, request, pk, *args, **kwargs):
        scope = scope_for(request.user)
        self.association = get_object_or_404(
            Association.objects.select_related("host_country", "region", "province"), pk=pk
        )
        if scope is None or scope.workshops is not None:
            raise PermissionDenied
        if (
            scope.countries is not None
            and association_country_code(self.association) not in scope.countries
        ):
            raise PermissionDenied
        return super().dispatch(request, pk, *args, **kwargs)

    def get_page_title(self):
        return self.association.name

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            association=self.association, rows=member_rows(self.association), **kwargs
        )
