"""URLs of partnerships, offers and needs and relayed messages; included by
``capacity_lms.urls``. Pages that show a person's own data are never cached."""

from django.urls import path
from django.views.decorators.cache import never_cache

from capacity_lms.network import message_views, offer_views, partnership_views

urlpatterns = [
    path(
        "network/partnerships/",
        never_cache(partnership_views.partnership_list),
        name="network_partnerships",
    ),
    path(
        "network/partnerships/declare/",
        never_cache(partnership_views.declare_partnership),
        name="network_partnership_declare",
    ),
    path(
        "network/partnerships/<int:pk>/confirm/",
        partnership_views.confirm_partnership,
        name="network_partnership_confirm",
    ),
    path(
        "network/partnerships/<int:pk>/decline/",
        partnership_views.decline_partnership,
        name="network_partnership_decline",
    ),
    path(
        "network/partnerships/<int:pk>/end/",
        partnership_views.end_partnership,
        name="network_partnership_end",
    ),
    path("network/offers-and-needs/", offer_views.board, name="network_board"),
    path(
        "network/offers-and-needs/new/",
        never_cache(offer_views.post_offer),
        name="network_offer_post",
    ),
    path(
        "network/offers-and-needs/<int:pk>/",
        never_cache(offer_views.detail),
        name="network_offer",
    ),
    path(
        "network/offers-and-needs/<int:pk>/edit/",
        never_cache(offer_views.edit_offer),
        name="network_offer_edit",
    ),
    path(
        "network/offers-and-needs/<int:pk>/close/",
        offer_views.close_offer,
        name="network_offer_close",
    ),
    path(
        "network/offers-and-needs/<int:pk>/report/",
        never_cache(offer_views.report_offer),
        name="network_offer_report",
    ),
    path("network/matches/", never_cache(offer_views.matches), name="network_matches"),
    path(
        "network/associations/<int:association_pk>/contact/",
        never_cache(message_views.contact),
        name="network_contact",
    ),
    path("network/messages/", never_cache(message_views.inbox), name="network_messages"),
    path(
        "network/messages/<int:pk>/",
        never_cache(message_views.message_detail),
        name="network_message",
    ),
    path(
        "network/messages/<int:pk>/read/",
        message_views.mark_read,
        name="network_message_read",
    ),
    path(
        "network/messages/<int:pk>/report/",
        never_cache(message_views.report_message),
        name="network_message_report",
    ),
]
