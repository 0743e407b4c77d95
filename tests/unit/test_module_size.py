"""Files a reader can hold: no module of the package or the demo site passes 450 lines.

A module that grows past that is asking to be split by concern (as ``wagtail/models/`` is);
migrations are generated and the tests are left out.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("capacity_lms", "courses", "sandbox")
MAX_LINES = 450


def modules():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.relative_to(ROOT).parts:
                yield path


def test_the_packages_are_found():
    found = {path.relative_to(ROOT).parts[0] for path in modules()}
    assert found == set(PACKAGES)


def test_no_module_passes_450_lines():
    too_long = {
        str(path.relative_to(ROOT)): lines
        for path in modules()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not too_long, f"split these by concern (lines): {too_long}"
