"""The calendar feeds: plain GET URLs a calendar client subscribes to, and one session's .ics.

Feeds of a workshop, a course (every translation), a country, a trainer, and a person's own
behind their secret token (:class:`~capacity_lms.workshops.models.CalendarFeedToken`). Each
answers 304 when nothing changed, from one aggregate query over its sessions.
"""

import datetime
import hashlib

from django.contrib.auth import get_user_model
from django.db.models import Count, Max
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
)
from django.utils.http import http_date, quote_etag
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_safe

from capacity_lms.core.names import person_name
from capacity_lms.taxonomy.models import Country
from capacity_lms.workshops.calendar import CalendarBuilder, feed_name
from capacity_lms.workshops.models import CalendarFeedToken, Registration, Session, Workshop
from courses.models import CoursePage


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
        return feed_name(person_name(self.trainer))


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
