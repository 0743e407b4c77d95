"""The committee's pages: reviewers (``calls/review_views.py``) and the chair
(``calls/chair_views.py``)."""

from django.urls import path
from django.views.decorators.cache import never_cache

from capacity_lms.calls import chair_views, review_views

urlpatterns = [
    # Personal pages: never kept by a browser or a cache between two people.
    path("calls/review/", never_cache(review_views.my_reviews), name="calls_my_reviews"),
    path(
        "calls/review/assignments/<int:pk>/",
        never_cache(review_views.declare),
        name="calls_declare",
    ),
    path(
        "calls/review/applications/<int:pk>/",
        never_cache(review_views.application_page),
        name="calls_review_application",
    ),
    path(
        "calls/committee/<int:pk>/ranking/",
        never_cache(chair_views.ranking_page),
        name="calls_ranking",
    ),
    path(
        "calls/committee/<int:pk>/stage/",
        chair_views.move_stage,
        name="calls_stage",
    ),
    path(
        "calls/committee/<int:pk>/minutes.pdf",
        never_cache(chair_views.minutes),
        name="calls_minutes",
    ),
    path(
        "calls/committee/applications/<int:pk>/assign/",
        never_cache(chair_views.assign),
        name="calls_assign",
    ),
    path(
        "calls/committee/applications/<int:pk>/decide/",
        never_cache(chair_views.decide),
        name="calls_decide",
    ),
]
