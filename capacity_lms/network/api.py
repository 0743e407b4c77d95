"""``/associations/`` in the Wagtail API (v2): the public directory, public fields only.

Every row is built from :class:`~capacity_lms.network.profiles.PublicProfile` (and, for the
descriptions in every language, only when the association publishes its description), so
contacts, registration numbers and unpublished fields are never serialised. The filters are
the directory's (``?kind=local``, ``?host_country=fr``, ``?region=oriental``,
``?strategic_axis=...``, ``?specialized_group=...``, ``?search=...``) and, as there, never
match on a field an association keeps private. A fixed number of queries per request.
"""

from django.shortcuts import get_object_or_404
from rest_framework.filters import BaseFilterBackend
from rest_framework.response import Response
from wagtail.api.v2.utils import get_object_detail_url
from wagtail.api.v2.views import BaseAPIViewSet

from capacity_lms.network.directory import in_region, matching_words, published
from capacity_lms.network.profiles import PublicProfile, listing_queryset
from capacity_lms.people.models import Association
from capacity_lms.taxonomy.models import Region


def region_filter(associations, code):
    """Associations in region ``code`` or publishing it as a region of origin (none for an
    unknown code)."""
    region = Region.objects.filter(code=code).first()
    if region is None:
        return associations.none()
    return associations.filter(in_region(region))


FILTERS = {
    "kind": lambda associations, value: associations.filter(kind=value),
    "host_country": lambda associations, value: associations.filter(
        kind=Association.Kind.ABROAD, host_country__code=value
    ),
    "city": lambda associations, value: associations.filter(
        kind=Association.Kind.ABROAD, city=value
    ),
    "region": region_filter,
    "strategic_axis": lambda associations, value: associations.filter(
        published("strategic_axes"), strategic_axes__code=value
    ),
    "specialized_group": lambda associations, value: associations.filter(
        published("specialized_groups"), specialized_groups__code=value
    ),
    "search": lambda associations, value: associations.filter(matching_words(value)),
}


class DirectoryFilter(BaseFilterBackend):
    """Applies :data:`FILTERS` from the query string."""

    def filter_queryset(self, request, queryset, view):
        filtered = False
        for parameter, apply in FILTERS.items():
            value = request.GET.get(parameter, "").strip()
            if value:
                queryset = apply(queryset, value)
                filtered = True
        if filtered:
            # A many-to-many filter may repeat a row: list each association once.
            queryset = (
                listing_queryset().filter(pk__in=queryset.values("pk")).order_by("name", "pk")
            )
        return queryset


def public_fields(association, request):
    """The association's public fields, as the API lists them."""
    profile = PublicProfile.of(association, "en")
    row = {
        "id": profile.pk,
        "meta": {
            "type": "capacity_lms.Association",
            "detail_url": get_object_detail_url(
                request.wagtailapi_router, request, Association, profile.pk
            ),
        },
        "name": profile.name,
        "kind": profile.kind,
        "host_country": profile.host_country.code if profile.host_country else None,
        "city": profile.city,
        "region": profile.region.code if profile.region else None,
        "province": profile.province.code if profile.province else None,
        "verified_at": profile.verified_at.isoformat() if profile.verified_at else None,
        "name_ar": profile.name_ar,
        "descriptions": {},
        "strategic_axes": [axis.code for axis in profile.strategic_axes],
        "specialized_groups": [group.code for group in profile.specialized_groups],
        "regions_of_origin": [region.code for region in profile.regions_of_origin],
        "founding_year": profile.founding_year,
        "languages": profile.languages,
        "website": profile.website,
        "social_links": profile.social_links,
        "logo": request.build_absolute_uri(profile.logo.url) if profile.logo else None,
        "size_bracket": association.size_bracket if profile.size_bracket else "",
        "commune": profile.commune,
    }
    if association.publishes("description"):
        row["descriptions"] = {
            code: text
            for code in ("en", "fr", "ar")
            if (text := getattr(association, f"description_{code}"))
        }
    return row


class AssociationsAPIViewSet(BaseAPIViewSet):
    """``/associations/``: verified associations, by name."""

    name = "associations"
    model = Association
    filter_backends = [DirectoryFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(FILTERS)

    def get_queryset(self):
        return listing_queryset().order_by("name", "pk")

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response([public_fields(item, request) for item in page])

    def detail_view(self, request, pk):
        association = get_object_or_404(self.get_queryset(), pk=pk)
        return Response(public_fields(association, request))
