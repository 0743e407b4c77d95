"""Registration only: the viewsets live beside their domain."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from capacity_lms.certificates.viewsets import CertificatesViewSetGroup
from capacity_lms.people.views import (
    AssociationViewSet,
    LearnerProfileViewSet,
    MembershipViewSet,
)
from capacity_lms.reports.viewsets import CountryCoordinatorViewSet
from capacity_lms.taxonomy.views import (
    CountryViewSet,
    RegionViewSet,
    SpecializedGroupViewSet,
    StrategicAxisViewSet,
)
from capacity_lms.workshops.viewsets import WorkshopsViewSetGroup


class ProgrammeViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Programme")
    menu_icon = "globe"
    menu_name = "capacity-programme"
    items = (
        AssociationViewSet,
        MembershipViewSet,
        LearnerProfileViewSet,
        StrategicAxisViewSet,
        SpecializedGroupViewSet,
        CountryViewSet,
        RegionViewSet,
        CountryCoordinatorViewSet,
    )


register_snippet(ProgrammeViewSetGroup)


@hooks.register("register_admin_viewset")
def register_workshop_viewsets():
    return WorkshopsViewSetGroup()


@hooks.register("register_admin_viewset")
def register_certificate_viewsets():
    return CertificatesViewSetGroup()


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


@hooks.register("register_log_actions")
def register_workshop_log_actions(actions):
    from capacity_lms.workshops.actions import CORRECTION_LOG_ACTION, CorrectionLogFormatter

    actions.register_action(CORRECTION_LOG_ACTION)(CorrectionLogFormatter)


@hooks.register("register_actions")
def register_workshop_actions(actions):
    from capacity_lms.workshops.actions import EditWorkshopAction
    from capacity_lms.workshops.models import Workshop

    actions.register(Workshop, EditWorkshopAction)
