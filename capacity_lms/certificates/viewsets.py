"""Admin screens for certificates: the rules, the certificates issued, and the hand-made changes.

Programme staff edit the rules and read every certificate. Certificates are never edited
through a model form: revoking, reissuing and issuing by hand each go through their action in
``issuing.py``, which checks ``capacity_lms.issue_certificate`` again and keeps an event with
the reason. Issuing a rule to everyone who qualifies enqueues ``issue_certificates``, which
skips those who already hold theirs, so the button may be pressed twice.
"""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import AdminPageChooser, HeaderButton
from wagtail.permissions import register_permission_policy

from capacity_lms.certificates.issuing import (
    IssueCertificateAction,
    ReissueCertificateAction,
    RevokeCertificateAction,
)
from capacity_lms.certificates.models import (
    Certificate,
    CertificateEvent,
    CertificateRule,
    Layout,
)
from capacity_lms.certificates.tasks import issue_certificates
from capacity_lms.core.actions import ActionRefused
from capacity_lms.core.admin import NeutralisedExportMixin, ReadOnlyPermissionPolicy
from capacity_lms.workshops.models import Workshop
from courses.models import CoursePage

ISSUE_PERMISSION = "capacity_lms.issue_certificate"
ICON = "doc-full-inverse"

# Registered when the admin loads its viewsets, before Wagtail makes a default policy for them.
for model in (Certificate, CertificateEvent):
    register_permission_policy(model, ReadOnlyPermissionPolicy(model))


def may_issue(user):
    return user.has_perm(ISSUE_PERMISSION)


def certificate_url(certificate):
    return reverse("capacity_certificates:inspect", args=[certificate.pk])


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


# -- Actions -----------------------------------------------------------------------------------


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Kept with the certificate's history."),
    )


class ReissueForm(ReasonForm):
    layout = forms.ChoiceField(
        label=gettext_lazy("Languages"),
        choices=[("", gettext_lazy("The same as now")), *Layout.choices],
        required=False,
    )


class IssueForm(ReasonForm):
    person = forms.CharField(label=gettext_lazy("Username or e-mail"), max_length=254)
    course = forms.ModelChoiceField(
        label=gettext_lazy("Course"),
        queryset=CoursePage.objects.all(),
        widget=AdminPageChooser(target_models=[CoursePage]),
        required=False,
    )
    workshop = forms.ModelChoiceField(
        label=gettext_lazy("Workshop"),
        queryset=Workshop.objects.order_by("title"),
        required=False,
    )
    layout = forms.ChoiceField(
        label=gettext_lazy("Languages"),
        choices=[("", gettext_lazy("As the rule says")), *Layout.choices],
        required=False,
    )

    field_order = ["person", "course", "workshop", "layout", "reason"]

    def clean_person(self):
        value = self.cleaned_data["person"].strip()
        User = get_user_model()
        people = list(
            User.objects.filter(
                Q(**{User.USERNAME_FIELD: value}) | Q(email__iexact=value), is_active=True
            )[:2]
        )
        if len(people) != 1:
            raise forms.ValidationError(_("No single active account has this username or e-mail."))
        return people[0]

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("course")) == bool(cleaned.get("workshop")):
            raise forms.ValidationError(_("Choose either a course or a workshop."))
        return cleaned


class CertificateActionView(WagtailAdminTemplateMixin, FormView):
    """A form that runs one certificate action for someone holding ``issue_certificate``;
    what the action refuses comes back as the form's errors, and nothing is changed."""

    template_name = "capacity_lms/certificates/admin/action_form.html"
    header_icon = ICON
    form_class = forms.Form
    introduction = ""
    submit_button_label = ""

    def dispatch(self, request, *args, **kwargs):
        if not may_issue(request.user):
            return permission_denied(request)
        self.load(**kwargs)
        return super().dispatch(request, *args, **kwargs)

    def load(self, **kwargs):
        """Look up what the URL names, once the permission is known to be held."""

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("capacity_certificates:index"), "label": _("Certificates")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            action_url=self.request.path,
            introduction=self.introduction,
            submit_button_label=self.submit_button_label,
            submit_button_active_label=self.submit_button_label,
            media=context["form"].media,
        )
        return context

    def form_valid(self, form):
        try:
            return self.run(form.cleaned_data)
        except ActionRefused as refused:
            for message in refused.messages:
                form.add_error(None, message)
            return self.form_invalid(form)

    def run(self, data):
        raise NotImplementedError


class OneCertificateMixin:
    def load(self, **kwargs):
        self.certificate = get_object_or_404(Certificate.objects.for_listing(), pk=kwargs["pk"])

    def get_page_subtitle(self):
        return self.certificate.reference

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["certificate"] = self.certificate
        return context


class RevokeView(OneCertificateMixin, CertificateActionView):
    form_class = ReasonForm
    page_title = gettext_lazy("Revoke a certificate")
    submit_button_label = gettext_lazy("Revoke")
    introduction = gettext_lazy(
        "The certificate stays on record; its verification page will say it is revoked."
    )

    def run(self, data):
        RevokeCertificateAction(
            self.certificate, user=self.request.user, reason=data["reason"]
        ).execute()
        messages.success(
            self.request,
            _("Certificate %(reference)s is revoked.") % {"reference": self.certificate.reference},
        )
        return redirect(certificate_url(self.certificate))


class ReissueView(OneCertificateMixin, CertificateActionView):
    form_class = ReissueForm
    page_title = gettext_lazy("Reissue a certificate")
    submit_button_label = gettext_lazy("Reissue")
    introduction = gettext_lazy(
        "A new certificate replaces this one, with a new code and the holder's name and the "
        "title as they are now; the dates stay. The old one will verify as replaced."
    )

    def run(self, data):
        new = ReissueCertificateAction(
            self.certificate,
            user=self.request.user,
            reason=data["reason"],
            layout=data["layout"] or None,
        ).execute()
        messages.success(
            self.request,
            _("Certificate %(old)s is replaced by %(new)s.")
            % {"old": self.certificate.reference, "new": new.reference},
        )
        return redirect(certificate_url(new))


class IssueByHandView(CertificateActionView):
    form_class = IssueForm
    page_title = gettext_lazy("Issue a certificate by hand")
    submit_button_label = gettext_lazy("Issue")
    introduction = gettext_lazy(
        "Issue a course's or a workshop's certificate to one person, whether or not they meet "
        "its rule. The reason is kept with the certificate."
    )

    def run(self, data):
        person = data["person"]
        certificate, created = IssueCertificateAction(
            person,
            user=self.request.user,
            subject=data["course"] or data["workshop"],
            reason=data["reason"],
            layout=data["layout"] or None,
        ).execute()
        button = messages.button(certificate_url(certificate), _("Show it"))
        if created:
            messages.success(
                self.request,
                _("Certificate %(reference)s is issued to %(person)s.")
                % {"reference": certificate.reference, "person": person},
                buttons=[button],
            )
        else:
            messages.warning(
                self.request,
                _("%(person)s already holds a valid certificate for this: %(reference)s.")
                % {"reference": certificate.reference, "person": person},
                buttons=[button],
            )
        return redirect(certificate_url(certificate))


class IssueToEveryoneView(CertificateActionView):
    page_title = gettext_lazy("Issue to everyone who qualifies")
    submit_button_label = gettext_lazy("Issue the certificates")
    introduction = gettext_lazy(
        "Everyone who meets this rule and has never held its certificate receives one, "
        "by e-mail too. Those who already hold theirs are left as they are, so running this "
        "again is harmless."
    )

    def load(self, **kwargs):
        self.rule = get_object_or_404(
            CertificateRule.objects.select_related("course", "workshop"), pk=kwargs["pk"]
        )

    def get_page_subtitle(self):
        return str(self.rule)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("capacity_certificate_rules:index"), "label": _("Certificate rules")},
            {"url": "", "label": self.get_page_title()},
        ]

    def run(self, data):
        rule_id = self.rule.pk
        transaction.on_commit(lambda: issue_certificates.enqueue(rule_id))
        messages.success(
            self.request,
            _("The certificates of %(subject)s are being issued.") % {"subject": self.rule},
        )
        return redirect("capacity_certificate_rules:index")


class CertificatesViewSetGroup(ModelViewSetGroup):
    menu_label = gettext_lazy("Certificates")
    menu_icon = ICON
    menu_name = "capacity-certificates"
    items = (CertificateViewSet, CertificateRuleViewSet)
