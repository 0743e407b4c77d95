"""The library's RSS and Atom feeds and the Wagtail API (v2) endpoints of capacity_lms.api.

Feeds are read with xml.etree (through defusedxml), as a plain reader would; the API through
the sandbox's ``/api/v2/`` URLs. Drafts and pages under a view restriction never leak through
either.
"""

import datetime
from email.utils import parsedate_to_datetime

import pytest
from defusedxml import ElementTree as ET  # xml.etree's parser, hardened; Willow depends on it
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from capacity_lms.library.models import CaseStudyIndicator
from capacity_lms.taxonomy.models import Country, SpecializedGroup
from sandbox.testing.factories import UserFactory
from tests.integration.courses.conftest import make_course
from tests.integration.library.conftest import make_case_study

ATOM = "{http://www.w3.org/2005/Atom}"


def published_on(page, day):
    """Pin the first publication date so that "newest first" is deterministic."""
    moment = timezone.make_aware(datetime.datetime(2025, 1, day, 12, 0))
    Page.objects.filter(pk=page.pk).update(first_published_at=moment, last_published_at=moment)


@pytest.fixture
def dated(case_studies):
    for day, key in enumerate(["cooperative", "homework", "elders"], start=1):
        published_on(case_studies[key], day)
    return case_studies


@pytest.fixture
def hidden(library):
    """A draft and a password-protected case study, newer than every published one."""
    draft = make_case_study(library, title="A draft never published")
    draft.unpublish()
    restricted = make_case_study(library, title="A members-only case study")
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    published_on(draft, 20)
    published_on(restricted, 21)
    return {"draft": draft, "restricted": restricted}


def api(client, path, **params):
    response = client.get(f"/api/v2/{path}", params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(listing):
    return [item["title"] for item in listing["items"]]


# Feeds


def test_rss_feed_lists_the_newest_published_case_studies(client, library, dated, hidden):
    response = client.get(reverse("capacity_lms:library_rss", args=[library.pk]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") == library.title
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [
        "Visiting elderly migrants in Brussels",
        "Homework clubs in Lyon",
        "A women's argan cooperative linked with Turin",
    ]
    cooperative = items[2]
    assert cooperative.findtext("link") == dated["cooperative"].get_full_url()
    assert cooperative.findtext("description") == dated["cooperative"].summary
    assert parsedate_to_datetime(cooperative.findtext("pubDate")) == timezone.make_aware(
        datetime.datetime(2025, 1, 1, 12, 0), datetime.UTC
    )


def test_atom_feed_lists_the_newest_published_case_studies(client, library, dated, hidden):
    response = client.get(reverse("capacity_lms:library_atom", args=[library.pk]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "Visiting elderly migrants in Brussels",
        "Homework clubs in Lyon",
        "A women's argan cooperative linked with Turin",
    ]
    newest = entries[0]
    assert newest.find(f"{ATOM}link").get("href") == dated["elders"].get_full_url()
    assert newest.findtext(f"{ATOM}summary") == dated["elders"].summary
    assert newest.findtext(f"{ATOM}published").startswith("2025-01-03T12:00:00")


def test_feeds_of_a_restricted_library_are_not_found(client, library):
    PageViewRestriction.objects.create(
        page=library, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    for name in ("capacity_lms:library_rss", "capacity_lms:library_atom"):
        assert client.get(reverse(name, args=[library.pk])).status_code == 404


# Case-study endpoint


def test_api_lists_published_case_studies_with_their_fields(client, dated, hidden):
    CaseStudyIndicator.objects.create(
        page=dated["cooperative"], indicator="Women members", baseline="12", result="48"
    )

    listing = api(client, "case-studies/")

    assert listing["meta"]["total_count"] == 3
    assert titles(listing) == [
        "Visiting elderly migrants in Brussels",
        "Homework clubs in Lyon",
        "A women's argan cooperative linked with Turin",
    ]
    cooperative = listing["items"][2]
    assert cooperative["meta"]["type"] == "capacity_lms.CaseStudyPage"
    assert cooperative["meta"]["html_url"] == dated["cooperative"].get_full_url()
    assert cooperative["meta"]["locale"] == "en"
    assert cooperative["host_country_code"] == "it"
    assert cooperative["strategic_axis_codes"] == ["women-conditions", "solidarity-development"]
    assert cooperative["specialized_group_codes"] == ["women"]
    assert cooperative["tag_names"] == ["cooperative"]
    assert cooperative["started_on"] == "2021-03-01"
    assert cooperative["summary"].startswith("Women in Souss-Massa")

    detail = api(client, f"case-studies/{dated['cooperative'].pk}/")
    assert detail["indicator_rows"] == [
        {"indicator": "Women members", "baseline": "12", "result": "48"}
    ]
    assert "what_was_done" in detail
    assert detail["meta"]["parent"]["id"] == dated["cooperative"].get_parent().pk


def test_api_never_shows_a_draft_or_a_restricted_case_study(client, dated, hidden):
    shown = titles(api(client, "case-studies/", search="case study"))
    shown += titles(api(client, "case-studies/", limit=20))

    assert "A draft never published" not in shown
    assert "A members-only case study" not in shown
    for page in hidden.values():
        # The sandbox's LocaleMiddleware sends any 404 outside i18n_patterns to /en/..., which
        # Wagtail answers with its own 404: either way, nothing of the page is returned.
        response = client.get(f"/api/v2/case-studies/{page.pk}/", follow=True)
        assert response.status_code == 404
        assert page.title.encode() not in response.content


def test_api_keeps_restricted_case_studies_out_even_for_members_let_in(client, library, dated):
    members_only = make_case_study(library, title="For signed-in members")
    PageViewRestriction.objects.create(
        page=members_only, restriction_type=PageViewRestriction.LOGIN
    )
    client.force_login(UserFactory())

    assert client.get(members_only.url).status_code == 200
    assert "For signed-in members" not in titles(api(client, "case-studies/"))


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"host_country": "fr"}, ["Homework clubs in Lyon"]),
        ({"host_country": "ma"}, []),
        (
            {"strategic_axis": "women-conditions"},
            ["A women's argan cooperative linked with Turin"],
        ),
        ({"specialized_group": "elderly-persons"}, ["Visiting elderly migrants in Brussels"]),
        (
            {"tag": "volunteers"},
            ["Visiting elderly migrants in Brussels", "Homework clubs in Lyon"],
        ),
        ({"search": "argan"}, ["A women's argan cooperative linked with Turin"]),
        ({"host_country": "fr", "search": "homework"}, ["Homework clubs in Lyon"]),
    ],
)
def test_api_filters_case_studies(client, dated, params, expected):
    assert titles(api(client, "case-studies/", **params)) == expected


def test_api_filters_case_studies_by_locale(client, dated):
    french = Locale.objects.get_or_create(language_code="fr")[0]
    translation = dated["homework"].copy_for_translation(french, copy_parents=True)
    translation.title = "Des clubs de devoirs à Lyon"
    translation.save_revision().publish()

    assert titles(api(client, "case-studies/", locale="fr")) == ["Des clubs de devoirs à Lyon"]
    assert "Des clubs de devoirs à Lyon" not in titles(api(client, "case-studies/", locale="en"))


def test_api_refuses_an_unknown_filter(client, dated):
    response = client.get("/api/v2/case-studies/", {"colour": "blue"})

    assert response.status_code == 400


def test_case_study_listing_runs_the_same_queries_at_n_and_10n(client, library, taxonomy):
    def add(count):
        for number in range(count):
            page = make_case_study(
                library,
                axes=["school-support", "women-conditions"],
                groups=["children"],
                tags=["volunteers", f"tag-{number}"],
                regions_of_origin=[],
            )
            CaseStudyIndicator.objects.create(page=page, indicator="Pupils", result="40")

    def queries(**params):
        with CaptureQueriesContext(connection) as captured:
            listing = api(client, "case-studies/", limit=20, **params)
        return len(captured), len(listing["items"])

    add(2)
    queries()  # Fills the per-process caches (content types, locales, sites) first.
    at_n = queries(), queries(fields="*"), queries(search="case")
    add(18)
    at_10n = queries(), queries(fields="*"), queries(search="case")

    assert [items for _, items in at_n] == [2, 2, 2]
    assert [items for _, items in at_10n] == [20, 20, 20]
    assert [count for count, _ in at_n] == [count for count, _ in at_10n]


# Course endpoint


def test_api_lists_courses_with_their_fields(client, catalogue):
    course = make_course(
        catalogue,
        lessons=1,
        quiz=False,
        title="Reporting to funders",
        countries=list(Country.objects.filter(code__in=["fr", "be"])),
        specialized_groups=list(SpecializedGroup.objects.filter(code="women")),
        tags=["reporting"],
        language="fr",
        level="intermediate",
        estimated_hours=3,
    )
    everywhere = make_course(catalogue, lessons=1, quiz=False, title="Keeping accounts")
    draft = make_course(catalogue, lessons=1, quiz=False, title="A course in preparation")
    draft.unpublish()

    listing = api(client, "courses/")

    assert sorted(titles(listing)) == ["Keeping accounts", "Reporting to funders"]
    item = next(item for item in listing["items"] if item["id"] == course.pk)
    assert item["meta"]["type"] == "capacity_courses.CoursePage"
    assert item["summary"] == course.summary
    assert item["strategic_axis_code"] == "project-engineering"
    assert sorted(item["country_codes"]) == ["be", "fr"]
    assert item["specialized_group_codes"] == ["women"]
    assert item["tags"] == ["reporting"]
    assert item["language"] == "fr"
    assert item["level"] == "intermediate"
    assert item["format"] == "online"
    assert float(item["estimated_hours"]) == 3
    assert titles(api(client, "courses/", country="it")) == [everywhere.title]
    assert sorted(titles(api(client, "courses/", country="fr"))) == [
        "Keeping accounts",
        "Reporting to funders",
    ]
    assert titles(api(client, "courses/", language="fr")) == ["Reporting to funders"]


def test_course_listing_runs_the_same_queries_at_n_and_10n(client, catalogue):
    countries = list(Country.objects.filter(code__in=["fr", "be"]))
    groups = list(SpecializedGroup.objects.filter(code="women"))

    def add(count):
        for number in range(count):
            make_course(
                catalogue,
                lessons=0,
                countries=countries,
                specialized_groups=groups,
                tags=["reporting", f"tag-{number}"],
            )

    def queries():
        with CaptureQueriesContext(connection) as captured:
            listing = api(client, "courses/", limit=20)
        return len(captured), len(listing["items"])

    add(2)
    queries()  # Fills the per-process caches first.
    at_n = queries()
    add(18)
    at_10n = queries()

    assert (at_n[1], at_10n[1]) == (2, 20)
    assert at_n[0] == at_10n[0]
