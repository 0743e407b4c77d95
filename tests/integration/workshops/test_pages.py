"""Public workshop pages: what each person sees, registering by POST, times in two zones."""

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats, translation

from capacity_lms.workshops import schedule
from capacity_lms.workshops.actions import RegisterAction
from capacity_lms.workshops.models import Registration, Workshop
from sandbox.testing.factories import (
    CatalogueIndexPageFactory,
    CoursePageFactory,
    LearnerProfileFactory,
    SessionFactory,
    StrategicAxisFactory,
    UserFactory,
)
from sandbox.testing.world import ensure_wagtail_site
from tests.integration.conftest import make_workshop

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

ONLINE_URL = "https://meet.example.org/room-7f3a9c"
INSTRUCTIONS = "Passcode 884211"
DAY = datetime.date.today() + datetime.timedelta(days=20)


def detail_url(workshop):
    return reverse("capacity_lms:workshop_detail", kwargs={"slug": workshop.slug})


def text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


@pytest.fixture
def course(db):
    catalogue = CatalogueIndexPageFactory(parent=ensure_wagtail_site().root_page)
    return CoursePageFactory(parent=catalogue, title="Governance basics")


@pytest.fixture
def online(countries, trainer, course):
    """A hybrid workshop of a course, with one seat: a confirmed person and one waiting."""
    workshop = make_workshop(
        countries["fr"],
        trainers=[trainer],
        sessions=0,
        capacity=1,
        course=course,
        format=Workshop.Format.HYBRID,
        online_url=ONLINE_URL,
        online_instructions=INSTRUCTIONS,
        title="Hybrid workshop on governance",
    )
    SessionFactory(workshop=workshop, date=DAY, time_zone="Europe/Paris")
    return workshop


@pytest.fixture
def confirmed(online):
    person = UserFactory(username="zainab-seated", first_name="Zainab", last_name="Seatholder")
    RegisterAction(online, user=person).execute()
    return person


@pytest.fixture
def waiting(online, confirmed):
    person = UserFactory(username="omar-inline", first_name="Omar", last_name="Linewaiter")
    assert RegisterAction(online, user=person).execute().is_waiting
    return person


def secrets_in(content, *people):
    """Whichever private things ``content`` gives away."""
    private = [ONLINE_URL, "room-7f3a9c", INSTRUCTIONS]
    for person in people:
        private += [person.username, person.email, person.last_name]
    return [value for value in private if value in content]


def public_pages(client, workshop):
    session = workshop.sessions.get()
    urls = [
        reverse("capacity_lms:workshop_list"),
        detail_url(workshop),
        workshop.course.url,
        reverse("capacity_lms:course_calendar", kwargs={"course_id": workshop.course_id}),
        reverse("capacity_lms:workshop_calendar", kwargs={"slug": workshop.slug}),
        reverse("capacity_lms:session_calendar", kwargs={"slug": workshop.slug, "pk": session.pk}),
        reverse("capacity_lms:country_calendar", kwargs={"code": workshop.country.code}),
        reverse("capacity_lms:trainer_calendar", kwargs={"user_id": workshop.trainers.get().pk}),
    ]
    return {url: text(client.get(url)) for url in urls}


@pytest.mark.parametrize("viewer", ["anonymous", "member", "waiting"])
def test_the_online_link_and_the_registered_people_never_reach_the_public(
    client, online, confirmed, waiting, member, viewer
):
    if viewer != "anonymous":
        client.force_login({"member": member, "waiting": waiting}[viewer])
    others = [confirmed] if viewer == "waiting" else [confirmed, waiting]
    pages = public_pages(client, online)
    assert online.title in pages[online.course.url]  # the course page lists the workshop
    for url, content in pages.items():
        assert secrets_in(content, *others) == [], url
        assert ONLINE_URL not in content, url


def test_a_waiting_person_is_told_their_place_but_not_the_link(client, online, waiting):
    client.force_login(waiting)
    content = text(client.get(detail_url(online)))
    assert "waiting list, number 1" in content
    assert "The link to join is shown here to registered people." in content


@pytest.mark.parametrize("viewer", ["confirmed", "trainer", "staff"])
def test_the_registered_person_the_trainer_and_staff_see_the_link(
    client, online, confirmed, trainer, staff, viewer
):
    client.force_login({"confirmed": confirmed, "trainer": trainer, "staff": staff}[viewer])
    content = text(client.get(detail_url(online)))
    assert f'href="{ONLINE_URL}"' in content
    assert INSTRUCTIONS in content
    session = online.sessions.get()
    ics = text(
        client.get(
            reverse(
                "capacity_lms:session_calendar",
                kwargs={"slug": online.slug, "pk": session.pk},
            )
        )
    )
    assert "room-7f3a9c" in ics.replace("\r\n ", "")


def test_the_trainer_page_names_trainers_but_no_registered_person(
    client, online, confirmed, trainer
):
    client.force_login(trainer)
    content = text(client.get(detail_url(online)))
    # Registrations are managed in the admin, not listed on the public page, even for trainers.
    assert confirmed.username not in content and confirmed.email not in content


@pytest.mark.parametrize("viewer", ["anonymous", "member", "other_trainer"])
def test_a_draft_workshop_is_not_found_by_the_public(
    client, countries, trainer, viewer, member, other_trainer
):
    draft = make_workshop(countries["fr"], trainers=[trainer], status=Workshop.Status.DRAFT)
    if viewer != "anonymous":
        client.force_login({"member": member, "other_trainer": other_trainer}[viewer])
    assert client.get(detail_url(draft)).status_code == 404
    assert draft.title not in text(client.get(reverse("capacity_lms:workshop_list")))
    feed = reverse("capacity_lms:workshop_calendar", kwargs={"slug": draft.slug})
    assert client.get(feed).status_code == 404
    register = reverse("capacity_lms:workshop_register", kwargs={"slug": draft.slug})
    client.post(register)
    assert not Registration.objects.exists()


def test_a_draft_workshop_is_shown_to_its_trainer_and_staff(client, countries, trainer, staff):
    draft = make_workshop(countries["fr"], trainers=[trainer], status=Workshop.Status.DRAFT)
    for person in (trainer, staff):
        client.force_login(person)
        content = text(client.get(detail_url(draft)))
        assert "Draft: only trainers and staff see this page." in content


# -- Registering through the pages ---------------------------------------------------------


@pytest.fixture
def workshop(countries, trainer):
    return make_workshop(countries["fr"], trainers=[trainer], capacity=5)


def post(client, name, workshop, **kwargs):
    return client.post(reverse(f"capacity_lms:{name}", kwargs={"slug": workshop.slug}), **kwargs)


def test_register_and_cancel_by_post(client, workshop, member):
    client.force_login(member)
    response = post(client, "workshop_register", workshop)
    assert response.status_code == 302 and response.url == detail_url(workshop)
    assert Registration.objects.get(user=member).is_confirmed
    content = text(client.get(detail_url(workshop)))
    assert "You are registered. A confirmation is on its way by e-mail." in content
    assert "Cancel my registration" in content

    post(client, "workshop_register", workshop)
    assert Registration.objects.filter(user=member).count() == 1

    response = post(client, "workshop_cancel", workshop)
    assert response.status_code == 302
    assert Registration.objects.get(user=member).status == "cancelled"
    assert "Your registration is cancelled." in text(client.get(detail_url(workshop)))


@pytest.mark.parametrize("name", ["workshop_register", "workshop_cancel"])
def test_get_changes_nothing(client, workshop, member, name):
    RegisterAction(workshop, user=member).execute()
    before = list(Registration.objects.values_list("user_id", "status"))
    client.force_login(member)
    response = client.get(reverse(f"capacity_lms:{name}", kwargs={"slug": workshop.slug}))
    assert response.status_code == 405
    assert list(Registration.objects.values_list("user_id", "status")) == before


def test_anonymous_people_are_sent_to_sign_in(client, workshop):
    response = post(client, "workshop_register", workshop)
    assert response.status_code == 302
    assert reverse("wagtailcore_login") in response.url
    assert f"next={detail_url(workshop).replace('/', '%2F')}" in response.url
    assert not Registration.objects.exists()


def test_registration_refused_by_its_window_says_why(client, workshop, member):
    Workshop.objects.filter(pk=workshop.pk).update(
        registration_closes_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )
    client.force_login(member)
    response = post(client, "workshop_register", workshop, follow=True)
    assert "Registration is closed." in text(response)
    assert not Registration.objects.exists()


def test_registering_needs_the_csrf_token(workshop, member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    assert post(client, "workshop_register", workshop).status_code == 403
    assert not Registration.objects.exists()

    page = text(client.get(detail_url(workshop)))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = post(client, "workshop_register", workshop, data={"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Registration.objects.get(user=member).is_confirmed


# -- Times in two zones -----------------------------------------------------------------------


def when(instant, zone, date_format="DATE_FORMAT"):
    """The weekday, date and time of ``instant`` in ``zone``, in English (however a template
    joins them)."""
    local = instant.astimezone(schedule.zone(zone))
    with translation.override("en"):
        return [formats.date_format(local, name) for name in ("l", date_format, "H:i")]


def shows(content, parts):
    return all(part in content for part in parts)


@pytest.fixture
def paris_evening(workshop):
    session = workshop.sessions.get()
    assert (session.start_time, session.time_zone) == (datetime.time(18, 0), "Europe/Paris")
    return session


@pytest.mark.parametrize(
    ("profile", "zone"),
    [
        ({"time_zone": "America/Toronto"}, "America/Toronto"),
        ({"time_zone": "", "country": "ma"}, "Africa/Casablanca"),
    ],
    ids=["own-zone", "country-zone"],
)
def test_times_are_shown_in_the_sessions_zone_and_the_viewers(
    client, workshop, paris_evening, member, countries, profile, zone
):
    LearnerProfileFactory(
        user=member,
        time_zone=profile["time_zone"],
        country_of_residence=countries[profile.get("country", "ca")],
    )
    client.force_login(member)
    starts = paris_evening.starts_at
    for url in (detail_url(workshop), reverse("capacity_lms:workshop_list")):
        content = text(client.get(url))
        assert shows(content, when(starts, "Europe/Paris"))
        yours = when(starts, zone, "MONTH_DAY_FORMAT")
        assert f"Your time: {yours[0]}" in content
        assert shows(content, yours) and zone in content


def test_visitors_get_the_session_zone_and_the_instant_for_their_browser(
    client, workshop, paris_evening
):
    content = text(client.get(detail_url(workshop)))
    assert shows(content, when(paris_evening.starts_at, "Europe/Paris"))
    assert re.search(r"Your time: \w", content) is None
    instant = paris_evening.starts_at.isoformat()
    assert f'data-cl-local-start="{instant}"' in content


# -- The list: filters and queries ----------------------------------------------------------


@pytest.fixture
def varied(countries):
    axis = StrategicAxisFactory(code="governance", name_en="Governance")
    soon = make_workshop(countries["fr"], title="Soon in Paris", strategic_axis=axis)
    later = make_workshop(
        countries["ma"],
        sessions=0,
        title="Later online from Rabat",
        format=Workshop.Format.ONLINE,
        online_url="https://meet.example.org/x",
    )
    SessionFactory(
        workshop=later,
        date=datetime.date.today() + datetime.timedelta(days=60),
        time_zone="Africa/Casablanca",
    )
    past = make_workshop(countries["ca"], sessions=0, title="Already over")
    SessionFactory(
        workshop=past,
        date=datetime.date.today() - datetime.timedelta(days=3),
        time_zone="America/Toronto",
    )
    return soon, later, past


def listed(client, **filters):
    response = client.get(reverse("capacity_lms:workshop_list"), filters)
    return [card["workshop"].title for card in response.context["cards"]]


def test_the_list_shows_upcoming_published_workshops_soonest_first(client, varied):
    assert listed(client) == ["Soon in Paris", "Later online from Rabat"]


@pytest.mark.parametrize(
    ("filters", "titles"),
    [
        ({"country": "ma"}, ["Later online from Rabat"]),
        ({"country": "ca"}, []),
        ({"format": "in_person"}, ["Soon in Paris"]),
        ({"format": "online"}, ["Later online from Rabat"]),
        ({"axis": "governance"}, ["Soon in Paris"]),
        (
            {"starts_after": str(datetime.date.today() + datetime.timedelta(days=30))},
            ["Later online from Rabat"],
        ),
        (
            {"starts_before": str(datetime.date.today() + datetime.timedelta(days=30))},
            ["Soon in Paris"],
        ),
        (
            {
                "starts_after": str(datetime.date.today() - datetime.timedelta(days=10)),
                "starts_before": str(datetime.date.today()),
            },
            [],
        ),
    ],
    ids=["country", "other-country", "in-person", "online", "axis", "after", "before", "past"],
)
def test_the_list_filters(client, varied, filters, titles):
    assert listed(client, **filters) == titles


def test_a_bad_filter_is_said_and_the_list_unfiltered(client, varied):
    response = client.get(
        reverse("capacity_lms:workshop_list"),
        {"starts_after": "2030-02-01", "starts_before": "2030-01-01"},
    )
    assert "The end of the period comes before its start." in text(response)


@pytest.mark.parametrize("viewer", ["anonymous", "member"])
def test_the_list_makes_the_same_queries_for_few_and_many_workshops(
    client, countries, member, viewer
):
    if viewer == "member":
        LearnerProfileFactory(user=member, country_of_residence=countries["ca"])
        client.force_login(member)

    def add(count):
        for _number in range(count):
            workshop = make_workshop(countries["ma"], sessions=2, capacity=3)
            SessionFactory(workshop=workshop, recurrence="FREQ=WEEKLY;COUNT=3")
            RegisterAction(workshop, user=UserFactory()).execute()

    def queries():
        with CaptureQueriesContext(connection) as captured:
            text(client.get(reverse("capacity_lms:workshop_list")))
        return len(captured)

    add(2)
    few = queries()
    add(18)
    assert queries() == few


def test_the_detail_page_makes_the_same_queries_for_few_and_many_sessions(
    client, countries, member
):
    workshop = make_workshop(countries["fr"], sessions=1)
    client.force_login(member)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            text(client.get(detail_url(workshop)))
        return len(captured)

    few = queries()
    for weeks in range(1, 10):
        SessionFactory(
            workshop=workshop,
            date=DAY + datetime.timedelta(days=7 * weeks),
            recurrence="FREQ=DAILY;COUNT=2",
        )
    assert queries() == few
