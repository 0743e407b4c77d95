"""A call's history in the Wagtail admin, for auditors and programme staff.

Every state change of a call and its applications is one :class:`CallEvent`, written by the
action that made it (:mod:`capacity_lms.calls.history`). *Call history* lists the calls; a
call's page reads its history back, oldest first, a hundred rows a page, filtered by what
happened and by application, and downloads the same rows as CSV. Auditors read and change
nothing: the pages are GET only. Only holders of ``view_call_history`` (the Auditors and
Programme staff groups, and superusers) reach any of it; anyone else gets 404, a committee's
chair and reviewers included.
"""

import datetime

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from wagtail.admin.menu import MenuItem

from capacity_lms.calls.history import history_of
from capacity_lms.calls.models import Application, CallEvent
from capacity_lms.calls.pages import CallPage
from capacity_lms.calls.review_models import Decision
from capacity_lms.calls.stages import CallStage
from capacity_lms.core.names import person_name
from capacity_lms.core.spreadsheets import csv_response

app_name = "capacity_calls_history"
HISTORY_PERMISSION = "capacity_lms.view_call_history"
EVENTS_PER_PAGE = 100

# What the details of a history row mean, by key (actions add them: calls/history.record).
DETAIL_LABELS = {
    "version": gettext_lazy("Version"),
    "reviewer": gettext_lazy("Reviewer"),
    "conflict": gettext_lazy("Conflict of interest"),
    "outcome": gettext_lazy("Outcome"),
    "amount": gettext_lazy("Amount"),
    "stage": gettext_lazy("Stage"),
    "previous": gettext_lazy("Previous stage"),
    "report": gettext_lazy("Report"),
    "reports": gettext_lazy("Reports"),
    "page": gettext_lazy("Case-study draft"),
    "document": gettext_lazy("Document"),
    "title": gettext_lazy("Title"),
    "file": gettext_lazy("File"),
    "request": gettext_lazy("Request"),
    "due_on": gettext_lazy("Due on"),
    "failed": gettext_lazy("Failed points"),
    "tranche": gettext_lazy("Tranche"),
    "tranches": gettext_lazy("Tranches"),
}


def may_read_history(user):
    return user.is_active and user.has_perm(HISTORY_PERMISSION)


def refuse_unless_reader(request):
    if not may_read_history(request.user):
        raise Http404


@require_http_methods(["GET", "HEAD"])
def index(request):
    """The calls (their canonical versions), each with how much its history holds."""
    refuse_unless_reader(request)
    calls = (
        CallPage.objects.select_related("locale")
        .annotate(changes=Count("events"), last_change=Max("events__at"))
        .filter(Q(locale__language_code=settings.LANGUAGE_CODE) | Q(changes__gt=0))
        .order_by("-year", "title")
    )
    return TemplateResponse(
        request, "capacity_lms/calls/admin/history_calls.html", {"calls": calls}
    )


class HistoryFilter(forms.Form):
    """What the reader narrows the history to; a filter that is not valid is said so and the
    whole history is shown."""

    what = forms.ChoiceField(
        label=gettext_lazy("What happened"),
        required=False,
        choices=[("", gettext_lazy("Everything")), *CallEvent.Verb.choices],
    )
    # Chosen from the history's rows (each names its application, a link to this filter): a
    # list of every association and project title, in several scripts, reads badly in a
    # <select>, where no part of an option can say its language.
    application = forms.ModelChoiceField(
        required=False, queryset=Application.objects.none(), widget=forms.HiddenInput
    )

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = Application.objects.filter(call=call).select_related(
            "association", "project"
        )

    @property
    def chosen_application(self):
        return self.cleaned_data.get("application") if self.is_valid() else None

    def narrow(self, events):
        if not self.is_valid():
            return events
        if self.cleaned_data["what"]:
            events = events.filter(verb=self.cleaned_data["what"])
        if self.cleaned_data["application"]:
            events = events.filter(application=self.cleaned_data["application"])
        return events


@require_http_methods(["GET", "HEAD"])
def call_history(request, pk):
    """A call's history, oldest first, a page at a time (``?format=csv``: all of it)."""
    refuse_unless_reader(request)
    call = get_object_or_404(CallPage, pk=pk).canonical()
    form = HistoryFilter(request.GET or None, call=call)
    events = form.narrow(history_of(call).select_related("application__project"))
    if request.GET.get("format") == "csv":
        return csv_response(csv_rows(events), f"call-{call.pk}-history.csv")
    shown = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("p"))
    rows = described(shown.object_list)
    return TemplateResponse(
        request,
        "capacity_lms/calls/admin/history.html",
        {
            "call": call,
            "form": form,
            "items": shown,
            "elided_page_range": shown.paginator.get_elided_page_range(shown.number),
            "rows": rows,
        },
    )


def described(events):
    """Each event with its details as (label, value) pairs people read: reviewers by name, a
    conflict as yes or no, outcomes and stages in words (one query for all the names)."""
    events = list(events)
    reviewers = {
        event.details["reviewer"]
        for event in events
        if isinstance(event.details.get("reviewer"), int)
    }
    names = {
        person.pk: person_name(person)
        for person in get_user_model().objects.filter(pk__in=reviewers)
    }
    return [(event, list(readable_details(event, names))) for event in events]


def readable_details(event, names):
    for key, value in event.details.items():
        label = DETAIL_LABELS.get(key, key)
        if key == "reviewer":
            value = names.get(value, value)
        elif key == "conflict":
            value = _("declared") if value else _("none")
        elif key == "outcome":
            value = _outcome_label(value)
        elif key in ("stage", "previous"):
            value = _stage_label(value)
        elif isinstance(value, list):
            value = ", ".join(str(item) for item in value)
        yield label, value


def _outcome_label(value):
    return dict(Decision.Outcome.choices).get(value, value)


def _stage_label(value):
    return dict(CallStage.choices).get(value, value)


CSV_HEADER = (
    gettext_lazy("When (UTC)"),
    gettext_lazy("Who"),
    gettext_lazy("What"),
    gettext_lazy("Association"),
    gettext_lazy("Project"),
    gettext_lazy("Why"),
    gettext_lazy("Details"),
)


def csv_rows(events):
    """The history as CSV rows, in bounded memory: read in chunks, names once a chunk."""
    yield [str(label) for label in CSV_HEADER]
    chunk = []
    for event in events.iterator(chunk_size=2000):
        chunk.append(event)
        if len(chunk) == 2000:
            yield from _csv_chunk(chunk)
            chunk = []
    yield from _csv_chunk(chunk)


def _csv_chunk(events):
    for event, details in described(events):
        application = event.application
        yield [
            event.at.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S"),
            person_name(event.actor),
            event.get_verb_display(),
            application.association.name if application else "",
            application.project.title if application and application.project_id else "",
            event.reason,
            "; ".join(f"{label}: {value}" for label, value in details),
        ]


def admin_urls():
    patterns = [
        path("", index, name="index"),
        path("calls/<int:pk>/", call_history, name="call"),
    ]
    return [path("call-history/", include((patterns, app_name), namespace=app_name))]


class CallHistoryMenuItem(MenuItem):
    def is_shown(self, request):
        return may_read_history(request.user)


def menu_item():
    return CallHistoryMenuItem(
        _("Call history"), reverse(f"{app_name}:index"), icon_name="history", order=258
    )
