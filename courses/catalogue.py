"""The catalogue: filters, full-text search and pagination over a catalogue page's courses.

A filtered view is a plain GET URL (``?country=fr&axis=school-support&q=budget``), so it can be
bookmarked and shared. On a first visit without any parameter, a signed-in member's country and
specialized groups from their profile are preselected.
"""

from django import forms
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from capacity_lms.conf import get_languages
from capacity_lms.core.fragments import remember
from capacity_lms.core.listings import (
    FilteredListing,
    KeptPage,
    TaxonomyChoiceField,
    TaxonomySingleChoiceField,
)
from capacity_lms.core.translation import children_in_reader_language, own_language_first
from capacity_lms.core.written_language import CACHE_ATTRIBUTE as WRITTEN_LANGUAGES
from capacity_lms.core.written_language import prefetch_written_languages
from capacity_lms.people.models import LearnerProfile
from capacity_lms.taxonomy.models import Country, SpecializedGroup, StrategicAxis
from courses.progress import NOT_ENROLLED, statuses_for

FILTER_FIELDS = ["country", "group", "axis", "language", "format", "level"]


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    language = forms.ChoiceField(label=_("Teaching language"), required=False)
    format = forms.ChoiceField(label=_("Format"), required=False)
    level = forms.ChoiceField(label=_("Level"), required=False)

    def __init__(self, data=None, *, countries=(), axes=(), groups=(), formats=(), levels=()):
        super().__init__(data)
        self.fields["format"].choices = [("", _("All formats")), *formats]
        self.fields["level"].choices = [("", _("All levels")), *levels]
        self.fields["country"] = TaxonomySingleChoiceField(
            countries, label=_("Country"), required=False, empty_label=_("All countries")
        )
        self.fields["axis"] = TaxonomySingleChoiceField(
            axes, label=_("Strategic axis"), required=False, empty_label=_("All axes")
        )
        self.fields["group"] = TaxonomyChoiceField(
            groups,
            label=_("Specialized group"),
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )
        self.fields["language"].choices = [("", _("All languages")), *get_languages()]


class Catalogue(FilteredListing):
    """The courses a catalogue page shows for one request. The page passes the model it lists
    (``CoursePage``), so that the listing does not import the page models."""

    filter_names = FILTER_FIELDS

    def __init__(self, page, request, *, model):
        self.page = page
        self.model = model
        self.request = request
        self.preselected = False
        data = request.GET
        if not any(name in data for name in [*FILTER_FIELDS, "q", "page"]):
            data = self.profile_defaults()
        countries, axes, groups = remember(
            request,
            "taxonomy",
            [],
            lambda: (
                list(Country.objects.all()),
                list(StrategicAxis.objects.all()),
                list(SpecializedGroup.objects.all()),
            ),
        )
        self.form = CatalogueFilterForm(
            data or None,
            countries=countries,
            axes=axes,
            groups=groups,
            formats=model.Format.choices,
            levels=model.Level.choices,
        )

    def profile_defaults(self):
        """The member's country and groups, for a first visit to the catalogue."""
        user = self.request.user
        if not user.is_authenticated:
            return {}
        rows = LearnerProfile.objects.filter(user=user).values_list(
            "country_of_residence__code", "specialized_groups__code"
        )
        defaults = QueryDict(mutable=True)
        for country, group in rows:
            if country:
                defaults["country"] = country
            if group:
                defaults.appendlist("group", group)
        self.preselected = bool(defaults)
        return defaults

    def base_queryset(self):
        """The live courses of this catalogue, and those of its translations not translated
        into its language yet (see :mod:`capacity_lms.core.translation`)."""
        return (
            self.model.objects.filter(children_in_reader_language(self.model, self.page))
            .live()
            .without_own_restriction()
        )

    def filtered_queryset(self):
        courses = self.base_queryset()
        filters = self.filters
        if filters.get("country"):
            courses = courses.for_country(filters["country"])
        if filters.get("group"):
            courses = courses.for_groups(filters["group"])
        if filters.get("axis"):
            courses = courses.filter(strategic_axis=filters["axis"])
        for name in ("language", "format", "level"):
            if filters.get(name):
                courses = courses.filter(**{name: filters[name]})
        return courses

    def listing_key(self):
        """What the courses listed depend on besides the catalogue and the language: the
        filters and search as asked (the profile's defaults included) and the page number."""
        data = sorted(self.form.data.lists()) if self.form.is_bound else []
        return [self.page.pk, self.page.live_revision_id, data, self.request.GET.get("page")]

    @cached_property
    def listing(self):
        """The page of courses and each card's markup, the same for everyone asking the same
        thing: kept (see :mod:`capacity_lms.core.fragments`), so that a learner's request runs
        only the query of their own statuses."""

        def compute():
            page = KeptPage.of(
                self.paginate(
                    self.filtered_queryset(),
                    self.page.courses_per_page,
                    own_language_first(self.page),
                    "path",
                )
            )
            prefetch_written_languages(page.object_list, "title", "summary")
            countries = self.form.fields["country"].rows
            html = {}
            for course in page.object_list:
                html[course.pk] = render_to_string(
                    "capacity_courses/includes/course_card.html",
                    {
                        "course": course,
                        "page": self.page,
                        "countries": [
                            countries[code]
                            for code in (course.country_codes or "").split(",")
                            if code
                        ],
                        "request": self.request,
                    },
                )
                # Kept without the languages' cache (it refers to every version).
                course.__dict__.pop(WRITTEN_LANGUAGES, None)
            return page, html

        return remember(self.request, "catalogue-listing", self.listing_key(), compute)

    @property
    def paginator_page(self):
        return self.listing[0]

    @cached_property
    def statuses(self):
        return statuses_for(self.request.user, self.paginator_page.object_list)

    @cached_property
    def cards(self):
        """(course, the learner's status, its countries) for each course on this page."""
        countries = self.form.fields["country"].rows
        return [
            (
                course,
                self.statuses.get(course.pk, NOT_ENROLLED),
                [countries[code] for code in (course.country_codes or "").split(",") if code],
            )
            for course in self.paginator_page.object_list
        ]

    @cached_property
    def rendered_cards(self):
        """(the card's kept markup, course, the learner's status), for the template."""
        html = self.listing[1]
        return [
            (html[course.pk], course, self.statuses.get(course.pk, NOT_ENROLLED))
            for course in self.paginator_page.object_list
        ]
