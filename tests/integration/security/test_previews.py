"""Wagtail shows an earlier revision of every page type of ours, as it does in previews
(their templates once asked a ParentalManyToMany relation for ``.live()``, which a page
rebuilt from a revision lacks: its relations are lists)."""

import pytest
from django.test import Client
from django.urls import reverse

from sandbox.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "key", ["catalogue", "course", "lesson", "preview_lesson", "library", "case_study"]
)
def test_a_revision_of_each_of_our_page_types_renders(world, key):
    page = world.pages[key]
    if key == "course":
        page.prerequisites.set([world.pages["course"]])
    if key == "case_study":
        page.related_courses.set([world.pages["course"]])
    revision = page.save_revision()
    client = Client()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk])
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    assert page.title in response.content.decode()
