"""The evaluation's follow-up URLs (issue #25): the follow-up form and an association's
timeline. Every page is personal: never cached."""

from django.urls import path
from django.views.decorators.cache import never_cache

from capacity_lms.evaluation import follow_up_views, timeline_views

urlpatterns = [
    path("follow-ups/<int:pk>/", never_cache(follow_up_views.follow_up), name="follow_up"),
    path(
        "associations/<int:pk>/timeline/",
        never_cache(timeline_views.association_timeline),
        name="association_timeline",
    ),
]
