"""The association directory: a Wagtail page (one per language, translations of one another)
whose routes are the filtered index, each association's public page and the map.

Every route shows every signed-out visitor the same thing and is served from the page cache
(:class:`~capacity_lms.core.pages.SharedPage`); the cache is purged when an association, a
membership, a partnership or a member's consent changes (``network/cached_pages.py``), and
an association's page, whose capacity record moves with its members' training, is kept no
longer than :data:`CAPACITY_RECORD_SECONDS`. What each route computes (results, map figures,
profile and record) is kept as fragments (:func:`capacity_lms.core.fragments.remember`, ended
by the same purges, kept no longer than the page cache's time), so that signed-in members, whom
the page cache does not serve, do not recompute it either.
"""

from datetime import timedelta

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from capacity_lms.core import clock, structured_data
from capacity_lms.core.fragments import remember
from capacity_lms.core.links import absolute_url
from capacity_lms.core.pages import SHARED_UNTIL_ATTRIBUTE, ReadOnlyPage, SharedPage
from capacity_lms.network.structured_data import association_json_ld

# How long a signed-out visitor's copy of an association's page may be kept: its capacity
# record counts modules completed, meetings attended and certificates, which change without
# any edit of the association.
CAPACITY_RECORD_SECONDS = 600


class DirectoryPage(SharedPage, ReadOnlyPage, RoutablePageMixin, Page):
    """The public directory of verified associations, their pages and the map."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    associations_per_page = models.PositiveSmallIntegerField(
        _("associations per page"), default=20
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    settings_panels = [*Page.settings_panels, FieldPanel("associations_per_page")]
    subpage_types = []
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    template = "capacity_lms/network/directory_page.html"

    class Meta:
        verbose_name = _("association directory")
        verbose_name_plural = _("association directories")

    @path("")
    def index_route(self, request):
        from capacity_lms.network.directory import Directory

        return self.render(request, context_overrides={"directory": Directory(self, request)})

    @path("map/")
    def map_route(self, request):
        from capacity_lms.network.map import directory_map

        figures = remember(request, "directory-map", [self.pk], lambda: directory_map(self))
        return self.render(
            request,
            template="capacity_lms/network/directory_map.html",
            context_overrides={"map": figures},
        )

    @path("<int:pk>/")
    def association_route(self, request, pk):
        from capacity_lms.network.profiles import (
            PublicProfile,
            capacity_record,
            public_associations,
        )

        def profile_and_record():
            association = (
                public_associations()
                .select_related("host_country", "region", "province")
                .filter(pk=pk)
                .first()
            )
            if association is None:
                return False
            return PublicProfile.of(association), capacity_record(association)

        shown = remember(request, "directory-association", [self.pk, pk], profile_and_record)
        if not shown:
            raise Http404
        profile, record = shown
        url = absolute_url(self.association_url(pk, request))
        response = self.render(
            request,
            template="capacity_lms/network/association_page.html",
            context_overrides={
                "association": profile,
                "record": record,
                "structured_data": structured_data.script(association_json_ld(profile, url)),
            },
        )
        setattr(
            response,
            SHARED_UNTIL_ATTRIBUTE,
            clock.now() + timedelta(seconds=CAPACITY_RECORD_SECONDS),
        )
        return response

    def association_url(self, pk, request=None):
        """The URL of association ``pk``'s public page in this directory."""
        return self.get_url(request) + self.reverse_subpage("association_route", args=[pk])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["map_url"] = self.map_url(request)
        return context

    def map_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("map_route")
