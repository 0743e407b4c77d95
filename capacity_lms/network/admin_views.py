"""The admin's side of associations: verification, merging, documents and profile changes.

:class:`AssociationAdminViewSet` is the people domain's association viewset with what this
domain adds: an inspect page with the verification history, the documents and any possible
duplicate, and one form per verification action and for merging, each running its action
(what the action refuses comes back as the form's errors). :class:`ProfileChangeViewSet` lists
the edits waiting for review, to apply or refuse. Programme staff (who may change
associations) get them; the documents are served from private storage to them only.
"""

import mimetypes

from django import forms
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import InspectView
from wagtail.snippets.widgets import AdminSnippetChooser

from capacity_lms.core.actions import ActionRefused
from capacity_lms.core.admin import ReadOnlyPermissionPolicy
from capacity_lms.network.merging import MergeAssociationsAction
from capacity_lms.network.profile import (
    ApplyProfileChangeAction,
    RefuseProfileChangeAction,
    current_values,
)
from capacity_lms.network.verification import (
    VERIFICATION_ACTIONS,
    actions_open_to,
    may_verify,
)
from capacity_lms.people.models import Association
from capacity_lms.people.records import AssociationDocument, ProfileChange
from capacity_lms.people.views import AssociationViewSet

ICON = "home"

# Profile changes are applied or refused through actions, never edited in a form.
register_permission_policy(ProfileChange, ReadOnlyPermissionPolicy(ProfileChange))


def inspect_url(association):
    return reverse("wagtailsnippets_capacity_lms_association:inspect", args=[association.pk])


class AssociationInspectView(InspectView):
    template_name = "capacity_lms/network/admin/association_inspect.html"

    @cached_property
    def header_buttons(self):
        association = self.object
        if not may_verify(self.request.user):
            return []
        buttons = [
            HeaderButton(
                VERIFICATION_ACTIONS[name].label,
                url=reverse(
                    f"wagtailsnippets_capacity_lms_association:{name}", args=[association.pk]
                ),
                icon_name="tick" if name in ("verify", "reinstate") else "warning",
            )
            for name in actions_open_to(association)
        ]
        if not association.merged_into_id:
            buttons.append(
                HeaderButton(
                    _("Merge into another"),
                    url=reverse(
                        "wagtailsnippets_capacity_lms_association:merge", args=[association.pk]
                    ),
                    icon_name="arrow-right",
                )
            )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        association = self.object
        return {
            **context,
            "events": association.verification_events.select_related("actor"),
            "documents": association.documents.all(),
            "possible_duplicates": Association.objects.live().filter(
                possible_duplicate_of=association
            ),
            "change": association.profile_changes.filter(
                status=ProfileChange.Status.PENDING
            ).first(),
        }


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Kept in the history and sent to the association's admins."),
    )


class MergeForm(ReasonForm):
    into = forms.ModelChoiceField(
        label=gettext_lazy("Merge into"),
        queryset=Association.objects.live(),
        widget=AdminSnippetChooser(Association),
        help_text=gettext_lazy(
            "The association that stays: memberships, partnerships, case studies, offers and "
            "needs and messages move to it."
        ),
    )


class StaffActionView(WagtailAdminTemplateMixin, FormView):
    """A form running one action on one object for programme staff; what the action
    refuses comes back as the form's errors and nothing changes."""

    template_name = "capacity_lms/network/admin/action_form.html"
    header_icon = ICON
    form_class = ReasonForm
    model = Association
    introduction = ""

    def dispatch(self, request, *args, **kwargs):
        if not may_verify(request.user):
            return permission_denied(request)
        self.object = get_object_or_404(self.model, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return {
            **context,
            "action_url": self.request.path,
            "introduction": self.introduction,
            "object": self.object,
            "submit_button_label": self.page_title,
            "media": context["form"].media,
        }

    def form_valid(self, form):
        try:
            return self.run(form.cleaned_data)
        except ActionRefused as refused:
            for message in refused.messages:
                form.add_error(None, message)
            return self.form_invalid(form)


def verification_view(name):
    action_class = VERIFICATION_ACTIONS[name]

    class VerificationView(StaffActionView):
        page_title = action_class.label

        def run(self, data):
            action_class(self.object, user=self.request.user, reason=data["reason"]).execute()
            messages.success(
                self.request,
                _("“%(name)s”: done, and its admins are told by e-mail.")
                % {"name": self.object.name},
            )
            return redirect(inspect_url(self.object))

    VerificationView.__name__ = f"{name.title().replace('_', '')}View"
    return VerificationView


class MergeView(StaffActionView):
    form_class = MergeForm
    page_title = gettext_lazy("Merge into another association")
    introduction = gettext_lazy(
        "For two records of one association. This one leaves the directory and every list; "
        "a person in both keeps one membership. It cannot be undone from here."
    )

    def get_initial(self):
        return {"into": self.object.possible_duplicate_of}

    def run(self, data):
        moved = MergeAssociationsAction(
            self.object, user=self.request.user, into=data["into"], reason=data["reason"]
        ).execute()
        messages.success(
            self.request,
            _(
                "Merged into “%(name)s”: %(memberships)s memberships and %(partnerships)s "
                "partnerships moved."
            )
            % {
                "name": data["into"].name,
                "memberships": moved["memberships"],
                "partnerships": moved["partnerships"],
            },
        )
        return redirect(inspect_url(data["into"]))


@require_safe
def document(request, pk):
    """A statutes or receipt file, for programme staff only, always as a download."""
    if not may_verify(request.user):
        raise Http404
    item = get_object_or_404(AssociationDocument, pk=pk)
    name = item.original_name or item.file.name.rsplit("/", 1)[-1]
    response = FileResponse(
        item.file.open("rb"),
        as_attachment=True,
        filename=name,
        content_type=mimetypes.guess_type(name)[0] or "application/octet-stream",
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


class AssociationAdminViewSet(AssociationViewSet):
    inspect_view_enabled = True
    inspect_view_class = AssociationInspectView
    list_display = [
        *AssociationViewSet.list_display,
        Column(
            "possible_duplicate_of", label=gettext_lazy("Possible duplicate of"), sort_key=None
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("possible_duplicate_of")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            *[
                path(f"{name}/<int:pk>/", verification_view(name).as_view(), name=name)
                for name in VERIFICATION_ACTIONS
            ],
            path("merge/<int:pk>/", MergeView.as_view(), name="merge"),
        ]


class ProfileChangeInspectView(generic.InspectView):
    template_name = "capacity_lms/network/admin/profile_change_inspect.html"

    @cached_property
    def header_buttons(self):
        if self.object.status != ProfileChange.Status.PENDING:
            return []
        return [
            HeaderButton(
                _("Apply"),
                url=reverse("capacity_profile_changes:apply", args=[self.object.pk]),
                icon_name="tick",
            ),
            HeaderButton(
                _("Refuse"),
                url=reverse("capacity_profile_changes:refuse", args=[self.object.pk]),
                icon_name="cross",
            ),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = current_values(self.object.association)
        rows = [
            (field, now.get(field), value) for field, value in sorted(self.object.changes.items())
        ]
        return {**context, "rows": rows}


class ReviewChangeView(StaffActionView):
    model = ProfileChange
    action_class = None

    def run(self, data):
        self.action_class(self.object, user=self.request.user, reason=data["reason"]).execute()
        messages.success(self.request, _("Done; whoever proposed it is told by e-mail."))
        return redirect(reverse("capacity_profile_changes:index"))


class ApplyChangeView(ReviewChangeView):
    page_title = gettext_lazy("Apply the change")
    action_class = ApplyProfileChangeAction


class RefuseChangeView(ReviewChangeView):
    page_title = gettext_lazy("Refuse the change")
    action_class = RefuseProfileChangeAction


class ProfileChangeViewSet(ModelViewSet):
    """Edits to verified associations' public profiles, waiting for staff review."""

    model = ProfileChange
    name = "capacity_profile_changes"
    icon = "edit"
    menu_label = gettext_lazy("Profile changes")
    url_prefix = "capacity/profile-changes"
    add_to_admin_menu = True
    menu_order = 250
    inspect_view_enabled = True
    inspect_view_class = ProfileChangeInspectView
    copy_view_enabled = False
    list_display = ["association", "status", "proposed_by", "proposed_at"]
    list_filter = ["status"]
    form_fields = ["reason"]

    def get_queryset(self, request):
        return ProfileChange.objects.select_related("association", "proposed_by")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("apply/<int:pk>/", ApplyChangeView.as_view(), name="apply"),
            path("refuse/<int:pk>/", RefuseChangeView.as_view(), name="refuse"),
        ]


def admin_urls():
    """The documents' download, outside any viewset (see ``wagtail_hooks``)."""
    return [
        path(
            "capacity/association-documents/<int:pk>/",
            document,
            name="capacity_lms_association_document",
        )
    ]
