"""Admin screens for certificates: the rules, and the certificates issued.

Programme staff edit the rules and read every certificate; the hand-made changes (revoke,
reissue, issue by hand, issue to everyone who qualifies) are the action views of
``action_views.py``, reached from these screens' buttons.
"""

import django_filters
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import HeaderButton
from wagtail.permissions import register_permission_policy

from capacity_lms.certificates.action_views import (
    ICON,
    IssueByHandView,
    IssueToEveryoneView,
    ReissueView,
    RevokeView,
    may_issue,
)
from capacity_lms.certificates.models import Certificate, CertificateEvent, CertificateRule
from capacity_lms.core.admin import NeutralisedExportMixin, ReadOnlyPermissionPolicy
from capacity_lms.workshops.models import Workshop
from courses.models import CoursePage

# Registered when the admin loads its viewsets, before Wagtail makes a default policy for them.
for model in (Certificate, CertificateEvent):
    register_permission_policy(model, ReadOnlyPermissionPolicy(model))


# -- Rules -------------------------------------------------------------------------------------


class CertificateRuleIndexView(generic.IndexView):
    @cached_property
    def columns(self):
        columns = super().columns
        columns[0].label = _("Course or workshop")
        return columns

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("course", "workshop")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if may_issue(self.request.user):
            buttons.append(
                MenuItem(
                    _("Issue to everyone who qualifies"),
                    url=reverse("capacity_certificate_rules:issue_all", args=[instance.pk]),
                    icon_name=ICON,
                    priority=25,
                )
            )
        return buttons


class CertificateRuleViewSet(ModelViewSet):
    model = CertificateRule
    name = "capacity_certificate_rules"
    icon = "tick-inverse"
    menu_label = gettext_lazy("Certificate rules")
    url_prefix = "capacity/certificate-rules"
    index_view_class = CertificateRuleIndexView
    copy_view_enabled = False
    list_display = [
        "__str__",
        Column("layout", label=gettext_lazy("Languages"), accessor="get_layout_display"),
        BooleanColumn("is_active", label=gettext_lazy("Issue automatically")),
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("course"), FieldPanel("workshop")],
                heading=gettext_lazy("For a course or a workshop (one of the two)"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("requires_completion"),
                    FieldPanel("requires_quizzes_passed"),
                    FieldPanel("requires_accepted_deliverables"),
                    FieldPanel("minimum_attendance"),
                ],
                heading=gettext_lazy("Who earns it"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("validity_months"), FieldPanel("hours")]),
                    FieldPanel("layout"),
                    FieldPanel("is_active"),
                ],
                heading=gettext_lazy("What it says and when it is issued"),
            ),
        ]
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("issue/<int:pk>/", IssueToEveryoneView.as_view(), name="issue_all"),
        ]


# -- Certificates ------------------------------------------------------------------------------


class CertificateFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=Certificate.Status.choices,
        empty_label=gettext_lazy("All"),
    )
    origin = django_filters.ChoiceFilter(
        label=gettext_lazy("Issued because"),
        choices=Certificate.Origin.choices,
        empty_label=gettext_lazy("All"),
    )
    course = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Course"),
        queryset=lambda request: CoursePage.objects.order_by("title"),
    )
    workshop = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Workshop"),
        queryset=lambda request: Workshop.objects.order_by("title"),
    )
    issued_on = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Issued on"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Certificate
        fields = ["status", "origin", "course", "workshop", "issued_on"]


class CertificateIndexView(NeutralisedExportMixin, generic.IndexView):
    def get_base_queryset(self):
        return Certificate.objects.for_listing()

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if may_issue(self.request.user):
            buttons.append(
                HeaderButton(
                    _("Issue a certificate by hand"),
                    url=reverse("capacity_certificates:issue"),
                    icon_name="plus",
                )
            )
        return buttons


class CertificateInspectView(generic.InspectView):
    template_name = "capacity_lms/certificates/admin/inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Certificate.objects.for_listing().select_related("issued_by", "replaces"),
            pk=self.pk,
        )

    def get_state_display_value(self):
        return self.object.get_state_display()

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "—" if value is None or value == "" else value

    def get_field_label(self, field_name, field):
        if field_name == "state":
            return _("State")
        return super().get_field_label(field_name, field)

    @cached_property
    def header_buttons(self):
        certificate = self.object
        buttons = [
            HeaderButton(_("PDF"), url=certificate.download_path(), icon_name="download"),
        ]
        if certificate.status == Certificate.Status.VALID and may_issue(self.request.user):
            buttons += [
                HeaderButton(
                    _("Reissue"),
                    url=reverse("capacity_certificates:reissue", args=[certificate.pk]),
                    icon_name="rotate",
                ),
                HeaderButton(
                    _("Revoke"),
                    url=reverse("capacity_certificates:revoke", args=[certificate.pk]),
                    icon_name="cross",
                ),
            ]
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        certificate = self.object
        context["events"] = certificate.events.select_related("actor")
        context["download_url"] = certificate.download_path()
        context["verification_url"] = certificate.verification_path()
        context["replaced_by"] = Certificate.objects.filter(replaces=certificate).first()
        return context


class CertificateViewSet(ModelViewSet):
    model = Certificate
    name = "capacity_certificates"
    icon = ICON
    menu_label = gettext_lazy("Certificates")
    url_prefix = "capacity/certificates"
    index_view_class = CertificateIndexView
    inspect_view_class = CertificateInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = CertificateFilterSet
    # The database, not a search backend: the holder's name is searched on their account.
    search_backend_name = None
    search_fields = [
        "reference",
        "user__username",
        "user__first_name",
        "user__last_name",
        "user__email",
    ]
    list_export = [
        "reference",
        "holder_name",
        "title",
        "course",
        "workshop",
        "issued_on",
        "expires_on",
        "get_state_display",
        "get_origin_display",
        "hours",
        "reason",
    ]
    export_headings = {
        "holder_name": gettext_lazy("Holder"),
        "title": gettext_lazy("Title"),
        "get_state_display": gettext_lazy("State"),
        "get_origin_display": gettext_lazy("Issued because"),
    }
    export_filename = "certificates"
    inspect_view_fields = [
        "reference",
        "state",
        "user",
        "course",
        "workshop",
        "layout",
        "hours",
        "issued_on",
        "expires_on",
        "origin",
        "issued_by",
        "reason",
        "replaces",
    ]
    # The generic add and edit views need a form, though the policy refuses them to everyone.
    form_fields = ["reason"]

    @property
    def list_display(self):
        return [
            "reference",
            Column("holder", label=_("Holder"), accessor="holder_name"),
            Column("title", label=_("Title"), accessor="title"),
            DateColumn("issued_on", label=_("Issued on")),
            Column("state", label=_("State"), accessor="get_state_display"),
        ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("issue/", IssueByHandView.as_view(), name="issue"),
            path("revoke/<int:pk>/", RevokeView.as_view(), name="revoke"),
            path("reissue/<int:pk>/", ReissueView.as_view(), name="reissue"),
        ]


class CertificatesViewSetGroup(ModelViewSetGroup):
    menu_label = gettext_lazy("Certificates")
    menu_icon = ICON
    menu_name = "capacity-certificates"
    items = (CertificateViewSet, CertificateRuleViewSet)
