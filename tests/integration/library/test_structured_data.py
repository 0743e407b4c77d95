"""A case study's page carries a schema.org ``Article`` (issue #26 point 5), read back property
by property: headline, summary, dates, the association as author, the host country, the axes,
the programme as publisher, in the page's language; nothing of the contact person or the
submitter; kept with the page's text and renewed when a new revision is published."""

import datetime

import pytest
from django.conf import settings
from django.test import Client

from sandbox.testing.factories import UserFactory
from tests.integration.courses.test_content_translation import translate
from tests.integration.library.conftest import make_case_study
from tests.json_ld import json_ld, script_text

# Pages are named by the host's base URL, whatever host a request came in by.
SITE = settings.WAGTAILADMIN_BASE_URL.rstrip("/")

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def study(library, settings):
    settings.CAPACITY_LMS_PROGRAMME_NAME = {"en": "MRE programme", "fr": "Programme MRE"}
    return make_case_study(
        library,
        title="Homework clubs in Lyon",
        summary="Volunteers <and> parents ran homework clubs & it worked.",
        country="fr",
        axes=["school-support", "project-engineering"],
        tags=["volunteers"],
        started_on=datetime.date(2023, 9, 1),
        ended_on=datetime.date(2025, 6, 30),
        association_name="Jeunesse Lyon",
        contact_name="Karim Contact",
        contact_email="karim@example.org",
        submitted_by=UserFactory(first_name="Nadia", last_name="Submitter"),
    )


def test_a_case_study_is_an_article_in_its_language(study):
    study.refresh_from_db()
    response = Client().get(study.url)
    data = json_ld(response)

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Article"
    assert data["headline"] == data["name"] == "Homework clubs in Lyon"
    assert data["description"] == "Volunteers <and> parents ran homework clubs & it worked."
    assert data["url"] == data["mainEntityOfPage"] == f"{SITE}{study.url}"
    assert data["inLanguage"] == "en"
    published = datetime.datetime.fromisoformat(data["datePublished"])
    assert published == study.first_published_at.replace(microsecond=0)
    assert published.utcoffset() is not None
    assert datetime.datetime.fromisoformat(data["dateModified"]) >= published
    assert data["author"] == {"@type": "Organization", "name": "Jeunesse Lyon"}
    assert data["contentLocation"]["name"] == "France"
    assert data["contentLocation"]["identifier"] == "FR"
    assert data["temporalCoverage"] == "2023-09-01/2025-06-30"
    assert sorted(data["about"]) == ["Project engineering", "School support"]
    assert data["keywords"] == "volunteers"
    assert data["publisher"]["name"] == "MRE programme"
    text = script_text(response)
    for personal in ("Karim", "karim@example.org", "Nadia", "Submitter"):
        assert personal not in text
    assert "<and>" not in text


def test_a_translation_is_described_in_its_own_language(study):
    translation = translate(study, "fr", title="Des clubs de devoirs à Lyon")

    data = json_ld(Client().get(translation.url))

    assert data["headline"] == "Des clubs de devoirs à Lyon"
    assert data["inLanguage"] == "fr"
    assert data["contentLocation"]["name"] == "France"
    assert "Soutien scolaire" in data["about"]
    assert data["publisher"]["name"] == "Programme MRE"


def test_an_ongoing_project_is_open_ended_and_a_new_revision_renews_the_data(
    study, page_cache_on, django_capture_on_commit_callbacks
):
    reader = Client()
    reader.force_login(UserFactory())
    assert json_ld(reader.get(study.url))["headline"] == "Homework clubs in Lyon"

    with django_capture_on_commit_callbacks(execute=True):
        study.title = "Homework clubs in Lyon and Villeurbanne"
        study.ended_on = None
        study.save_revision().publish()

    data = json_ld(reader.get(study.url))
    assert data["headline"] == "Homework clubs in Lyon and Villeurbanne"
    assert data["temporalCoverage"] == "2023-09-01/.."
