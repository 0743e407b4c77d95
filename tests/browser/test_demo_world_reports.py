"""The sandbox's reports over the generated demo world (#27), as programme staff and a country
coordinator read them: the world of ``make sandbox`` (the hand-written demo and the generated
world around it), with a screenshot of each report page saved under
``tests/artifacts/demo-world/``.

Staff see every figure in at least eight countries and in six quarters; the coordinator sees
only their countries (France and Belgium in the demo), each with several associations.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import assert_accessible
from tests.browser.conftest import index_the_demo
from tests.browser.database import restore, take_snapshot

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "demo-world"
FIGURES = ["enrolments", "completions", "attendance_rate", "certificates"]
COORDINATED = {"France", "Belgium"}

_WORLD = {}


@pytest.fixture
def world_site(pytestconfig, live_server, transactional_db):
    """The live server's URL over the demo with its generated world, loaded once (the first
    test here) and restored from a snapshot for the others."""
    from django.db import connection

    from sandbox.home.demo import load_demo_data
    from tests.browser.database import Snapshots

    snapshots = pytestconfig.pluginmanager.get_plugin(Snapshots.name)
    if "snapshot" not in _WORLD:
        restore(connection, snapshots.migrated)
        load_demo_data(small=False)
        index_the_demo()
        _WORLD["snapshot"] = take_snapshot(connection)
    else:
        restore(connection, _WORLD["snapshot"])
    return live_server.url


def sign_in(page, username):
    from sandbox.testing.factories import DEMO_PASSWORD

    page.goto("/en/accounts/login/")
    page.get_by_label("Username", exact=True).fill(username)
    page.get_by_label("Password", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def report(page, metric, rows, columns):
    page.goto(
        f"/admin/programme-reports/?metric={metric}&rows={rows}&columns={columns}&period=quarter"
    )
    table = page.locator("table.listing")
    expect(table).to_be_visible()
    header = [cell.strip() for cell in table.locator("thead th").all_inner_texts()]
    body = [
        [cell.strip() for cell in row.locator("th, td").all_inner_texts()]
        for row in table.locator("tbody tr").all()
    ]
    return header, body


def shoot(page, path):
    """The report itself (chart and table): the admin scrolls inside its own panel, which a
    full-page screenshot would cut at the window's height."""
    page.locator(".cl-report").screenshot(path=path)
    assert path.stat().st_size > 0


def nonzero(cell):
    digits = cell.replace(",", "").replace("\u202f", "").replace("%", "").strip()
    try:
        return float(digits) > 0
    except ValueError:
        return False


def test_staff_see_a_programme_in_its_second_year(world_site, page):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    sign_in(page, "staff")
    for metric in FIGURES:
        _header, by_country = report(page, metric, "country", "axis")
        countries = [row[0] for row in by_country if nonzero(row[-1])]
        assert len(countries) >= 8, (metric, by_country)
        header, by_axis = report(page, metric, "axis", "period")
        quarters = header[1:-1]
        assert len(quarters) >= 6, (metric, header)
        # Every axis has a figure, and each of the last six quarters has one in all.
        assert all(nonzero(row[-1]) for row in by_axis), (metric, by_axis)
        totals = page.locator("table.listing tfoot th, table.listing tfoot td").all_inner_texts()
        assert all(nonzero(cell) for cell in totals[1:-1][-6:]), (metric, totals)
        shoot(page, ARTIFACTS / f"staff-{metric}-by-axis-and-quarter.png")
    report(page, "enrolments", "country", "axis")
    assert_accessible(page)
    shoot(page, ARTIFACTS / "staff-enrolments-by-country.png")


def test_the_coordinator_sees_only_their_countries_each_with_several_associations(
    world_site, page
):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    sign_in(page, "coordinator")
    _header, by_country = report(page, "enrolments", "country", "axis")
    shown = {row[0] for row in by_country}
    assert shown and shown <= COORDINATED, by_country
    assert all(nonzero(row[-1]) for row in by_country), by_country
    shoot(page, ARTIFACTS / "coordinator-enrolments-by-country.png")
    _header, by_association = report(page, "enrolments", "association", "axis")
    assert len(by_association) >= 2 * len(shown), by_association
    shoot(page, ARTIFACTS / "coordinator-enrolments-by-association.png")
    _header, attendance = report(page, "attendance_rate", "country", "period")
    assert {row[0] for row in attendance} <= COORDINATED, attendance
