"""Offers and needs: the open board, one offer or need, posting and editing, matches.

The board and an open offer or need are public (an association's offer is not personal data;
who posted it is never shown). Posting, editing and closing are for the association's admins;
"contact" and "report abuse" for signed-in members. A URL naming an offer or need beyond the
person's reach answers 404.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused, perform
from capacity_lms.network.abuse import AbuseReportForm, ReportAbuseAction
from capacity_lms.network.matching import suggestions_for, with_match_data
from capacity_lms.network.models import OfferOrNeed
from capacity_lms.network.offers import (
    CloseOfferOrNeedAction,
    EditOfferOrNeedAction,
    OfferOrNeedForm,
    PostOfferOrNeedAction,
)
from capacity_lms.network.partnership_views import refused
from capacity_lms.network.reach import led_associations, member_associations
from capacity_lms.taxonomy.models import Region, StrategicAxis

PER_PAGE = 20


class BoardFilters(forms.Form):
    direction = forms.ChoiceField(
        label=gettext_lazy("Offers or needs"),
        choices=[("", gettext_lazy("Both")), *OfferOrNeed.Direction.choices],
        required=False,
    )
    category = forms.ChoiceField(
        label=gettext_lazy("Category"),
        choices=[("", gettext_lazy("Any")), *OfferOrNeed.Category.choices],
        required=False,
    )
    axis = forms.ModelChoiceField(
        label=gettext_lazy("Strategic axis"),
        queryset=StrategicAxis.objects.all(),
        required=False,
        empty_label=gettext_lazy("Any"),
    )
    region = forms.ModelChoiceField(
        label=gettext_lazy("Region of Morocco"),
        queryset=Region.objects.all(),
        required=False,
        empty_label=gettext_lazy("Any"),
    )


@require_GET
def board(request):
    """The open offers and needs of verified associations, filtered, newest first."""
    filters = BoardFilters(request.GET or None)
    items = OfferOrNeed.objects.open(clock.today())
    chosen = {}
    if filters.is_valid():
        data = filters.cleaned_data
        if data["direction"]:
            items = items.filter(direction=data["direction"])
        if data["category"]:
            items = items.filter(category=data["category"])
        if data["axis"]:
            items = items.filter(strategic_axis=data["axis"])
        if data["region"]:
            items = items.filter(regions=data["region"])
        chosen = {name: getattr(value, "pk", value) for name, value in data.items() if value}
    paginator = Paginator(with_match_data(items.order_by("-created_at", "-pk")), PER_PAGE)
    listed = paginator.get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "capacity_lms/network/board.html",
        {
            "filters": filters,
            "items": listed,
            "query": urlencode(chosen),
            "can_post": request.user.is_authenticated and led_associations(request.user).exists(),
        },
    )


def _item_for(request, pk):
    """An open offer or need, or any of the person's own associations (else 404)."""
    item = get_object_or_404(with_match_data(OfferOrNeed.objects.all()), pk=pk)
    is_open = OfferOrNeed.objects.open(clock.today()).filter(pk=pk).exists()
    own = (
        request.user.is_authenticated
        and led_associations(request.user).filter(pk=item.association_id).exists()
    )
    if not (is_open or own):
        raise Http404
    return item, is_open, own


@require_GET
def detail(request, pk):
    """One offer or need; its association's admins see their matches, members may write."""
    item, is_open, own = _item_for(request, pk)
    may_contact = (
        is_open
        and not own
        and member_associations(request.user).exclude(pk=item.association_id).exists()
    )
    matches = []
    if own and is_open:
        for ours, found in suggestions_for([item.association_id], clock.today()):
            if ours.pk == item.pk:
                matches = found
    return TemplateResponse(
        request,
        "capacity_lms/network/offer_detail.html",
        {
            "item": item,
            "is_open": is_open,
            "own": own,
            "may_contact": may_contact,
            "matches": matches,
        },
    )


def _form_page(request, form, item, status):
    return TemplateResponse(
        request,
        "capacity_lms/network/offer_form.html",
        {"form": form, "item": item},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def post_offer(request):
    """The form to post an offer or a need (GET) and the posting (POST)."""
    if not led_associations(request.user).exists():
        return refused(
            request,
            [_("Only an admin of a verified association posts its offers and needs.")],
        )
    form = OfferOrNeedForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            try:
                item = PostOfferOrNeedAction(
                    form.cleaned_data["association"], user=request.user, data=form.cleaned_data
                ).execute()
            except ActionRefused as refusal:
                for message in refusal.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("It is posted: see below the matches we suggest."))
                return redirect("capacity_lms:network_offer", pk=item.pk)
        return _form_page(request, form, None, 400)
    return _form_page(request, form, None, 200)


def _own_item(request, pk):
    return get_object_or_404(
        OfferOrNeed.objects.filter(association__in=led_associations(request.user)).exclude(
            status=OfferOrNeed.Status.REMOVED
        ),
        pk=pk,
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_offer(request, pk):
    item = _own_item(request, pk)
    if request.method == "POST":
        form = OfferOrNeedForm(request.POST, user=request.user)
        if form.is_valid() and form.cleaned_data["association"].pk != item.association_id:
            form.add_error("association", _("An offer or need stays with its association."))
        if form.is_valid():
            try:
                EditOfferOrNeedAction(item, user=request.user, data=form.cleaned_data).execute()
            except ActionRefused as refusal:
                for message in refusal.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("Your changes are saved."))
                return redirect("capacity_lms:network_offer", pk=item.pk)
        return _form_page(request, form, item, 400)
    form = OfferOrNeedForm(initial=OfferOrNeedForm.initial_for(item), user=request.user)
    return _form_page(request, form, item, 200)


@login_required
@require_POST
def close_offer(request, pk):
    item = _own_item(request, pk)
    perform(
        request,
        CloseOfferOrNeedAction(item, user=request.user),
        _("It is closed: no longer listed nor suggested."),
    )
    return redirect("capacity_lms:network_offer", pk=item.pk)


@login_required
@require_http_methods(["GET", "POST"])
def report_offer(request, pk):
    """Report an open offer or need to programme staff."""
    item = get_object_or_404(OfferOrNeed.objects.open(clock.today()), pk=pk)
    form = AbuseReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            ReportAbuseAction(
                item, user=request.user, reason=form.cleaned_data["reason"]
            ).execute()
        except ActionRefused as refusal:
            for message in refusal.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Thank you: programme staff will review your report."))
            return redirect("capacity_lms:network_offer", pk=item.pk)
    return TemplateResponse(
        request,
        "capacity_lms/network/report_abuse.html",
        {"form": form, "subject": item, "back": item},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_GET
def matches(request):
    """Every open offer and need of the person's associations with the matches suggested."""
    led = list(led_associations(request.user).order_by("name"))
    suggestions = suggestions_for([a.pk for a in led], clock.today()) if led else []
    return TemplateResponse(
        request,
        "capacity_lms/network/matches.html",
        {"led": led, "suggestions": suggestions},
    )
