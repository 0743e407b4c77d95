"""Each role gets exactly what the matrix (matrix.py) allows, on every route of the package.

The routes come from the URL resolver (routes.py), not from a list kept by hand: a route
that the matrix does not cover fails ``test_every_route_of_the_package_is_in_the_matrix``.
"""

import hashlib
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from tests.integration.security.conftest import ROLES
from tests.integration.security.matrix import (
    ADMIN,
    ADMIN_PAGES,
    ADMIN_POST_ONLY,
    PAGE_ADMIN,
    PAGE_ADMIN_VIEWS,
    PAGES,
    PUBLIC,
)
from tests.integration.security.routes import package_routes

pytestmark = pytest.mark.django_db

# Strings only the learner's own data carries: a refusal must never show them.
PRIVATE_MARKERS = ("hajar@example.org",)


def outcome(response):
    """'ok' (served), 'no' (refused: 403, 404, sent to sign in or to the admin's home), or
    the status code for anything else (405, 500…)."""
    status = response.status_code
    if status in (200, 204, 206, 304):
        return "ok"
    if status in (403, 404):
        return "no"
    if status in (301, 302, 303):
        path = urlsplit(response["Location"]).path
        if "login" in path or path.rstrip("/") == "/admin":
            return "no"
        return "ok"
    return str(status)


def client_for(world, role):
    client = Client()
    if role != "anonymous":
        client.force_login(world.people[role])
    return client


def fingerprint():
    """A digest of every row of our apps: equal before and after means nothing was written."""
    digest = hashlib.sha256()
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            if model._meta.app_label in OUR_APPS:
                table = connection.ops.quote_name(model._meta.db_table)
                cursor.execute(f"SELECT * FROM {table} ORDER BY 1")  # noqa: S608 - our tables
                digest.update(repr(cursor.fetchall()).encode())
    return digest.hexdigest()


def check_roles(world, url, allowed, method="get", data=None):
    """Request ``url`` as every role; return the roles whose outcome differs from the matrix,
    and, for a GET, those for whom it wrote to the database (each role's request is rolled
    back afterwards, so the digest is taken around the request itself)."""
    wrong = {}
    for role in ROLES:
        cache.clear()  # rate limits start afresh for each role
        sid = transaction.savepoint()
        try:
            client = client_for(world, role)
            before = fingerprint() if method == "get" else None
            response = getattr(client, method)(url, data or {})
            if response.status_code == 302 and urlsplit(response["Location"]).path == (
                f"/en{urlsplit(url).path}"
            ):
                # LocaleMiddleware answers a 404 outside i18n_patterns with a redirect to the
                # same path under a language prefix: follow it to the real answer.
                response = getattr(client, method)(response["Location"], data or {})
            got = outcome(response)
            expected = "ok" if role in allowed else "no"
            if before is not None and fingerprint() != before:
                wrong[role] = f"GET wrote to the database ({response.status_code})"
            elif got != expected:
                wrong[role] = f"expected {expected}, got {got} ({response.status_code})"
            elif got == "no" and response.content:
                body = response.content.decode("utf-8", "replace")
                leaked = [marker for marker in PRIVATE_MARKERS if marker in body]
                if leaked:
                    wrong[role] = f"refused but shows {leaked}"
        finally:
            transaction.savepoint_rollback(sid)
    return wrong


def admin_url(route, world, entry):
    kwargs = {}
    if "<int:pk>" in route.pattern or "<str:pk>" in route.pattern:
        kwargs["pk"] = entry.obj(world).pk
    url = reverse(route.name, kwargs=kwargs)
    if route.short_name == "chosen_multiple":
        url += f"?id={entry.obj(world).pk}"
    return url


def public_url(name, world):
    row = PUBLIC.get(name) or ADMIN_PAGES[name]
    url = reverse(name, kwargs=row.url_kwargs(world))
    if row.query:
        url += row.query.format(**world.objects)
    return url


OUR_APPS = ("capacity_lms", "capacity_courses")
PAGE_MODELS = {
    "catalogue": "capacity_courses.CatalogueIndexPage",
    "course": "capacity_courses.CoursePage",
    "lesson": "capacity_courses.LessonPage",
    "preview_lesson": "capacity_courses.LessonPage",
    "library": "capacity_lms.LibraryIndexPage",
    "case_study": "capacity_lms.CaseStudyPage",
    "directory": "capacity_lms.DirectoryPage",
    "calls": "capacity_lms.CallIndexPage",
    "call": "capacity_lms.CallPage",
}


def test_every_route_of_the_package_is_in_the_matrix():
    missing = []
    for route in package_routes():
        if route.name in PUBLIC or route.name in ADMIN_PAGES:
            continue
        entry = ADMIN.get(route.namespace)
        if entry is None or not entry.covers(route.short_name):
            missing.append(f"{route.name} ({route.pattern})")
    assert not missing, "Routes the access matrix does not cover:\n" + "\n".join(missing)
    # And nothing in the matrix names a route that no longer exists.
    names = {route.name for route in package_routes()}
    namespaces = {route.namespace for route in package_routes()}
    assert not (set(PUBLIC) | set(ADMIN_PAGES)) - names
    assert not set(ADMIN) - namespaces


def test_every_page_type_of_the_package_is_in_the_matrix():
    ours = {
        model._meta.label
        for model in apps.get_models()
        if issubclass(model, Page)
        and model._meta.app_label in ("capacity_lms", "capacity_courses")
    }
    assert ours == set(PAGE_MODELS.values())


@pytest.mark.parametrize("name", sorted(PUBLIC) + sorted(ADMIN_PAGES))
def test_public_route_lets_in_exactly_its_roles(world, name):
    row = PUBLIC.get(name) or ADMIN_PAGES[name]
    url = public_url(name, world)
    if row.kind == "action":
        data = row.post(world) if row.post else {}
        wrong = check_roles(world, url, row.allowed, method="post", data=data)
    else:
        before = fingerprint()
        wrong = check_roles(world, url, row.allowed)
        assert fingerprint() == before, f"GET {url} wrote to the database"
    assert not wrong, f"{url}: {wrong}"


@pytest.mark.parametrize("namespace", sorted(ADMIN))
def test_admin_views_let_in_exactly_their_roles(world, namespace):
    entry = ADMIN[namespace]
    routes = [route for route in package_routes() if route.namespace == namespace]
    assert routes
    failures = {}
    before = fingerprint()
    for route in routes:
        url = admin_url(route, world, entry)
        post = ADMIN_POST_ONLY.get(route.short_name)
        wrong = check_roles(
            world,
            url,
            entry.allowed_for(route.short_name),
            method="post" if post is not None else "get",
            data=post,
        )
        if wrong:
            failures[url] = wrong
    assert fingerprint() == before, "a GET in the admin wrote to the database"
    assert not failures, failures


@pytest.mark.parametrize("namespace", sorted(ADMIN))
def test_admin_listings_leave_out_objects_beyond_reach(world, namespace):
    """Whoever may list but not open the matrix's object (another trainer, say) does not see
    it listed: none of its links is on the listing."""
    entry = ADMIN[namespace]
    outsiders = entry.listing - entry.view - entry.change
    routes = {
        route.short_name: route for route in package_routes() if route.namespace == namespace
    }
    links = [
        admin_url(routes[name], world, entry)
        for name in ("edit", "inspect", "delete")
        if name in routes
    ]
    for name in ("index", "list"):
        if name not in routes or not links:
            continue
        url = admin_url(routes[name], world, entry)
        for role in outsiders:
            body = client_for(world, role).get(url).content.decode()
            shown = [link for link in links if link in body]
            assert not shown, f"{role} sees {shown} on {url}"


@pytest.mark.parametrize("key", sorted(PAGES))
def test_pages_of_our_types_let_in_exactly_their_roles(world, key):
    page = world.pages[key]
    before = fingerprint()
    wrong = check_roles(world, page.url, PAGES[key])
    assert fingerprint() == before
    assert not wrong, f"{page.url}: {wrong}"


def page_admin_url(name, page):
    revision = page.get_latest_revision()
    kwargs = {"page_id": page.pk}
    if name == "wagtailadmin_pages:revisions_view":
        kwargs["revision_id"] = revision.pk
    if name == "wagtailadmin_pages:revisions_compare":
        kwargs = {"pk": page.pk, "revision_id_a": "earliest", "revision_id_b": "latest"}
    return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize("key", sorted(PAGE_ADMIN))
def test_admin_preview_revisions_and_history_of_our_pages(world, key):
    """A group whose page permissions cover the library reaches its pages' preview,
    revisions and history, and no other page's; roles without page permissions reach none."""
    page = world.pages[key]
    failures = {}
    for name in PAGE_ADMIN_VIEWS:
        url = page_admin_url(name, page)
        wrong = check_roles(world, url, PAGE_ADMIN[key])
        if wrong:
            failures[url] = wrong
    assert not failures, failures
