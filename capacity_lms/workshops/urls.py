"""Workshop pages and calendar feeds; included by ``capacity_lms.urls``.

The feed URLs are public and stable: calendar clients keep them for years.
"""

from django.urls import path
from django.views.decorators.cache import never_cache

from capacity_lms.workshops import feeds, views

urlpatterns = [
    path("workshops/", views.WorkshopListView.as_view(), name="workshop_list"),
    path("workshops/<str:slug>/", views.WorkshopDetailView.as_view(), name="workshop_detail"),
    path("workshops/<str:slug>/register/", views.register, name="workshop_register"),
    path("workshops/<str:slug>/cancel/", views.cancel_registration, name="workshop_cancel"),
    path(
        "workshops/<str:slug>/calendar.ics",
        feeds.WorkshopFeedView.as_view(),
        name="workshop_calendar",
    ),
    path(
        "workshops/<str:slug>/sessions/<int:pk>.ics",
        feeds.session_ics,
        name="session_calendar",
    ),
    path("calendar/", never_cache(views.MyCalendarView.as_view()), name="my_calendar"),
    path(
        "calendar/courses/<int:course_id>.ics",
        feeds.CourseFeedView.as_view(),
        name="course_calendar",
    ),
    path(
        "calendar/countries/<str:code>.ics",
        feeds.CountryFeedView.as_view(),
        name="country_calendar",
    ),
    path(
        "calendar/trainers/<int:user_id>.ics",
        feeds.TrainerFeedView.as_view(),
        name="trainer_calendar",
    ),
    path(
        "calendar/personal/<str:token>.ics",
        feeds.PersonalFeedView.as_view(),
        name="personal_calendar",
    ),
]
