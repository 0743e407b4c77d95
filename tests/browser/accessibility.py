"""axe-core, run inside the page, as an assertion."""

from axe_playwright_python.sync_playwright import Axe

# WCAG 2.0, 2.1 and 2.2 at levels A and AA: what the programme's pages promise.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

_axe = Axe()


def accessibility_violations(page, context=None):
    """axe-core's violations on the page as it is now, restricted to :data:`WCAG_TAGS`;
    ``context`` (axe-core's: a selector, or ``{"include": [...], "exclude": [...]}``) limits
    the check to part of the page."""
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    return _axe.run(page, context=context, options=options).response["violations"]


def _shorten(html, limit=120):
    html = " ".join(html.split())
    return html if len(html) <= limit else html[: limit - 1] + "…"


def describe_violations(violations):
    """One readable block per rule: id, impact, help; then each failing node's selector, its
    HTML and what would fix it."""
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} "
            f"<{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            # A target crosses iframes and shadow roots as a list of selectors.
            target = " >> ".join(
                ", ".join(part) if isinstance(part, list) else part for part in node["target"]
            )
            lines.append(f"    {target}: {_shorten(node.get('html', ''))}")
            if node.get("failureSummary"):
                summary = node["failureSummary"].replace("\n", "\n      ")
                lines.append(f"      {summary}")
    return "\n".join(lines)


def assert_accessible(page):
    """Fail with a readable list when axe-core finds a WCAG 2.x A/AA violation on the page."""
    violations = accessibility_violations(page)
    assert not violations, (
        f"axe-core found {len(violations)} accessibility violation(s) on {page.url}:\n"
        + describe_violations(violations)
    )
