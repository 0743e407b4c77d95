"""Listings a page shows filtered, searched and paginated (the course catalogue, the
library): valid filters from a plain GET URL that can be bookmarked and shared, full-text
search ranked by the search backend, and page links that keep the filters.

A listing subclasses :class:`FilteredListing` and sets ``form`` (a bound or unbound form whose
fields are the filters), ``filter_names``, ``request`` and ``paginator_page``; its filter
fields choose among rows fetched once (:class:`TaxonomyChoiceField`).
"""

from dataclasses import dataclass, field

from django import forms
from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.utils.http import urlencode


class TaxonomyChoiceField(forms.MultipleChoiceField):
    """Choices by code from rows fetched once; cleans to the rows themselves.

    The catalogue renders these choices anyway, so validating against the same list costs no
    further query.
    """

    def __init__(self, rows=(), **kwargs):
        self.rows = {row.code: row for row in rows}
        super().__init__(choices=[(code, row.name) for code, row in self.rows.items()], **kwargs)

    def clean(self, value):
        return [self.rows[code] for code in super().clean(value)]


class TaxonomySingleChoiceField(forms.ChoiceField):
    def __init__(self, rows=(), empty_label="", **kwargs):
        self.rows = {row.code: row for row in rows}
        choices = [(code, row.name) for code, row in self.rows.items()]
        super().__init__(choices=[("", empty_label), *choices], **kwargs)

    def clean(self, value):
        return self.rows.get(super().clean(value))


@dataclass
class KeptPaginator:
    count: int
    num_pages: int


@dataclass
class KeptPage:
    """A page of results as a listing template reads it, without the query behind it: what a
    listing keeps in the cache (a Django ``Page`` holds its unevaluated queryset)."""

    number: int
    paginator: KeptPaginator
    object_list: list = field(default_factory=list)

    @classmethod
    def of(cls, page):
        paginator = KeptPaginator(page.paginator.count, page.paginator.num_pages)
        return cls(page.number, paginator, list(page.object_list))

    def has_previous(self):
        return self.number > 1

    def has_next(self):
        return self.number < self.paginator.num_pages


class FilteredListing:
    """What a page listing filtered, searchable, paginated items shares: its valid filters and
    the links to its other pages (which keep the filters). Subclasses set ``form``,
    ``filter_names`` and ``paginator_page``."""

    filter_names = ()

    @cached_property
    def filters(self):
        """The valid filters; an unknown value in a shared URL is ignored, not an error."""
        if not self.form.is_bound:
            return {}
        self.form.is_valid()
        return self.form.cleaned_data

    @cached_property
    def query(self):
        return (self.filters.get("q") or "").strip()

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
        return any(self.filters.get(name) for name in [*self.filter_names, "q"])

    def paginate(self, filtered, per_page, *ordering):
        """The requested page of ``filtered`` (a queryset with ``for_listing()``), searched
        for :attr:`query` when there is one (ranked), else in ``ordering``."""
        model = filtered.model
        number = self.request.GET.get("page")
        if self.query:
            # The search backend accepts plain field filters only: narrow by id instead.
            matching = model.objects.filter(pk__in=filtered.values("pk"))
            results = matching.search(self.query, operator="and")
            page = Paginator(results, per_page).get_page(number)
            ids = [item.pk for item in page.object_list]
            listed = {item.pk: item for item in model.objects.filter(pk__in=ids).for_listing()}
            page.object_list = [listed[pk] for pk in ids if pk in listed]
            return page
        page = Paginator(filtered.for_listing().order_by(*ordering), per_page).get_page(number)
        page.object_list = list(page.object_list)
        return page
