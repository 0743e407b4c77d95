"""The calls for projects as pages: the list (current and archive), a call's timeline, its
Casablanca dates shown in the reader's zone too, and rules that every translation takes from
the call in the default language."""

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale

from capacity_lms.calls.pages import CallPage, CommitteeMember
from capacity_lms.people.models import LearnerProfile
from sandbox.testing.call_factories import CallPageFactory
from sandbox.testing.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def text(response):
    assert response.status_code == 200
    return response.content.decode()


def days(number):
    return timezone.now().date() + datetime.timedelta(days=number)


def test_the_list_shows_current_calls_then_the_archive(calls, call):
    upcoming = CallPageFactory(
        parent=calls, title="Next year", slug="next", opens_on=days(30), closes_on=days(60)
    )
    decided = CallPageFactory(
        parent=calls,
        title="Last year",
        slug="last",
        opens_on=days(-400),
        closes_on=days(-330),
        stage="decided",
    )
    html = text(Client().get(calls.url))
    current, archive = html.split('id="archived-calls"')
    assert call.title in current and upcoming.title in current
    assert decided.title in archive and decided.title not in current
    assert 'data-call-stage="open"' in current and 'data-call-stage="upcoming"' in current


@pytest.mark.parametrize(
    ("opens", "closes", "stage", "expected"),
    [
        (5, 30, "", "upcoming"),
        (-5, 30, "", "open"),
        (-30, -5, "", "closed"),
        (-30, -5, "in_review", "in_review"),
        (-30, -5, "decided", "decided"),
    ],
)
def test_the_timeline_marks_where_the_call_stands(calls, opens, closes, stage, expected):
    page = CallPageFactory(parent=calls, opens_on=days(opens), closes_on=days(closes), stage=stage)
    html = text(Client().get(page.url))
    assert f'data-call-stage="{expected}"' in html
    assert html.count('aria-current="step"') == 1


def test_the_dates_are_casablanca_wall_times_and_the_readers_own(call):
    call.closes_on, call.closes_at = datetime.date(2027, 1, 15), datetime.time(16, 0)
    call.save_revision().publish()
    reader = UserFactory()
    LearnerProfile.objects.update_or_create(user=reader, defaults={"time_zone": "America/Toronto"})
    client = Client()
    client.force_login(reader)
    html = text(client.get(call.url))
    # 16:00 in Casablanca (UTC+1 in January) is 15:00 UTC, 10:00 in Toronto.
    assert '<time datetime="2027-01-15T16:00:00+01:00">' in html
    assert "Your time: Jan. 15, 2027, 10 a.m. <bdi>America/Toronto</bdi>" in html
    assert "America/Toronto" not in text(Client().get(call.url))


def test_a_translation_follows_the_rules_of_the_call_in_the_default_language(call):
    french = call.copy_for_translation(
        Locale.objects.get_or_create(language_code="fr")[0], copy_parents=True
    )
    french.title = "Programme de partenariat 2026"
    french.ceiling = Decimal("1")
    french.closes_on = days(-100)
    french.save_revision().publish()
    french = CallPage.objects.get(pk=french.pk)
    assert french.canonical().pk == call.pk
    assert french.closes == call.closes and french.is_open()
    html = text(Client().get(french.url))
    assert 'data-call-stage="open"' in html and "300" in html


def test_the_committee_is_shown_by_department_never_by_name(calls):
    reviewer = UserFactory(username="reviewer-hidden", first_name="Hidden", last_name="Person")
    page = CallPageFactory(
        parent=calls,
        committee=[CommitteeMember(user=reviewer, department="Cooperation", is_chair=True)],
    )
    html = text(Client().get(page.url))
    assert "Cooperation" in html
    assert "reviewer-hidden" not in html and "Hidden" not in html


def test_a_call_page_only_reads(call):
    assert Client().post(call.url).status_code == 405
