"""Admin screens for attendance: the statuses, the records and the walk-ins.

Programme staff edit the statuses (names, weights, order), trainers read them. Records and
walk-ins are read here, never edited: every change goes through ``MarkAttendanceAction`` on the
roster, so that it is checked and kept in the history. A trainer sees only the records and
walk-ins of the workshops that name them as a trainer; staff (``manage_all_workshops``) see all.
The scope is applied to every view's queryset, so another trainer's record answers 404 whatever
the URL, and to the workshop filter's choices.
"""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from capacity_lms.attendance.models import AttendanceRecord, AttendanceStatus, WalkIn
from capacity_lms.core.admin import (
    NeutralisedExportMixin,
    ReadOnlyPermissionPolicy,
    ScopedViewMixin,
)
from capacity_lms.workshops.models import Workshop


def scoped_workshops(user):
    return Workshop.objects.visible_to(user)


def scoped_records(user):
    """The attendance records ``user`` may read in the admin."""
    return AttendanceRecord.objects.filter(session__workshop__in=scoped_workshops(user))


def scoped_walk_ins(user):
    return WalkIn.objects.filter(workshop__in=scoped_workshops(user))


# Registered when the admin loads its viewsets, before Wagtail makes a default policy for them.
for model in (AttendanceRecord, WalkIn):
    register_permission_policy(model, ReadOnlyPermissionPolicy(model))


# -- Statuses ----------------------------------------------------------------------------------


class AttendanceStatusViewSet(ModelViewSet):
    model = AttendanceStatus
    name = "capacity_attendance_statuses"
    icon = "tasks"
    menu_label = _("Attendance statuses")
    url_prefix = "capacity/attendance-statuses"
    inspect_view_enabled = True
    copy_view_enabled = False
    search_backend_name = None
    search_fields = ["code", "name_en", "name_fr", "name_ar"]
    list_display = ["name", "code", "weight", "counts_in_rate", "is_default_present"]
    inspect_view_fields = [
        "code",
        "name_en",
        "name_fr",
        "name_ar",
        "weight",
        "counts_in_rate",
        "is_default_present",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("code"),
            FieldRowPanel([FieldPanel("name_en"), FieldPanel("name_fr"), FieldPanel("name_ar")]),
            FieldRowPanel([FieldPanel("weight"), FieldPanel("counts_in_rate")]),
            FieldPanel("is_default_present"),
        ]
    )


# -- Records -----------------------------------------------------------------------------------


def visible_workshops(request):
    if request is None:
        return Workshop.objects.none()
    return scoped_workshops(request.user).order_by("title")


class AttendanceRecordFilterSet(WagtailFilterSet):
    workshop = django_filters.ModelChoiceFilter(
        label=_("Workshop"),
        field_name="session__workshop",
        queryset=visible_workshops,
    )
    status = django_filters.ModelChoiceFilter(
        label=_("Status"), queryset=lambda request: AttendanceStatus.objects.all()
    )
    method = django_filters.ChoiceFilter(
        label=_("How"),
        choices=AttendanceRecord.Method.choices,
        empty_label=_("All"),
    )
    occurrence_date = django_filters.DateFromToRangeFilter(
        label=_("Meeting date"), widget=DateRangePickerWidget
    )

    class Meta:
        model = AttendanceRecord
        fields = ["workshop", "status", "method", "occurrence_date"]


def person_of(record):
    return record.user or record.walk_in


class AttendanceRecordScope(ScopedViewMixin):
    def scope(self, user):
        return scoped_records(user).select_related(
            "user", "walk_in", "status", "marked_by", "session", "session__workshop"
        )


class AttendanceRecordIndexView(AttendanceRecordScope, NeutralisedExportMixin, generic.IndexView):
    pass


class AttendanceRecordInspectView(AttendanceRecordScope, generic.InspectView):
    pass


class AttendanceRecordViewSet(ModelViewSet):
    model = AttendanceRecord
    name = "capacity_attendance_records"
    icon = "list-ul"
    menu_label = _("Attendance records")
    url_prefix = "capacity/attendance"
    index_view_class = AttendanceRecordIndexView
    inspect_view_class = AttendanceRecordInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = AttendanceRecordFilterSet
    ordering = ["-occurrence_date", "session", "pk"]
    list_export = [
        "user",
        "walk_in",
        "session.workshop",
        "session",
        "occurrence_date",
        "status",
        "method",
        "minutes_present",
        "remarks",
        "marked_by",
        "marked_at",
    ]
    export_headings = {"session.workshop": _("Workshop")}
    export_filename = "attendance"
    inspect_view_fields = [
        "session",
        "occurrence_date",
        "user",
        "walk_in",
        "status",
        "method",
        "minutes_present",
        "remarks",
        "marked_by",
        "marked_at",
    ]

    # The generic add and edit views need a form, though the policy refuses them to everyone.
    form_fields = ["status", "remarks"]

    @property
    def list_display(self):
        return [
            Column("person", label=_("Person"), accessor=person_of),
            Column("workshop", label=_("Workshop"), accessor="session.workshop"),
            DateColumn("occurrence_date", label=_("Meeting date")),
            Column("status", label=_("Status")),
            Column("method", label=_("How"), accessor="get_method_display"),
            Column("marked_by", label=_("Marked by")),
            DateColumn("marked_at", label=_("Marked")),
        ]


# -- Walk-ins ----------------------------------------------------------------------------------


class WalkInFilterSet(WagtailFilterSet):
    workshop = django_filters.ModelChoiceFilter(label=_("Workshop"), queryset=visible_workshops)

    class Meta:
        model = WalkIn
        fields = ["workshop"]


class WalkInScope(ScopedViewMixin):
    def scope(self, user):
        return scoped_walk_ins(user).select_related("workshop", "user", "added_by")


class WalkInIndexView(WalkInScope, NeutralisedExportMixin, generic.IndexView):
    pass


class WalkInInspectView(WalkInScope, generic.InspectView):
    pass


class WalkInViewSet(ModelViewSet):
    model = WalkIn
    name = "capacity_walk_ins"
    icon = "user"
    menu_label = _("Walk-ins")
    url_prefix = "capacity/walk-ins"
    index_view_class = WalkInIndexView
    inspect_view_class = WalkInInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = WalkInFilterSet
    search_backend_name = None
    search_fields = ["name", "email"]
    list_display = ["name", "email", "workshop", "user", "added_by", "created_at"]
    list_export = ["name", "email", "workshop", "user", "added_by", "created_at"]
    export_filename = "walk-ins"
    inspect_view_fields = ["name", "email", "workshop", "user", "added_by", "created_at"]
    form_fields = ["name", "email"]


ATTENDANCE_VIEWSETS = (AttendanceRecordViewSet, WalkInViewSet, AttendanceStatusViewSet)
