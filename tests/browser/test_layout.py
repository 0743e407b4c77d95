"""Layout: phones without horizontal scrolling, and the Arabic page mirrored."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone_page(new_context, demo_site):
    context = new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=3)
    return context.new_page()


@pytest.mark.parametrize("path", ["/", "/learning/"])
@pytest.mark.parametrize("language", ["ar", "en"])
def test_phone_has_no_horizontal_scroll(phone_page, language, path):
    phone_page.goto(f"/{language}{path}")

    # On a mobile browser the layout viewport is 980px wide unless the page sets its own.
    assert phone_page.evaluate("window.innerWidth") == PHONE["width"]
    scroll_width = phone_page.evaluate("document.scrollingElement.scrollWidth")
    assert scroll_width <= PHONE["width"], (
        f"/{language}{path} is {scroll_width}px wide on a {PHONE['width']}px phone"
    )


def text_edges(locator):
    """Left and right edges of the element's text itself, not of its (full-width) box."""
    return locator.evaluate(
        """element => {
            const range = document.createRange();
            range.selectNodeContents(element);
            const text = range.getBoundingClientRect();
            const box = element.getBoundingClientRect();
            return {left: text.left - box.left, right: box.right - text.right};
        }"""
    )


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("fr", "ltr")])
def test_home_page_screenshot_reads_from_its_language_side(page, demo_site, language, direction):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"/{language}/")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_be_visible()

    ARTIFACTS.mkdir(exist_ok=True)
    screenshot = ARTIFACTS / f"home-{language}.png"
    page.screenshot(path=screenshot, full_page=True)
    assert screenshot.stat().st_size > 0

    # Text starts on the reading side, and the header puts the brand first on that side.
    edges = text_edges(heading)
    brand = page.locator(".cl-brand").bounding_box()
    switcher = page.locator(".cl-language-switcher").bounding_box()
    if direction == "rtl":
        assert edges["right"] < 2 < edges["left"], f"heading not right-aligned: {edges}"
        assert brand["x"] > switcher["x"] + switcher["width"], "brand not right of the switcher"
    else:
        assert edges["left"] < 2 < edges["right"], f"heading not left-aligned: {edges}"
        assert brand["x"] + brand["width"] < switcher["x"], "brand not left of the switcher"
