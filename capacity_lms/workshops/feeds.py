"""The calendar feeds: plain GET URLs a calendar client subscribes to, and one session's .ics.

Feeds of a workshop, a course (every translation), a country, a trainer, and a person's own
behind their secret token (:class:`~capacity_lms.workshops.models.CalendarFeedToken`). Each
answers 304 when nothing changed. Answers are kept in the cache (:mod:`.feed_cache`).
"""

import hashlib

from django.contrib.auth import get_user_model
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
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
from capacity_lms.workshops import feed_cache
from capacity_lms.workshops.calendar import CalendarBuilder, feed_name
from capacity_lms.workshops.models import CalendarFeedToken, Registration, Session, Workshop
from capacity_lms.workshops.models.sessions import latest_change_of
from courses.models import CoursePage

# Workshops the public may see in calendars (Workshop.objects.listed()).
LISTED = (Workshop.Status.PUBLISHED, Workshop.Status.CANCELLED)
# Past this many sessions to write, they are read with the feed's own query rather than by id.
BY_ID_AT_MOST = 500


class CalendarFeedView(View):
    """A subscribable iCalendar feed. Subclasses say what it is of, which sessions it lists and
    what it is called.

    The answer (ETag, Last-Modified, body) is kept in the cache until something a feed shows
    changes (:mod:`.feed_cache`), so a repeat fetch, conditional or not, looks up what the feed
    is of and reads the cache. Otherwise the feed is assembled from its sessions' pieces, most
    of them from the cache too: one query finds the sessions and their versions, and only the
    sessions whose piece is missing or older are read and written.
    """

    filename = "calendar.ics"
    person_id = None

    def get_subject(self):
        """Find what the feed is of (Http404 when there is none to publish)."""
        raise NotImplementedError

    def get_sessions(self):
        raise NotImplementedError

    def get_name(self):
        raise NotImplementedError

    def get_builder_options(self):
        return {}

    def last_change(self):
        """A change the sessions do not show that Last-Modified must count, or None."""
        return None

    def get(self, request, *args, **kwargs):
        self.get_subject()
        name = str(self.get_name())
        key = feed_cache.body_key(request, type(self).__name__, name, person_id=self.person_id)
        entry = feed_cache.cached_body(key)
        if entry is None:
            entry = self.build(request, name)
            feed_cache.keep_body(key, entry)
        etag, last_modified, body = entry
        response = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if response is None:
            response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
            response["Content-Disposition"] = f'inline; filename="{self.filename}"'
        response["ETag"] = etag
        if last_modified:
            response["Last-Modified"] = http_date(last_modified)
        patch_cache_control(response, max_age=300)
        return response

    def build(self, request, name):
        """``(ETag, Last-Modified, body)`` of the feed as stored now."""
        sessions = self.get_sessions().recent_and_upcoming()
        # Over every session, listed or not: a workshop taken back to draft leaves the feed,
        # and its later updated_at is what moves Last-Modified on for If-Modified-Since.
        index = list(sessions.calendar_index())
        stamps = [latest_change_of([row[4] for row in index]), self.last_change()]
        stamps = [stamp for stamp in stamps if stamp]
        last_modified = int(max(stamps).timestamp()) if stamps else None
        listed = [row for row in index if row[2] in LISTED]
        builder = CalendarBuilder(name, request=request, **self.get_builder_options())
        store = feed_cache.PieceStore(request)
        public = {pk: (workshop_id, key) for pk, workshop_id, _status, key, _last in listed}
        public = {pk: value for pk, value in public.items() if builder.is_public(value[0])}
        pieces = store.found(public)
        missing = [row[0] for row in listed if row[0] not in pieces]
        written = {}
        if missing:
            rows = sessions
            if len(missing) <= BY_ID_AT_MOST:
                rows = Session.objects.filter(pk__in=missing)
            loaded = {session.pk: session for session in rows.in_calendars()}
            for pk, workshop_id, _status, key, _last in listed:
                if pk in pieces or pk not in loaded:
                    continue
                pieces[pk] = piece = builder.piece(loaded[pk])
                if pk in public and piece[0]:
                    written[pk] = (workshop_id, key, piece)
        store.keep(written)
        for row in listed:
            if row[0] in pieces:
                builder.add_piece(pieces[row[0]])
        body = builder.to_ical()
        etag = quote_etag(hashlib.sha256(body).hexdigest()[:32])
        return etag, last_modified, body


class WorkshopFeedView(CalendarFeedView):
    def get_subject(self):
        self.workshop = get_object_or_404(Workshop.objects.listed(), slug=self.kwargs["slug"])
        self.filename = f"workshop-{self.workshop.pk}.ics"

    def get_sessions(self):
        return Session.objects.filter(workshop=self.workshop)

    def get_name(self):
        return feed_name(self.workshop.title)


class CourseFeedView(CalendarFeedView):
    """Workshops of a course in every language it is translated into.

    Only a public course has one: the feed is public and names the course, so a page behind a
    view restriction (its own or an ancestor's) answers 404, as in the API and the sitemap.
    """

    def get_subject(self):
        self.course = get_object_or_404(
            CoursePage.objects.live().public(), pk=self.kwargs["course_id"]
        )
        self.filename = f"course-{self.course.pk}.ics"

    def get_sessions(self):
        return Session.objects.filter(
            workshop__course__translation_key=self.course.translation_key
        )

    def get_name(self):
        return feed_name(self.course.title)


class CountryFeedView(CalendarFeedView):
    def get_subject(self):
        self.country = get_object_or_404(Country, code=self.kwargs["code"].lower())
        self.filename = f"workshops-{self.country.code.lower()}.ics"

    def get_sessions(self):
        return Session.objects.filter(workshop__country=self.country)

    def get_name(self):
        return feed_name(self.country)


class TrainerFeedView(CalendarFeedView):
    def get_subject(self):
        trainers = get_user_model().objects.filter(
            pk=self.kwargs["user_id"],
            trained_workshops__status__in=LISTED,
        )
        self.trainer = trainers.first()
        if self.trainer is None:
            raise Http404
        self.filename = f"trainer-{self.trainer.pk}.ics"

    def get_sessions(self):
        return Session.objects.filter(workshop__trainers=self.trainer)

    def get_name(self):
        return feed_name(person_name(self.trainer))


class PersonalFeedView(CalendarFeedView):
    """A person's own calendar: workshops they registered for or train, behind their token.

    Their confirmed workshops carry the online link; waiting-list ones are TENTATIVE. The
    cached answer is the person's alone: its key holds their id and token, and their own
    version number, moved on by each change to their registrations.
    """

    filename = "my-workshops.ics"

    def get_subject(self):
        token = CalendarFeedToken.objects.select_related("user").filter(token=self.kwargs["token"])
        token = token.first()
        if token is None or not token.user.is_active:
            raise Http404
        self.person = token.user
        self.person_id = self.person.pk

    def get_sessions(self):
        registrations = Registration.objects.filter(user=self.person).active()
        self.confirmed, self.waiting = set(), set()
        for workshop_id, status in registrations.values_list("workshop_id", "status"):
            if status == Registration.Status.CONFIRMED:
                self.confirmed.add(workshop_id)
            elif status == Registration.Status.WAITING:
                self.waiting.add(workshop_id)
        self.trained = set(
            Workshop.objects.filter(trainers=self.person).values_list("pk", flat=True)
        )
        return Session.objects.filter(workshop_id__in=self.confirmed | self.waiting | self.trained)

    def last_change(self):
        # Registrations count too: they change what the person sees.
        if not hasattr(self, "_last_change"):
            mine = Registration.objects.filter(user=self.person)
            self._last_change = mine.aggregate(updated=Max("updated_at"))["updated"]
        return self._last_change

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
