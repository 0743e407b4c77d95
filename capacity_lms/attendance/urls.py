"""Attendance pages: rosters, check-in codes and check-in; included by ``capacity_lms.urls``."""

urlpatterns = []
