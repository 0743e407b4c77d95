"""Public workshop pages and registration POSTs.

Pages: the upcoming workshops with filters, a workshop with its sessions and seats, the
person's calendar page (where they turn their personal feed on, renew or revoke it). Every
change is a POST with CSRF answered by a redirect. The feeds themselves are in :mod:`.feeds`.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, resolve_url
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from capacity_lms.core import clock, structured_data
from capacity_lms.core.actions import perform
from capacity_lms.core.pages import SharedView
from capacity_lms.core.ratelimit import rate_limited
from capacity_lms.workshops.actions import CancelRegistrationAction, RegisterAction
from capacity_lms.workshops.feed_tokens import (
    RenewCalendarAddressAction,
    RevokeCalendarAddressAction,
)
from capacity_lms.workshops.forms import WorkshopFilterForm
from capacity_lms.workshops.models import CalendarFeedToken, Registration, Session, Workshop
from capacity_lms.workshops.structured_data import workshop_json_ld
from capacity_lms.workshops.times import ShownTimes, person_time_zone

PAGE_SIZE = 20
UPCOMING_SHOWN = 3


def sessions_prefetch():
    return Prefetch(
        "sessions",
        queryset=Session.objects.prefetch_related("changes").order_by("starts_at", "pk"),
    )


def upcoming_times(workshop, viewer_time_zone, limit=None):
    """The workshop's occurrences not over yet, as :class:`ShownTimes`, in time order."""
    now = clock.now()
    occurrences = sorted(
        (
            occurrence
            for session in workshop.sessions.all()
            for occurrence in session.occurrences()
            if occurrence.ends_at >= now
        ),
        key=lambda occurrence: occurrence.starts_at,
    )
    return [ShownTimes(occurrence, viewer_time_zone) for occurrence in occurrences[:limit]]


def next_instant(instants):
    """The earliest of ``instants`` still to come (None ignored), or None."""
    now = clock.now()
    return min((instant for instant in instants if instant and instant > now), default=None)


def seats_left(workshop):
    if workshop.capacity is None:
        return None
    return max(workshop.capacity - workshop.confirmed_count, 0)


class WorkshopListView(SharedView, TemplateView):
    """Upcoming published workshops, filtered by plain GET parameters, paginated."""

    template_name = "capacity_lms/workshops/workshop_list.html"
    upcoming_ends = ()

    def changes_at(self):
        # A meeting that ends leaves its card's upcoming times.
        return next_instant(self.upcoming_ends)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = WorkshopFilterForm(self.request.GET or None)
        workshops = form.filter(
            Workshop.objects.filter(status=Workshop.Status.PUBLISHED)
            .with_seats()
            .select_related("country", "strategic_axis")
            .prefetch_related(sessions_prefetch())
        ).order_by("title")
        page = Paginator(workshops, PAGE_SIZE).get_page(self.request.GET.get("page"))
        viewer_zone = person_time_zone(self.request.user)
        cards = []
        self.upcoming_ends = []
        for workshop in page.object_list:
            times = upcoming_times(workshop, viewer_zone)
            self.upcoming_ends.extend(shown.occurrence.ends_at for shown in times)
            cards.append(
                {
                    "workshop": workshop,
                    "times": times[:UPCOMING_SHOWN],
                    "more": max(len(times) - UPCOMING_SHOWN, 0),
                    "seats_left": seats_left(workshop),
                    "first": times[0].occurrence.starts_at if times else None,
                }
            )
        cards.sort(key=lambda card: (card["first"] is None, card["first"] or clock.now()))
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            form=form,
            page=page,
            cards=cards,
            query=urlencode(sorted(query.lists()), doseq=True),
            viewer_time_zone=viewer_zone,
        )
        return context


class WorkshopDetailView(SharedView, TemplateView):
    template_name = "capacity_lms/workshops/workshop_detail.html"
    workshop = None

    def changes_at(self):
        # Registration opens or closes; the workshop ends.
        workshop = self.workshop
        if workshop is None:
            return None
        return next_instant(
            [
                workshop.registration_opens_at,
                workshop.registration_closes_at,
                workshop.last_meeting_ends_at(),
            ]
        )

    def get_workshop(self):
        workshop = get_object_or_404(
            Workshop.objects.with_seats()
            .select_related("country", "strategic_axis", "course")
            .prefetch_related(sessions_prefetch(), "trainers"),
            slug=self.kwargs["slug"],
        )
        if not workshop.is_listed and not workshop.is_managed_by(self.request.user):
            raise Http404
        return workshop

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        workshop = self.workshop = self.get_workshop()
        user = self.request.user
        registration = None
        position = None
        if user.is_authenticated:
            registration = Registration.objects.filter(workshop=workshop, user=user).first()
            if registration and registration.is_waiting:
                position = (
                    workshop.registrations.waiting()
                    .filter(
                        Q(queued_at__lt=registration.queued_at)
                        | Q(queued_at=registration.queued_at, pk__lt=registration.pk)
                    )
                    .count()
                    + 1
                )
        manages = workshop.is_managed_by(user)
        confirmed = registration is not None and registration.is_confirmed
        viewer_zone = person_time_zone(user)
        context.update(
            workshop=workshop,
            sessions=[
                {
                    "session": session,
                    "times": [ShownTimes(o, viewer_zone) for o in session.occurrences()],
                }
                for session in workshop.sessions.all()
            ],
            registration=registration,
            waiting_position=position,
            seats_left=seats_left(workshop),
            registration_refusal=workshop.registration_window_refusal(),
            ended=workshop.has_ended(),
            show_online_link=bool(workshop.online_url) and (confirmed or manages),
            manages=manages,
            viewer_time_zone=viewer_zone,
            login_url=resolve_url(settings.LOGIN_URL),
        )
        context["course"] = course_shown_to(workshop.course, self.request)
        context["structured_data"] = structured_data.script(
            workshop_json_ld(workshop, get_language())
        )
        return context


def course_shown_to(course, request):
    """The workshop's course if this viewer may open its page (live, and let in by every
    view restriction on it or above it), else None: a page never names a restricted course to
    whom it keeps out."""
    if course is None or not course.live:
        return None
    if all(restriction.accept_request(request) for restriction in course.get_view_restrictions()):
        return course
    return None


def _registration_post(request, slug, action_class, success):
    workshop = get_object_or_404(Workshop.objects.listed(), slug=slug)
    if not request.user.is_authenticated:
        return HttpResponseRedirect(
            f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': workshop.get_absolute_url()})}"
        )
    perform(request, action_class(workshop, user=request.user), success)
    return HttpResponseRedirect(workshop.get_absolute_url())


def _registered_message(registration):
    if registration.is_confirmed:
        return _("You are registered. A confirmation is on its way by e-mail.")
    return _("The workshop is full: you are on the waiting list and will be told by e-mail.")


@require_POST
@rate_limited("workshop_registration")
def register(request, slug):
    return _registration_post(request, slug, RegisterAction, _registered_message)


@require_POST
@rate_limited("workshop_registration")
def cancel_registration(request, slug):
    return _registration_post(
        request,
        slug,
        CancelRegistrationAction,
        lambda registration: _("Your registration is cancelled."),
    )


class MyCalendarView(LoginRequiredMixin, TemplateView):
    """The person's registrations and their personal feed URL, which they can renew or turn
    off."""

    template_name = "capacity_lms/workshops/my_calendar.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        token = CalendarFeedToken.objects.filter(user=user).first()
        registrations = (
            Registration.objects.filter(user=user)
            .active()
            .select_related("workshop", "workshop__country")
            .order_by("-queued_at")
        )
        context.update(
            token=token,
            feed_url=self.request.build_absolute_uri(token.get_absolute_url()) if token else "",
            registrations=registrations,
        )
        return context

    def post(self, request):
        action = request.POST.get("action")
        if action in ("create", "renew"):
            RenewCalendarAddressAction(request.user, user=request.user).execute()
            messages.success(
                request,
                _("Your calendar address is ready. An address you used before no longer works."),
            )
        elif action == "revoke":
            RevokeCalendarAddressAction(request.user, user=request.user).execute()
            messages.success(request, _("Your calendar address is turned off."))
        else:
            messages.error(request, _("Unknown action."))
        return HttpResponseRedirect(reverse("capacity_lms:my_calendar"))
