"""Public workshop pages, registration POSTs, and the calendar feeds.

Pages: the upcoming workshops with filters, a workshop with its sessions and seats, the
person's calendar page. Every change is a POST with CSRF answered by a redirect. Feeds are
plain GET URLs a calendar client subscribes to; each answers 304 when nothing changed.
"""

import datetime
import hashlib

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.db.models import Count, Max, Prefetch, Q
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, resolve_url
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
)
from django.utils.http import http_date, quote_etag, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.http import require_POST, require_safe
from django.views.generic import TemplateView

from capacity_lms.core.actions import ActionRefused
from capacity_lms.core.ratelimit import rate_limited
from capacity_lms.taxonomy.models import Country, StrategicAxis
from capacity_lms.workshops.actions import CancelRegistrationAction, RegisterAction
from capacity_lms.workshops.calendar import CalendarBuilder, feed_name
from capacity_lms.workshops.feed_tokens import (
    RenewCalendarAddressAction,
    RevokeCalendarAddressAction,
)
from capacity_lms.workshops.models import CalendarFeedToken, Registration, Session, Workshop
from capacity_lms.workshops.times import ShownTimes, person_time_zone
from courses.models import CoursePage

PAGE_SIZE = 20
UPCOMING_SHOWN = 3


class WorkshopFilterForm(forms.Form):
    country = forms.ModelChoiceField(
        Country.objects.all(),
        required=False,
        to_field_name="code",
        label=gettext_lazy("Country"),
        empty_label=gettext_lazy("All countries"),
    )
    format = forms.ChoiceField(
        choices=[("", gettext_lazy("All formats")), *Workshop.Format.choices],
        required=False,
        label=gettext_lazy("Format"),
    )
    axis = forms.ModelChoiceField(
        StrategicAxis.objects.all(),
        required=False,
        to_field_name="code",
        label=gettext_lazy("Strategic axis"),
        empty_label=gettext_lazy("All axes"),
    )
    starts_after = forms.DateField(
        required=False,
        label=gettext_lazy("From"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    starts_before = forms.DateField(
        required=False,
        label=gettext_lazy("Until"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean(self):
        cleaned = super().clean()
        after, before = cleaned.get("starts_after"), cleaned.get("starts_before")
        if after and before and before < after:
            self.add_error("starts_before", _("The end of the period comes before its start."))
        return cleaned

    def filter(self, workshops):
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("country"):
            workshops = workshops.filter(country=data["country"])
        if data.get("format"):
            workshops = workshops.filter(format=data["format"])
        if data.get("axis"):
            workshops = workshops.filter(strategic_axis=data["axis"])
        sessions = Q(sessions__series_ends_at__gte=timezone.now())
        if data.get("starts_after"):
            start = datetime.datetime.combine(
                data["starts_after"], datetime.time.min, datetime.UTC
            )
            sessions &= Q(sessions__series_ends_at__gte=start)
        if data.get("starts_before"):
            end = datetime.datetime.combine(data["starts_before"], datetime.time.max, datetime.UTC)
            sessions &= Q(sessions__starts_at__lte=end)
        return workshops.filter(pk__in=Workshop.objects.filter(sessions).values("pk"))


def sessions_prefetch():
    return Prefetch(
        "sessions",
        queryset=Session.objects.prefetch_related("changes").order_by("starts_at", "pk"),
    )


def upcoming_times(workshop, viewer_time_zone, limit=None):
    """The workshop's occurrences not over yet, as :class:`ShownTimes`, in time order."""
    now = timezone.now()
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


def seats_left(workshop):
    if workshop.capacity is None:
        return None
    return max(workshop.capacity - workshop.confirmed_count, 0)


class WorkshopListView(TemplateView):
    """Upcoming published workshops, filtered by plain GET parameters, paginated."""

    template_name = "capacity_lms/workshops/workshop_list.html"

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
        for workshop in page.object_list:
            times = upcoming_times(workshop, viewer_zone)
            cards.append(
                {
                    "workshop": workshop,
                    "times": times[:UPCOMING_SHOWN],
                    "more": max(len(times) - UPCOMING_SHOWN, 0),
                    "seats_left": seats_left(workshop),
                    "first": times[0].occurrence.starts_at if times else None,
                }
            )
        cards.sort(key=lambda card: (card["first"] is None, card["first"] or timezone.now()))
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


class WorkshopDetailView(TemplateView):
    template_name = "capacity_lms/workshops/workshop_detail.html"

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
        workshop = self.get_workshop()
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
    try:
        registration = action_class(workshop, user=request.user).execute()
        messages.success(request, success(registration))
    except ActionRefused as error:
        for message in error.messages:
            messages.error(request, message)
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


class CalendarFeedView(View):
    """A subscribable iCalendar feed. Subclasses say which sessions and what it is called.

    The ETag comes from one aggregate query over the same sessions (count, sequences, last
    changes) and the language, so an unchanged feed answers 304 without being built.
    """

    filename = "calendar.ics"

    def get_sessions(self):
        raise NotImplementedError

    def get_name(self):
        raise NotImplementedError

    def get_builder_options(self):
        return {}

    def extra_version(self):
        return ()

    def get(self, request, *args, **kwargs):
        sessions = self.get_sessions().recent_and_upcoming()
        listed = sessions.filter(
            workshop__status__in=[Workshop.Status.PUBLISHED, Workshop.Status.CANCELLED]
        )
        # Over every session, listed or not: a workshop taken back to draft leaves the feed,
        # and its later updated_at is what moves Last-Modified on for If-Modified-Since.
        version = sessions.calendar_version()
        stamps = [
            version[name]
            for name in ("session_updated", "workshop_updated", "change_updated")
            if version[name]
        ]
        extra = self.extra_version()
        stamps += [stamp for stamp in extra if isinstance(stamp, datetime.datetime)]
        last_modified = max(stamps).timestamp() if stamps else None
        language = translation.get_language()
        fingerprint = repr((sorted(version.items()), extra, language, request.path))
        etag = quote_etag(hashlib.sha256(fingerprint.encode()).hexdigest()[:32])
        response = get_conditional_response(
            request, etag=etag, last_modified=int(last_modified) if last_modified else None
        )
        if response is None:
            builder = CalendarBuilder(
                self.get_name(), request=request, **self.get_builder_options()
            )
            response = HttpResponse(
                builder.add_sessions(listed.in_calendars()).to_ical(),
                content_type="text/calendar; charset=utf-8",
            )
            response["Content-Disposition"] = f'inline; filename="{self.filename}"'
        response["ETag"] = etag
        if last_modified:
            response["Last-Modified"] = http_date(last_modified)
        patch_cache_control(response, max_age=300)
        return response


class WorkshopFeedView(CalendarFeedView):
    def get_sessions(self):
        self.workshop = get_object_or_404(Workshop.objects.listed(), slug=self.kwargs["slug"])
        self.filename = f"workshop-{self.workshop.pk}.ics"
        return Session.objects.filter(workshop=self.workshop)

    def get_name(self):
        return feed_name(self.workshop.title)


class CourseFeedView(CalendarFeedView):
    """Workshops of a course in every language it is translated into.

    Only a public course has one: the feed is public and names the course, so a page behind a
    view restriction (its own or an ancestor's) answers 404, as in the API and the sitemap.
    """

    def get_sessions(self):
        self.course = get_object_or_404(
            CoursePage.objects.live().public(), pk=self.kwargs["course_id"]
        )
        self.filename = f"course-{self.course.pk}.ics"
        return Session.objects.filter(
            workshop__course__translation_key=self.course.translation_key
        )

    def get_name(self):
        return feed_name(self.course.title)


class CountryFeedView(CalendarFeedView):
    def get_sessions(self):
        self.country = get_object_or_404(Country, code=self.kwargs["code"].lower())
        self.filename = f"workshops-{self.country.code.lower()}.ics"
        return Session.objects.filter(workshop__country=self.country)

    def get_name(self):
        return feed_name(self.country)


class TrainerFeedView(CalendarFeedView):
    def get_sessions(self):
        self.trainer = self._trainer()
        self.filename = f"trainer-{self.trainer.pk}.ics"
        return Session.objects.filter(workshop__trainers=self.trainer)

    def _trainer(self):
        trainers = get_user_model().objects.filter(
            pk=self.kwargs["user_id"],
            trained_workshops__status__in=[Workshop.Status.PUBLISHED, Workshop.Status.CANCELLED],
        )
        trainer = trainers.first()
        if trainer is None:
            raise Http404
        return trainer

    def get_name(self):
        return feed_name(self.trainer.get_full_name() or self.trainer.get_username())


class PersonalFeedView(CalendarFeedView):
    """A person's own calendar: workshops they registered for or train, behind their token.

    Their confirmed workshops carry the online link; waiting-list ones are TENTATIVE.
    """

    filename = "my-workshops.ics"

    def get_sessions(self):
        token = CalendarFeedToken.objects.select_related("user").filter(token=self.kwargs["token"])
        token = token.first()
        if token is None or not token.user.is_active:
            raise Http404
        self.person = token.user
        registrations = Registration.objects.filter(user=self.person).active()
        self.confirmed = set(registrations.confirmed().values_list("workshop_id", flat=True))
        self.waiting = set(
            registrations.filter(status=Registration.Status.WAITING).values_list(
                "workshop_id", flat=True
            )
        )
        self.trained = set(
            Workshop.objects.filter(trainers=self.person).values_list("pk", flat=True)
        )
        return Session.objects.filter(workshop_id__in=self.confirmed | self.waiting | self.trained)

    def extra_version(self):
        mine = Registration.objects.filter(user=self.person).aggregate(
            count=Count("pk"), updated=Max("updated_at")
        )
        return (mine["count"], mine["updated"], sorted(self.trained))

    def get_name(self):
        return feed_name(_("My workshops"))

    def get_builder_options(self):
        return {
            "online_link_for": self.confirmed | self.trained,
            "tentative_for": self.waiting - self.trained,
        }

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        # The URL is a secret and the feed one person's: nothing may store it (the ETag still
        # answers a client's If-None-Match), no search engine list it.
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex"
        return response


@require_safe
def session_ics(request, slug, pk):
    """One session (with its series) as a download."""
    session = get_object_or_404(Session.objects.in_calendars(), pk=pk, workshop__slug=slug)
    workshop = session.workshop
    online = workshop.is_managed_by(request.user) or (
        request.user.is_authenticated
        and workshop.registrations.confirmed().filter(user=request.user).exists()
    )
    builder = CalendarBuilder(
        workshop.title, request=request, online_link_for={workshop.pk} if online else ()
    )
    response = HttpResponse(
        builder.add_session(session).to_ical(),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="session-{session.pk}.ics"'
    if online:
        # It carries the meeting link: the person's own.
        add_never_cache_headers(response)
    return response


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
