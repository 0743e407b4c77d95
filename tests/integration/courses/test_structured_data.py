"""A course page's schema.org JSON-LD (issue #26 point 5), read back from the page property by
property: a ``Course`` in the page's language with the programme as provider, and its upcoming
published workshops as ``hasCourseInstance`` (added by the workshops through the core's
registry), each at its instant with the offset of its own zone; nothing personal; the data
follows a workshop's publication and a translation's text."""

import datetime
import zoneinfo

import pytest
from django.conf import settings
from django.test import Client
from wagtail.models import Locale

from capacity_lms.taxonomy.models import Country, StrategicAxis
from sandbox.testing.factories import SessionFactory, UserFactory, WorkshopFactory
from tests.integration.courses.conftest import make_course
from tests.json_ld import json_ld, script_text

# Pages are named by the host's base URL, whatever host a request came in by.
SITE = settings.WAGTAILADMIN_BASE_URL.rstrip("/")

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def programme(settings):
    settings.CAPACITY_LMS_PROGRAMME_NAME = {"en": "MRE programme", "fr": "Programme MRE"}


@pytest.fixture
def module(catalogue, programme):
    axis = StrategicAxis.objects.get(code="project-engineering")
    axis.name_fr = "Ingénierie de projet"
    axis.save()
    return make_course(
        catalogue,
        title="Budgeting a project",
        summary="Build a budget <that holds> & report on it.",
        estimated_hours=2.5,
        level="intermediate",
        format="blended",
        leads_to_certificate=True,
    )


def workshop_of(course, title, day, zone, **fields):
    trainer = UserFactory(first_name="Samira", last_name="Trainer", email="samira@example.org")
    workshop = WorkshopFactory(
        course=course,
        title=title,
        language="fr",
        country=Country.objects.get(code=fields.pop("country", "fr")),
        **fields,
    )
    workshop.trainers.set([trainer])
    SessionFactory(workshop=workshop, date=day, time_zone=zone)
    return workshop


def test_the_course_page_describes_the_module_and_its_upcoming_workshops(module):
    # Both meetings fall in summer time of their zones, which have different offsets.
    year = datetime.date.today().year + 1
    paris = workshop_of(
        module, "Budget evening in Lyon", datetime.date(year, 7, 7), "Europe/Paris", city="Lyon"
    )
    online = workshop_of(
        module,
        "Budget online",
        datetime.date(year, 7, 1),
        "America/Montreal",
        country="ca",
        format="online",
        venue_name="",
        address="",
        city="",
        online_url="https://meet.example.org/secret-room",
    )
    workshop_of(
        module, "Draft workshop", datetime.date(year, 7, 2), "Europe/Paris", status="draft"
    )
    workshop_of(module, "Last year's", datetime.date(year - 2, 7, 2), "Europe/Paris")

    response = Client().get(module.url)
    data = json_ld(response)

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Course"
    assert data["name"] == "Budgeting a project"
    assert data["description"] == "Build a budget <that holds> & report on it."
    assert data["url"] == f"{SITE}{module.url}"
    assert data["@id"] == f"{data['url']}#course"
    assert data["inLanguage"] == "en"
    assert data["educationalLevel"] == "Intermediate"
    assert data["courseMode"] == "blended"
    assert data["timeRequired"] == "PT2H30M"
    assert data["isAccessibleForFree"] is True
    assert data["about"] == "Project engineering"
    assert data["provider"] == {
        "@type": "Organization",
        "name": "MRE programme",
        "url": f"{SITE}/",
    }
    assert data["educationalCredentialAwarded"]["credentialCategory"] == "certificate"

    instances = data["hasCourseInstance"]
    assert [instance["name"] for instance in instances] == [
        "Budget online",
        "Budget evening in Lyon",
    ]
    first, second = instances
    assert first["@type"] == second["@type"] == "CourseInstance"
    assert first["url"] == f"{SITE}{online.get_absolute_url()}"
    montreal = zoneinfo.ZoneInfo("America/Montreal")
    assert first["startDate"] == f"{year}-07-01T18:00:00-04:00"
    assert (
        datetime.datetime.fromisoformat(first["startDate"]).utcoffset()
        == datetime.datetime(year, 7, 1, 18, tzinfo=montreal).utcoffset()
    )
    assert first["courseMode"] == "online"
    assert first["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    # The virtual place is the workshop's page: the join link is for those registered.
    assert first["location"] == {"@type": "VirtualLocation", "url": first["url"]}
    assert second["startDate"] == f"{year}-07-07T18:00:00+02:00"
    assert second["courseMode"] == "onsite"
    assert second["inLanguage"] == "fr"
    assert second["location"]["@type"] == "Place"
    assert second["location"]["address"]["addressLocality"] == "Lyon"
    assert second["location"]["address"]["addressCountry"] == "FR"
    assert paris.get_absolute_url() in second["url"]

    text = script_text(response)
    for personal in ("Samira", "samira@example.org", "secret-room"):
        assert personal not in text
    # Nothing typed by an editor can close the element.
    assert "<that holds>" not in text


def test_a_translation_describes_itself_in_its_own_language(module):
    locale, _ = Locale.objects.get_or_create(language_code="fr")
    french = module.copy_for_translation(locale, copy_parents=True)
    french.title = "Budgétiser un projet"
    french.summary = "Construire un budget qui tient."
    french.language = "fr"
    french.save_revision().publish()
    french.refresh_from_db()

    data = json_ld(Client().get(french.url))

    assert data["name"] == "Budgétiser un projet"
    assert data["description"] == "Construire un budget qui tient."
    assert data["inLanguage"] == "fr"
    assert data["about"] == "Ingénierie de projet"
    assert data["provider"]["name"] == "Programme MRE"
    assert data["educationalLevel"] == "Intermédiaire"
    assert data["url"] == f"{SITE}{french.url}"


def test_a_workshop_published_later_joins_the_page_data(
    module, page_cache_on, django_capture_on_commit_callbacks
):
    reader = UserFactory()
    client = Client()
    client.force_login(reader)
    assert "hasCourseInstance" not in json_ld(client.get(module.url))
    anonymous = Client()
    assert "hasCourseInstance" not in json_ld(anonymous.get(module.url))

    day = datetime.date.today() + datetime.timedelta(days=30)
    workshop = workshop_of(module, "Budget evening", day, "Europe/Paris", status="draft")
    with django_capture_on_commit_callbacks(execute=True):
        workshop.status = "published"
        workshop.save()

    for reader_client in (client, anonymous):
        names = [
            item["name"] for item in json_ld(reader_client.get(module.url))["hasCourseInstance"]
        ]
        assert names == ["Budget evening"]
