"""Programme staff's eligibility check in the Wagtail admin.

A call's page lists its submitted applications waiting for the check; an application's page
shows the automatic points of the call's rules and the checklist (a verdict on every point, a
reason for each failed one) that runs :class:`DecideEligibility`, and the form that asks the
association for a missing document (:class:`RequestDocument`). Every button runs one action;
what an action refuses comes back on the form and nothing is written. Only programme staff
reach any of it; anyone else gets 404.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin.menu import MenuItem

from capacity_lms.calls.documents import documents_for_readers
from capacity_lms.calls.eligibility import (
    DecideEligibility,
    RequestDocument,
    automatic_points,
    is_programme_staff,
)
from capacity_lms.calls.models import Application
from capacity_lms.calls.pages import CallPage
from capacity_lms.core.actions import ActionRefused

app_name = "capacity_calls_review"
VERDICTS = [("pass", gettext_lazy("Passed")), ("fail", gettext_lazy("Failed"))]


def refuse_unless_staff(request):
    if not is_programme_staff(request.user):
        raise Http404


@require_http_methods(["GET", "HEAD"])
def index(request):
    """The calls (their canonical versions), each with how many applications wait."""
    refuse_unless_staff(request)
    waiting = Count("applications", filter=Q(applications__status=Application.Status.SUBMITTED))
    # Applications name the canonical version: list those, and any call in the default language.
    calls = (
        CallPage.objects.select_related("locale")
        .annotate(waiting=waiting, total=Count("applications"))
        .filter(Q(locale__language_code=settings.LANGUAGE_CODE) | Q(total__gt=0))
        .order_by("-year", "title")
    )
    return TemplateResponse(
        request, "capacity_lms/calls/admin/eligibility_calls.html", {"calls": calls}
    )


@require_http_methods(["GET", "HEAD"])
def call_applications(request, pk):
    """A call's submitted applications, oldest first, and those already checked."""
    refuse_unless_staff(request)
    call = get_object_or_404(CallPage, pk=pk).canonical()
    applications = (
        Application.objects.filter(call=call)
        .exclude(status=Application.Status.DRAFT)
        .select_related("association", "project")
        .order_by("submitted_at", "pk")
    )
    return TemplateResponse(
        request,
        "capacity_lms/calls/admin/eligibility_index.html",
        {"call": call, "applications": applications},
    )


class ChecklistForm(forms.Form):
    """A verdict and a reason per point; the action decides what is accepted."""

    def __init__(self, *args, points, **kwargs):
        super().__init__(*args, **kwargs)
        self.points = points
        for point in points:
            initial = {True: "pass", False: "fail"}.get(point.passed)
            self.fields[f"verdict_{point.key}"] = forms.ChoiceField(
                label=point.label,
                help_text=point.detail,
                choices=VERDICTS,
                widget=forms.RadioSelect,
                initial=initial,
            )
            self.fields[f"reason_{point.key}"] = forms.CharField(
                label=_("Reason, if “%(point)s” failed (the association reads it)")
                % {"point": point.label},
                widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
                required=False,
                max_length=2000,
            )

    def checklist(self):
        data = self.cleaned_data
        return {
            point.key: (data[f"verdict_{point.key}"] == "pass", data[f"reason_{point.key}"])
            for point in self.points
        }


class DocumentRequestForm(forms.Form):
    document = forms.ModelChoiceField(
        label=gettext_lazy("Document"), queryset=None, required=False
    )
    message = forms.CharField(
        label=gettext_lazy("Which document is missing (told to the association)"),
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        max_length=2000,
    )

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = call.required_documents.all()


def application_for(pk):
    return get_object_or_404(
        Application.objects.select_related("association", "call", "project").exclude(
            status=Application.Status.DRAFT
        ),
        pk=pk,
    )


def _page(request, application, checklist=None, request_form=None):
    submitted = application.status == Application.Status.SUBMITTED
    points = automatic_points(application)
    if submitted and checklist is None:
        checklist = ChecklistForm(points=points)
    if submitted and request_form is None:
        request_form = DocumentRequestForm(call=application.call.canonical())
    return TemplateResponse(
        request,
        "capacity_lms/calls/admin/eligibility_application.html",
        {
            "application": application,
            "points": points,
            "form": checklist if submitted else None,
            "request_form": request_form if submitted else None,
            "checks": application.eligibility_checks.order_by("pk"),
            "requests": application.document_requests.order_by("pk"),
            **documents_for_readers(application),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def application_page(request, pk):
    """An application's automatic points and the checklist that decides its eligibility."""
    refuse_unless_staff(request)
    application = application_for(pk)
    if request.method != "POST":
        return _page(request, application)
    if application.status != Application.Status.SUBMITTED:
        raise Http404
    form = ChecklistForm(request.POST, points=automatic_points(application))
    if form.is_valid():
        try:
            DecideEligibility(application, user=request.user, checklist=form.checklist()).execute()
        except ActionRefused as refusal:
            for message in refusal.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("The eligibility is decided; the association is told."))
            return redirect(f"{app_name}:call", application.call.canonical().pk)
    return _page(request, application, checklist=form)


@require_POST
def request_document(request, pk):
    refuse_unless_staff(request)
    application = application_for(pk)
    if application.status != Application.Status.SUBMITTED:
        raise Http404
    form = DocumentRequestForm(request.POST, call=application.call.canonical())
    if form.is_valid():
        try:
            RequestDocument(
                application,
                user=request.user,
                message=form.cleaned_data["message"],
                document=form.cleaned_data["document"],
            ).execute()
        except ActionRefused as refusal:
            for message in refusal.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("The association is asked for the document."))
            return redirect(f"{app_name}:application", application.pk)
    return _page(request, application, request_form=form)


def admin_urls():
    patterns = [
        path("", index, name="index"),
        path("calls/<int:pk>/", call_applications, name="call"),
        path("applications/<int:pk>/", application_page, name="application"),
        path("applications/<int:pk>/request/", request_document, name="request_document"),
    ]
    return [path("eligibility/", include((patterns, app_name), namespace=app_name))]


class EligibilityMenuItem(MenuItem):
    def is_shown(self, request):
        return is_programme_staff(request.user)


def menu_item():
    return EligibilityMenuItem(
        _("Eligibility"), reverse(f"{app_name}:index"), icon_name="tasks", order=255
    )
