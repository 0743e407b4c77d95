"""URLs of the association network besides the directory page's own routes: registering,
joining and managing an association, and the directory's feeds. Included by
``capacity_lms.urls``."""

from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from capacity_lms.network import feeds, leader_views, member_views

urlpatterns = [
    path(
        "associations/register/",
        never_cache(member_views.register),
        name="association_register",
    ),
    path("associations/mine/", never_cache(member_views.my_associations), name="association_mine"),
    path(
        "associations/<int:pk>/join/",
        never_cache(member_views.join),
        name="association_join",
    ),
    path(
        "associations/join-registered/",
        member_views.join_registered,
        name="association_join_registered",
    ),
    path(
        "associations/requests/<int:pk>/withdraw/",
        member_views.withdraw_request,
        name="association_request_withdraw",
    ),
    path(
        "associations/<int:pk>/manage/",
        never_cache(leader_views.manage),
        name="association_manage",
    ),
    path(
        "associations/<int:pk>/edit/",
        never_cache(leader_views.edit),
        name="association_edit",
    ),
    path(
        "associations/requests/<int:pk>/accept/",
        leader_views.accept_request,
        name="association_request_accept",
    ),
    path(
        "associations/requests/<int:pk>/refuse/",
        leader_views.refuse_request,
        name="association_request_refuse",
    ),
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
