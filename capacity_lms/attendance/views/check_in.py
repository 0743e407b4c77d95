"""The member's check-in: by the QR code's link or by typing the six-digit code.

GET says which meeting and offers the button (it never writes); POST runs ``CheckInAction``
and answers with its true outcome. Wrong codes are counted per person in the shared cache.
"""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.cache import cache
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from capacity_lms.attendance.actions import meeting_of
from capacity_lms.attendance.checkin import CheckInAction, meeting_of_token
from capacity_lms.attendance.models import AttendanceRecord
from capacity_lms.core.actions import ActionRefused
from capacity_lms.core.ratelimit import rate_limited
from capacity_lms.core.versions import count_up
from capacity_lms.workshops.schedule import zone
from capacity_lms.workshops.times import ShownTimes, person_time_zone


@method_decorator(rate_limited("check_in"), name="post")
class CheckInView(LoginRequiredMixin, TemplateView):
    """The member's side: GET says which meeting and offers the button (it never writes);
    POST runs ``CheckInAction`` and shows the true outcome. Without a token, the member types
    the six-digit code."""

    template_name = "capacity_lms/attendance/check_in.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        token = self.kwargs.get("token")
        context["token"] = token
        if token:
            try:
                session, day = meeting_of_token(token)
                context.update(self.meeting_context(session, meeting_of(session, day)))
            except ActionRefused as error:
                context["refusal"] = error.messages
                return context
            context["record"] = (
                AttendanceRecord.objects.filter(
                    session=session, occurrence_date=day, user=self.request.user
                )
                .select_related("status")
                .first()
            )
        return context

    def meeting_context(self, session, occurrence, viewer_time_zone=None):
        if viewer_time_zone is None:
            viewer_time_zone = person_time_zone(self.request.user)
        return {
            "session": session,
            "workshop": session.workshop,
            "shown": ShownTimes(occurrence, viewer_time_zone),
        }

    def post(self, request, *args, **kwargs):
        """The check-in itself: the action finds the meeting once and the page is drawn from
        what it found (the GET's lookups are only made again to explain a refusal)."""
        token = self.kwargs.get("token")
        try:
            if token:
                action = CheckInAction.from_token(token, user=request.user)
            else:
                refuse_after_too_many_wrong_codes(request.user)
                action = CheckInAction.from_code(request.POST.get("code", ""), user=request.user)
            record, changed = action.execute()
        except ActionRefused as error:
            if error.code == "code":
                count_a_wrong_code(request.user)
            context = self.get_context_data(**kwargs)
            context.update(refusal=error.messages, at_the_door=True)
            return self.render_to_response(context)
        session = action.session
        context = super().get_context_data(**kwargs)
        # The action's one lookup also found the zone the person reads times in ("" if none).
        viewer_time_zone = action.found.person_time_zone or ""
        context.update(self.meeting_context(session, action.occurrence, viewer_time_zone))
        context.update(
            token=token,
            record=record,
            outcome="marked" if changed else "already",
            marked_time=record.marked_at.astimezone(zone(session.time_zone)).strftime("%H:%M"),
            # Forty people in minutes: the page answering a check-in leaves out the
            # navigation's panels, which ask the shared cache about the person.
            at_the_door=True,
        )
        return self.render_to_response(context)


# Six digits are guessable by brute force: a person gets this many wrong codes per window
# (counted in the shared cache, so every app server agrees), then must scan or wait.
WRONG_CODES_ALLOWED = 10
WRONG_CODES_WINDOW_SECONDS = 15 * 60


def _wrong_codes_key(user):
    return f"capacity_lms:check_in:wrong_codes:{user.pk}"


def refuse_after_too_many_wrong_codes(user):
    if cache.get(_wrong_codes_key(user), 0) >= WRONG_CODES_ALLOWED:
        raise ActionRefused(
            _("Too many wrong codes: scan the QR code, or try again in a few minutes."),
            code="too_many_codes",
        )


def count_a_wrong_code(user):
    count_up(_wrong_codes_key(user), seconds=WRONG_CODES_WINDOW_SECONDS)
