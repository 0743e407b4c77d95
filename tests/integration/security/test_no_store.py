"""Personal pages and files are never stored by a browser or a proxy (Cache-Control:
no-store): every route that the matrix does not open to everyone, the personal calendar feed
(its token is the key), and the pages that show a signed-in learner's own progress."""

import pytest
from django.test import Client

from tests.integration.security.matrix import ALL
from tests.integration.security.test_methods import every_route, someone_allowed

pytestmark = pytest.mark.django_db

# Open to anyone who has the URL, but about one person.
PERSONAL_THOUGH_OPEN = {"capacity_lms:personal_calendar"}
# Our page types that show a signed-in learner their own status or progress.
PERSONAL_PAGES = ("catalogue", "course", "lesson", "preview_lesson")


def test_every_personal_route_answers_no_store(world):
    wrong = []
    checked = 0
    for name, url, kind, allowed in every_route(world):
        if not allowed or kind == "action":
            continue
        if allowed == ALL and name not in PERSONAL_THOUGH_OPEN:
            continue
        client = Client()
        user = someone_allowed(world, allowed)
        if user is not None:
            client.force_login(user)
        response = client.get(url)
        if response.status_code != 200:
            wrong.append(f"{name}: {url} answered {response.status_code}")
            continue
        checked += 1
        if "no-store" not in response.get("Cache-Control", ""):
            wrong.append(f"{name}: {url} Cache-Control {response.get('Cache-Control')!r}")
    assert not wrong, "\n".join(wrong)
    assert checked > 100


@pytest.mark.parametrize("key", PERSONAL_PAGES)
def test_pages_showing_a_learners_progress_answer_no_store(world, key):
    client = Client()
    client.force_login(world.people["learner"])
    response = client.get(world.pages[key].url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_public_pages_stay_cacheable(world):
    """Anonymous visitors' pages and public files carry no no-store (a cache may keep them)."""
    for url in (
        world.pages["case_study"].url,
        world.pages["course"].url,
        f"/en/learning/library/case-studies/{world.case_study.pk}/case-study.pdf",
    ):
        response = Client().get(url)
        assert response.status_code == 200, url
        assert "no-store" not in response.get("Cache-Control", ""), url
