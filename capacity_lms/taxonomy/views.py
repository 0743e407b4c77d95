"""Admin screens for the programme's vocabulary (snippets, orderable by drag and drop)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CapacityArea, Country, Province, Region, SpecializedGroup, StrategicAxis

NAME_PANELS = [
    FieldPanel("code"),
    MultiFieldPanel(
        [FieldPanel("name_en"), FieldPanel("name_fr"), FieldPanel("name_ar")],
        heading=_("Names"),
    ),
]


class TranslatedNameViewSet(SnippetViewSet):
    list_display = ["name_en", "name_fr", "name_ar", "code"]
    list_export = ["code", "name_en", "name_fr", "name_ar"]
    ordering = ["sort_order", "name_en"]


class CountryViewSet(TranslatedNameViewSet):
    model = Country
    icon = "site"
    menu_label = _("Countries")
    list_display = [*TranslatedNameViewSet.list_display, "default_time_zone"]
    list_export = [*TranslatedNameViewSet.list_export, "default_time_zone"]
    export_filename = "countries"
    panels = [*NAME_PANELS, FieldRowPanel([FieldPanel("default_time_zone")])]


class SpecializedGroupViewSet(TranslatedNameViewSet):
    model = SpecializedGroup
    icon = "group"
    menu_label = _("Specialized groups")
    export_filename = "specialized-groups"
    panels = [*NAME_PANELS, FieldPanel("description")]


class StrategicAxisViewSet(TranslatedNameViewSet):
    model = StrategicAxis
    icon = "tasks"
    menu_label = _("Strategic axes")
    export_filename = "strategic-axes"
    panels = [*NAME_PANELS, FieldPanel("description")]


class CapacityAreaViewSet(TranslatedNameViewSet):
    model = CapacityArea
    icon = "pick"
    menu_label = _("Capacity areas")
    export_filename = "capacity-areas"
    panels = [*NAME_PANELS, FieldPanel("description")]


class RegionViewSet(TranslatedNameViewSet):
    model = Region
    icon = "site"
    menu_label = _("Regions of Morocco")
    export_filename = "regions"
    panels = NAME_PANELS


class ProvinceViewSet(TranslatedNameViewSet):
    model = Province
    icon = "site"
    menu_label = _("Provinces of Morocco")
    export_filename = "provinces"
    list_display = [*TranslatedNameViewSet.list_display, "region"]
    list_filter = ["region"]
    panels = [*NAME_PANELS, FieldPanel("region")]
