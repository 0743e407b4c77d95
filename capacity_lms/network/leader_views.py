"""An association's admins answer requests to join it and edit its profile.

Each view finds the association among those the signed-in person is an admin of (or any, for
programme staff): anyone else gets 404, as for an association that does not exist. Edits to
what the directory shows of a verified association wait for staff review
(:class:`~capacity_lms.network.profile.EditProfileAction`).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from capacity_lms.core.actions import ActionRefused, perform
from capacity_lms.network.forms import AssociationProfileForm, DecisionForm
from capacity_lms.network.joining import (
    AcceptRequestAction,
    RefuseRequestAction,
    may_manage,
)
from capacity_lms.network.profile import EditProfileAction, form_initial, pending_change
from capacity_lms.network.registration import UploadsRefused, max_upload_bytes
from capacity_lms.people.models import Association, Membership
from capacity_lms.people.records import MembershipRequest


def managed_association(request, pk):
    """The live association ``pk`` if the signed-in person manages it, else 404."""
    association = get_object_or_404(
        Association.objects.live().select_related("host_country", "region", "province"), pk=pk
    )
    if not may_manage(request.user, association):
        raise Http404
    return association


@login_required
@require_GET
def manage(request, pk):
    """The requests waiting for an answer and the members, for the association's admins."""
    association = managed_association(request, pk)
    pending = list(
        association.membership_requests.filter(status=MembershipRequest.Status.PENDING)
        .select_related("user")
        .order_by("created_at")
    )
    members = list(
        Membership.objects.filter(association=association)
        .select_related("user")
        .order_by("-role", "user__username")
    )
    return TemplateResponse(
        request,
        "capacity_lms/network/manage.html",
        {
            "association": association,
            "pending": pending,
            "members": members,
            "decision_form": DecisionForm(),
            "change": pending_change(association),
        },
    )


def _answer(request, pk, action_class, done_message):
    join_request = get_object_or_404(
        MembershipRequest.objects.select_related("association", "user"), pk=pk
    )
    if not may_manage(request.user, join_request.association):
        raise Http404
    form = DecisionForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    perform(
        request,
        action_class(join_request, user=request.user, reason=reason),
        done_message % {"name": join_request.user.get_username()},
    )
    return redirect("capacity_lms:association_manage", pk=join_request.association_id)


@login_required
@require_POST
def accept_request(request, pk):
    return _answer(request, pk, AcceptRequestAction, _("%(name)s is now a member."))


@login_required
@require_POST
def refuse_request(request, pk):
    return _answer(request, pk, RefuseRequestAction, _("The request of %(name)s is refused."))


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    """The profile form (GET) and the edit (POST)."""
    association = managed_association(request, pk)
    if request.method == "POST":
        form = AssociationProfileForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                change = EditProfileAction(
                    association, user=request.user, data={**form.cleaned_data}
                ).execute()
            except UploadsRefused as refused:
                for field, message in refused.by_field.items():
                    form.add_error(field, message)
            except ActionRefused as refused:
                for message in refused.messages:
                    form.add_error(None, message)
            else:
                if change is not None:
                    messages.success(
                        request,
                        _(
                            "Saved. Changes to what the directory shows wait for the "
                            "programme staff's review before they appear."
                        ),
                    )
                else:
                    messages.success(request, _("Saved."))
                return redirect("capacity_lms:association_manage", pk=association.pk)
        status = 400
    else:
        form = AssociationProfileForm(initial=form_initial(association))
        status = 200
    return TemplateResponse(
        request,
        "capacity_lms/network/edit.html",
        {
            "association": association,
            "form": form,
            "max_upload": max_upload_bytes(),
            "change": pending_change(association),
        },
        status=status,
    )
