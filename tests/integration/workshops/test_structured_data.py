"""A workshop page's schema.org JSON-LD (issue #26 point 5), read back from the page property by
property: the type, the names, each meeting at its instant with the offset of its own zone
(across the end of summer time), the place and the virtual place (the page, never the join
link), the attendance mode, the status (a cancelled meeting, a cancelled workshop), the reader's
language; nothing personal."""

import datetime
import json

import pytest
from django.test import Client
from django.utils import translation

from capacity_lms.workshops.models import Session, Workshop
from sandbox.testing.factories import SessionFactory
from tests.integration.conftest import make_workshop
from tests.json_ld import SCRIPT, json_ld

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop(countries, trainer, settings):
    settings.CAPACITY_LMS_PROGRAMME_NAME = {"en": "MRE programme", "fr": "Programme MRE"}
    workshop = make_workshop(
        countries["fr"],
        trainers=[trainer],
        sessions=0,
        title="Budget d'un projet <associatif> & co",
        format=Workshop.Format.HYBRID,
        language="fr",
        venue_name="Maison des associations",
        address="12 rue Garibaldi",
        city="Lyon",
        online_url="https://meet.example.org/secret-room",
        capacity=20,
    )
    for day in (datetime.date(2027, 10, 27), datetime.date(2027, 11, 3)):
        SessionFactory(workshop=workshop, date=day, time_zone="Europe/Paris")
    SessionFactory(
        workshop=workshop,
        date=datetime.date(2027, 11, 10),
        time_zone="Europe/Paris",
        status=Session.Status.CANCELLED,
    )
    return workshop


def test_the_workshop_page_describes_its_meetings_places_and_status(workshop, trainer):
    data = json_ld(Client().get(workshop.get_absolute_url()))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "CourseInstance"
    assert data["name"] == "Budget d'un projet <associatif> & co"
    assert data["inLanguage"] == "fr"
    # The first meeting in summer time, the last held one in winter time, each with its offset.
    assert data["startDate"] == "2027-10-27T18:00:00+02:00"
    assert data["endDate"] == "2027-11-03T20:00:00+01:00"
    assert [(e["startDate"], e["eventStatus"].rsplit("/", 1)[1]) for e in data["subEvent"]] == [
        ("2027-10-27T18:00:00+02:00", "EventScheduled"),
        ("2027-11-03T18:00:00+01:00", "EventScheduled"),
        ("2027-11-10T18:00:00+01:00", "EventCancelled"),
    ]
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    place, virtual = data["location"]
    assert place["@type"] == "Place" and place["name"] == "Maison des associations"
    assert place["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "FR",
        "streetAddress": "12 rue Garibaldi",
        "addressLocality": "Lyon",
    }
    assert virtual == {"@type": "VirtualLocation", "url": data["url"]}
    assert data["url"].endswith(workshop.get_absolute_url())
    assert data["maximumAttendeeCapacity"] == 20
    text = json.dumps(data)
    assert "secret-room" not in text and trainer.username not in text


def test_the_json_ld_is_in_the_readers_language_and_cannot_close_its_element(workshop):
    with translation.override("fr"):
        url = workshop.get_absolute_url()
    page = Client().get(url)
    data = json_ld(page)
    assert data["organizer"]["name"] == "Programme MRE"
    assert "<associatif>" not in SCRIPT.findall(page.content.decode())[0]


def test_a_cancelled_workshop_says_so(workshop):
    Workshop.objects.filter(pk=workshop.pk).update(status=Workshop.Status.CANCELLED)
    data = json_ld(Client().get(workshop.get_absolute_url()))
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert {event["eventStatus"] for event in data["subEvent"]} == {
        "https://schema.org/EventCancelled"
    }
