"""Issue 5's attendance pages in a real browser, on a small world of their own.

A trainer on a phone opens their meetings, marks the roster and shows the check-in screen; a
member types the six-digit code and is told they are present; another checks in from the
QR code's link; the same in Arabic, right to left. axe checks the roster, the check-in screen
and the check-in page on the way.

The world is built with the factories before the browser starts; checks go by structure
(data attributes, classes, URLs), not by English wording, except the one English "present".
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import assert_accessible
from tests.browser.journeys import build_attendance_world, fresh_world, sign_in

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def world(pytestconfig, live_server, transactional_db):
    return fresh_world(pytestconfig, build_attendance_world)


def status_pk(code):
    from capacity_lms.attendance.models import AttendanceStatus

    return AttendanceStatus.objects.get(code=code).pk


def record_codes(session):
    """``{username or walk-in name: status code}`` of the meeting's records."""
    from capacity_lms.attendance.models import AttendanceRecord

    return {
        (record.user.username if record.user else record.walk_in.name): record.status.code
        for record in AttendanceRecord.objects.filter(session=session).select_related(
            "user", "walk_in", "status"
        )
    }


@pytest.mark.browser_context_args(viewport=PHONE, is_mobile=True, has_touch=True)
def test_trainer_on_a_phone_marks_the_roster_and_shows_the_check_in_code(page, world):
    session, (salma, omar, hind) = world["session"], world["members"]
    present, late = status_pk("present"), status_pk("late")
    sign_in(page, "en", "trainer-amina", "/en/learning/attendance/")
    meeting = page.locator(".cl-meetings .cl-card--now")
    expect(meeting).to_have_count(1)
    meeting.locator(f"a[href$='/{session.date.isoformat()}/']").click()

    roster = page.locator("form.cl-roster")
    expect(roster.locator("fieldset")).to_have_count(3)
    assert_accessible(page)
    roster.locator(f"fieldset[data-row='u{salma.pk}'] input[value='{present}']").check()
    roster.locator(f"fieldset[data-row='u{omar.pk}'] input[value='{late}']").check()
    roster.locator("button[value=save]").click()
    expect(page.locator(".cl-message--success")).to_be_visible()
    expect(roster.locator(".cl-roster__person--unmarked")).to_have_count(1)

    # A walk-in comes in; then everyone not marked yet is present.
    page.locator("#walk-in-name").fill("Rachid Walk-in")
    page.locator("button[value=add_walk_in]").click()
    expect(roster.locator("fieldset")).to_have_count(4)
    roster.locator("button[value=all_present]").click()
    expect(roster.locator(".cl-roster__person--unmarked")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert record_codes(session) == {
        salma.username: "present",
        omar.username: "late",
        hind.username: "present",
        "Rachid Walk-in": "present",
    }
    page.screenshot(path="tests/artifacts/attendance-roster-phone.png", full_page=True)

    # The check-in screen: the QR code, six digits, the count.
    page.locator("main a[href$='/check-in-code/']").first.click()
    expect(page.locator(".cl-qr svg")).to_be_visible()
    expect(page.locator("[data-short-code]")).to_have_text(re.compile(r"^\d{6}$"))
    expect(page.locator("[data-present-count]")).to_have_text("4")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(page)


def test_member_types_the_code_and_is_marked_present(page, world):
    from capacity_lms.attendance.checkin import current_short_code

    session, salma = world["session"], world["members"][0]
    sign_in(page, "en", salma.username, "/en/learning/check-in/")
    assert_accessible(page)
    page.locator("#check-in-code").fill(current_short_code(session, session.date))
    page.locator("form.cl-check-in__code button").click()
    outcome = page.locator("[data-outcome=marked]")
    expect(outcome).to_contain_text("present")
    assert_accessible(page)
    assert record_codes(session) == {salma.username: "present"}


@pytest.mark.browser_context_args(viewport=PHONE, is_mobile=True, has_touch=True)
def test_in_arabic_the_trainer_marks_and_a_member_checks_in_from_the_qr_link(page, world, browser):
    from django.urls import reverse
    from django.utils import translation

    from capacity_lms.attendance.checkin import make_token

    session, (salma, omar, _hind) = world["session"], world["members"]
    roster_path = f"/ar/learning/attendance/{session.pk}/{session.date.isoformat()}/"
    sign_in(page, "ar", "trainer-amina", roster_path)
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    roster = page.locator("form.cl-roster")
    roster.locator(
        f"fieldset[data-row='u{salma.pk}'] input[value='{status_pk('present')}']"
    ).check()
    roster.locator("button[value=save]").click()
    expect(roster.locator(".cl-roster__person--unmarked")).to_have_count(2)
    assert_accessible(page)
    page.goto(roster_path + "check-in-code/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("[data-present-count]")).to_have_text("1")

    # Omar opens the link the QR code holds: the meeting, a button; GET wrote nothing.
    with translation.override("ar"):
        link = reverse(
            "capacity_lms:check_in_token", kwargs={"token": make_token(session, session.date)}
        )
    member = browser.new_context(base_url=page.url.split("/ar/")[0], viewport=PHONE)
    member_page = member.new_page()
    sign_in(member_page, "ar", omar.username, link)
    expect(member_page.locator("html")).to_have_attribute("dir", "rtl")
    assert_accessible(member_page)
    assert omar.username not in record_codes(session)
    member_page.locator(".cl-check-in__button").click()
    expect(member_page.locator("[data-outcome=marked]")).to_be_visible()
    assert_accessible(member_page)
    member.close()
    assert record_codes(session) == {salma.username: "present", omar.username: "present"}

    # The trainer's screen counts him on its next redraw.
    page.reload()
    expect(page.locator("[data-present-count]")).to_have_text("2")
    assert_accessible(page)
