"""Method discipline on every route of the package (DESIGN.md: state changes are POST only,
with CSRF; GET never changes anything).

- a route that only acts (``action`` in the matrix, and the admin's POST-only views) answers
  GET with 405,
- a route that only reads answers POST with 405,
- every route refuses a POST without a CSRF token with 403,
and none of those refusals writes anything. GET writing nothing is checked route by route by
the access matrix (test_access_matrix.py).
"""

import pytest
from django.test import Client
from django.urls import reverse

from tests.integration.security.matrix import (
    ADMIN,
    ADMIN_PAGES,
    ADMIN_POST_ONLY,
    CSRF_EXEMPT,
    PAGE_FORMS,
    PUBLIC,
)
from tests.integration.security.routes import package_routes
from tests.integration.security.test_access_matrix import admin_url, fingerprint, public_url

pytestmark = pytest.mark.django_db

# Who tries each route: someone it lets in, so that the refusal is the method's, not access's.
PREFERENCE = ("staff", "trainer", "learner", "other_learner", "editor", "anonymous")


def someone_allowed(world, allowed):
    """A user the route lets in (staff for the admin views that let in nobody: they still
    pass the admin's door), or None for an anonymous visitor."""
    role = next((role for role in PREFERENCE if role in (allowed or {"staff"})), "anonymous")
    return None if role == "anonymous" else world.people[role]


def client_as(user, enforce_csrf_checks=False):
    client = Client(enforce_csrf_checks=enforce_csrf_checks)
    if user is not None:
        client.force_login(user)
    return client


def every_route(world):
    """(name, url, kind, user) for every route of the package."""
    for route in package_routes():
        if route.name in PUBLIC or route.name in ADMIN_PAGES:
            row = PUBLIC.get(route.name) or ADMIN_PAGES[route.name]
            yield route.name, public_url(route.name, world), row.kind, row.allowed
        else:
            entry = ADMIN[route.namespace]
            kind = "action" if route.short_name in ADMIN_POST_ONLY else "form"
            yield (
                route.name,
                admin_url(route, world, entry),
                kind,
                entry.allowed_for(route.short_name),
            )


def test_routes_that_act_refuse_get_with_405(world):
    wrong = []
    before = fingerprint()
    for name, url, kind, allowed in every_route(world):
        if kind != "action":
            continue
        response = client_as(someone_allowed(world, allowed)).get(url)
        if response.status_code != 405:
            wrong.append(f"{name}: GET {url} -> {response.status_code}")
    assert fingerprint() == before
    assert not wrong, wrong


def test_routes_that_read_refuse_post_with_405(world):
    wrong = []
    before = fingerprint()
    for name, url, kind, allowed in every_route(world):
        if kind != "read":
            continue
        response = client_as(someone_allowed(world, allowed)).post(url, {})
        if response.status_code != 405:
            wrong.append(f"{name}: POST {url} -> {response.status_code}")
    assert fingerprint() == before
    assert not wrong, wrong


def test_every_route_refuses_a_post_without_csrf_token(world):
    wrong = []
    before = fingerprint()
    for name, url, _kind, allowed in every_route(world):
        if name in CSRF_EXEMPT:
            continue
        client = client_as(someone_allowed(world, allowed), enforce_csrf_checks=True)
        response = client.post(url, {})
        if response.status_code != 403:
            wrong.append(f"{name}: POST {url} -> {response.status_code}")
    assert fingerprint() == before
    assert not wrong, wrong


@pytest.mark.parametrize("key", sorted(PAGE_FORMS))
def test_page_forms_refuse_a_post_without_csrf_token(world, key):
    client = client_as(world.people["learner"], enforce_csrf_checks=True)
    before = fingerprint()
    response = client.post(world.pages[key].url, {"action": "enrol"})
    assert response.status_code == 403
    assert fingerprint() == before


@pytest.mark.parametrize("key", ["catalogue", "library", "case_study"])
def test_pages_that_only_read_refuse_post_with_405(world, key):
    client = client_as(world.people["learner"])
    before = fingerprint()
    response = client.post(world.pages[key].url, {})
    assert response.status_code == 405
    assert fingerprint() == before


def test_the_language_switch_is_post_only(world):
    response = Client().get(reverse("capacity_lms:set_language"), {"language": "fr"})
    assert response.status_code == 405


def test_a_route_exempt_from_csrf_says_why_and_refuses_a_forged_token():
    """The exempt routes are few and explained; the one-click unsubscribe acts only on a
    token signed by the site (a forged one is a 404 and writes nothing); checking a credential
    file writes nothing, genuine or not."""
    assert all(len(reason) > 40 for reason in CSRF_EXEMPT.values())
    assert set(CSRF_EXEMPT) == {
        "capacity_lms:exchange_unsubscribe",
        "capacity_lms:certificate_verify_credential",
    }
    from django.core.files.uploadedfile import SimpleUploadedFile

    checked = Client(enforce_csrf_checks=True)
    before = fingerprint()
    forged = SimpleUploadedFile("certificate.json", b'{"proof": {}}', "application/json")
    answer = checked.post(
        reverse("capacity_lms:certificate_verify_credential"), {"credential": forged}
    )
    assert answer.status_code == 400
    assert fingerprint() == before
    client = Client(enforce_csrf_checks=True)
    before = fingerprint()
    url = reverse("capacity_lms:exchange_unsubscribe", args=["forged-token"])
    response = client.post(url, {"List-Unsubscribe": "One-Click"}, follow=True)
    assert response.status_code == 404
    assert fingerprint() == before
