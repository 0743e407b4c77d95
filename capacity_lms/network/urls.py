"""Directory URLs besides the directory page's own routes: its feeds. Included by
``capacity_lms.urls``."""

from django.urls import path
from django.views.decorators.http import require_safe

from capacity_lms.network import feeds

urlpatterns = [
    path(
        "directory/<int:page_id>/associations/rss/",
        require_safe(feeds.NewAssociationsRssFeed()),
        name="directory_associations_rss",
    ),
    path(
        "directory/<int:page_id>/associations/atom/",
        require_safe(feeds.NewAssociationsAtomFeed()),
        name="directory_associations_atom",
    ),
    path(
        "directory/<int:page_id>/offers-and-needs/rss/",
        require_safe(feeds.OffersAndNeedsRssFeed()),
        name="directory_offers_rss",
    ),
    path(
        "directory/<int:page_id>/offers-and-needs/atom/",
        require_safe(feeds.OffersAndNeedsAtomFeed()),
        name="directory_offers_atom",
    ),
]
