"""Rate limits on check-in, workshop registration, certificate verification and case-study
submission (capacity_lms/ratelimit.py), counted in the cache per account (per address when
signed out). Past the limit: 429 with Retry-After, and nothing changes."""

import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from capacity_lms.conf import DEFAULTS
from capacity_lms.core import ratelimit
from capacity_lms.workshops.models import Registration
from sandbox.testing.factories import RegistrationFactory, UserFactory
from tests.integration.security.test_access_matrix import fingerprint

pytestmark = pytest.mark.django_db

README = Path(__file__).resolve().parents[3] / "README.md"


@pytest.fixture(autouse=True)
def still_time(monkeypatch):
    """One fixed moment: every request falls in the same window."""
    cache.clear()
    monkeypatch.setattr(ratelimit, "clock", lambda: 1_800_000_000.0)
    yield
    cache.clear()


def signed_in(user, address="203.0.113.7"):
    client = Client(REMOTE_ADDR=address)
    client.force_login(user)
    return client


def test_check_in_past_the_limit_answers_429_and_changes_nothing(world, settings):
    settings.CAPACITY_LMS_RATE_LIMITS = {"check_in": "3/60"}
    url = reverse("capacity_lms:check_in_token", args=[world.check_in_token])
    learner = signed_in(world.people["learner"])
    assert [learner.post(url).status_code for _ in range(3)] == [200, 200, 200]
    before = fingerprint()
    over = learner.post(url)
    assert over.status_code == 429
    assert 1 <= int(over["Retry-After"]) <= 61
    assert "no-store" in over["Cache-Control"]
    assert "not carried out" in over.content.decode()
    assert fingerprint() == before
    # The limit is the learner's: someone else checking in from the same address goes on.
    assert signed_in(world.people["other_learner"]).post(url).status_code == 200


def test_a_venue_on_one_address_checks_everyone_in(world, settings):
    """Thirty people behind one Wi-Fi address each check in: limits count accounts."""
    settings.CAPACITY_LMS_RATE_LIMITS = {"check_in": "3/60"}
    url = reverse("capacity_lms:check_in_token", args=[world.check_in_token])
    people = [UserFactory() for _ in range(30)]
    for person in people:
        RegistrationFactory(workshop=world.workshop, user=person, status="confirmed")
    statuses = {signed_in(person, "198.51.100.1").post(url).status_code for person in people}
    assert statuses == {200}


def test_registration_past_the_limit_answers_429_and_changes_nothing(world, settings):
    settings.CAPACITY_LMS_RATE_LIMITS = {"workshop_registration": "2/600"}
    person = UserFactory()
    client = signed_in(person)
    register = reverse("capacity_lms:workshop_register", args=[world.other_workshop.slug])
    cancel = reverse("capacity_lms:workshop_cancel", args=[world.other_workshop.slug])
    assert client.post(register).status_code == 302
    assert client.post(cancel).status_code == 302
    before = fingerprint()
    over = client.post(register)
    assert over.status_code == 429
    assert over["Retry-After"]
    assert fingerprint() == before
    assert not Registration.objects.filter(user=person, status="confirmed").exists()


def test_signed_out_requests_count_by_address(world, settings):
    settings.CAPACITY_LMS_RATE_LIMITS = {"certificate_verify": "2/60"}
    url = reverse("capacity_lms:certificate_verify", args=[world.certificate.code])
    first = Client(REMOTE_ADDR="192.0.2.1")
    assert [first.get(url).status_code for _ in range(3)] == [200, 200, 429]
    assert Client(REMOTE_ADDR="192.0.2.2").get(url).status_code == 200


def test_a_scope_set_to_none_is_not_limited(world, settings):
    settings.CAPACITY_LMS_RATE_LIMITS = {"check_in": None}
    url = reverse("capacity_lms:check_in_token", args=[world.check_in_token])
    learner = signed_in(world.people["learner"])
    assert {learner.post(url).status_code for _ in range(40)} == {200}


def test_every_limit_is_documented_in_the_readme():
    text = README.read_text()
    for scope, value in DEFAULTS["RATE_LIMITS"].items():
        assert re.search(rf"`{scope}`[^\n]*`{value}`", text), f"README lacks {scope} = {value}"
