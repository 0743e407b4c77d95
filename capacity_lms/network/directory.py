"""The directory's listing: filters (kind, host country, city, Moroccan region, axis, group),
search across the languages, pagination.

As the catalogue's and the library's, a filtered view is a plain GET URL
(``?kind=abroad&country=fr``) that can be bookmarked, shared and linked from the map, and its
queries do not grow with the number of associations.

Filters and search read only what every verified association shows (name, kind, place) and
the fields each association agreed to publish: a filter on an axis, a group or a region of
origin never matches an association that keeps that field private, and the search never
reads contacts, registration numbers or an unpublished name or description (so nobody can
probe them). The search is a word search (every word must match some shown field, in any
language), not the search backend's index, which holds private fields too.
"""

from functools import reduce
from operator import and_, or_

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from capacity_lms.core.fragments import remember
from capacity_lms.core.listings import FilteredListing, KeptPage, TaxonomySingleChoiceField
from capacity_lms.network.profiles import PublicProfile, listing_queryset, public_associations
from capacity_lms.people.models import Association
from capacity_lms.taxonomy.models import Country, Region, SpecializedGroup, StrategicAxis

FILTER_FIELDS = ["kind", "country", "city", "region", "axis", "group"]
MAX_WORDS = 8


def published(field_name):
    """Associations that agreed to publish ``field_name`` (a JSON list, read as text on every
    database)."""
    return Q(published_fields__icontains=f'"{field_name}"')


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)

    def __init__(self, data=None, *, countries=(), cities=(), regions=(), axes=(), groups=()):
        super().__init__(data)
        self.fields["kind"] = forms.ChoiceField(
            label=_("Kind of association"),
            required=False,
            choices=[("", _("Both kinds")), *Association.Kind.choices],
        )
        self.fields["country"] = TaxonomySingleChoiceField(
            countries, label=_("Host country"), required=False, empty_label=_("All countries")
        )
        self.fields["city"] = forms.ChoiceField(
            label=_("City"),
            required=False,
            choices=[("", _("All cities")), *[(city, city) for city in cities]],
        )
        self.fields["region"] = TaxonomySingleChoiceField(
            regions, label=_("Region of Morocco"), required=False, empty_label=_("All regions")
        )
        self.fields["axis"] = TaxonomySingleChoiceField(
            axes, label=_("Strategic axis"), required=False, empty_label=_("All axes")
        )
        self.fields["group"] = TaxonomySingleChoiceField(
            groups, label=_("Specialized group"), required=False, empty_label=_("All groups")
        )


def in_region(region):
    """Local associations in ``region``, and those that publish it among their regions of
    origin."""
    return Q(kind=Association.Kind.LOCAL, region=region) | (
        published("regions_of_origin") & Q(regions_of_origin=region)
    )


def matching_words(query):
    """Every word of ``query`` in a shown field: name, city, commune, Arabic name and
    descriptions (the last three only where published)."""
    words = query.split()[:MAX_WORDS]
    conditions = []
    for word in words:
        conditions.append(
            reduce(
                or_,
                [
                    Q(name__icontains=word),
                    Q(city__icontains=word, kind=Association.Kind.ABROAD),
                    published("commune") & Q(commune__icontains=word, kind=Association.Kind.LOCAL),
                    published("name_ar") & Q(name_ar__icontains=word),
                    published("description")
                    & (
                        Q(description_en__icontains=word)
                        | Q(description_fr__icontains=word)
                        | Q(description_ar__icontains=word)
                    ),
                ],
            )
        )
    return reduce(and_, conditions, Q())


class Directory(FilteredListing):
    """The associations a directory page shows for one request.

    What it computes (the filters' choices, the page of results) is the same for every reader
    of the same URL in the same language: it is kept as fragments
    (:func:`capacity_lms.core.fragments.remember`), which every purge of the page cache ends, so
    a signed-in member, whom the page cache does not serve, reads the directory without
    querying it again either."""

    filter_names = FILTER_FIELDS

    def __init__(self, page, request):
        self.page = page
        self.request = request

    @cached_property
    def form(self):
        choices = remember(self.request, "directory-choices", [self.page.pk], filter_choices)
        return DirectoryFilterForm(self.request.GET or None, **choices)

    def filtered_queryset(self):
        """The matching associations; ``distinct`` only where a many-to-many filter may repeat
        one."""
        associations = public_associations()
        filters = self.filters
        repeats = False
        if filters.get("kind"):
            associations = associations.filter(kind=filters["kind"])
        if filters.get("country"):
            associations = associations.filter(
                kind=Association.Kind.ABROAD, host_country=filters["country"]
            )
        if filters.get("city"):
            associations = associations.filter(kind=Association.Kind.ABROAD, city=filters["city"])
        if filters.get("region"):
            associations = associations.filter(in_region(filters["region"]))
            repeats = True
        if filters.get("axis"):
            associations = associations.filter(
                published("strategic_axes"), strategic_axes=filters["axis"]
            )
            repeats = True
        if filters.get("group"):
            associations = associations.filter(
                published("specialized_groups"), specialized_groups=filters["group"]
            )
            repeats = True
        if self.query:
            associations = associations.filter(matching_words(self.query))
        if repeats:
            return listing_queryset().filter(pk__in=associations.values("pk"))
        return associations.for_listing().prefetch_related("regions_of_origin")

    @cached_property
    def query_key(self):
        """The query string in a fixed order: what names this view's results."""
        return urlencode(sorted(self.request.GET.lists()), doseq=True)

    @cached_property
    def paginator_page(self):
        """The requested page of results, as public profiles (kept, see the class)."""
        parts = [self.page.pk, self.query_key]
        return remember(self.request, "directory-results", parts, self.results)

    def results(self):
        # Not FilteredListing.paginate: the search is a filter here (see the module's docstring).
        ordered = self.filtered_queryset().order_by("name", "pk")
        page = Paginator(ordered, self.page.associations_per_page).get_page(
            self.request.GET.get("page")
        )
        base = self.page.url
        profiles = []
        for association in page.object_list:
            profile = PublicProfile.of(association)
            profile.url = base + self.page.reverse_subpage("association_route", args=[profile.pk])
            profiles.append(profile)
        kept = KeptPage.of(page)
        kept.object_list = profiles
        return kept

    @property
    def associations(self):
        return self.paginator_page.object_list


def filter_choices():
    """The rows the filters offer: host countries and cities that have associations listed,
    the regions, axes and groups."""
    shown = public_associations()
    return {
        "countries": list(
            Country.objects.filter(pk__in=shown.abroad().values("host_country")).order_by(
                "sort_order", "code"
            )
        ),
        "cities": list(
            shown.abroad()
            .exclude(city="")
            .order_by("city")
            .values_list("city", flat=True)
            .distinct()
        ),
        "regions": list(Region.objects.all()),
        "axes": list(StrategicAxis.objects.all()),
        "groups": list(SpecializedGroup.objects.all()),
    }
