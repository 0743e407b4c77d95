"""``assert_accessible`` itself: it must fail, and say where, when a page breaks WCAG."""

import pytest

from tests.browser.accessibility import assert_accessible

BROKEN_PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Broken</title></head>
<body><main><h1>Broken</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<input type="text" id="nameless">
</main></body></html>"""


def test_assert_accessible_lists_rule_impact_and_target(page):
    page.set_content(BROKEN_PAGE)

    with pytest.raises(AssertionError) as failure:
        assert_accessible(page)

    message = str(failure.value)
    assert "- image-alt (critical)" in message
    assert '\n    img: <img src="data:image/gif' in message
    assert "- label (critical)" in message
    assert '\n    #nameless: <input type="text" id="nameless">' in message


def test_assert_accessible_ignores_best_practices_outside_wcag(page):
    # A page without landmarks is an axe "best-practice" finding, not a WCAG A/AA failure.
    page.set_content(
        '<!DOCTYPE html><html lang="en"><head><title>Plain</title></head>'
        "<body><h1>Plain</h1><p>Text.</p></body></html>"
    )

    assert_accessible(page)
