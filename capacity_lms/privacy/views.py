"""The readable export, for staff in the admin and for members on their own "My data" page,
and the staff's erase form. GET only reads; the JSON download is a POST (``format=json``),
because it is recorded as an export; erasing is a POST with the username typed again."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.defaults import permission_denied
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from capacity_lms.privacy.actions import (
    ErasePersonAction,
    PersonalDataRequest,
    export_data,
    export_json,
    is_erased,
    may_manage,
    readable,
    readable_sections,
    record_export,
)
from capacity_lms.privacy.registry import entries


def account_heading(key):
    """The translated name of an account field ("last_login" -> "dernière connexion")."""
    try:
        return get_user_model()._meta.get_field(key).verbose_name
    except FieldDoesNotExist:
        return key.replace("_", " ")


def readable_context(person):
    """What the readable export templates show."""
    data = export_data(person)
    return {
        "person": person,
        "account": {
            account_heading(key): readable(value) for key, value in data["account"].items()
        },
        "exported_at": data["exported_at"],
        "sections": readable_sections(data),
        "is_erased": is_erased(person),
    }


def wants_json_download(request):
    """Whether a POST asks for the JSON download (the form's ``format=json`` field)."""
    return request.method == "POST" and request.POST.get("format") == "json"


def json_download(person, request, channel):
    """The JSON export as an attachment, recorded as an export: so only ever for a POST."""
    record_export(person, by=request.user, channel=channel)
    response = HttpResponse(export_json(person), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="personal-data-{person.pk}.json"'
    return response


class EraseForm(forms.Form):
    confirmation = forms.CharField(
        label=_("Type the username to confirm"),
        help_text=_("Erasure cannot be undone."),
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Why, without the person's name or e-mail (for example: request of 3 May)."),
    )

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person

    def clean_confirmation(self):
        typed = self.cleaned_data["confirmation"].strip()
        if typed != self.person.get_username():
            raise forms.ValidationError(_("That is not this account's username."))
        return typed


@method_decorator(never_cache, name="dispatch")
class PersonalDataAdminView(WagtailAdminTemplateMixin, TemplateView):
    """A person's data as staff see it: the readable export, the JSON download, the erase
    form."""

    template_name = "capacity_lms/privacy/admin_person.html"
    header_icon = "user"
    http_method_names = ["get", "post"]

    def dispatch(self, request, *args, **kwargs):
        if not may_manage(request.user):
            # A plain 403 (Wagtail would turn PermissionDenied into a redirect home): this page
            # is refused, not missing.
            return permission_denied(request, PermissionDenied())
        self.person = get_object_or_404(get_user_model(), pk=kwargs["user_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Personal data")

    def get_page_subtitle(self):
        return self.person.get_username()

    def post(self, request, *args, **kwargs):
        if wants_json_download(request):
            return json_download(self.person, request, PersonalDataRequest.Channel.ADMIN)
        form = EraseForm(request.POST, person=self.person)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        erasure = ErasePersonAction(
            self.person,
            user=request.user,
            reason=form.cleaned_data["reason"],
            channel=PersonalDataRequest.Channel.ADMIN,
        ).execute()
        messages.success(
            request,
            _("The data was erased; the account is now %(pseudonym)s.")
            % {"pseudonym": erasure.pseudonym},
        )
        return redirect("capacity_privacy:person", user_id=self.person.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(readable_context(self.person))
        context.setdefault("form", EraseForm(person=self.person))
        context["requests"] = PersonalDataRequest.objects.filter(person=self.person)[:20]
        context["registry"] = entries()
        return context


@method_decorator(never_cache, name="dispatch")
class MyDataView(LoginRequiredMixin, TemplateView):
    """The signed-in member's own data, readable (GET) or downloaded as JSON (a POST of
    ``format=json``, recorded as an export). A GET of the old ``?format=json`` link shows the
    page."""

    template_name = "capacity_lms/privacy/my_data.html"
    http_method_names = ["get", "post"]

    def post(self, request, *args, **kwargs):
        if wants_json_download(request):
            return json_download(request.user, request, PersonalDataRequest.Channel.SELF)
        return HttpResponseBadRequest()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(readable_context(self.request.user))
        return context
