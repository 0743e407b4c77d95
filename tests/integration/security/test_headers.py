"""Security headers on every kind of response: a Content-Security-Policy, nosniff and a
Referrer-Policy on public pages, member pages, calendar feeds and the admin; the strict policy
without 'unsafe-inline' outside the admin; the offline verifier's own policy, whose nonce is the
one its inline script carries (docs/deployment-security.md)."""

import re
from html.parser import HTMLParser

import django
import pytest
from django.http import HttpResponse
from django.template import Context, Template
from django.test import RequestFactory

from capacity_lms.taxonomy.models import Country
from sandbox.content_security import ADMIN_PATH_PREFIX
from sandbox.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response.headers["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


def assert_common_headers(response):
    assert "Content-Security-Policy" in response.headers
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def assert_strict(response):
    """The site policy: nothing inline runs but what carries the request's nonce."""
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    for directive in ("script-src", "style-src"):
        assert "'self'" in policy[directive]
        assert "'unsafe-inline'" not in policy[directive]
        assert "'unsafe-eval'" not in policy[directive]


@pytest.fixture
def member_client(client):
    client.force_login(UserFactory(username="member-headers"))
    return client


@pytest.fixture
def admin_client_for_headers(client):
    client.force_login(UserFactory(username="admin-headers", is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize(
    "url",
    ["/en/learning/certificates/verify/", "/en/learning/workshops/", "/en/accounts/login/"],
)
def test_public_pages_carry_the_strict_policy_and_the_headers(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert_common_headers(response)
    assert_strict(response)


def test_a_member_page_carries_the_strict_policy_and_the_headers(member_client):
    response = member_client.get("/en/learning/calendar/")
    assert response.status_code == 200
    assert_common_headers(response)
    assert_strict(response)


def test_a_calendar_feed_carries_the_headers(client):
    Country.objects.get_or_create(
        code="fr", defaults={"name_en": "France", "default_time_zone": "Europe/Paris"}
    )
    response = client.get("/en/learning/calendar/countries/fr.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert_common_headers(response)
    assert_strict(response)


def test_the_admin_carries_its_looser_policy_and_the_headers(admin_client_for_headers):
    response = admin_client_for_headers.get(ADMIN_PATH_PREFIX)
    assert response.status_code == 200
    assert_common_headers(response)
    policy = directives(response)
    # Wagtail's inline scripts need 'unsafe-inline', which a nonce would switch off.
    assert "'unsafe-inline'" in policy["script-src"]
    assert not any(source.startswith("'nonce-") for source in policy["script-src"])
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"]


def test_the_offline_verifier_allows_its_own_script_by_nonce_and_nothing_else(client):
    response = client.get("/en/learning/certificates/offline/")
    assert response.status_code == 200
    assert_common_headers(response)
    policy = directives(response)
    assert policy["default-src"] == ["'none'"]
    assert "connect-src" not in policy  # default-src 'none': no network at all
    assert "'unsafe-inline'" not in policy["script-src"]
    [nonce_source] = [s for s in policy["script-src"] if s.startswith("'nonce-")]
    nonce = nonce_source.removeprefix("'nonce-").removesuffix("'")
    # Script elements as a browser finds them (a script's text may hold "<script>" in a string:
    # the vendored JSON-LD processor does), the data blocks aside: the JSON-LD processor and
    # the page's own script, each by the nonce.
    scripts = ScriptElements()
    scripts.feed(response.content.decode())
    executable = [attributes for attributes in scripts.found if "type" not in attributes]
    assert executable == [{"nonce": nonce}, {"nonce": nonce}]
    assert {attributes.get("type") for attributes in scripts.found} == {None, "application/json"}


class ScriptElements(HTMLParser):
    """The attributes of each ``<script>`` element of a page."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.found.append(dict(attrs))


def test_pages_without_inline_code_send_no_nonce(client):
    """A nonce only where a template asked for one: the verification pages stay identical
    from one visitor to the next (a miss must read like every other miss)."""
    first = client.get("/en/learning/certificates/verify/")
    second = client.get("/en/learning/certificates/verify/")
    assert "nonce-" not in first.headers["Content-Security-Policy"]
    assert first.headers["Content-Security-Policy"] == second.headers["Content-Security-Policy"]


def test_the_nonce_tag_without_a_csp_middleware_gives_one_nonce_per_request():
    template = Template("{% load capacity_lms_csp %}<script{% csp_nonce %}></script>")
    request = RequestFactory().get("/")
    first = template.render(Context({"request": request}))
    again = template.render(Context({"request": request}))
    other = template.render(Context({"request": RequestFactory().get("/")}))
    assert re.fullmatch(r'<script nonce="[A-Za-z0-9_-]{24}"></script>', first)
    assert first == again
    assert first != other
    assert Template("{% load capacity_lms_csp %}{% csp_nonce %}").render(Context()) == ""


def test_the_nonce_comes_from_the_middlewares_public_api(monkeypatch):
    """Django 6's middleware is read through ``django.middleware.csp.get_nonce`` (not a private
    request attribute), django-csp's through ``request.csp_nonce``."""
    from capacity_lms.core import csp

    monkeypatch.setattr(csp, "django_nonce", lambda request: "from-django")
    request = RequestFactory().get("/")
    assert csp.request_nonce(request) == "from-django"
    request.csp_nonce = "from-django-csp"
    assert csp.request_nonce(request) == "from-django-csp"
    assert not hasattr(request, csp.OWN_NONCE_ATTRIBUTE)


@pytest.mark.skipif(django.VERSION < (6, 0), reason="Django's own CSP middleware came in 6.0")
def test_the_nonce_tag_reads_djangos_own_middleware(rf, settings):
    from django.middleware.csp import ContentSecurityPolicyMiddleware
    from django.utils.csp import CSP

    settings.SECURE_CSP = {"script-src": [CSP.SELF, CSP.NONCE]}
    request = rf.get("/")
    tag = Template("{% load capacity_lms_csp %}<script{% csp_nonce %}></script>")

    def page(request):
        return HttpResponse(tag.render(Context({"request": request})))

    response = ContentSecurityPolicyMiddleware(page)(request)
    nonce = re.search(r'nonce="([^"]+)"', response.content.decode())[1]
    assert f"'nonce-{nonce}'" in response.headers["Content-Security-Policy"]
