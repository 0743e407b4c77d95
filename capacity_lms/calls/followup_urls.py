"""The association's follow-up of its funded projects (``calls/followup_views.py``)."""

from django.urls import path
from django.views.decorators.cache import never_cache

from capacity_lms.calls.followup_views import my_projects, report_page

urlpatterns = [
    # Personal pages: never kept by a browser or a cache between two people.
    path("calls/my-projects/", never_cache(my_projects), name="calls_my_projects"),
    path("calls/reports/<int:pk>/", never_cache(report_page), name="calls_report"),
]
