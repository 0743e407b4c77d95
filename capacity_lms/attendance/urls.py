"""Attendance pages: rosters, check-in codes and check-in; included by ``capacity_lms.urls``.

``check-in/<token>/`` is public and stable: it is what the QR code on the trainer's screen
holds.
"""

import datetime

from django.urls import path, register_converter
from django.views.decorators.cache import never_cache

from capacity_lms.attendance import transfer_views
from capacity_lms.attendance.views import check_in, meetings, roster


class IsoDateConverter:
    """A meeting's date as YYYY-MM-DD; anything else is no match (404)."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value):
        return datetime.date.fromisoformat(value)

    def to_url(self, value):
        return value.isoformat() if isinstance(value, datetime.date) else str(value)


register_converter(IsoDateConverter, "isodate")

urlpatterns = [
    path(
        "attendance/",
        never_cache(meetings.TrainerSessionsView.as_view()),
        name="attendance_sessions",
    ),
    path(
        "attendance/<int:session_pk>/<isodate:day>/",
        never_cache(roster.RosterView.as_view()),
        name="attendance_roster",
    ),
    path(
        "attendance/<int:session_pk>/<isodate:day>/check-in-code/",
        never_cache(roster.CheckInScreenView.as_view()),
        name="attendance_check_in_screen",
    ),
    path("check-in/", never_cache(check_in.CheckInView.as_view()), name="check_in"),
    path(
        "check-in/<str:token>/", never_cache(check_in.CheckInView.as_view()), name="check_in_token"
    ),
    # Attendance files: imports and exports (transfer_views.py).
    path(
        "workshops/<str:slug>/attendance/files/",
        never_cache(transfer_views.transfer),
        name="attendance_transfer",
    ),
    path(
        "workshops/<str:slug>/attendance/import/",
        never_cache(transfer_views.import_roster_view),
        name="attendance_import_roster",
    ),
    path(
        "workshops/<str:slug>/attendance/online-report/",
        never_cache(transfer_views.import_online_view),
        name="attendance_import_online",
    ),
    path(
        "workshops/<str:slug>/attendance.<str:extension>",
        never_cache(transfer_views.export_workshop),
        name="attendance_export_workshop",
    ),
    path(
        "workshops/<str:slug>/attendance-rates.csv",
        never_cache(transfer_views.export_workshop_rates),
        name="attendance_export_rates",
    ),
    path(
        "workshops/<str:slug>/attendance/<int:session_pk>/<str:date>.<str:extension>",
        never_cache(transfer_views.export_meeting),
        name="attendance_export_meeting",
    ),
]
