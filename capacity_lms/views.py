from django.views.generic import TemplateView

from capacity_lms.taxonomy.models import Country, SpecializedGroup, StrategicAxis


class ProgrammeOverviewView(TemplateView):
    """The programme at a glance: its strategic axes, specialized groups and countries."""

    template_name = "capacity_lms/programme_overview.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            strategic_axes=StrategicAxis.objects.all(),
            specialized_groups=SpecializedGroup.objects.all(),
            countries=Country.objects.all(),
            **kwargs,
        )
