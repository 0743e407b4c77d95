"""Read-only Wagtail API (v2) endpoints for the programme's public content.

A host site enables it with ``"wagtail.api.v2"`` and ``"rest_framework"`` in
``INSTALLED_APPS`` and ``path("api/v2/", capacity_lms_api.urls)`` in its URLs. Only live pages
that anyone may read are listed: drafts and pages under a view restriction never appear.
"""

from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from capacity_lms.library.models import CaseStudyPage
from capacity_lms.network.api import AssociationsAPIViewSet
from capacity_lms.taxonomy.models import Country, SpecializedGroup
from courses.models import CoursePage


def related_code(lookup):
    """A filter keeping the pages whose ``lookup`` (e.g. ``strategic_axes__code``) is the value.

    It goes through ``pk__in`` so that a many-to-many match never repeats a page and the search
    backend, which only accepts indexed fields, can still search the result.
    """

    def apply(pages, value):
        return pages.filter(pk__in=pages.model.objects.filter(**{lookup: value}).values("pk"))

    return apply


def open_to_country(pages, code):
    """Courses open to people in that country: those for it and those for every country."""
    country = Country.objects.filter(code=code).first()
    if country is None:
        return pages.none()
    return pages.filter(pk__in=CoursePage.objects.for_country(country).values("pk"))


def open_to_group(pages, code):
    """Courses for that specialized group and those for every group, as in the catalogue."""
    group = SpecializedGroup.objects.filter(code=code).first()
    if group is None:
        return pages.none()
    return pages.filter(pk__in=CoursePage.objects.for_groups([group]).values("pk"))


class CodeFilter(BaseFilterBackend):
    """Applies the endpoint's ``code_filters``: ``?host_country=fr``, ``?strategic_axis=...``."""

    def filter_queryset(self, request, queryset, view):
        for parameter, apply in view.code_filters.items():
            value = request.GET.get(parameter)
            if value:
                queryset = apply(queryset, value)
        return queryset


class ProgrammePagesAPIViewSet(PagesAPIViewSet):
    """Pages of one model only, live and public, in a number of queries independent of the count.

    Subclasses set ``model``, ``code_filters`` and what a listing needs joined
    (``select_related``) or prefetched (``prefetch_related``).
    """

    # The search filter stays last: a search result cannot be filtered further.
    filter_backends = [CodeFilter, *PagesAPIViewSet.filter_backends]
    code_filters = {}
    select_related = ()
    prefetch_related = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.known_query_parameters = PagesAPIViewSet.known_query_parameters.union(cls.code_filters)

    def get_queryset(self):
        # Public even for a signed-in user whom a restriction would let in: the API is an open
        # channel that caches and aggregators copy. ``?type=`` is ignored (one model here).
        # Newest first unless ``?order=`` says otherwise.
        return (
            self.model.objects.live()
            .public()
            .filter(pk__in=self.get_base_queryset().values("pk"))
            .select_related("locale", *self.select_related)
            .prefetch_related(*self.prefetch_related)
            .defer_streamfields()
            .order_by("-first_published_at", "pk")
        )


class CaseStudiesAPIViewSet(ProgrammePagesAPIViewSet):
    """``/case-studies/``: the library's case studies, newest first."""

    name = "case-studies"
    model = CaseStudyPage
    listing_default_fields = [
        *PagesAPIViewSet.listing_default_fields,
        "summary",
        "association_display_name",
        "host_country_code",
        "region_codes",
        "specialized_group_codes",
        "strategic_axis_codes",
        "tag_names",
        "started_on",
        "ended_on",
    ]
    code_filters = {
        "host_country": related_code("host_country__code"),
        "region": related_code("regions_of_origin__code"),
        "specialized_group": related_code("specialized_groups__code"),
        "strategic_axis": related_code("strategic_axes__code"),
        "tag": related_code("tags__name"),
    }
    select_related = ("host_country", "association")
    prefetch_related = (
        "regions_of_origin",
        "specialized_groups",
        "strategic_axes",
        "tags",
        "indicators",
    )


class CoursesAPIViewSet(ProgrammePagesAPIViewSet):
    """``/courses/``: the catalogue's training modules, newest first."""

    name = "courses"
    model = CoursePage
    listing_default_fields = [
        *PagesAPIViewSet.listing_default_fields,
        "summary",
        "strategic_axis_code",
        "country_codes",
        "specialized_group_codes",
        "language",
        "level",
        "format",
        "estimated_hours",
        "tags",
    ]
    code_filters = {
        "country": open_to_country,
        "specialized_group": open_to_group,
        "strategic_axis": related_code("strategic_axis__code"),
    }
    select_related = ("strategic_axis",)
    prefetch_related = ("countries", "specialized_groups", "tags")


capacity_lms_api = WagtailAPIRouter("capacity_lms_api")
capacity_lms_api.register_endpoint("associations", AssociationsAPIViewSet)
capacity_lms_api.register_endpoint("case-studies", CaseStudiesAPIViewSet)
capacity_lms_api.register_endpoint("courses", CoursesAPIViewSet)
