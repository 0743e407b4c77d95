"""Admin screens for workshops: scheduling, registrations, occurrence changes, .ics import.

A trainer sees and edits only the workshops that name them as a trainer; programme staff
(``manage_all_workshops``) see all. The scope is applied to every view's queryset, so another
trainer's workshop answers 404 whatever the URL, and to every chooser in the forms.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from capacity_lms.core import admin as core_admin
from capacity_lms.core.actions import ActionRefused, ImportRefused, show_refusal
from capacity_lms.workshops.actions import AddPersonAction, RemovePersonAction
from capacity_lms.workshops.forms import (
    REASON_MAX_LENGTH,
    AddPersonForm,
    ImportForm,
    OccurrenceChangeForm,
    RemovePersonForm,
    WorkshopForm,
    time_zone_select,
)
from capacity_lms.workshops.ics_import import ImportSessionsAction
from capacity_lms.workshops.models import OccurrenceChange, Workshop


def scoped_workshops(user):
    return Workshop.objects.visible_to(user)


class ScopedObjectMixin(core_admin.ScopedObjectMixin):
    """Look a workshop admin view's object up in the workshops the user may see."""

    def scope(self, user):
        return scoped_workshops(user)


class ScopedViewMixin(ScopedObjectMixin, core_admin.ScopedViewMixin):
    """Limit a workshop admin view to the workshops the user may see."""


class WorkshopIndexView(ScopedViewMixin, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().with_seats().select_related("country")


class WorkshopEditView(ScopedViewMixin, generic.EditView):
    pass


class WorkshopDeleteView(ScopedViewMixin, generic.DeleteView):
    pass


class WorkshopHistoryView(ScopedObjectMixin, generic.HistoryView):
    pass


class WorkshopUsageView(ScopedObjectMixin, generic.UsageView):
    pass


class WorkshopCreateView(generic.CreateView):
    def get_initial(self):
        initial = super().get_initial()
        if not self.request.user.has_perm("capacity_lms.manage_all_workshops"):
            initial["trainers"] = [self.request.user.pk]
        return initial


class RegistrationsColumn(Column):
    cell_template_name = "capacity_lms/workshops/admin/registrations_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["url"] = reverse("capacity_workshops:registrations", args=[instance.pk])
        return context


class WorkshopViewSet(ModelViewSet):
    model = Workshop
    name = "capacity_workshops"
    icon = "date"
    menu_label = gettext_lazy("Workshops")
    url_prefix = "capacity/workshops"
    add_to_admin_menu = False
    search_fields = ["title", "city"]
    # The database, not a search backend: the trainer scope filters on the trainers relation,
    # which a search index cannot filter on (and the backend would search other columns).
    search_backend_name = None
    list_filter = ["status", "format", "country", "strategic_axis"]
    list_export = ["title", "status", "format", "country", "city", "capacity", "created_at"]
    export_filename = "workshops"
    index_view_class = WorkshopIndexView
    add_view_class = WorkshopCreateView
    edit_view_class = WorkshopEditView
    delete_view_class = WorkshopDeleteView
    history_view_class = WorkshopHistoryView
    usage_view_class = WorkshopUsageView
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("title"),
                    FieldPanel("slug"),
                    FieldPanel("status"),
                    FieldPanel("description"),
                    FieldRowPanel([FieldPanel("format"), FieldPanel("language")]),
                    FieldPanel("course"),
                ],
                heading=gettext_lazy("Workshop"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("venue_name"),
                    FieldPanel("address"),
                    FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                    FieldPanel("online_url"),
                    FieldPanel("online_instructions"),
                ],
                heading=gettext_lazy("Where"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("trainers"),
                    FieldPanel("capacity"),
                    FieldPanel("walk_in_check_in"),
                    FieldRowPanel(
                        [FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]
                    ),
                ],
                heading=gettext_lazy("Seats and registration"),
            ),
            MultiFieldPanel(
                [FieldPanel("strategic_axis"), FieldPanel("specialized_groups")],
                heading=gettext_lazy("For the reports"),
            ),
            InlinePanel(
                "sessions",
                heading=gettext_lazy("Sessions"),
                label=gettext_lazy("Session"),
                min_num=1,
                panels=[
                    FieldPanel("title"),
                    FieldRowPanel(
                        [FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]
                    ),
                    FieldPanel("time_zone", widget=time_zone_select()),
                    FieldPanel("recurrence"),
                    FieldPanel("status"),
                ],
            ),
        ],
        base_form_class=WorkshopForm,
    )

    @property
    def list_display(self):
        return [
            "title",
            "status",
            "country",
            Column("confirmed_count", label=_("Confirmed")),
            Column("waiting_count", label=_("Waiting")),
            RegistrationsColumn("registrations", accessor="pk", label=_("Registrations")),
        ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("registrations/<int:pk>/", self.registrations_view, name="registrations"),
            path("import/<int:pk>/", self.import_view, name="import"),
        ]

    def registrations_view(self, request, pk):
        return registrations(request, pk)

    def import_view(self, request, pk):
        return import_sessions(request, pk)


def _scoped_workshop(request, pk):
    if not request.user.has_perm("capacity_lms.view_workshop"):
        raise PermissionDenied
    return get_object_or_404(scoped_workshops(request.user), pk=pk)


def registrations(request, pk):
    """Who holds a seat and who waits, in order; add or remove people (POST)."""
    workshop = _scoped_workshop(request, pk)
    form = AddPersonForm(request.POST if request.POST.get("action") == "add" else None)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "add":
                if form.is_valid():
                    registration = AddPersonAction(
                        workshop,
                        user=request.user,
                        person=form.cleaned_data["person"],
                        over_capacity=form.cleaned_data["over_capacity"],
                        reason=form.cleaned_data["reason"],
                    ).execute()
                    messages.success(
                        request,
                        _("%(person)s: %(status)s.")
                        % {
                            "person": registration.user,
                            "status": registration.get_status_display(),
                        },
                    )
                    return HttpResponseRedirect(request.path)
            elif request.POST.get("action") == "remove":
                person = get_object_or_404(
                    get_user_model(),
                    pk=request.POST.get("person"),
                    workshop_registrations__workshop=workshop,
                )
                remove_form = RemovePersonForm(request.POST)
                if remove_form.is_valid():
                    RemovePersonAction(
                        workshop,
                        user=request.user,
                        person=person,
                        reason=remove_form.cleaned_data["reason"],
                    ).execute()
                    messages.success(request, _("%(person)s is removed.") % {"person": person})
                    return HttpResponseRedirect(request.path)
                for errors in remove_form.errors.values():
                    for message in errors:
                        messages.error(request, message)
        except ActionRefused as error:
            show_refusal(request, error)
    active = workshop.registrations.active().select_related("user", "added_by")
    ended = workshop.has_ended()
    if not ended:
        # A reason is asked for after the end only.
        del form.fields["reason"]
    return TemplateResponse(
        request,
        "capacity_lms/workshops/admin/registrations.html",
        {
            "workshop": workshop,
            "confirmed": [r for r in active if r.is_confirmed],
            "waiting": sorted(
                (r for r in active if r.is_waiting), key=lambda r: (r.queued_at, r.pk)
            ),
            "form": form,
            "ended": ended,
            "reason_max_length": REASON_MAX_LENGTH,
            "header_title": _("Registrations: %(title)s") % {"title": workshop.title},
        },
    )


def import_sessions(request, pk):
    workshop = _scoped_workshop(request, pk)
    if not request.user.has_perm("capacity_lms.change_workshop"):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            report = ImportSessionsAction(
                workshop, user=request.user, data=form.cleaned_data["calendar_file"].read()
            ).execute()
        except ImportRefused as error:
            problems = error.problems
            messages.error(request, _("Nothing was imported."))
        else:
            messages.success(
                request,
                _("%(created)s sessions created, %(updated)s updated, %(unchanged)s unchanged.")
                % {
                    "created": len(report.created),
                    "updated": len(report.updated),
                    "unchanged": len(report.unchanged),
                },
            )
            return HttpResponseRedirect(reverse("capacity_workshops:edit", args=[workshop.pk]))
    return TemplateResponse(
        request,
        "capacity_lms/workshops/admin/import.html",
        {
            "workshop": workshop,
            "form": form,
            "problems": problems,
            "header_title": _("Import sessions: %(title)s") % {"title": workshop.title},
        },
    )


def scoped_changes(user):
    return OccurrenceChange.objects.filter(session__workshop__in=scoped_workshops(user))


class OccurrenceChangeScope:
    def scope(self, user):
        return scoped_changes(user).select_related("session", "session__workshop")


class OccurrenceChangeIndexView(OccurrenceChangeScope, ScopedViewMixin, generic.IndexView):
    pass


class OccurrenceChangeEditView(OccurrenceChangeScope, ScopedViewMixin, generic.EditView):
    pass


class OccurrenceChangeDeleteView(OccurrenceChangeScope, ScopedViewMixin, generic.DeleteView):
    pass


class OccurrenceChangeHistoryView(OccurrenceChangeScope, ScopedObjectMixin, generic.HistoryView):
    pass


class OccurrenceChangeUsageView(OccurrenceChangeScope, ScopedObjectMixin, generic.UsageView):
    pass


class OccurrenceChangeViewSet(ModelViewSet):
    model = OccurrenceChange
    name = "capacity_occurrence_changes"
    icon = "calendar-alt"
    menu_label = gettext_lazy("Occurrence changes")
    url_prefix = "capacity/occurrence-changes"
    index_view_class = OccurrenceChangeIndexView
    edit_view_class = OccurrenceChangeEditView
    delete_view_class = OccurrenceChangeDeleteView
    history_view_class = OccurrenceChangeHistoryView
    usage_view_class = OccurrenceChangeUsageView
    copy_view_enabled = False
    list_display = ["session", "original_date", "status", "date", "start_time", "end_time"]
    edit_handler = ObjectList(
        [
            FieldPanel("session"),
            FieldPanel("original_date"),
            FieldPanel("status"),
            FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        ],
        base_form_class=OccurrenceChangeForm,
    )
