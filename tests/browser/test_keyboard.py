"""Issue 10: the core flows with the keyboard alone, with JavaScript and without it.

A learner enrols in a module, completes a lesson and goes on to the next, answers a quiz (and is
told which question is unanswered); a member registers for a workshop, cancels, joins a full
workshop's waiting list, and checks in by typing the six digits on the trainer's screen. Every
flow is driven by Tab, the arrow keys, typing, Space and Enter only (never a click or a fill),
and each runs with JavaScript on and off: the pages are plain links and forms. Every element
that takes the focus on the way must show it, in a colour that stands out from what is under
its ring. The registration and the check-in also run in Arabic (right to
left). Each flow ends with a look at the database, not only at the page.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.journeys import (
    build_attendance_world,
    build_workshops_world,
    fresh_world,
)

JAVASCRIPT = pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
LANGUAGES = pytest.mark.parametrize("lang", ["en", "ar"])

# What the focused element is, whether it is the target, and whether it shows that it has the
# focus: an outline that is drawn (style not none, width above zero) in a colour that stands
# out at 3:1 from what lies under it (WCAG's contrast for non-text marks), or a box shadow.
# What lies under the outline is found just above the element (below it at the top of the
# viewport), so a link over the green header is measured against the green. None when the
# document itself has the focus.
FOCUS = """(target) => {
    const element = document.activeElement;
    if (!element || element === document.body || element === document.documentElement) {
        return null;
    }
    const style = getComputedStyle(element);
    const text = (element.innerText || element.value || element.getAttribute("aria-label") || "")
        .trim().replace(/\\s+/g, " ").slice(0, 40);
    const name = element.tagName.toLowerCase()
        + (element.id ? `#${element.id}` : "")
        + (element.getAttribute("type") ? `[type=${element.getAttribute("type")}]` : "")
        + (element.className && typeof element.className === "string"
            ? `.${element.className.trim().split(/\\s+/).join(".")}` : "")
        + (text ? ` "${text}"` : "");

    const rgba = (value) => {
        const parts = (value.match(/[\\d.]+/g) || []).map(Number);
        return parts.length < 3 ? null : [...parts.slice(0, 3), parts.length > 3 ? parts[3] : 1];
    };
    const luminance = (colour) => {
        const [r, g, b] = colour.slice(0, 3).map((value) => {
            const channel = value / 255;
            return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const under = () => {
        const box = element.getBoundingClientRect();
        const reach = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth) / 2;
        const y = box.top - reach >= 0 ? box.top - reach : box.bottom + reach;
        for (const other of document.elementsFromPoint(box.left + box.width / 2, y)) {
            if (element.contains(other)) continue;
            const colour = rgba(getComputedStyle(other).backgroundColor);
            if (colour && colour[3] > 0) return colour;
        }
        return [255, 255, 255, 1];
    };

    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== "none" && style.boxShadow !== "";
    let contrast = null;
    if (outline) {
        const [lighter, darker] = [luminance(rgba(style.outlineColor)), luminance(under())]
            .sort((a, b) => b - a);
        contrast = (lighter + 0.05) / (darker + 0.05);
    }
    return {
        reached: element === target,
        name,
        visible: (outline && contrast >= 3) || shadow,
        style: `outline: ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`
            + (contrast === null ? "" : ` (contrast ${contrast.toFixed(2)}:1)`)
            + `; box-shadow: ${style.boxShadow}`,
    };
}"""


def assert_shows_focus(focus):
    if not focus["visible"]:
        raise AssertionError(f"{focus['name']} shows no focus indicator ({focus['style']})")


def tab_to(page, target, limit=80):
    """Press Tab until ``target`` has the focus, checking that each element on the way shows
    its focus; fail with the elements passed through when ``target`` is never reached."""
    expect(target).to_have_count(1)
    passed = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = target.evaluate(FOCUS)
        if focus is None:
            passed.append("(the document)")
            continue
        passed.append(focus["name"])
        assert_shows_focus(focus)
        if focus["reached"]:
            return
    raise AssertionError(
        f"{limit} presses of Tab never reached {target} on {page.url}; focus went through:\n"
        + "\n".join(passed)
    )


def open_page(new_context, javascript, **kwargs):
    """A page in a fresh context, with or without JavaScript."""
    return new_context(java_script_enabled=javascript, **kwargs).new_page()


def keyboard_sign_in(page, language, username, next_path):
    """The sandbox's sign-in form, by keyboard, straight on to ``next_path``."""
    from sandbox.testing.factories import DEMO_PASSWORD

    page.goto(f"/{language}/accounts/login/?next={next_path}")
    tab_to(page, page.locator("#id_username"))
    page.keyboard.type(username)
    tab_to(page, page.locator("#id_password"))
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(next_path) + "$"))


def press_button(page, button):
    """Tab to ``button`` and press Enter on it."""
    tab_to(page, button)
    page.keyboard.press("Enter")


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Each test starts with no request counted (the same accounts sign in test after test)."""
    from django.core.cache import cache

    cache.clear()


# -- Learning: enrol, a lesson, a quiz -----------------------------------------------------------


def build_course_world():
    """A module of two lessons, the second ending in a required quiz (one question with one
    answer, one with several); a learner not yet enrolled."""
    from capacity_lms.taxonomy.loading import load_standard_taxonomy
    from sandbox.testing.factories import CatalogueIndexPageFactory, UserFactory
    from sandbox.testing.world import ensure_wagtail_site
    from tests.integration.courses.conftest import make_course

    load_standard_taxonomy()
    catalogue = CatalogueIndexPageFactory(parent=ensure_wagtail_site().root_page)
    course = make_course(catalogue, title="Project engineering foundations")
    first, second = course.get_children().specific().order_by("path")
    learner = UserFactory(username="learner-karim", first_name="Karim", last_name="Haddad")
    return {"course": course, "lessons": [first, second], "learner": learner}


@pytest.fixture
def course_world(pytestconfig, live_server, transactional_db):
    return fresh_world(pytestconfig, build_course_world)


def enrol(world, lessons_done=0):
    from courses.actions import CompleteLessonAction, EnrolAction

    EnrolAction(world["course"], user=world["learner"]).execute()
    for lesson in world["lessons"][:lessons_done]:
        CompleteLessonAction(lesson, user=world["learner"]).execute()


@JAVASCRIPT
def test_keyboard_enrols_in_a_module(new_context, course_world, javascript):
    from courses.models import Enrolment

    course, learner = course_world["course"], course_world["learner"]
    page = open_page(new_context, javascript)
    keyboard_sign_in(page, "en", learner.username, course.url)
    press_button(page, page.locator("form:has(input[name=action][value=enrol]) button"))
    expect(page.locator(".cl-enrolment .cl-status--progress")).to_be_visible()
    assert Enrolment.objects.filter(user=learner, course=course).count() == 1


@JAVASCRIPT
def test_keyboard_completes_a_lesson_and_goes_on_to_the_next(
    new_context, course_world, javascript
):
    from courses.models import LessonCompletion

    course, learner = course_world["course"], course_world["learner"]
    first, second = course_world["lessons"]
    enrol(course_world)
    page = open_page(new_context, javascript)
    keyboard_sign_in(page, "en", learner.username, course.url)
    press_button(page, page.locator(f".cl-enrolment a[href='{first.url}']"))
    expect(page).to_have_url(re.compile(re.escape(first.url) + "$"))
    press_button(page, page.locator("form:has(input[name=action][value=complete]) button"))
    # Completing a lesson goes on to the next one to do.
    expect(page).to_have_url(re.compile(re.escape(second.url) + "$"))
    expect(page.locator(f".cl-outline__item.is-complete > a[href='{first.url}']")).to_have_count(1)
    completed = LessonCompletion.objects.filter(user=learner).values_list("lesson", flat=True)
    assert list(completed) == [first.pk]


@JAVASCRIPT
def test_keyboard_answers_a_quiz_and_is_told_what_is_missing(
    new_context, course_world, javascript
):
    from courses.models import LessonCompletion, QuizAttempt

    learner, (_first, second) = course_world["learner"], course_world["lessons"]
    enrol(course_world, lessons_done=1)
    page = open_page(new_context, javascript)
    keyboard_sign_in(page, "en", learner.username, second.url)
    questions = page.locator("form.cl-quiz__form fieldset.cl-question")
    submit = page.locator("form.cl-quiz__form button[type=submit]")

    # Question 1 (one answer, the first): Tab into the group, Space; the arrows move the choice
    # within the group and back. Question 2 is left unanswered.
    first_answer, second_answer = questions.nth(0).locator("input[type=radio]").all()
    tab_to(page, first_answer)
    page.keyboard.press("Space")
    expect(first_answer).to_be_checked()
    page.keyboard.press("ArrowDown")
    expect(second_answer).to_be_checked()
    focus = second_answer.evaluate(FOCUS)
    assert focus and focus["reached"], focus
    assert_shows_focus(focus)
    page.keyboard.press("ArrowUp")
    expect(first_answer).to_be_checked()
    press_button(page, submit)
    errors = page.locator(".cl-quiz .cl-message--error[role=alert]")
    expect(errors).to_contain_text("2")
    assert not QuizAttempt.objects.filter(user=learner).exists()

    # The first answer is kept; question 2 has two right answers out of three.
    expect(questions.nth(0).locator("input").nth(0)).to_be_checked()
    for position in (0, 1):
        tab_to(page, questions.nth(1).locator("input[type=checkbox]").nth(position))
        page.keyboard.press("Space")
    press_button(page, submit)
    expect(page.locator(".cl-quiz .cl-status--completed[role=status]")).to_be_visible()
    expect(errors).to_have_count(0)
    attempt = QuizAttempt.objects.get(user=learner)
    assert attempt.passed and attempt.score == 100
    assert LessonCompletion.objects.filter(user=learner, lesson=second).exists()


# -- Workshops: register, cancel, the waiting list; check in -------------------------------------


@pytest.fixture
def workshops_world(pytestconfig, live_server, transactional_db):
    return fresh_world(pytestconfig, build_workshops_world)


@pytest.fixture
def attendance_world(pytestconfig, live_server, transactional_db):
    return fresh_world(pytestconfig, build_attendance_world)


def localized(workshop, language):
    from django.utils import translation

    with translation.override(language):
        return workshop.get_absolute_url()


def registration_status(workshop, user):
    from capacity_lms.workshops.models import Registration

    return Registration.objects.get(workshop=workshop, user=user).status


@JAVASCRIPT
@LANGUAGES
def test_keyboard_registers_cancels_and_joins_a_waiting_list(
    new_context, workshops_world, javascript, lang
):
    online, full, member = (
        workshops_world["online"],
        workshops_world["full"],
        workshops_world["member"],
    )
    page = open_page(new_context, javascript)
    keyboard_sign_in(page, lang, member.username, localized(online, lang))
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if lang == "ar" else "ltr")
    registration = page.locator(".cl-registration")

    press_button(page, registration.locator(f"form[action$='{online.slug}/register/'] button"))
    expect(registration.locator(".cl-status--completed")).to_be_visible()
    assert registration_status(online, member) == "confirmed"

    press_button(page, registration.locator(f"form[action$='{online.slug}/cancel/'] button"))
    expect(registration.locator(f"form[action$='{online.slug}/register/']")).to_be_visible()
    assert registration_status(online, member) == "cancelled"

    # One seat, taken, and one person waiting: the member is second in line.
    page.goto(localized(full, lang))
    press_button(page, registration.locator(f"form[action$='{full.slug}/register/'] button"))
    expect(registration.locator(".cl-status--progress")).to_contain_text("2")
    assert registration_status(full, member) == "waiting"


@JAVASCRIPT
@LANGUAGES
def test_keyboard_checks_in_with_the_six_digit_code(
    new_context, attendance_world, javascript, lang
):
    from capacity_lms.attendance.checkin import current_short_code
    from capacity_lms.attendance.models import AttendanceRecord

    session, salma = attendance_world["session"], attendance_world["members"][0]
    page = open_page(new_context, javascript)
    keyboard_sign_in(page, lang, salma.username, f"/{lang}/learning/check-in/")
    tab_to(page, page.locator("#check-in-code"))
    page.keyboard.type(current_short_code(session, session.date))
    page.keyboard.press("Enter")
    expect(page.locator("[data-outcome=marked]")).to_be_visible()
    record = AttendanceRecord.objects.select_related("status").get(session=session, user=salma)
    assert (record.status.code, record.method) == ("present", AttendanceRecord.Method.CHECK_IN)


# -- The skip link ------------------------------------------------------------------------------


@JAVASCRIPT
@LANGUAGES
def test_first_tab_reaches_the_skip_link_and_enter_moves_to_main(
    new_context, workshops_world, javascript, lang
):
    page = open_page(new_context, javascript)
    page.goto(f"/{lang}/learning/workshops/")
    skip = page.locator("a.cl-skip-link")
    tab_to(page, skip, limit=1)
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    # The next Tab goes on from the main content, not back to the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")
