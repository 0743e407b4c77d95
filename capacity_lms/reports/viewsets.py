"""Programme staff say which countries each coordinator covers."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from capacity_lms.people.views import PersonDataChooserViewSet
from capacity_lms.reports.models import CountryCoordinator


class CountryCoordinatorViewSet(SnippetViewSet):
    model = CountryCoordinator
    chooser_viewset_class = PersonDataChooserViewSet
    icon = "user"
    menu_label = _("Country coordinators")
    list_display = ["user"]
    panels = [FieldPanel("user"), FieldPanel("countries")]
