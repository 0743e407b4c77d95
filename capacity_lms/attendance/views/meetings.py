"""The trainer's meetings page: the meetings of the workshops they train, a week back and two
weeks ahead, each with its roster and check-in screen."""

import datetime

from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView

from capacity_lms.attendance.checkin import check_in_window
from capacity_lms.core import clock
from capacity_lms.workshops.models import Session, Workshop
from capacity_lms.workshops.times import ShownTimes, person_time_zone

# The trainer's meetings page reaches this many days back and ahead.
DAYS_BACK = 7
DAYS_AHEAD = 14


def is_in_window(occurrence, now):
    opens, closes = check_in_window(occurrence)
    return opens <= now <= closes


class TrainerSessionsView(LoginRequiredMixin, TemplateView):
    """The meetings of the workshops the person trains (every workshop for staff), from a week
    back to two weeks ahead, with their roster and check-in screen."""

    template_name = "capacity_lms/attendance/trainer_sessions.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = clock.now()
        start = now - datetime.timedelta(days=DAYS_BACK)
        end = now + datetime.timedelta(days=DAYS_AHEAD)
        sessions = (
            Session.objects.filter(
                workshop__in=Workshop.objects.visible_to(self.request.user),
                series_ends_at__gte=start,
                starts_at__lte=end,
            )
            .select_related("workshop")
            .prefetch_related("changes")
        )
        viewer_zone = person_time_zone(self.request.user)
        upcoming, past = [], []
        for session in sessions:
            for occurrence in session.occurrences():
                if not start <= occurrence.starts_at <= end:
                    continue
                meeting = {
                    "session": session,
                    "occurrence": occurrence,
                    "shown": ShownTimes(occurrence, viewer_zone),
                    "now": is_in_window(occurrence, now) and not occurrence.is_cancelled,
                }
                (upcoming if occurrence.ends_at >= now else past).append(meeting)
        upcoming.sort(key=lambda meeting: meeting["occurrence"].starts_at)
        past.sort(key=lambda meeting: meeting["occurrence"].starts_at, reverse=True)
        context.update(upcoming=upcoming, past=past, viewer_time_zone=viewer_zone)
        return context
