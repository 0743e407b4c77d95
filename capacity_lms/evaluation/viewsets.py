"""The questionnaires in the Wagtail admin: editors and programme staff write them, each text in
Arabic, French and English together."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from capacity_lms.evaluation.models import Questionnaire
from capacity_lms.people.views import PersonDataChooserViewSet


class QuestionnaireViewSet(SnippetViewSet):
    model = Questionnaire
    # Its chooser only for those with a permission on questionnaires, as its listing: Wagtail's
    # would open to every admin user.
    chooser_viewset_class = PersonDataChooserViewSet
    icon = "form"
    menu_label = _("Questionnaires")
    menu_name = "capacity-questionnaires"
    add_to_admin_menu = False
    list_display = ["title_en", "kind", "is_active", "updated_at"]
    list_filter = ["kind", "is_active"]
    ordering = ["kind", "-is_active", "-updated_at"]
    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("is_active")]),
        MultiFieldPanel(
            [FieldPanel("title_en"), FieldPanel("title_fr"), FieldPanel("title_ar")],
            heading=_("Title"),
        ),
        MultiFieldPanel(
            [FieldPanel("intro_en"), FieldPanel("intro_fr"), FieldPanel("intro_ar")],
            heading=_("Introduction"),
        ),
        FieldPanel("body"),
    ]
