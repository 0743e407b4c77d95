"""How a person hears of new posts: their choice (signed in), and the unsubscribe link of every
e-mail, which works without signing in. The link's GET only shows what it would do; its POST
(the page's button, or a mail client's one-click ``List-Unsubscribe=One-Click``, RFC 8058)
stops every e-mail of the exchange spaces. The signed token in the URL is the only authority,
which is why that one POST needs no CSRF token: it can do nothing but unsubscribe the person
the token names. A forged or expired token is a 404."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from capacity_lms.core.actions import perform
from capacity_lms.exchange.notices import SetNotificationMode, mode_of, person_of_token
from capacity_lms.exchange.people_models import NotificationPreference
from capacity_lms.exchange.views import TEMPLATES


class ModeForm(forms.Form):
    mode = forms.ChoiceField(
        label=gettext_lazy("How do you want to hear of new posts where you follow?"),
        choices=NotificationPreference.Mode.choices,
        widget=forms.RadioSelect,
    )


@login_required
@require_http_methods(["GET", "POST"])
def notifications(request):
    form = ModeForm(request.POST or None, initial={"mode": mode_of(request.user)})
    if request.method == "POST" and form.is_valid():
        perform(
            request,
            SetNotificationMode(request.user, user=request.user, mode=form.cleaned_data["mode"]),
            _("Your choice is saved."),
        )
        return redirect("capacity_lms:exchange_notifications")
    return TemplateResponse(
        request,
        TEMPLATES + "notifications.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    person = person_of_token(token)
    if person is None:
        raise Http404
    if request.method == "POST":
        SetNotificationMode(person, user=person, mode=NotificationPreference.Mode.NONE).execute()
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return TemplateResponse(request, TEMPLATES + "unsubscribed.html", {}, status=200)
        messages.success(request, _("You will get no more e-mails from the exchange spaces."))
        return TemplateResponse(request, TEMPLATES + "unsubscribed.html", {})
    return TemplateResponse(
        request,
        TEMPLATES + "unsubscribe.html",
        {"already": mode_of(person) == NotificationPreference.Mode.NONE},
    )
