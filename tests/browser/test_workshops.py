"""Issue 4's workshop pages in a real browser, on a small world of their own.

A member finds a workshop by country and format, registers, sees the online link only then,
cancels and joins a full workshop's waiting list, in Arabic (right to left) and in French; a
visitor on a phone sees the times in the session's zone and in the browser's; the member makes,
renews and turns off their personal calendar address. axe checks every page on the way.

The world is built with the factories before the browser starts (never the demo data, which
changes with the sandbox): the test thread does not touch the database while pages load.
Checks go by structure (classes, URLs, times, zone names), not by English wording, so that
they keep passing when the workshop strings are translated.
"""

import re
import zoneinfo

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import assert_accessible
from tests.browser.journeys import (
    ONLINE_URL,
    TORONTO,
    build_workshops_world,
    fresh_world,
    sign_in,
)


@pytest.fixture
def world(pytestconfig, live_server, transactional_db):
    """The migrated database (whatever the previous test left) with the workshops world."""
    return fresh_world(pytestconfig, build_workshops_world)


def wall_time(session, zone_name):
    """The session's first start as HH:MM in ``zone_name``."""
    return f"{session.starts_at.astimezone(zoneinfo.ZoneInfo(zone_name)):%H:%M}"


def url(workshop, language):
    """The workshop's page in ``language``."""
    from django.utils import translation

    with translation.override(language):
        return workshop.get_absolute_url()


def filter_workshops(page, country, workshop_format):
    page.locator("#id_country").select_option(country)
    page.locator("#id_format").select_option(workshop_format)
    page.locator("form.cl-filters button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"country={country}&format={workshop_format}"))


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("fr", "ltr")])
def test_member_finds_registers_cancels_and_waits_for_a_full_workshop(
    page, world, language, direction
):
    online, casablanca, full = world["online"], world["casablanca"], world["full"]
    online_session = online.sessions.get()
    workshops = f"/{language}/learning/workshops/"
    sign_in(page, language, world["member"].username, workshops)
    html = page.locator("html")
    expect(html).to_have_attribute("lang", language)
    expect(html).to_have_attribute("dir", direction)
    cards = page.locator(".cl-workshop-card")
    expect(cards).to_have_count(3)
    assert_accessible(page)

    # Filters are plain GET parameters: Morocco in person, then France online.
    filter_workshops(page, "ma", "in_person")
    expect(cards).to_have_count(1)
    expect(cards.locator(f"a[href='{url(casablanca, language)}']")).to_have_count(1)
    filter_workshops(page, "fr", "online")
    expect(cards).to_have_count(1)
    cards.locator(f"a[href='{url(online, language)}']").click()

    # Before registering: times in Paris and in the member's own zone, no online link.
    expect(page).to_have_url(re.compile(re.escape(url(online, language)) + "$"))
    expect(html).to_have_attribute("dir", direction)
    # The title is in the workshop's language; the page around it stays in the reader's.
    expect(page.locator(".cl-workshop h1")).to_have_attribute("lang", "fr")
    assert page.locator("#sessions-heading").evaluate("e => e.closest('[lang]').lang") == language
    times = page.locator(".cl-sessions .cl-time")
    expect(times.locator(".cl-zone")).to_have_text("Europe/Paris")
    expect(times).to_contain_text(wall_time(online_session, "Europe/Paris"))
    yours = times.locator(".cl-time__yours")
    expect(yours).to_contain_text(TORONTO)
    expect(yours).to_contain_text(wall_time(online_session, TORONTO))
    online_link = page.locator(f"a[href='{ONLINE_URL}']")
    expect(online_link).to_have_count(0)
    assert ONLINE_URL not in page.content()
    assert_accessible(page)

    # Register: the confirmation, the "registered" status and now the link.
    page.locator(f"form[action$='{online.slug}/register/'] button").click()
    expect(page.locator(".cl-message--success")).to_be_visible()
    expect(page.locator(".cl-registration .cl-status--completed")).to_be_visible()
    expect(online_link).to_be_visible()
    expect(page.locator(".cl-facts")).to_contain_text("4321")
    assert_accessible(page)
    page.screenshot(path=f"tests/artifacts/workshop-{language}.png", full_page=True)

    # Cancel: the link goes away and the register button comes back.
    page.locator(f"form[action$='{online.slug}/cancel/'] button").click()
    expect(page.locator(".cl-message--success")).to_be_visible()
    expect(page.locator(".cl-registration .cl-status--completed")).to_have_count(0)
    expect(online_link).to_have_count(0)
    expect(page.locator(f"form[action$='{online.slug}/register/'] button")).to_be_visible()

    # The full workshop: one seat taken, one person already waiting, so the member is second.
    page.goto(url(full, language))
    expect(html).to_have_attribute("lang", language)
    page.locator(f"form[action$='{full.slug}/register/'] button").click()
    expect(page.locator(".cl-message--success")).to_be_visible()
    waiting = page.locator(".cl-registration .cl-status--progress")
    expect(waiting).to_contain_text("2")
    expect(page.locator(f"form[action$='{full.slug}/cancel/'] button")).to_be_visible()
    assert_accessible(page)

    # My workshops: the waiting place, not the cancelled registration.
    page.goto(f"/{language}/learning/calendar/")
    expect(html).to_have_attribute("dir", direction)
    mine = page.locator("main .cl-cards > .cl-card")
    expect(mine).to_have_count(1)
    expect(mine.locator(f"a[href$='/workshops/{full.slug}/']")).to_have_count(1)
    assert_accessible(page)


@pytest.mark.browser_context_args(
    viewport={"width": 390, "height": 844},
    is_mobile=True,
    has_touch=True,
    timezone_id=TORONTO,
    locale="fr-FR",
)
def test_visitor_on_a_phone_sees_times_in_both_zones_and_no_online_link(page, world):
    online = world["online"]
    session = online.sessions.get()
    page.goto(url(online, "fr"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")

    time = page.locator(".cl-sessions .cl-time").first
    expect(time.locator(".cl-zone")).to_have_text("Europe/Paris")
    expect(time.locator("time").first).to_contain_text(wall_time(session, "Europe/Paris"))
    # Filled in by local_times.js from the browser's own zone.
    browser_time = time.locator(".cl-time__yours")
    expect(browser_time).to_be_visible()
    expect(browser_time).to_contain_text(f"({TORONTO})")
    expect(browser_time).to_contain_text(wall_time(session, TORONTO))

    expect(page.locator(f"a[href='{ONLINE_URL}']")).to_have_count(0)
    assert ONLINE_URL not in page.content()
    expect(page.locator(f"form[action$='{online.slug}/register/']")).to_have_count(0)
    sign_in_link = page.locator(".cl-registration a.cl-button")
    expect(sign_in_link).to_be_visible()
    expect(sign_in_link).to_have_attribute("href", re.compile(r"next=.*budget-online"))

    # Nothing wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)


def test_member_creates_renews_and_turns_off_the_calendar_address(page, world, live_server):
    from sandbox.testing.factories import RegistrationFactory

    casablanca = world["casablanca"]
    RegistrationFactory(workshop=casablanca, user=world["member"], status="confirmed")
    calendar_page = "/fr/learning/calendar/"
    sign_in(page, "fr", world["member"].username, calendar_page)
    expect(page.locator("main .cl-cards > .cl-card")).to_have_count(1)

    page.locator("button[name=action][value=create]").click()
    expect(page.locator(".cl-message--success")).to_be_visible()
    address = page.locator("#feed-url")
    first = address.input_value()
    assert first.startswith(live_server.url) and first.endswith(".ics"), first
    assert_accessible(page)

    feed = page.request.get(first)
    assert feed.status == 200
    assert feed.headers["content-type"].startswith("text/calendar")
    body = feed.text()
    assert "BEGIN:VCALENDAR" in body
    assert f"SUMMARY:{casablanca.title}" in body
    assert "TZID=Africa/Casablanca" in body and "RRULE:FREQ=WEEKLY;COUNT=4" in body

    page.locator("button[name=action][value=renew]").click()
    expect(address).not_to_have_value(first)
    second = address.input_value()
    assert second.endswith(".ics")
    assert page.request.get(first).status == 404
    assert page.request.get(second).status == 200

    page.locator("button[name=action][value=revoke]").click()
    expect(address).to_have_count(0)
    expect(page.locator("button[name=action][value=create]")).to_be_visible()
    assert page.request.get(second).status == 404
