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
    )


register_snippet(ProgrammeViewSetGroup)


@hooks.register("register_admin_viewset")
def register_workshop_viewsets():
    return WorkshopsViewSetGroup()


@hooks.register("register_admin_viewset")
def register_certificate_viewsets():
    return CertificatesViewSetGroup()
