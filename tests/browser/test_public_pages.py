"""The public pages in the three languages: language, direction, content and accessibility."""

import re

import pytest
from playwright.sync_api import expect

from capacity_lms.taxonomy.standard import STRATEGIC_AXES
from sandbox.home.demo import HOME_TITLES
from tests.browser.accessibility import assert_accessible

DIRECTIONS = {"en": "ltr", "fr": "ltr", "ar": "rtl"}
AXIS_NAMES = {
    "en": [english for _code, english, _french, _arabic in STRATEGIC_AXES],
    "fr": [french for _code, _english, french, _arabic in STRATEGIC_AXES],
    "ar": [arabic for _code, _english, _french, arabic in STRATEGIC_AXES],
}


def expect_language(page, language):
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("html")).to_have_attribute("dir", DIRECTIONS[language])


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_home_page_speaks_the_language_of_its_url(page, demo_site, language):
    page.goto(f"/{language}/")

    expect_language(page, language)
    title, _intro = HOME_TITLES[language]
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    assert_accessible(page)


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_programme_overview_lists_the_strategic_axes(page, demo_site, language):
    page.goto(f"/{language}/learning/")

    expect_language(page, language)
    axes = page.locator("section[aria-labelledby='axes-heading'] h3")
    expect(axes).to_have_text(AXIS_NAMES[language])
    assert_accessible(page)


def test_root_url_redirects_to_the_browser_language(page, demo_site):
    page.goto("/")

    expect(page).to_have_url(re.compile(r"/en/$"))
    expect_language(page, "en")
