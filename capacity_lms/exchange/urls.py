"""The exchange spaces' URLs (``exchange/views.py``). Every page is personal (who may read a
space is decided per person): never kept by a browser or a shared cache. A space is named by
its kind and what it is about: ``exchange/workshop/12/``, ``exchange/module/<translation key>/``.
"""

from django.urls import path
from django.views.decorators.cache import never_cache

from capacity_lms.exchange import (
    file_views,
    list_views,
    moderation_views,
    notice_views,
    views,
)

SPACE = "exchange/<slug:kind>/<str:key>/"

urlpatterns = [
    path("exchange/", never_cache(list_views.space_list), name="exchange_spaces"),
    path("exchange/search/", never_cache(list_views.search), name="exchange_search"),
    path(
        "exchange/notifications/",
        never_cache(notice_views.notifications),
        name="exchange_notifications",
    ),
    path(
        "exchange/unsubscribe/<str:token>/",
        never_cache(notice_views.unsubscribe),
        name="exchange_unsubscribe",
    ),
    path("exchange/threads/<int:pk>/", never_cache(views.thread_page), name="exchange_thread"),
    path("exchange/threads/<int:pk>/reply/", views.reply, name="exchange_reply"),
    path("exchange/threads/<int:pk>/read/", views.mark_read, name="exchange_thread_read"),
    path(
        "exchange/threads/<int:pk>/follow/",
        views.follow,
        {"what": "thread"},
        name="exchange_follow_thread",
    ),
    path("exchange/threads/<int:pk>/solution/", views.mark_solution, name="exchange_solution"),
    path("exchange/threads/<int:pk>/lock/", moderation_views.lock_thread, name="exchange_lock"),
    path("exchange/posts/<int:pk>/edit/", never_cache(views.edit_post), name="exchange_edit_post"),
    path(
        "exchange/files/<int:pk>/<str:name>",
        never_cache(file_views.attachment),
        name="exchange_attachment",
    ),
    path("exchange/posts/<int:pk>/delete/", views.delete_post, name="exchange_delete_post"),
    path(
        "exchange/posts/<int:pk>/report/",
        never_cache(moderation_views.report_post),
        name="exchange_report",
    ),
    path(
        "exchange/posts/<int:pk>/hide/",
        moderation_views.moderate_post,
        {"act": "hide"},
        name="exchange_hide_post",
    ),
    path(
        "exchange/posts/<int:pk>/show/",
        moderation_views.moderate_post,
        {"act": "show"},
        name="exchange_show_post",
    ),
    path(
        "exchange/posts/<int:pk>/dismiss/",
        moderation_views.moderate_post,
        {"act": "dismiss"},
        name="exchange_dismiss_reports",
    ),
    path("exchange/removals/<int:pk>/readmit/", moderation_views.readmit, name="exchange_readmit"),
    path(SPACE, never_cache(views.space_page), name="exchange_space"),
    path(SPACE + "new/", views.new_thread, name="exchange_new_thread"),
    path(SPACE + "follow/", views.follow, {"what": "space"}, name="exchange_follow_space"),
    path(
        SPACE + "moderation/", never_cache(moderation_views.moderation), name="exchange_moderation"
    ),
    path(SPACE + "remove/", moderation_views.remove_person, name="exchange_remove_person"),
    path(SPACE + "settings/", moderation_views.space_settings, name="exchange_space_settings"),
]
