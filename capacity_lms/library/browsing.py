"""The library's listing: filters (country, group, axis, tag, year), search, pagination.

As the catalogue's, a filtered view is a plain GET URL (``?country=fr&axis=school-support``)
that can be bookmarked and shared, and its queries do not grow with the number of case studies.
"""

from django import forms
from django.db.models.functions import ExtractYear
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from capacity_lms.core.listings import FilteredListing, TaxonomySingleChoiceField
from capacity_lms.core.translation import children_in_reader_language, own_language_first
from capacity_lms.core.written_language import prefetch_written_languages
from capacity_lms.taxonomy.models import Country, SpecializedGroup, StrategicAxis

FILTER_FIELDS = ["country", "group", "axis", "tag", "year"]


class LibraryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)

    def __init__(self, data=None, *, countries=(), groups=(), axes=(), tags=(), years=()):
        super().__init__(data)
        self.fields["country"] = TaxonomySingleChoiceField(
            countries, label=_("Host country"), required=False, empty_label=_("All countries")
        )
        self.fields["group"] = TaxonomySingleChoiceField(
            groups, label=_("Specialized group"), required=False, empty_label=_("All groups")
        )
        self.fields["axis"] = TaxonomySingleChoiceField(
            axes, label=_("Strategic axis"), required=False, empty_label=_("All axes")
        )
        self.fields["tag"] = forms.ChoiceField(
            label=_("Tag"),
            required=False,
            choices=[("", _("All tags")), *[(tag.slug, tag.name) for tag in tags]],
        )
        self.fields["year"] = forms.TypedChoiceField(
            label=_("Year"),
            required=False,
            coerce=int,
            empty_value=None,
            choices=[("", _("All years")), *[(year, year) for year in years]],
        )


class Library(FilteredListing):
    """The case studies a library page shows for one request. The page hands over the page
    model it lists (``CaseStudyPage``), so that the listing does not import the models."""

    filter_names = FILTER_FIELDS

    def __init__(self, page, request, *, model):
        self.page = page
        self.request = request
        self.model = model
        published = self.base_queryset()
        self.form = LibraryFilterForm(
            request.GET or None,
            countries=Country.objects.filter(case_studies__in=published).distinct(),
            groups=SpecializedGroup.objects.all(),
            axes=StrategicAxis.objects.all(),
            tags=Tag.objects.filter(
                pk__in=model.tags.through.objects.filter(content_object__in=published).values(
                    "tag"
                )
            ).order_by("name"),
            years=published.annotate(year=ExtractYear("started_on"))
            .order_by("-year")
            .values_list("year", flat=True)
            .distinct(),
        )

    def base_queryset(self):
        """The live case studies of this library, and those of its translations not translated
        into its language yet (see :mod:`capacity_lms.core.translation`)."""
        return (
            self.model.objects.filter(children_in_reader_language(self.model, self.page))
            .live()
            .public()
        )

    def filtered_queryset(self):
        case_studies = self.base_queryset()
        filters = self.filters
        if filters.get("country"):
            case_studies = case_studies.filter(host_country=filters["country"])
        if filters.get("group"):
            case_studies = case_studies.filter(specialized_groups=filters["group"])
        if filters.get("axis"):
            case_studies = case_studies.filter(strategic_axes=filters["axis"])
        if filters.get("tag"):
            case_studies = case_studies.filter(tags__slug=filters["tag"])
        if filters.get("year"):
            case_studies = case_studies.filter(started_on__year=filters["year"])
        return case_studies.distinct()

    @cached_property
    def paginator_page(self):
        return self.paginate(
            self.filtered_queryset(),
            self.page.case_studies_per_page,
            own_language_first(self.page),
            "-started_on",
            "path",
        )

    @cached_property
    def case_studies(self):
        case_studies = self.paginator_page.object_list
        prefetch_written_languages(case_studies, *self.model.card_fields)
        return case_studies
