"""Programme staff moderate the network in the Wagtail admin: offers and needs, reports of
abuse, and the messages reported.

The screens only read (``ReadOnlyPermissionPolicy``: the model's "view" permission); every
change is one of the action views below, which run the domain's actions (remove or reopen an
offer or need, uphold or dismiss a report) and need the model's "change" permission. Staff
see a relayed message only once someone reported it: the others are the associations' own.
"""

from django import forms
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import HeaderButton
from wagtail.permissions import register_permission_policy

from capacity_lms.core.actions import ActionRefused
from capacity_lms.core.admin import ReadOnlyPermissionPolicy
from capacity_lms.network.abuse import REVIEW_PERMISSION, ReviewAbuseReportAction
from capacity_lms.network.models import AbuseReport, OfferOrNeed, RelayedMessage
from capacity_lms.network.offers import MODERATE_PERMISSION, ModerateOfferOrNeedAction

ICON = "warning"

for _model in (OfferOrNeed, AbuseReport, RelayedMessage):
    register_permission_policy(_model, ReadOnlyPermissionPolicy(_model))


def reported_messages():
    return RelayedMessage.objects.filter(
        Exists(AbuseReport.objects.filter(message=OuterRef("pk")))
    ).select_related("sender_association", "recipient_association")


class ModerationView(WagtailAdminTemplateMixin, FormView):
    """Confirm one moderation step (GET), then run its action (POST)."""

    template_name = "capacity_lms/network/admin/action_form.html"
    header_icon = ICON
    form_class = forms.Form
    permission = ""
    introduction = ""
    submit_button_label = ""
    index_url_name = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            return permission_denied(request)
        self.subject = self.load(kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "action_url": self.request.path,
            "introduction": self.introduction,
            "submit_button_label": self.submit_button_label,
            "submit_button_active_label": self.submit_button_label,
            **self.shown(),
        }

    def form_valid(self, form):
        try:
            self.run()
        except ActionRefused as refused:
            for message in refused.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(self.request, self.done)
        return redirect(reverse(self.index_url_name))


class ModerateOfferView(ModerationView):
    permission = MODERATE_PERMISSION
    index_url_name = "capacity_offers_needs:index"
    remove = True

    def load(self, pk):
        return get_object_or_404(OfferOrNeed.objects.select_related("association"), pk=pk)

    def shown(self):
        return {"item": self.subject}

    def run(self):
        ModerateOfferOrNeedAction(
            self.subject, user=self.request.user, remove=self.remove
        ).execute()


class RemoveOfferView(ModerateOfferView):
    page_title = gettext_lazy("Remove an offer or need")
    submit_button_label = gettext_lazy("Remove")
    introduction = gettext_lazy(
        "It will no longer be listed, suggested or open to messages; its association's admins "
        "can no longer edit it."
    )
    done = gettext_lazy("Removed.")


class ReopenOfferView(ModerateOfferView):
    page_title = gettext_lazy("Put back an offer or need")
    submit_button_label = gettext_lazy("Put back")
    introduction = gettext_lazy("It is listed again until it expires.")
    done = gettext_lazy("Put back.")
    remove = False


class ReviewReportView(ModerationView):
    permission = REVIEW_PERMISSION
    index_url_name = "capacity_abuse_reports:index"
    uphold = True

    def load(self, pk):
        return get_object_or_404(
            AbuseReport.objects.select_related(
                "message__sender_association",
                "message__recipient_association",
                "offer_or_need__association",
            ),
            pk=pk,
        )

    def shown(self):
        return {
            "report": self.subject,
            "message": self.subject.message,
            "item": self.subject.offer_or_need,
        }

    def run(self):
        ReviewAbuseReportAction(self.subject, user=self.request.user, uphold=self.uphold).execute()


class UpholdReportView(ReviewReportView):
    page_title = gettext_lazy("Uphold a report of abuse")
    submit_button_label = gettext_lazy("Uphold")
    introduction = gettext_lazy(
        "A message reported is withheld from its recipients; an offer or need reported is "
        "removed from the network."
    )
    done = gettext_lazy("The report is upheld.")


class DismissReportView(ReviewReportView):
    page_title = gettext_lazy("Dismiss a report of abuse")
    submit_button_label = gettext_lazy("Dismiss")
    introduction = gettext_lazy("Nothing else changes.")
    done = gettext_lazy("The report is dismissed.")
    uphold = False


class SubjectInspectView(generic.InspectView):
    template_name = "capacity_lms/network/admin/inspect.html"
    subject_name = ""
    buttons = ()

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **self.shown()}

    @cached_property
    def header_buttons(self):
        user = self.request.user
        return [
            HeaderButton(label, url=reverse(name, args=[self.object.pk]), icon_name=icon)
            for label, name, icon, permission, shown in self.buttons
            if user.has_perm(permission) and shown(self.object)
        ]


class OfferInspectView(SubjectInspectView):
    buttons = (
        (
            gettext_lazy("Remove"),
            "capacity_offers_needs:remove",
            "cross",
            MODERATE_PERMISSION,
            lambda item: item.status != OfferOrNeed.Status.REMOVED,
        ),
        (
            gettext_lazy("Put back"),
            "capacity_offers_needs:reopen",
            "rotate",
            MODERATE_PERMISSION,
            lambda item: item.status == OfferOrNeed.Status.REMOVED,
        ),
    )

    def shown(self):
        return {"item": self.object}


class ReportInspectView(SubjectInspectView):
    buttons = tuple(
        (
            label,
            name,
            icon,
            REVIEW_PERMISSION,
            lambda report: report.status == AbuseReport.Status.OPEN,
        )
        for label, name, icon in (
            (gettext_lazy("Uphold"), "capacity_abuse_reports:uphold", "tick"),
            (gettext_lazy("Dismiss"), "capacity_abuse_reports:dismiss", "cross"),
        )
    )

    def shown(self):
        return {
            "report": self.object,
            "message": self.object.message,
            "item": self.object.offer_or_need,
        }


class MessageInspectView(SubjectInspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(reported_messages(), pk=self.pk)

    def shown(self):
        return {"message": self.object}


class MessageIndexView(generic.IndexView):
    def get_base_queryset(self):
        return reported_messages()


class _ModerationViewSet(ModelViewSet):
    icon = ICON
    inspect_view_enabled = True
    copy_view_enabled = False
    search_backend_name = None
    # The generic add and edit views need a form, though the policy refuses them to everyone.
    form_fields = ["status"]


class OfferOrNeedViewSet(_ModerationViewSet):
    model = OfferOrNeed
    name = "capacity_offers_needs"
    menu_label = gettext_lazy("Offers and needs")
    url_prefix = "capacity/network/offers-and-needs"
    inspect_view_class = OfferInspectView
    list_filter = ["status", "direction", "category"]
    search_fields = ["title", "association__name"]
    inspect_view_fields = ["association", "direction", "category", "expires_on", "created_at"]

    @property
    def list_display(self):
        return [
            "title",
            Column("association", label=_("Association")),
            Column("direction", label=_("Offer or need"), accessor="get_direction_display"),
            Column("status", label=_("Status"), accessor="get_status_display"),
            DateColumn("expires_on", label=_("Open until")),
        ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("remove/<int:pk>/", RemoveOfferView.as_view(), name="remove"),
            path("reopen/<int:pk>/", ReopenOfferView.as_view(), name="reopen"),
        ]


class AbuseReportViewSet(_ModerationViewSet):
    model = AbuseReport
    name = "capacity_abuse_reports"
    menu_label = gettext_lazy("Reports of abuse")
    url_prefix = "capacity/network/abuse-reports"
    inspect_view_class = ReportInspectView
    list_filter = ["status"]
    search_fields = ["reason"]
    inspect_view_fields = ["created_at", "reviewed_by", "reviewed_at"]

    @property
    def list_display(self):
        return [
            Column("reason", label=_("Reason"), accessor="__str__"),
            Column("status", label=_("Status"), accessor="get_status_display"),
            DateColumn("created_at", label=_("Reported")),
        ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("uphold/<int:pk>/", UpholdReportView.as_view(), name="uphold"),
            path("dismiss/<int:pk>/", DismissReportView.as_view(), name="dismiss"),
        ]


class ReportedMessageViewSet(_ModerationViewSet):
    model = RelayedMessage
    name = "capacity_reported_messages"
    menu_label = gettext_lazy("Messages reported")
    url_prefix = "capacity/network/reported-messages"
    index_view_class = MessageIndexView
    inspect_view_class = MessageInspectView
    list_filter = ["withheld"]
    search_fields = ["subject"]
    form_fields = ["subject"]
    inspect_view_fields = ["sender_association", "recipient_association", "created_at", "withheld"]

    @property
    def list_display(self):
        return [
            "subject",
            Column("sender_association", label=_("From association")),
            Column("recipient_association", label=_("To association")),
            DateColumn("created_at", label=_("Sent")),
        ]


class NetworkModerationViewSetGroup(ModelViewSetGroup):
    """One menu for moderating the associations' network."""

    menu_label = gettext_lazy("Network moderation")
    menu_icon = ICON
    menu_name = "capacity-network-moderation"
    items = (OfferOrNeedViewSet, AbuseReportViewSet, ReportedMessageViewSet)
