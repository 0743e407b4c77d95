"""Cached calendar feeds: a repeat fetch is the cached answer, every change shows on the next
fetch, a changed session costs its own events only, and a personal feed is nobody else's."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from capacity_lms.workshops import feed_cache
from capacity_lms.workshops.actions import CancelRegistrationAction
from capacity_lms.workshops.calendar import CalendarBuilder
from capacity_lms.workshops.models import (
    CalendarFeedToken,
    OccurrenceChange,
    Registration,
    Session,
    Workshop,
)
from capacity_lms.workshops.schedule_edits import CreateOccurrenceChangeAction, EditSessionAction
from sandbox.testing.factories import (
    CatalogueIndexPageFactory,
    CoursePageFactory,
    RegistrationFactory,
    SessionFactory,
    StrategicAxisFactory,
    UserFactory,
    WorkshopFactory,
)
from sandbox.testing.world import ensure_wagtail_site

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

CASABLANCA = "Africa/Casablanca"
LINK = "https://meet.example.org/casablanca-secret-4be8"


def unfolded(response):
    return response.content.decode().replace("\r\n ", "")


def country_feed():
    return reverse("capacity_lms:country_calendar", kwargs={"code": "ma"})


@pytest.fixture
def world(settings, countries, trainer):
    settings.CAPACITY_LMS_CALENDAR_PAST_DAYS = 100_000
    axis = StrategicAxisFactory(code="governance", name_en="Governance")
    workshop = WorkshopFactory(
        title="Budgets that funders read",
        country=countries["ma"],
        trainers=[trainer],
        strategic_axis=axis,
        format="hybrid",
        online_url=LINK,
        city="Casablanca",
    )
    draft = WorkshopFactory(title="Not yet published", country=countries["ma"], status="draft")
    first = datetime.date(2027, 2, 1)
    sessions = [
        SessionFactory(workshop=workshop, date=first + datetime.timedelta(n), title=f"Day {n}")
        for n in range(5)
    ]
    series = SessionFactory(
        workshop=workshop,
        date=datetime.date(2027, 3, 1),
        time_zone=CASABLANCA,
        recurrence="FREQ=WEEKLY;COUNT=6",
    )
    SessionFactory(workshop=draft, date=first, time_zone=CASABLANCA)
    return {
        "axis": axis,
        "country": countries["ma"],
        "workshop": workshop,
        "draft": draft,
        "sessions": sessions,
        "series": series,
    }


def written_pieces(monkeypatch):
    """The sessions whose pieces are written from here on (not taken from the cache)."""
    written = []
    piece = CalendarBuilder.piece

    def counting(builder, session):
        written.append(session.pk)
        return piece(builder, session)

    monkeypatch.setattr(CalendarBuilder, "piece", counting)
    return written


def test_a_repeat_fetch_is_the_cached_answer_and_reads_no_session(client, world):
    first = client.get(country_feed())
    with CaptureQueriesContext(connection) as queries:
        again = client.get(country_feed())
    assert again.status_code == 200
    assert again.content == first.content
    assert (again["ETag"], again["Last-Modified"]) == (first["ETag"], first["Last-Modified"])
    # The country is looked up; nothing is asked of the sessions, their workshops or changes.
    assert len(queries) == 1, [query["sql"] for query in queries.captured_queries]
    assert "capacity_lms_session" not in queries.captured_queries[0]["sql"]
    with CaptureQueriesContext(connection) as queries:
        not_modified = client.get(country_feed(), headers={"if-none-match": first["ETag"]})
    assert not_modified.status_code == 304 and len(queries) == 1


def rename_session(world):
    session = Session.objects.get(pk=world["sessions"][2].pk)
    session.title = "Day 2: reading a budget"
    EditSessionAction(session).execute()


def cancel_occurrence(world):
    series = world["series"]
    CreateOccurrenceChangeAction(
        OccurrenceChange(session=series, original_date=datetime.date(2027, 3, 15))
    ).execute()


def set_status(workshop, status):
    workshop = Workshop.objects.get(pk=workshop.pk)
    workshop.status = status
    workshop.save()


def rename(row, name):
    row.name_en = name
    row.save()


def rename_workshop(workshop):
    workshop = Workshop.objects.get(pk=workshop.pk)
    workshop.title = "Budgets funders trust"
    workshop.save()


# name: (change, text the next fetch shows, text it no longer shows)
CHANGES = {
    "publish": (
        lambda w: set_status(w["draft"], Workshop.Status.PUBLISHED),
        "Not yet published",
        None,
    ),
    "unpublish": (
        lambda w: set_status(w["workshop"], Workshop.Status.DRAFT),
        None,
        "Budgets that funders read",
    ),
    "session change": (rename_session, "Day 2: reading a budget", None),
    "occurrence change": (cancel_occurrence, "EXDATE;TZID=Africa/Casablanca:20270315", None),
    "workshop edit": (
        lambda w: rename_workshop(w["workshop"]),
        "Budgets funders trust",
        "Budgets that funders read",
    ),
    "axis renamed": (lambda w: rename(w["axis"], "Good governance"), "Good governance", None),
    "country renamed": (
        lambda w: rename(w["country"], "Kingdom of Morocco"),
        "Kingdom of Morocco",
        None,
    ),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_every_change_shows_on_the_next_plain_fetch(client, world, change):
    make, shown, gone = CHANGES[change]
    before = client.get(country_feed())
    assert client.get(country_feed()).content == before.content  # cached now
    make(world)
    after = client.get(country_feed())
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    if shown:
        assert shown not in unfolded(before) and shown in unfolded(after), change
    if gone:
        assert gone in unfolded(before) and gone not in unfolded(after), change


def test_a_changed_session_costs_its_own_events_only(client, world, monkeypatch):
    written = written_pieces(monkeypatch)
    client.get(country_feed())
    assert len(written) == 6
    written.clear()
    client.get(reverse("capacity_lms:workshop_calendar", kwargs={"slug": world["workshop"].slug}))
    assert written == [], "the workshop's feed takes the pieces the country's wrote"
    rename_session(world)
    changed = client.get(country_feed())
    assert written == [world["sessions"][2].pk]
    assert "Day 2: reading a budget" in unfolded(changed)
    written.clear()
    cancel_occurrence(world)
    client.get(country_feed())
    assert written == [world["series"].pk]


def test_a_write_that_sends_no_signal_shows_after_a_purge(client, world):
    client.get(country_feed())
    Session.objects.filter(pk=world["sessions"][0].pk).update(title="Renamed in bulk")
    feed_cache.purge()
    assert "Renamed in bulk" in unfolded(client.get(country_feed()))


def test_each_language_has_its_own_feed(client, world):
    country = world["country"]
    country.name_fr = "Maroc"
    country.save()
    urls = {}
    for language in ("en", "fr"):
        with translation.override(language):
            urls[language] = country_feed()
    english = client.get(urls["en"])
    french = client.get(urls["fr"])
    assert "Morocco" in unfolded(english) and "Maroc" not in unfolded(english)
    assert "Maroc" in unfolded(french) and "Morocco" not in unfolded(french)
    assert "Morocco" in unfolded(client.get(urls["en"]))


def test_a_workshop_of_a_new_translation_joins_the_course_feed(client, world):
    from wagtail.models import Locale

    site = ensure_wagtail_site()
    catalogue = CatalogueIndexPageFactory(parent=site.root_page, slug="cached-feed-modules")
    course = CoursePageFactory(parent=catalogue, title="Project engineering")
    Workshop.objects.filter(pk=world["workshop"].pk).update(course=course)
    feed_cache.purge()
    url = reverse("capacity_lms:course_calendar", kwargs={"course_id": course.pk})
    before = client.get(url)
    assert "Budgets that funders read" in unfolded(before)
    french = Locale.objects.get_or_create(language_code="fr")[0]
    translated = course.copy_for_translation(french, copy_parents=True)
    translated.title = "Ingénierie de projet"
    translated.save_revision().publish()
    workshop = WorkshopFactory(title="Atelier en français", country=world["country"])
    workshop.course = translated
    workshop.save()
    SessionFactory(workshop=workshop, date=datetime.date(2027, 4, 1), time_zone=CASABLANCA)
    after = client.get(url)
    assert "Atelier en français" in unfolded(after)


def test_personal_feeds_are_never_anyone_elses(client, world):
    workshop = world["workshop"]
    confirmed, waiting = UserFactory(username="member-a"), UserFactory(username="member-b")
    RegistrationFactory(workshop=workshop, user=confirmed, status="confirmed")
    RegistrationFactory(workshop=workshop, user=waiting, status="waiting")
    urls = {}
    for person in (confirmed, waiting):
        token = CalendarFeedToken.objects.create(user=person, token=CalendarFeedToken.new_token())
        urls[person.username] = token.get_absolute_url()
    for _ in range(2):  # the second round from the cache
        mine = client.get(urls["member-a"])
        theirs = client.get(urls["member-b"])
        public = client.get(country_feed())
        assert LINK in unfolded(mine) and "STATUS:CONFIRMED" in unfolded(mine)
        assert LINK not in unfolded(theirs) and "STATUS:TENTATIVE" in unfolded(theirs)
        assert LINK not in unfolded(public) and "STATUS:TENTATIVE" not in unfolded(public)
        assert mine["ETag"] != theirs["ETag"]
        assert "private" in mine["Cache-Control"] or "no-store" in mine["Cache-Control"]
    CancelRegistrationAction(workshop, user=confirmed).execute()
    gone = client.get(urls["member-a"])
    assert LINK not in unfolded(gone) and workshop.title not in unfolded(gone)
    # The cancellation promoted the waiting list: their feed says so at once.
    promoted = Registration.objects.get(workshop=workshop, user=waiting)
    assert promoted.status == Registration.Status.CONFIRMED
    theirs = client.get(urls["member-b"])
    assert LINK in unfolded(theirs) and "STATUS:CONFIRMED" in unfolded(theirs)
