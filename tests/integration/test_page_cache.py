"""The page cache: signed-out visitors' catalogue and library pages come from the cache with
no database query, each visitor still gets their own CSRF token and CSP nonce, signed-in
people never see or fill it, and editors' changes show on the next request."""

import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Site

from capacity_lms.core import page_cache
from capacity_lms.taxonomy.loading import load_standard_taxonomy
from capacity_lms.taxonomy.models import StrategicAxis
from sandbox.testing.factories import CatalogueIndexPageFactory, LibraryIndexPageFactory
from tests.integration.courses.conftest import make_course
from tests.integration.library.conftest import make_case_study

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "page_cache_on")]

CSRF_VALUE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
NONCE_VALUE = re.compile(r' nonce="([^"]+)"')


@pytest.fixture
def site_root(db):
    load_standard_taxonomy()
    return Site.objects.get(is_default_site=True).root_page


@pytest.fixture
def catalogue(site_root):
    return CatalogueIndexPageFactory(parent=site_root)


@pytest.fixture
def library(site_root):
    return LibraryIndexPageFactory(parent=site_root)


def get(client, url, params=None):
    """The response and the number of queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200, url
    return response, len(queries)


def without_tokens(response):
    return CSRF_VALUE.sub("", response.content.decode())


def test_a_hit_on_the_anonymous_catalogue_runs_no_query(client, catalogue):
    make_course(catalogue, title="Budgeting for associations")
    first, first_queries = get(client, catalogue.url)
    assert first_queries > 0
    hit, hit_queries = get(Client(), catalogue.url)
    assert hit_queries == 0
    assert "Budgeting for associations" in hit.content.decode()
    assert without_tokens(hit) == without_tokens(first)
    # The same visitor, now with a CSRF cookie, is served from the cache too.
    assert get(client, catalogue.url)[1] == 0


def test_a_hit_on_the_anonymous_library_runs_no_query(client, library):
    make_case_study(library, title="Homework clubs in Lyon")
    first, first_queries = get(client, library.url)
    assert first_queries > 0
    hit, hit_queries = get(client, library.url)
    assert hit_queries == 0
    assert "Homework clubs in Lyon" in hit.content.decode()
    assert without_tokens(hit) == without_tokens(first)


def test_a_hit_answers_the_headers_of_a_miss(catalogue):
    miss, _ = get(Client(), catalogue.url)
    hit, hit_queries = get(Client(), catalogue.url)
    assert hit_queries == 0
    names = {name.lower() for name, _value in miss.items()}
    assert names == {name.lower() for name, _value in hit.items()}
    for name in ("Content-Type", "Cache-Control", "X-Frame-Options", "Referrer-Policy"):
        assert hit.get(name) == miss.get(name), name
    assert "Cookie" in hit["Vary"]
    assert "no-store" not in hit.get("Cache-Control", "")


def test_signed_in_members_are_never_served_the_cached_page_nor_fill_it(catalogue, member):
    make_course(catalogue, title="Budgeting for associations")
    signed_in = Client()
    signed_in.force_login(member)
    # A member's page is not stored: the next visitor's request is a miss.
    mine, _ = get(signed_in, catalogue.url)
    assert member.get_username() in mine.content.decode()
    assert "no-store" in mine["Cache-Control"]
    assert get(Client(), catalogue.url)[1] > 0
    # Once visitors' page is cached, the member still gets their own.
    assert get(Client(), catalogue.url)[1] == 0
    mine, queries = get(signed_in, catalogue.url)
    assert queries > 0
    assert member.get_username() in mine.content.decode()
    assert "no-store" in mine["Cache-Control"]


def test_a_visitor_with_messages_waiting_is_not_served_from_the_cache(catalogue):
    get(Client(), catalogue.url)
    visitor = Client()
    visitor.cookies["messages"] = "anything"
    assert get(visitor, catalogue.url)[1] > 0


def test_publishing_unpublishing_and_deleting_a_course_show_on_the_next_request(catalogue):
    make_course(catalogue, title="Budgeting for associations")
    get(Client(), catalogue.url)

    course = make_course(catalogue, title="Safeguarding children")
    course.save_revision().publish()
    response, queries = get(Client(), catalogue.url)
    assert queries > 0
    assert "Safeguarding children" in response.content.decode()
    assert get(Client(), catalogue.url)[1] == 0

    course.unpublish()
    response, queries = get(Client(), catalogue.url)
    assert queries > 0
    assert "Safeguarding children" not in response.content.decode()

    course.save_revision().publish()
    assert "Safeguarding children" in get(Client(), catalogue.url)[0].content.decode()
    course.delete()
    response, queries = get(Client(), catalogue.url)
    assert queries > 0
    assert "Safeguarding children" not in response.content.decode()


def test_a_view_restriction_takes_effect_at_once(catalogue):
    from wagtail.models import PageViewRestriction

    make_course(catalogue, title="Budgeting for associations")
    get(Client(), catalogue.url)
    PageViewRestriction.objects.create(
        page=catalogue, restriction_type=PageViewRestriction.PASSWORD, password="members-only"
    )
    response, queries = get(Client(), catalogue.url)
    assert queries > 0
    assert "Budgeting for associations" not in response.content.decode()


def test_saving_a_draft_keeps_the_cached_page(catalogue):
    course = make_course(catalogue, title="Budgeting for associations")
    get(Client(), catalogue.url)
    course.title = "Budgeting, a draft title"
    course.save_revision()
    response, queries = get(Client(), catalogue.url)
    assert queries == 0
    assert "a draft title" not in response.content.decode()


def test_changing_the_taxonomy_shows_on_the_next_request(catalogue):
    get(Client(), catalogue.url)
    axis = StrategicAxis.objects.get(code="project-engineering")
    axis.name_en = "Project engineering, renamed"
    axis.save()
    response, queries = get(Client(), catalogue.url)
    assert queries > 0
    assert "Project engineering, renamed" in response.content.decode()


def test_query_strings_and_languages_are_separate_entries(catalogue):
    make_course(catalogue, title="Budgeting for associations")
    make_course(catalogue, title="Safeguarding children")
    get(Client(), catalogue.url, {"q": "budgeting"})
    response, queries = get(Client(), catalogue.url, {"q": "safeguarding"})
    assert queries > 0
    assert "Safeguarding children" in response.content.decode()
    assert "Budgeting for associations" not in response.content.decode()
    # The same parameters in another order are the same entry.
    get(Client(), f"{catalogue.url}?q=&level=&format=")
    assert get(Client(), f"{catalogue.url}?format=&q=&level=")[1] == 0

    english = get(Client(), catalogue.url)[0]
    french_url = catalogue.url.replace("/en/", "/fr/", 1)
    french, queries = get(Client(), french_url)
    assert queries > 0
    assert 'lang="fr"' in french.content.decode()
    assert 'lang="en"' in english.content.decode()
    assert get(Client(), french_url)[1] == 0
    assert 'lang="fr"' in get(Client(), french_url)[0].content.decode()


def test_the_language_switcher_works_on_a_cached_page(catalogue):
    get(Client(), catalogue.url)
    for visitor in (Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)):
        hit, queries = get(visitor, catalogue.url)
        assert queries == 0
        # Each visitor gets a token of their own cookie (a first visit gets one with the page).
        token = CSRF_VALUE.search(hit.content.decode()).group(1)
        assert token.encode() not in stored_placeholders(catalogue.url)
        assert "csrftoken" in hit.cookies
        switched = visitor.post(
            reverse("capacity_lms:set_language"),
            {"language": "fr", "next": catalogue.url, "csrfmiddlewaretoken": token},
        )
        assert switched.status_code == 302


def test_each_hit_carries_the_nonce_of_its_own_policy(catalogue, settings, tmp_path):
    """A page with an inline script (here a footer that a host overrides) keeps working."""
    footer = tmp_path / "capacity_lms" / "includes" / "footer.html"
    footer.parent.mkdir(parents=True)
    footer.write_text("{% load capacity_lms_csp %}<script{% csp_nonce %}>/* host */</script>")
    templates = [dict(engine) for engine in settings.TEMPLATES]
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates

    nonces = []
    for expected_queries in (None, 0, 0):
        response, queries = get(Client(), catalogue.url)
        if expected_queries is not None:
            assert queries == expected_queries
        in_page = NONCE_VALUE.findall(response.content.decode())
        assert len(in_page) == 1
        assert f"'nonce-{in_page[0]}'" in response["Content-Security-Policy"]
        nonces.append(in_page[0])
    assert len(set(nonces)) == 3


def test_other_pages_are_not_cached(catalogue):
    """Only what a page or view marks as shared is stored (here the programme's overview,
    which no purge rule follows)."""
    url = reverse("capacity_lms:programme")
    get(Client(), url)
    assert get(Client(), url)[1] > 0


def test_zero_seconds_turns_the_cache_off(catalogue, settings):
    settings.CAPACITY_LMS_PAGE_CACHE_SECONDS = 0
    get(Client(), catalogue.url)
    assert get(Client(), catalogue.url)[1] > 0


def test_a_purge_reaches_every_server_sharing_the_cache(catalogue):
    """The generation lives in the cache, not in a process: a purge from anywhere (here a
    direct call, as another server's signal would) makes every key new."""
    get(Client(), catalogue.url)
    before = page_cache.generation()
    page_cache.purge()
    assert page_cache.generation() == before + 1
    assert get(Client(), catalogue.url)[1] > 0
    cache.delete(page_cache.GENERATION_KEY)
    assert page_cache.generation() > before + 1


def test_the_setting_is_documented_in_the_readme():
    from capacity_lms.conf import DEFAULTS

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    default = DEFAULTS["PAGE_CACHE_SECONDS"]
    assert re.search(rf"`CAPACITY_LMS_PAGE_CACHE_SECONDS` \| `{default}`", readme)
    assert "capacity_lms.core.page_cache.PageCacheMiddleware" in readme


def test_a_misplaced_middleware_is_reported(settings):
    from capacity_lms.checks import check_page_cache_middleware_order

    assert check_page_cache_middleware_order() == []
    settings.MIDDLEWARE = [page_cache.__name__ + ".PageCacheMiddleware", *settings.MIDDLEWARE[:-1]]
    assert [message.id for message in check_page_cache_middleware_order()] == ["capacity_lms.W005"]


# Not named "page": that is Playwright's fixture, and parametrizing it would move the browser
# tests (whose flush removes migrated rows) before the ordinary ones.
@pytest.mark.parametrize("listing_fixture", ["catalogue", "library"])
def test_a_placeholder_typed_into_a_search_comes_back_as_typed(
    listing_fixture, request, settings, tmp_path
):
    """The stored page holds whatever a visitor searched for; a placeholder's text typed into
    the search (today's or any entry's) must never be replaced by a token or a nonce."""
    listing = request.getfixturevalue(listing_fixture)
    footer = tmp_path / "capacity_lms" / "includes" / "footer.html"
    footer.parent.mkdir(parents=True)
    footer.write_text("{% load capacity_lms_csp %}<script{% csp_nonce %}>/* host */</script>")
    templates = [dict(engine) for engine in settings.TEMPLATES]
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates

    typed = [
        "capacity-lms-page-cache-csrf-token",
        "capacity-lms-page-cache-csp-nonce",
    ]
    # Any placeholder an entry was stored with, as a visitor may have guessed it.
    get(Client(), listing.url)
    typed += [value.decode() for value in stored_placeholders(listing.url)]
    for text in typed:
        for expected_queries in (None, 0):
            response, queries = get(Client(), listing.url, {"q": text})
            if expected_queries is not None:
                assert queries == expected_queries
            content = response.content.decode()
            assert f'value="{text}"' in content, text
            # The page's own token and nonce are still filled in.
            token = CSRF_VALUE.search(content).group(1)
            assert token != text
            assert len(NONCE_VALUE.findall(content)) == 1
            assert NONCE_VALUE.search(content).group(1) != text


def test_each_entry_has_placeholders_of_its_own(catalogue):
    get(Client(), catalogue.url)
    get(Client(), catalogue.url, {"q": "budgeting"})
    first = stored_placeholders(catalogue.url)
    second = stored_placeholders(catalogue.url, {"q": "budgeting"})
    assert first and second
    assert not set(first) & set(second)


def stored_placeholders(url, params=None):
    """The placeholders of the entry stored for ``url`` (as the middleware keys it)."""
    from django.test import RequestFactory
    from django.utils import translation

    with translation.override("en"):
        entry = cache.get(page_cache.cache_key(RequestFactory().get(url, params or {})))
    assert entry is not None
    return [entry[name] for name in ("csrf_placeholder", "nonce_placeholder") if name in entry]
