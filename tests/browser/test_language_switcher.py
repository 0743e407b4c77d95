"""The language switcher: by mouse and by keyboard, landing on the same page translated."""

import re

from django.utils.translation import get_language_info
from playwright.sync_api import expect


def language_button(page, language):
    return page.get_by_role("button", name=get_language_info(language)["name_local"], exact=True)


def expect_page(page, path, language, direction):
    expect(page).to_have_url(re.compile(rf"{re.escape(path)}$"))
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("html")).to_have_attribute("dir", direction)


def test_switching_language_by_clicking_keeps_the_page(page, demo_site):
    page.goto("/en/learning/")
    expect(language_button(page, "en")).to_have_attribute("aria-current", "true")

    language_button(page, "ar").click()
    expect_page(page, "/ar/learning/", "ar", "rtl")
    expect(page.get_by_text("هندسة المشاريع", exact=True)).to_be_visible()
    expect(language_button(page, "ar")).to_have_attribute("aria-current", "true")

    language_button(page, "fr").click()
    expect_page(page, "/fr/learning/", "fr", "ltr")
    expect(page.get_by_text("Ingénierie de projet", exact=True)).to_be_visible()


def tab_to(page, target, max_presses=15):
    """Press Tab until ``target`` has the focus; fail if it never does."""
    for _ in range(max_presses):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{target} was not reached with {max_presses} presses of Tab")


def test_language_buttons_work_from_the_keyboard(page, demo_site):
    page.goto("/en/learning/")

    arabic = language_button(page, "ar")
    tab_to(page, arabic)
    expect(arabic).to_be_focused()
    # A keyboard user must see where the focus is.
    outline = arabic.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none", "the focused language button shows no focus outline"
    page.keyboard.press("Enter")
    expect_page(page, "/ar/learning/", "ar", "rtl")

    french = language_button(page, "fr")
    tab_to(page, french)
    page.keyboard.press("Enter")
    expect_page(page, "/fr/learning/", "fr", "ltr")
