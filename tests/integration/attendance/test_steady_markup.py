"""Markup kept in the process (``{% steady %}``): the site navigation and a meeting's times are
rendered once per language and per what they show, never with one person's name or zone in a
copy another person gets, and forgotten when settings change."""

import pytest
from django.test import Client
from django.urls import reverse

from capacity_lms.attendance.checkin import make_token
from capacity_lms.core import fragments
from capacity_lms.people.models import LearnerProfile

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def page(client, session, language="en"):
    token = make_token(session, session.date)
    url = reverse("capacity_lms:check_in_token", args=[token])
    url = url.replace("/en/", f"/{language}/", 1)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_navigation_is_kept_per_language_and_signed_in_state_without_the_name(
    session, registered
):
    first, second = registered[:2]
    mine = page(signed_in(first), session)
    theirs = page(signed_in(second), session)
    assert "My learning" in mine and first.username in mine
    assert "My learning" in theirs and second.username in theirs
    assert first.username not in theirs and second.username not in mine
    my_learning = f'href="{reverse("capacity_lms:my_learning")}"'
    signed_out = Client().get(reverse("capacity_lms:workshop_list")).content.decode()
    assert my_learning in mine and my_learning not in signed_out and "Workshops" in signed_out
    french = page(signed_in(second), session, "fr")
    assert "Mes formations" in french and "My learning" not in french
    assert 'value="fr" lang="fr" aria-current="true"' in french


def test_each_person_sees_the_meeting_in_their_own_zone(session, registered):
    zones = {registered[0]: "Asia/Tokyo", registered[1]: "America/Toronto"}
    session.time_zone = "Europe/Paris"
    session.save()
    for person, name in zones.items():
        LearnerProfile.objects.update_or_create(user=person, defaults={"time_zone": name})
    for _round in range(2):
        for person, name in zones.items():
            html = page(signed_in(person), session)
            other = next(zone for zone in zones.values() if zone != name)
            assert f"<bdi>{name}</bdi>" in html and other not in html


def test_a_settings_change_forgets_what_was_kept(settings):
    settings.DEBUG = False
    calls = []

    def compute():
        calls.append(1)
        return f"markup {len(calls)}"

    assert fragments.steady("test", ["a"], compute) == "markup 1"
    assert fragments.steady("test", ["a"], compute) == "markup 1"
    assert fragments.steady("test", ["b"], compute) == "markup 2"
    settings.LANGUAGE_CODE = "fr"
    assert fragments.steady("test", ["a"], compute) == "markup 3"
    settings.DEBUG = True
    assert fragments.steady("test", ["a"], compute) == "markup 4"
    assert fragments.steady("test", ["a"], compute) == "markup 5"
