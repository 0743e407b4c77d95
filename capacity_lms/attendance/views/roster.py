"""One meeting's trainer pages: the roster (statuses, "mark all present", walk-ins) and the
check-in screen shown to the room.

Another trainer's session answers 404, as does a date that is not a meeting of the session (a
cancelled meeting says so). Every change is a POST with CSRF that goes through an action
(``MarkAttendanceAction``, the walk-in actions) and is answered by a redirect.
"""

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render, resolve_url
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView

from capacity_lms.attendance.actions import MarkAttendanceAction, meeting_of
from capacity_lms.attendance.checkin import (
    check_in_window,
    current_short_code,
    make_token,
    slot_seconds,
)
from capacity_lms.attendance.models import AttendanceRecord, AttendanceStatus, WalkIn
from capacity_lms.attendance.walk_ins import AddWalkInAction, LinkWalkInAction, find_account
from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused, show_refusal
from capacity_lms.core.names import person_name
from capacity_lms.workshops.models import Registration, Session
from capacity_lms.workshops.schedule import zone
from capacity_lms.workshops.times import ShownTimes, person_time_zone

ROSTER = AttendanceRecord.Method.ROSTER


class MeetingMixin:
    """One meeting of a session the signed-in person manages: ``self.session``,
    ``self.occurrence``; 404 otherwise, with the reason when the meeting is cancelled or the
    session has none that day."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), resolve_url(settings.LOGIN_URL))
        self.session = get_object_or_404(
            Session.objects.select_related("workshop").prefetch_related("changes"),
            pk=kwargs["session_pk"],
        )
        if not self.session.workshop.is_managed_by(request.user):
            raise Http404
        self.day = kwargs["day"]
        try:
            self.occurrence = meeting_of(self.session, self.day)
        except ActionRefused as error:
            return render(
                request,
                "capacity_lms/attendance/no_meeting.html",
                {"session": self.session, "day": self.day, "reasons": error.messages},
                status=404,
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            session=self.session,
            workshop=self.session.workshop,
            day=self.day,
            shown=ShownTimes(self.occurrence, person_time_zone(self.request.user)),
            roster_url=reverse(
                "capacity_lms:attendance_roster",
                kwargs={"session_pk": self.session.pk, "day": self.day},
            ),
            check_in_screen_url=reverse(
                "capacity_lms:attendance_check_in_screen",
                kwargs={"session_pk": self.session.pk, "day": self.day},
            ),
        )
        return context


class RosterRow:
    """One person on a roster: a person with an account or a walk-in, and their record."""

    def __init__(self, key, name, record, person=None, walk_in=None, detail=""):
        self.key = key
        self.name = name
        self.record = record
        self.person = person
        self.walk_in = walk_in
        self.detail = detail

    def who(self):
        return {"person": self.person} if self.person is not None else {"walk_in": self.walk_in}


def roster_rows(session, day):
    """Confirmed registrants, anyone else with a record for the meeting (a linked walk-in),
    and the workshop's walk-ins not linked yet; four queries, whatever their number."""
    by_user, by_walk_in = {}, {}
    records = AttendanceRecord.objects.filter(session=session, occurrence_date=day)
    for record in records.select_related("status", "user", "walk_in", "marked_by"):
        if record.user_id is not None:
            by_user[record.user_id] = record
        else:
            by_walk_in[record.walk_in_id] = record
    people = {
        registration.user_id: registration.user
        for registration in Registration.objects.filter(
            workshop=session.workshop_id, status=Registration.Status.CONFIRMED
        ).select_related("user")
    }
    for record in by_user.values():
        people.setdefault(record.user_id, record.user)
    rows = sorted(
        (
            RosterRow(
                f"u{person.pk}",
                person_name(person),
                by_user.get(person.pk),
                person=person,
                detail=person.get_username(),
            )
            for person in people.values()
        ),
        key=lambda row: row.name.casefold(),
    )
    walk_ins = WalkIn.objects.filter(workshop=session.workshop_id).filter(
        Q(user__isnull=True) | Q(pk__in=list(by_walk_in))
    )
    rows += [
        RosterRow(f"w{walk_in.pk}", walk_in.name, by_walk_in.get(walk_in.pk), walk_in=walk_in)
        for walk_in in walk_ins
    ]
    return rows


class RosterView(MeetingMixin, TemplateView):
    """The roster of one meeting: a status per person, saved in one POST; "mark all present";
    walk-ins added on the spot and linked to an account later."""

    template_name = "capacity_lms/attendance/roster.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = roster_rows(self.session, self.day)
        context.update(
            rows=rows,
            statuses=list(AttendanceStatus.objects.all()),
            unlinked_walk_ins=[
                row.walk_in for row in rows if row.walk_in and not row.walk_in.user_id
            ],
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        handler = {
            "save": self.save_statuses,
            "all_present": self.save_statuses,
            "add_walk_in": self.add_walk_in,
            "link_walk_in": self.link_walk_in,
        }.get(action)
        if handler is None:
            messages.error(request, _("Unknown action."))
        else:
            handler(request)
        return HttpResponseRedirect(request.path)

    def mark(self, status, row, remarks=""):
        try:
            _record, changed = MarkAttendanceAction(
                self.session,
                user=self.request.user,
                occurrence_date=self.day,
                status=status,
                method=ROSTER,
                remarks=remarks,
                minutes_present=row.record.minutes_present if row.record else None,
                **row.who(),
            ).execute()
        except ActionRefused as error:
            for message in error.messages:
                messages.error(self.request, f"{row.name}: {message}")
            return False
        return changed

    def save_statuses(self, request):
        statuses = {str(status.pk): status for status in AttendanceStatus.objects.all()}
        rows = roster_rows(self.session, self.day)
        changed, chosen_for = 0, set()
        for row in rows:
            chosen = statuses.get(request.POST.get(f"status-{row.key}", ""))
            remarks = request.POST.get(f"remarks-{row.key}", "").strip()[:500]
            if chosen is None:
                continue
            chosen_for.add(row.key)
            record = row.record
            if record and record.status_id == chosen.pk and record.remarks == remarks:
                continue
            changed += self.mark(chosen, row, remarks)
        if changed:
            messages.success(
                request,
                ngettext("%(count)d record saved.", "%(count)d records saved.", changed)
                % {"count": changed},
            )
        if request.POST.get("action") == "all_present":
            present = AttendanceStatus.present()
            marked = sum(
                self.mark(present, row)
                for row in rows
                if row.record is None and row.key not in chosen_for
            )
            messages.success(
                request,
                ngettext(
                    "%(count)d more person marked present.",
                    "%(count)d more people marked present.",
                    marked,
                )
                % {"count": marked},
            )
        elif not changed:
            messages.info(request, _("Nothing changed."))

    def add_walk_in(self, request):
        try:
            walk_in = AddWalkInAction(
                self.session,
                user=request.user,
                name=request.POST.get("name", ""),
                email=request.POST.get("email", ""),
            ).execute()
        except ActionRefused as error:
            show_refusal(request, error)
            return
        row = RosterRow(f"w{walk_in.pk}", walk_in.name, None, walk_in=walk_in)
        if self.mark(AttendanceStatus.present(), row):
            messages.success(
                request,
                _("%(name)s is added as a walk-in and marked present.") % {"name": walk_in.name},
            )

    def link_walk_in(self, request):
        walk_in = WalkIn.objects.filter(
            workshop=self.session.workshop_id, pk=request.POST.get("walk_in") or 0
        ).first()
        if walk_in is None:
            messages.error(request, _("Choose a walk-in of this workshop."))
            return
        try:
            person = find_account(request.POST.get("account", ""))
            kept = LinkWalkInAction(walk_in, user=request.user, person=person).execute()
        except ActionRefused as error:
            show_refusal(request, error)
            return
        names = {"walk_in": walk_in.name, "person": person_name(person)}
        messages.success(request, _("%(walk_in)s is now linked to %(person)s.") % names)
        for record in kept:
            messages.warning(
                request,
                _(
                    "%(person)s already had a record for the meeting of %(date)s: it stands, "
                    "and %(walk_in)s's record for that meeting was left with the walk-in."
                )
                % {**names, "date": record.occurrence_date.isoformat()},
            )


class CheckInScreenView(MeetingMixin, TemplateView):
    """What the trainer shows the room: a QR code of a fresh check-in URL and the six-digit
    code, redrawn every slot, with how many people are marked present so far."""

    template_name = "capacity_lms/attendance/check_in_screen.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        url = self.request.build_absolute_uri(
            reverse(
                "capacity_lms:check_in_token",
                kwargs={"token": make_token(self.session, self.day)},
            )
        )
        records = AttendanceRecord.objects.filter(session=self.session, occurrence_date=self.day)
        now = clock.now()
        opens, closes = check_in_window(self.occurrence)
        session_zone = zone(self.session.time_zone)
        context.update(
            check_in_url=url,
            qr_svg=segno.make(url, error="m").svg_inline(
                scale=8, border=2, svgclass="cl-qr__image", omitsize=True
            ),
            short_code=current_short_code(self.session, self.day, now),
            code_entry_url=self.request.build_absolute_uri(reverse("capacity_lms:check_in")),
            refresh_seconds=slot_seconds(),
            present_count=records.filter(status__weight__gt=0).count(),
            checked_in_count=records.filter(method=AttendanceRecord.Method.CHECK_IN).count(),
            is_open=opens <= now <= closes,
            opens=opens.astimezone(session_zone),
            closes=closes.astimezone(session_zone),
        )
        return context
