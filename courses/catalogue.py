"""The catalogue: filters, full-text search and pagination over a catalogue page's courses.

A filtered view is a plain GET URL (``?country=fr&axis=school-support&q=budget``), so it can be
bookmarked and shared. On a first visit without any parameter, a signed-in member's country and
specialized groups from their profile are preselected.
"""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from capacity_lms.conf import get_languages
from capacity_lms.people.models import LearnerProfile
from capacity_lms.taxonomy.models import Country, SpecializedGroup, StrategicAxis
from courses.models import CoursePage
from courses.progress import NOT_ENROLLED, statuses_for

FILTER_FIELDS = ["country", "group", "axis", "language", "format", "level"]


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("All countries"),
    )
    group = forms.ModelMultipleChoiceField(
        label=_("Specialized group"),
        queryset=SpecializedGroup.objects.all(),
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    axis = forms.ModelChoiceField(
        label=_("Strategic axis"),
        queryset=StrategicAxis.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("All axes"),
    )
    language = forms.ChoiceField(label=_("Teaching language"), required=False)
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[("", _("All formats")), *CoursePage.Format.choices],
    )
    level = forms.ChoiceField(
        label=_("Level"),
        required=False,
        choices=[("", _("All levels")), *CoursePage.Level.choices],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("All languages")), *get_languages()]


class Catalogue:
    """The courses a catalogue page shows for one request."""

    def __init__(self, page, request):
        self.page = page
        self.request = request
        self.preselected = False
        data = request.GET
        if not any(name in data for name in [*FILTER_FIELDS, "q", "page"]):
            data = self.profile_defaults()
        self.form = CatalogueFilterForm(data or None)

    def profile_defaults(self):
        """The member's country and groups, for a first visit to the catalogue."""
        user = self.request.user
        if not user.is_authenticated:
            return {}
        profile = (
            LearnerProfile.objects.filter(user=user)
            .select_related("country_of_residence")
            .prefetch_related("specialized_groups")
            .first()
        )
        if profile is None:
            return {}
        from django.http import QueryDict

        defaults = QueryDict(mutable=True)
        if profile.country_of_residence:
            defaults["country"] = profile.country_of_residence.code
        defaults.setlist("group", [group.code for group in profile.specialized_groups.all()])
        self.preselected = bool(defaults)
        return defaults

    @cached_property
    def filters(self):
        if self.form.is_bound and self.form.is_valid():
            return self.form.cleaned_data
        return {}

    def base_queryset(self):
        return CoursePage.objects.child_of(self.page).live().public()

    def filtered_queryset(self):
        courses = self.base_queryset()
        filters = self.filters
        if filters.get("country"):
            courses = courses.filter(Q(countries=filters["country"]) | Q(countries__isnull=True))
        if filters.get("group"):
            courses = courses.filter(
                Q(specialized_groups__in=filters["group"]) | Q(specialized_groups__isnull=True)
            )
        if filters.get("axis"):
            courses = courses.filter(strategic_axis=filters["axis"])
        for name in ("language", "format", "level"):
            if filters.get(name):
                courses = courses.filter(**{name: filters[name]})
        return courses

    @cached_property
    def query(self):
        return (self.filters.get("q") or "").strip()

    @cached_property
    def paginator_page(self):
        matching = CoursePage.objects.filter(pk__in=self.filtered_queryset().values("pk"))
        if self.query:
            results = matching.search(self.query, operator="and")
            paginator = Paginator(results, self.page.courses_per_page)
            page = paginator.get_page(self.request.GET.get("page"))
            ids = [course.pk for course in page.object_list]
            listed = {c.pk: c for c in CoursePage.objects.filter(pk__in=ids).for_listing()}
            page.object_list = [listed[pk] for pk in ids if pk in listed]
            return page
        ordered = matching.for_listing().order_by("path")
        paginator = Paginator(ordered, self.page.courses_per_page)
        page = paginator.get_page(self.request.GET.get("page"))
        page.object_list = list(page.object_list)
        return page

    @cached_property
    def cards(self):
        courses = self.paginator_page.object_list
        statuses = statuses_for(self.request.user, courses)
        return [(course, statuses.get(course.pk, NOT_ENROLLED)) for course in courses]

    def page_url(self, number):
        """The URL of another page of the same filtered view."""
        params = [(key, value) for key, value in self.form.data.lists() for value in value]
        params = [(key, value) for key, value in params if key != "page"]
        if not self.form.is_bound:
            params = []
        return "?" + urlencode([*params, ("page", number)])

    def page_links(self):
        """Links to the pages around the current one (at most 9), for the pagination."""
        page = self.paginator_page
        first = max(1, page.number - 4)
        last = min(page.paginator.num_pages, first + 8)
        return [
            {"number": n, "url": self.page_url(n), "current": n == page.number}
            for n in range(first, last + 1)
        ]

    def previous_url(self):
        return self.page_url(self.paginator_page.number - 1)

    def next_url(self):
        return self.page_url(self.paginator_page.number + 1)

    @property
    def is_filtered(self):
        return any(self.filters.get(name) for name in [*FILTER_FIELDS, "q"])
