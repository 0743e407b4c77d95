"""The staff page in the admin and the member's own page: who may see them, GET never erases,
an erasure needs the username typed again and a reason."""

import json
import re

import pytest
from django.urls import reverse

from capacity_lms.privacy.actions import is_erased
from capacity_lms.privacy.models import PersonalDataRequest
from tests.integration.conftest import in_group


def page(world):
    return reverse("capacity_privacy:person", args=[world.fatima.pk])


def test_staff_read_the_page_and_download_the_json(client, world):
    client.force_login(world.staff)
    response = client.get(page(world))
    assert response.status_code == 200
    assert "Fatima came late" in response.content.decode()
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert_downloads_by_post_only(client, page(world), world.staff)


def test_superusers_may_too(client, world, django_user_model):
    boss = django_user_model.objects.create_superuser("boss", "boss@example.org", "x")
    client.force_login(boss)
    assert client.get(page(world)).status_code == 200


@pytest.mark.parametrize("role", ["trainer", "editor"])
def test_others_are_refused(client, world, trainer, role):
    from capacity_lms.people.roles import EDITORS
    from sandbox.testing.factories import UserFactory

    someone = trainer if role == "trainer" else in_group(UserFactory(username="ed"), EDITORS)
    client.force_login(someone)
    assert client.get(page(world)).status_code == 403
    assert client.get(page(world), {"format": "json"}).status_code == 403
    assert client.post(page(world), {"format": "json"}).status_code == 403
    response = client.post(page(world), {"confirmation": "fatima", "reason": "x"})
    assert response.status_code == 403
    world.fatima.refresh_from_db()
    assert not is_erased(world.fatima)


def test_anonymous_people_are_sent_to_log_in(client, world):
    response = client.get(page(world))
    assert response.status_code == 302 and "login" in response["Location"]


def test_get_never_erases(client, world):
    client.force_login(world.staff)
    client.get(page(world), {"confirmation": "fatima", "reason": "x", "erase": "1"})
    world.fatima.refresh_from_db()
    assert not is_erased(world.fatima)


@pytest.mark.parametrize(
    "data",
    [
        {"confirmation": "Fatima", "reason": "asked"},
        {"confirmation": "karim", "reason": "asked"},
        {"confirmation": "fatima", "reason": ""},
        {},
    ],
)
def test_a_post_without_the_right_confirmation_changes_nothing(client, world, data):
    client.force_login(world.staff)
    response = client.post(page(world), data)
    assert response.status_code == 400
    world.fatima.refresh_from_db()
    assert world.fatima.username == "fatima"
    assert not PersonalDataRequest.objects.filter(kind="erasure").exists()


def test_staff_erase_with_the_username_and_a_reason(client, world):
    client.force_login(world.staff)
    response = client.post(page(world), {"confirmation": "fatima", "reason": "request of 3 May"})
    assert response.status_code == 302
    world.fatima.refresh_from_db()
    assert is_erased(world.fatima)
    logged = PersonalDataRequest.objects.get(kind="erasure")
    assert logged.performed_by == world.staff and logged.pseudonym == world.fatima.username
    assert logged.note == "request of 3 May"
    assert "Fatima came late" not in client.get(page(world)).content.decode()


def test_the_user_list_offers_the_page_to_who_may_use_it(
    client, world, trainer, django_user_model
):
    from django.contrib.auth.models import Permission

    listing = reverse("wagtailusers_users:index")
    trainer.user_permissions.add(
        Permission.objects.get(codename="change_user", content_type__app_label="testapp")
    )
    client.force_login(django_user_model.objects.create_superuser("boss", "b@example.org", "x"))
    assert page(world) in client.get(listing).content.decode()
    client.force_login(trainer)
    trainer_view = client.get(listing)
    assert page(world) not in trainer_view.content.decode()


def test_members_read_and_download_their_own_data(client, world):
    url = reverse("capacity_lms:my_data")
    assert client.get(url).status_code == 302
    client.force_login(world.fatima)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Fatima came late" in html and "Karim" not in html
    assert "no-store" in response["Cache-Control"]
    assert_downloads_by_post_only(client, url, world.fatima)
    # A POST that asks for nothing does nothing.
    assert client.post(url).status_code == 400
    assert PersonalDataRequest.objects.filter(kind="export").count() == 1


def assert_downloads_by_post_only(client, url, by):
    """The page offers the JSON download as a POST form; a GET (even ``?format=json``, the
    old link) shows the page and writes nothing; the POST downloads and is recorded."""
    exports = PersonalDataRequest.objects.filter(kind="export", performed_by=by)
    html = client.get(url).content.decode()
    form = re.search(
        r'<form method="post"[^>]*>(?:(?!</form>).)*name="format" value="json"', html, re.S
    )
    assert form, "no POST form for the download"
    assert "csrfmiddlewaretoken" in form.group(0)
    assert 'href="?format=json"' not in html
    for query in ({"format": "json"}, {"format": "json", "download": "1"}):
        response = client.get(url, query)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/html")
    assert not exports.exists()
    download = client.post(url, {"format": "json"})
    assert download.status_code == 200
    assert json.loads(download.content)["account"]["username"] == "fatima"
    assert "attachment" in download["Content-Disposition"]
    assert "no-store" in download["Cache-Control"]
    assert exports.count() == 1


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_my_data_in_french_and_arabic(client, world, language):
    from django.utils import translation

    client.force_login(world.fatima)
    with translation.override(language):
        url = reverse("capacity_lms:my_data")
    response = client.get(url)
    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()
    if language == "ar":
        assert 'dir="rtl"' in response.content.decode()
