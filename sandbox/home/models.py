from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The demo site's home page: the host site's own page, linking to the programme."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from capacity_lms.calls.pages import CallIndexPage
        from capacity_lms.library.models import LibraryIndexPage
        from courses.models import CatalogueIndexPage

        context = super().get_context(request, *args, **kwargs)
        context["catalogues"] = CatalogueIndexPage.objects.child_of(self).live()
        context["libraries"] = LibraryIndexPage.objects.child_of(self).live()
        context["calls"] = CallIndexPage.objects.child_of(self).live()
        return context
