"""An association's directory page carries a schema.org ``Organization`` (issue #26 point 5),
read back property by property: its names, kind, place, founding year, website, what it works
on, in the reader's language; only the fields it publishes, nothing of its contact person."""

import pytest
from django.conf import settings
from django.test import Client

from tests.integration.courses.test_content_translation import translate
from tests.integration.network.directory_world import abroad, local
from tests.json_ld import json_ld, script_text

# Pages are named by the host's base URL, whatever host a request came in by.
SITE = settings.WAGTAILADMIN_BASE_URL.rstrip("/")

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_an_association_abroad_is_an_organization_with_its_published_fields(directory):
    lyon = abroad(
        "Lyon Solidarité",
        city="Lyon",
        axes=("project-engineering",),
        groups=("women",),
        description_en="Wells and schools",
        description_fr="Puits et écoles",
        founding_year=1999,
        website="https://lyon.example.org",
        contact_name="Fatima Contact",
        contact_email="fatima@example.org",
        contact_phone="+33 1 23 45 67 89",
    )
    url = directory.association_url(lyon.pk)

    response = Client().get(url)
    data = json_ld(response)

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Organization"
    assert data["name"] == "Lyon Solidarité"
    assert data["url"] == f"{SITE}{url}"
    assert data["@id"] == f"{SITE}{url}#organization"
    assert data["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Lyon",
        "addressCountry": "FR",
    }
    assert data["foundingDate"] == "1999"
    assert data["sameAs"] == ["https://lyon.example.org"]
    assert data["description"] == "Wells and schools"
    assert data["knowsAbout"] == ["Project engineering", "Women"]
    text = script_text(response)
    for personal in (
        "Fatima",
        "fatima@example.org",
        "+33 1 23 45 67 89",
        lyon.registration_number,
    ):
        assert personal not in text

    french = translate(directory, "fr").association_url(lyon.pk)
    assert french.startswith("/fr/")
    data = json_ld(Client().get(french))
    assert data["description"] == "Puits et écoles"
    assert "Ingénierie de projet" in data["knowsAbout"]


def test_an_association_in_morocco_gives_its_region_and_its_arabic_name(directory):
    oujda = local("Association Oujda", region="oriental", name_ar="جمعية وجدة")

    data = json_ld(Client().get(directory.association_url(oujda.pk)))

    assert data["name"] == "Association Oujda"
    assert data["alternateName"] == "جمعية وجدة"
    assert data["address"]["addressCountry"] == "MA"
    assert data["address"]["addressRegion"] == "Oriental"


def test_fields_it_does_not_publish_stay_out(directory):
    quiet = abroad(
        "Quiet Association",
        published=[],
        founding_year=1990,
        website="https://quiet.example.org",
        name_ar="جمعية هادئة",
        description_en="Not for everyone",
    )

    data = json_ld(Client().get(directory.association_url(quiet.pk)))

    assert set(data) == {"@context", "@type", "@id", "name", "url", "address", "additionalType"}
