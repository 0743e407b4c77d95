"""Registration only: the viewsets live beside their domain."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from capacity_lms.attendance.viewsets import ATTENDANCE_VIEWSETS
from capacity_lms.certificates.viewsets import CertificatesViewSetGroup
from capacity_lms.evaluation.viewsets import QuestionnaireViewSet
from capacity_lms.network.admin_views import AssociationAdminViewSet, ProfileChangeViewSet
from capacity_lms.people.views import LearnerProfileViewSet, MembershipViewSet
from capacity_lms.reports.viewsets import CountryCoordinatorViewSet
from capacity_lms.taxonomy.views import (
    CapacityAreaViewSet,
    CountryViewSet,
    ProvinceViewSet,
    RegionViewSet,
    SpecializedGroupViewSet,
    StrategicAxisViewSet,
)
from capacity_lms.workshops.viewsets import OccurrenceChangeViewSet, WorkshopViewSet


class ProgrammeViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Programme")
    menu_icon = "globe"
    menu_name = "capacity-programme"
    items = (
        AssociationAdminViewSet,
        MembershipViewSet,
        LearnerProfileViewSet,
        StrategicAxisViewSet,
        SpecializedGroupViewSet,
        CapacityAreaViewSet,
        QuestionnaireViewSet,
        CountryViewSet,
        RegionViewSet,
        ProvinceViewSet,
        CountryCoordinatorViewSet,
    )


register_snippet(ProgrammeViewSetGroup)


class WorkshopsViewSetGroup(ModelViewSetGroup):
    """One menu for the workshops and their attendance (two domains, grouped here)."""

    menu_label = _("Workshops")
    menu_icon = "date"
    menu_name = "capacity-workshops"
    items = (WorkshopViewSet, OccurrenceChangeViewSet, *ATTENDANCE_VIEWSETS)


@hooks.register("register_admin_viewset")
def register_workshop_viewsets():
    return WorkshopsViewSetGroup()


@hooks.register("register_admin_viewset")
def register_profile_change_viewset():
    return ProfileChangeViewSet()


@hooks.register("register_admin_urls")
def register_association_document_urls():
    from capacity_lms.network.admin_views import admin_urls

    return admin_urls()


@hooks.register("register_admin_viewset")
def register_certificate_viewsets():
    return CertificatesViewSetGroup()


@hooks.register("register_admin_viewset")
def register_network_moderation_viewsets():
    from capacity_lms.network.moderation import NetworkModerationViewSetGroup

    return NetworkModerationViewSetGroup()


@hooks.register("register_admin_urls")
def register_report_urls():
    from capacity_lms.reports.hooks import admin_urls

    return admin_urls()


@hooks.register("register_admin_menu_item")
def register_reports_menu_item():
    from capacity_lms.reports.hooks import menu_item

    return menu_item()


@hooks.register("register_admin_urls")
def register_personal_data_urls():
    from capacity_lms.privacy.hooks import admin_urls

    return admin_urls()


@hooks.register("register_admin_urls")
def register_library_moderation_urls():
    from capacity_lms.library.moderation import admin_urls

    return admin_urls()


@hooks.register("register_admin_urls")
def register_funded_project_urls():
    from capacity_lms.calls.followup_admin import admin_urls

    return admin_urls()


@hooks.register("register_admin_urls")
def register_eligibility_urls():
    from capacity_lms.calls.eligibility_admin import admin_urls

    return admin_urls()


@hooks.register("register_admin_menu_item")
def register_eligibility_menu_item():
    from capacity_lms.calls.eligibility_admin import menu_item

    return menu_item()


@hooks.register("register_admin_urls")
def register_call_history_urls():
    from capacity_lms.calls.history_admin import admin_urls

    return admin_urls()


@hooks.register("register_admin_menu_item")
def register_call_history_menu_item():
    from capacity_lms.calls.history_admin import menu_item

    return menu_item()


@hooks.register("register_admin_menu_item")
def register_funded_projects_menu_item():
    from capacity_lms.calls.followup_admin import menu_item

    return menu_item()


@hooks.register("register_page_header_buttons")
def add_decline_submission_button(page, user, view_name=None, next_url=None):
    from capacity_lms.library.moderation import page_buttons

    return page_buttons(page, user, next_url)


@hooks.register("register_page_listing_more_buttons")
def add_decline_submission_listing_button(page, user, next_url=None):
    from capacity_lms.library.moderation import page_buttons

    return page_buttons(page, user, next_url)


@hooks.register("register_user_listing_buttons")
def add_personal_data_button(user, request_user):
    from capacity_lms.privacy.hooks import user_listing_buttons

    return user_listing_buttons(user, request_user)


@hooks.register("construct_homepage_panels")
def add_programme_summary(request, panels):
    from capacity_lms.reports.panels import ProgrammeSummaryPanel
    from capacity_lms.reports.scope import scope_for

    scope = scope_for(request.user)
    if scope is not None:
        panels.append(ProgrammeSummaryPanel(scope))


# After Wagtail's own registration (order 0), which this one replaces for non-page models.
@hooks.register("register_log_actions", order=100)
def scope_site_history(actions):
    from capacity_lms.attendance.models import AttendanceChange, AttendanceRecord, WalkIn
    from capacity_lms.attendance.viewsets import scoped_records, scoped_walk_ins
    from capacity_lms.core.history import register_history_scope, use_scoped_log_entries
    from capacity_lms.reports.models import CountryCoordinator
    from capacity_lms.workshops.models import OccurrenceChange, Registration, Session, Workshop
    from capacity_lms.workshops.models.workshops import MANAGE_ALL_WORKSHOPS
    from capacity_lms.workshops.viewsets import scoped_changes, scoped_workshops

    use_scoped_log_entries(actions)
    for model, scope in (
        (Workshop, scoped_workshops),
        (Session, lambda user: Session.objects.filter(workshop__in=scoped_workshops(user))),
        (
            Registration,
            lambda user: Registration.objects.filter(workshop__in=scoped_workshops(user)),
        ),
        (OccurrenceChange, scoped_changes),
        (AttendanceRecord, scoped_records),
        (
            AttendanceChange,
            lambda user: AttendanceChange.objects.filter(record__in=scoped_records(user)),
        ),
        (WalkIn, scoped_walk_ins),
    ):
        register_history_scope(model, MANAGE_ALL_WORKSHOPS, scope)
    # Coordinator entries name people: for those who may view them (programme staff) only.
    register_history_scope(
        CountryCoordinator,
        "capacity_lms.view_countrycoordinator",
        lambda user: CountryCoordinator.objects.none(),
    )


@hooks.register("register_log_actions")
def register_workshop_log_actions(actions):
    from capacity_lms.workshops.actions import CORRECTION_LOG_ACTION, CorrectionLogFormatter

    actions.register_action(CORRECTION_LOG_ACTION)(CorrectionLogFormatter)


@hooks.register("register_actions")
def register_workshop_actions(actions):
    from capacity_lms.workshops.actions import EditWorkshopAction
    from capacity_lms.workshops.models import OccurrenceChange, Workshop
    from capacity_lms.workshops.schedule_edits import (
        CreateOccurrenceChangeAction,
        DeleteOccurrenceChangeAction,
        EditOccurrenceChangeAction,
    )

    actions.register(Workshop, EditWorkshopAction)
    actions.register(OccurrenceChange, CreateOccurrenceChangeAction)
    actions.register(OccurrenceChange, EditOccurrenceChangeAction)
    actions.register(OccurrenceChange, DeleteOccurrenceChangeAction)
