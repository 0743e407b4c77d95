"""Issue 3's journey in a real browser: the demo learner finds a module by filter and by
search, enrols, completes the lessons, passes the quiz and sees 100% and the completion date
on My learning, in Arabic (right to left) and in French. axe checks every page on the way.
"""

import re

import pytest
from playwright.sync_api import expect

from sandbox.home.demo_content import load_modules
from tests.browser.accessibility import assert_accessible


def correct_positions(course_slug, lesson_slug):
    """For each question of the lesson's quiz, the positions of its correct answers.

    Read from the demo content itself, as a learner who knows the material would answer.
    """
    module = next(module for module in load_modules() if module["slug"] == course_slug)
    lesson = next(lesson for lesson in module["lessons"] if lesson["slug"] == lesson_slug)
    return [
        [position for position, option in enumerate(question["options"]) if option["correct"]]
        for question in lesson["quiz"]["questions"]
    ]


def enrol_and_complete(page, course_url, course_slug):
    """On the course page: enrol, then work through every lesson to the end."""
    page.goto(course_url)
    page.locator("form:has(input[name=action][value=enrol]) button").click()
    expect(page.locator(".cl-status--progress")).to_be_visible()
    assert_accessible(page)
    page.locator(".cl-enrolment a.cl-button").click()  # start the first lesson
    for _ in range(12):
        here = re.sub(r"^https?://[^/]+", "", page.url).split("#")[0]
        if here == course_url:
            break  # the last lesson sends the learner back to the course
        assert_accessible(page)
        lesson_slug = here.rstrip("/").rsplit("/", 1)[-1]
        submit = page.locator("form.cl-quiz__form button[type=submit]")
        complete = page.locator("form:has(input[name=action][value=complete]) button")
        following = page.locator(".cl-lesson-nav a[rel=next]")
        if submit.count():
            questions = page.locator("form.cl-quiz__form fieldset.cl-question")
            for number, positions in enumerate(correct_positions(course_slug, lesson_slug)):
                for position in positions:
                    questions.nth(number).locator("input").nth(position).check()
            submit.click()
            expect(page.locator(".cl-quiz .cl-status--completed")).to_be_visible()
            assert_accessible(page)
            if not following.count():
                break
            following.click()
        elif complete.count():
            complete.click()  # goes on to the next lesson to do
        else:
            raise AssertionError(f"nothing left to do at {page.url}")
    page.goto(course_url)
    expect(page.locator(".cl-enrolment .cl-status--completed")).to_be_visible()


@pytest.mark.parametrize(
    ("language", "direction", "axis", "search", "course_slug"),
    [
        ("ar", "rtl", "project-engineering", "الاحتياجات", "project-engineering-foundations"),
        ("fr", "ltr", "women-conditions", "Golfe", "women-living-abroad-gulf"),
    ],
)
def test_learner_finds_enrols_completes_and_sees_100_percent(
    page, login_as, language, direction, axis, search, course_slug
):
    login_as(page, "learner")
    catalogue = f"/{language}/modules/"

    # By filter: the axis select, then the button (no JavaScript needed).
    page.goto(catalogue + "?q=")
    expect(page.locator("html")).to_have_attribute("dir", direction)
    expect(page.locator("html")).to_have_attribute("lang", language)
    page.locator("#id_axis").select_option(axis)
    page.locator("form.cl-filters button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"axis={axis}"))
    cards = page.locator(".cl-course-card")
    expect(cards.locator(f"a[href$='/{course_slug}/']")).to_have_count(1)
    assert_accessible(page)

    # By search.
    page.goto(catalogue + "?q=")
    page.locator("#id_q").fill(search)
    page.locator("form.cl-filters button[type=submit]").click()
    link = page.locator(f".cl-course-card a[href$='/{course_slug}/']")
    expect(link).to_have_count(1)
    link.click()

    course_url = re.sub(r"^https?://[^/]+", "", page.url)
    enrol_and_complete(page, course_url, course_slug)

    page.goto(f"/{language}/learning/my-learning/")
    expect(page.locator("html")).to_have_attribute("dir", direction)
    card = page.locator(".cl-card", has=page.locator(f"a[href='{course_url}']"))
    expect(card).to_contain_text("100%")
    expect(card.locator(".cl-status--completed")).to_be_visible()
    assert_accessible(page)
    page.screenshot(path=f"tests/artifacts/my-learning-{language}.png", full_page=True)
