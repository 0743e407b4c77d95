"""docs/security.md describes the access matrix: every route and admin viewset of the matrix
is named there, so the page cannot silently fall behind the tests."""

from pathlib import Path

from tests.integration.security.matrix import ADMIN, ADMIN_PAGES, PUBLIC

DOC = (Path(__file__).resolve().parents[3] / "docs" / "security.md").read_text()


def test_every_public_route_of_the_matrix_is_in_the_document():
    missing = []
    for name in PUBLIC:
        if name.startswith("capacity_lms_api:"):
            namespace = name.rpartition(":")[0]
            if f"`{namespace}:*`" not in DOC:
                missing.append(name)
        elif f"`{name.rpartition(':')[2]}`" not in DOC:
            missing.append(name)
    assert not missing, missing


def test_every_admin_view_of_the_matrix_is_in_the_document():
    missing = []
    for namespace in ADMIN:
        model = namespace.rpartition("capacity_lms_")[2]
        if namespace.startswith("wagtailsnippetchoosers_"):
            found = "wagtailsnippetchoosers_capacity_lms_" in DOC and model in DOC
        elif namespace.startswith("wagtailsnippets_"):
            found = f"`{namespace}`" in DOC or f"`_{model}`" in DOC
        else:
            found = f"`{namespace}`" in DOC
        if not found:
            missing.append(namespace)
    for name in ADMIN_PAGES:
        if f"`{name}`" not in DOC:
            missing.append(name)
    assert not missing, missing
