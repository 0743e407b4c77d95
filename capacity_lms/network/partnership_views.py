"""Association admins manage their partnerships: declare, confirm or decline, end.

Every page is for signed-in people; what it lists is limited to the associations the person is
an admin of, and every partnership a URL names is looked up among theirs (another association's
admin gets 404). Changes are POSTs that go through the actions of ``partnerships.py``.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from capacity_lms.core.actions import ActionRefused, perform
from capacity_lms.network.models import Partnership
from capacity_lms.network.partnerships import (
    ConfirmPartnershipAction,
    DeclarePartnershipAction,
    DeclinePartnershipAction,
    EndPartnershipAction,
)
from capacity_lms.network.reach import active_associations, led_associations
from capacity_lms.taxonomy.models import Region, StrategicAxis


class DeclarePartnershipForm(forms.Form):
    initiator = forms.ModelChoiceField(
        label=gettext_lazy("Your association"), queryset=None, empty_label=None
    )
    partner = forms.ModelChoiceField(
        label=gettext_lazy("Partner association"),
        queryset=None,
        help_text=gettext_lazy("A verified association; its admins confirm the partnership."),
    )
    region = forms.ModelChoiceField(
        label=gettext_lazy("Region of Morocco"), queryset=Region.objects.all(), required=False
    )
    strategic_axis = forms.ModelChoiceField(
        label=gettext_lazy("Strategic axis"),
        queryset=StrategicAxis.objects.all(),
        required=False,
    )
    purpose = forms.CharField(
        label=gettext_lazy("Purpose"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
    )
    starts_on = forms.DateField(
        label=gettext_lazy("Start"), widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(
        label=gettext_lazy("End"),
        widget=forms.DateInput(attrs={"type": "date"}),
        required=False,
        help_text=gettext_lazy("Leave empty if it has no planned end."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        led = led_associations(user).order_by("name")
        self.fields["initiator"].queryset = led
        self.fields["partner"].queryset = active_associations().order_by("name")

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("A partnership cannot end before it starts."))
        return cleaned


def refused(request, reasons, status=403):
    """The page that says why a member cannot do this here."""
    return TemplateResponse(
        request, "capacity_lms/network/refused.html", {"reasons": reasons}, status=status
    )


@login_required
@require_GET
def partnership_list(request):
    """The partnerships of the associations the person is an admin of, by where they stand."""
    led = list(led_associations(request.user).order_by("name"))
    led_ids = {association.pk for association in led}
    rows = list(
        Partnership.objects.filter(Q(initiator__in=led_ids) | Q(partner__in=led_ids))
        .select_related("initiator", "partner", "region", "strategic_axis")
        .order_by("-starts_on", "-pk")
    )
    proposed = [row for row in rows if row.status == Partnership.Status.PROPOSED]
    groups = {
        "to_answer": [row for row in proposed if row.partner_id in led_ids],
        "proposed": [row for row in proposed if row.partner_id not in led_ids],
        "active": [row for row in rows if row.status == Partnership.Status.ACTIVE],
        "past": [
            row
            for row in rows
            if row.status in (Partnership.Status.ENDED, Partnership.Status.DECLINED)
        ],
    }
    return TemplateResponse(
        request,
        "capacity_lms/network/partnerships.html",
        {"led": led, "led_ids": led_ids, **groups},
    )


@login_required
@require_http_methods(["GET", "POST"])
def declare_partnership(request):
    """The form to declare a partnership (GET) and the declaration (POST)."""
    if not led_associations(request.user).exists():
        return refused(
            request, [_("Only an admin of a verified association declares its partnerships.")]
        )
    form = DeclarePartnershipForm(request.POST or None, user=request.user)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                DeclarePartnershipAction(
                    data["initiator"],
                    user=request.user,
                    partner=data["partner"],
                    purpose=data["purpose"],
                    starts_on=data["starts_on"],
                    ends_on=data["ends_on"],
                    region=data["region"],
                    strategic_axis=data["strategic_axis"],
                ).execute()
            except ActionRefused as refusal:
                for message in refusal.messages:
                    form.add_error(None, message)
            else:
                messages.success(
                    request,
                    _(
                        "The partnership with %(partner)s is declared; it shows once its admins "
                        "confirm it."
                    )
                    % {"partner": data["partner"].name},
                )
                return redirect("capacity_lms:network_partnerships")
    return TemplateResponse(
        request, "capacity_lms/network/declare_partnership.html", {"form": form}, status=status
    )


def _answer(request, pk, action_class, done, *, partner_only=True):
    """Run ``action_class`` on a partnership of the person's associations (else 404)."""
    led = led_associations(request.user)
    reach = Q(partner__in=led) if partner_only else Q(partner__in=led) | Q(initiator__in=led)
    partnership = get_object_or_404(
        Partnership.objects.filter(reach).select_related("initiator", "partner"), pk=pk
    )
    perform(
        request,
        action_class(partnership, user=request.user),
        done % {"initiator": partnership.initiator.name},
    )
    return redirect("capacity_lms:network_partnerships")


@login_required
@require_POST
def confirm_partnership(request, pk):
    return _answer(
        request,
        pk,
        ConfirmPartnershipAction,
        _("The partnership with %(initiator)s is confirmed; it shows on both pages."),
    )


@login_required
@require_POST
def decline_partnership(request, pk):
    return _answer(
        request, pk, DeclinePartnershipAction, _("The partnership with %(initiator)s is declined.")
    )


@login_required
@require_POST
def end_partnership(request, pk):
    return _answer(
        request, pk, EndPartnershipAction, _("The partnership is ended."), partner_only=False
    )
