"""Members register an association, see theirs, and ask to join one.

Every POST runs an action of :mod:`.registration` or :mod:`.joining`, so these views refuse
what the actions refuse. A registration refused as a duplicate shows the form again with the
action's message; when the existing association is not verified, the only thing offered is to
ask to join it (:func:`join_registered` finds it again by number and country, and says no more
about it than that the request was sent).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from capacity_lms.core import ratelimit
from capacity_lms.core.actions import ActionRefused, perform, show_refusal
from capacity_lms.network.forms import JoinRequestForm, RegistrationForm
from capacity_lms.network.joining import RequestToJoinAction, WithdrawRequestAction, joinable
from capacity_lms.network.registration import (
    DuplicateRegistration,
    RegisterAssociationAction,
    UploadsRefused,
    find_by_number,
    max_upload_bytes,
)
from capacity_lms.people.models import Association, Membership
from capacity_lms.people.records import MembershipRequest
from capacity_lms.taxonomy.models import Country

REGISTER_TEMPLATE = "capacity_lms/network/register.html"


@login_required
@require_http_methods(["GET", "POST"])
def register(request):
    """The registration form (GET) and the registration itself (POST)."""
    duplicate = None
    if request.method == "POST":
        wait = ratelimit.hit(request, "association_register")
        if wait:
            return ratelimit.too_many_requests(request, wait)
        form = RegistrationForm(request.POST, request.FILES)
        if form.is_valid():
            data = {**form.cleaned_data}
            try:
                association = RegisterAssociationAction(
                    request.user, user=request.user, data=data
                ).execute()
            except UploadsRefused as refused:
                for field, message in refused.by_field.items():
                    form.add_error(field, message)
            except DuplicateRegistration as refused:
                form.add_error(None, refused.messages[0])
                duplicate = refused.existing
            except ActionRefused as refused:
                for message in refused.messages:
                    form.add_error(None, message)
            else:
                messages.success(
                    request,
                    _(
                        "Thank you. “%(name)s” is registered and awaits verification by the "
                        "programme staff; you will hear by e-mail."
                    )
                    % {"name": association.name},
                )
                return redirect("capacity_lms:association_mine")
        status = 400
    else:
        form = RegistrationForm(initial={"kind": Association.Kind.ABROAD})
        status = 200
    context = {
        "form": form,
        "max_upload": max_upload_bytes(),
        "duplicate": duplicate,
        "duplicate_is_public": duplicate is not None and joinable(duplicate),
    }
    return TemplateResponse(request, REGISTER_TEMPLATE, context, status=status)


@login_required
@require_GET
def my_associations(request):
    """The signed-in person's associations, their requests to join, and for the associations
    they are an admin of, the requests waiting for an answer."""
    memberships = list(
        Membership.objects.filter(user=request.user)
        .select_related("association__host_country", "association__region")
        .prefetch_related(
            Prefetch(
                "association__membership_requests",
                queryset=MembershipRequest.objects.filter(
                    status=MembershipRequest.Status.PENDING
                ).select_related("user"),
                to_attr="pending_requests",
            )
        )
        .order_by("association__name")
    )
    requests = list(
        MembershipRequest.objects.filter(user=request.user)
        .exclude(status=MembershipRequest.Status.ACCEPTED)
        .select_related("association")
        .order_by("-created_at")[:50]
    )
    return TemplateResponse(
        request,
        "capacity_lms/network/my_associations.html",
        {
            "memberships": memberships,
            "requests": requests,
            "leader": Membership.Role.LEADER,
            "pending": MembershipRequest.Status.PENDING,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def join(request, pk):
    """Ask to join a verified association (GET: the form)."""
    association = get_object_or_404(Association.objects.live().verified(), pk=pk)
    if request.method == "POST":
        form = JoinRequestForm(request.POST)
        if form.is_valid():
            try:
                RequestToJoinAction(
                    association, user=request.user, message=form.cleaned_data["message"]
                ).execute()
            except ActionRefused as refused:
                show_refusal(request, refused)
            else:
                messages.success(
                    request,
                    _("Your request to join “%(name)s” was sent to its admins.")
                    % {"name": association.name},
                )
            return redirect("capacity_lms:association_mine")
    else:
        form = JoinRequestForm()
    already = Membership.objects.filter(user=request.user, association=association).exists()
    return TemplateResponse(
        request,
        "capacity_lms/network/join.html",
        {"association": association, "form": form, "already_member": already},
    )


@login_required
@require_POST
def join_registered(request):
    """Ask to join the association registered under a number and country, without being
    told which one it is (the offer made when a registration is refused as a duplicate)."""
    kind = request.POST.get("kind", "")
    country = Country.objects.filter(pk=request.POST.get("host_country") or None).first()
    existing = find_by_number(kind, country, request.POST.get("registration_number", ""))
    if existing is None:
        raise Http404
    perform(
        request,
        RequestToJoinAction(existing, user=request.user),
        _("Your request was sent to the admins of the association registered."),
    )
    return redirect("capacity_lms:association_mine")


@login_required
@require_POST
def withdraw_request(request, pk):
    """The person who asked takes back their request (anyone else: 404)."""
    join_request = get_object_or_404(MembershipRequest, pk=pk, user=request.user)
    perform(
        request,
        WithdrawRequestAction(join_request, user=request.user),
        _("Your request is withdrawn."),
    )
    return redirect("capacity_lms:association_mine")
