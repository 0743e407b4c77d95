"""The associative network in the programme reports: associations by kind x place x axis, the
verified share, partnerships by region x axis x year; the same engine, the same scopes.

A random world is written twice: as rows in the database and as plain tuples; every figure the
engine gives is compared with a count made from the tuples alone.
"""

import datetime
import io
import random
from collections import defaultdict
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from capacity_lms.network.models import Partnership
from capacity_lms.people.roles import COUNTRY_COORDINATORS
from capacity_lms.reports.engine import ReportRequest, cross_table, cube, grand_total
from capacity_lms.reports.models import CountryCoordinator
from capacity_lms.reports.scope import ReportScope
from capacity_lms.taxonomy.models import Region, StrategicAxis
from courses.models import Enrolment
from sandbox.testing.factories import AssociationFactory, MembershipFactory, UserFactory
from tests.integration.conftest import in_group
from tests.integration.courses.conftest import (  # noqa: F401  (fixtures)
    catalogue,
    site_root,
    taxonomy,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

URL = "/admin/programme-reports/"
REGIONS = ["oriental", "souss-massa", "fes-meknes"]
AXES = ["school-support", "solidarity-development"]
STATUSES = ["pending", "verified", "verified", "rejected", "suspended"]
PARTNERSHIP_STATUSES = ["proposed", "active", "active", "ended", "declined"]


class World:
    def __init__(self):
        self.associations = {}  # pk -> (kind, country, place, region, axes, status)
        self.partnerships = []  # (initiator pk, partner pk, status, region, axis, year)


def build(countries, seed=1, size=18):
    rng = random.Random(seed)
    regions = {
        code: Region.objects.get_or_create(code=code, defaults={"name_en": code.title()})[0]
        for code in REGIONS
    }
    axes = {
        code: StrategicAxis.objects.get_or_create(code=code, defaults={"name_en": code})[0]
        for code in AXES
    }
    world = World()
    for number in range(size):
        kind = rng.choice(["abroad", "local"])
        status = rng.choice(STATUSES)
        chosen = rng.sample(AXES, rng.randint(0, 2))
        if kind == "abroad":
            country = rng.choice(["fr", "ca"])
            association = AssociationFactory(
                name=f"Abroad {seed}-{number}",
                host_country=countries[country],
                verification_status=status,
                strategic_axes=[axes[code] for code in chosen],
            )
            place, region = f"country:{country}", None
        else:
            country, region = "ma", rng.choice(REGIONS)
            association = AssociationFactory(
                name=f"Local {seed}-{number}",
                kind="local",
                host_country=None,
                region=regions[region],
                city="",
                verification_status=status,
                strategic_axes=[axes[code] for code in chosen],
            )
            place = f"region:{region}"
        world.associations[association.pk] = (kind, country, place, region, chosen, status)
    # A merged association counts nowhere: its people and partnerships moved to the survivor.
    survivor = next(iter(world.associations))
    AssociationFactory(
        name=f"Merged {seed}", host_country=countries["fr"], merged_into_id=survivor
    )
    pks = list(world.associations)
    for _number in range(size):
        initiator, partner = rng.sample(pks, 2)
        status = rng.choice(PARTNERSHIP_STATUSES)
        region, axis = rng.choice([*REGIONS, None]), rng.choice([*AXES, None])
        year = rng.choice([2023, 2024, 2025])
        Partnership.objects.create(
            initiator_id=initiator,
            partner_id=partner,
            status=status,
            region=regions.get(region),
            strategic_axis=axes.get(axis),
            purpose="Twinning",
            starts_on=datetime.date(year, rng.randint(1, 12), 1),
        )
        world.partnerships.append((initiator, partner, status, region, axis, year))
    return world


def counted_associations(world, countries=None, verified_only=False):
    """pk -> facts of the associations the reports count, for a viewer of ``countries``."""
    return {
        pk: facts
        for pk, facts in world.associations.items()
        if facts[5] != "rejected"
        and (not verified_only or facts[5] == "verified")
        and (countries is None or facts[1] in countries)
    }


def shown_partnerships(world, countries=None):
    verified = {pk for pk, facts in world.associations.items() if facts[5] == "verified"}
    return [
        row
        for row in world.partnerships
        if row[2] in ("active", "ended")
        and row[0] in verified
        and row[1] in verified
        and (
            countries is None
            or world.associations[row[0]][1] in countries
            or world.associations[row[1]][1] in countries
        )
    ]


def expected_association_cube(world, countries=None, verified_only=False):
    """(kind, place, axis) -> number of associations."""
    cells = defaultdict(set)
    for pk, (kind, _country, place, _region, axes, _status) in counted_associations(
        world, countries, verified_only
    ).items():
        for axis in axes or [None]:
            cells[(kind, place, axis)].add(pk)
    return {key: len(value) for key, value in cells.items()}


def expected_partnership_cube(world, countries=None):
    """(region, axis, year) -> number of partnerships."""
    cells = defaultdict(int)
    for _initiator, _partner, _status, region, axis, year in shown_partnerships(world, countries):
        cells[(region, axis, year)] += 1
    return dict(cells)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("countries_seen", [None, ["fr"], ["ma"], ["fr", "ma"]])
def test_associations_by_kind_place_and_axis_equal_a_count_by_hand(
    countries, seed, countries_seen
):
    world = build(countries, seed)
    scope = ReportScope(countries=countries_seen) if countries_seen else None
    request = ReportRequest(metric="network_associations")
    got = cube(request, ["kind", "place", "axis"], scope)
    assert {tuple(key): value for key, value in got.items()} == expected_association_cube(
        world, countries_seen
    )
    # The cross table of place x axis: cells, row totals (an association on two axes counts
    # once in its row) and the grand total.
    table = cross_table(ReportRequest("network_associations", "place", "axis"), scope)
    counted = counted_associations(world, countries_seen)
    rows = defaultdict(set)
    for pk, facts in counted.items():
        rows[facts[2]].add(pk)
    assert table.row_totals == {key: len(value) for key, value in rows.items()}
    assert (table.total or 0) == len(counted)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_verified_share_equals_a_count_by_hand(countries, seed):
    world = build(countries, seed)
    table = cross_table(ReportRequest("verified_share", "kind", "country"))
    counted = counted_associations(world)
    verified = counted_associations(world, verified_only=True)
    for kind in ("abroad", "local"):
        everyone = [pk for pk, facts in counted.items() if facts[0] == kind]
        among = [pk for pk in everyone if pk in verified]
        expected = Decimal(100) * len(among) / len(everyone) if everyone else None
        assert table.row_totals.get(kind) == expected
    assert table.total == Decimal(100) * len(verified) / len(counted)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("countries_seen", [None, ["fr"], ["ma"], ["ca"]])
def test_partnerships_by_region_axis_and_year_equal_a_count_by_hand(
    countries, seed, countries_seen
):
    world = build(countries, seed)
    scope = ReportScope(countries=countries_seen) if countries_seen else None
    request = ReportRequest(metric="partnerships", period="year")
    got = {
        (region, axis, year.year): value
        for (region, axis, year), value in cube(
            request, ["region", "axis", "period"], scope
        ).items()
    }
    assert got == expected_partnership_cube(world, countries_seen)
    table = cross_table(ReportRequest("partnerships", "region", "period", period="year"), scope)
    assert (table.total or 0) == len(shown_partnerships(world, countries_seen))


def test_a_trainer_scope_counts_no_association_and_no_partnership(countries):
    build(countries)
    scope = ReportScope(workshops=[1])
    for metric in ("network_associations", "partnerships"):
        assert cross_table(ReportRequest(metric, "country", "axis"), scope).total in (None, 0)


# Through the admin page: who sees what, the exports, the messages.


def report(client, **params):
    return client.get(
        URL,
        {
            "metric": "network_associations",
            "rows": "place",
            "columns": "axis",
            "period": "year",
            **params,
        },
    )


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


def coordinator_of(countries, *codes):
    person = in_group(
        UserFactory(username=f"coord-{'-'.join(codes) or 'none'}"), COUNTRY_COORDINATORS
    )
    if codes:
        CountryCoordinator.objects.create(user=person).countries.set(
            [countries[code] for code in codes]
        )
    return person


def test_a_coordinator_exports_the_associations_of_their_countries_only(client, countries):
    world = build(countries)
    client.force_login(coordinator_of(countries, "ma"))
    text = body(report(client, export="csv"))
    lines = text.splitlines()
    assert lines[0].startswith("Host country or region of Morocco / Strategic axis")
    assert "France" not in text and "Canada" not in text
    local = counted_associations(world, ["ma"])
    assert lines[-1].split(",")[-1] == str(len(local))
    assert all("(Morocco)" in line.split(",")[0] for line in lines[1:-1])
    response = report(
        client, metric="partnerships", rows="region", columns="period", export="xlsx"
    )
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[-1][-1] in (len(shown_partnerships(world, ["ma"])), None)


def test_a_coordinator_without_countries_gets_no_network_figures(client, countries):
    build(countries)
    client.force_login(coordinator_of(countries))
    for metric in ("network_associations", "verified_share", "partnerships"):
        for export in (None, "csv", "xlsx"):
            params = {"metric": metric} | ({"export": export} if export else {})
            response = report(client, **params)
            assert response.status_code in (302, 403)
            assert "Local" not in body(response) and "Abroad" not in body(response)


def test_association_rows_name_only_verified_associations(client, staff, countries):
    verified = AssociationFactory(name="Verified Rows", host_country=countries["fr"])
    pending = AssociationFactory(
        name="Pending Rows", host_country=countries["fr"], verification_status="pending"
    )
    for association in (verified, pending):
        MembershipFactory(user=UserFactory(), association=association)
    client.force_login(staff)
    text = body(report(client, rows="association", columns="status", export="csv"))
    assert "Verified Rows" in text
    assert "Pending Rows" not in text
    assert f"Association not verified (no. {pending.pk})" in text


def test_a_figure_that_cannot_be_broken_down_that_way_says_so(client, staff, countries):
    build(countries)
    client.force_login(staff)
    response = report(client, metric="partnerships", rows="course", columns="axis")
    assert response.status_code == 200
    assert "cannot be counted by “Course”" in response.content.decode()
    assert "header" not in response.context
    response = report(
        client, metric="enrolments", rows="country", columns="axis", region=["oriental"]
    )
    assert "cannot be counted by “Region of Morocco”" in response.content.decode()


def test_a_local_associations_page_is_for_coordinators_of_morocco(client, countries):
    region = Region.objects.create(code="oriental", name_en="Oriental")
    local = AssociationFactory(kind="local", host_country=None, region=region, city="")
    client.force_login(coordinator_of(countries, "ma"))
    url = reverse("capacity_lms_association_report", args=[local.pk])
    assert client.get(url).status_code == 200
    client.force_login(coordinator_of(countries, "fr"))
    assert client.get(url).status_code in (302, 403)


def test_network_reports_run_the_same_queries_for_more_data(client, staff, countries):
    client.force_login(staff)

    def count(metric, rows, columns):
        with CaptureQueriesContext(connection) as queries:
            response = report(client, metric=metric, rows=rows, columns=columns, period="year")
        assert response.status_code == 200 and "header" in response.context
        return len(queries)

    choices = [
        ("network_associations", "place", "axis"),
        ("verified_share", "kind", "country"),
        ("partnerships", "region", "period"),
    ]
    build(countries, seed=5, size=6)
    small = [count(*choice) for choice in choices]
    build(countries, seed=6, size=60)
    assert [count(*choice) for choice in choices] == small


def test_training_figures_count_by_the_kind_of_the_persons_associations(
    countries,
    catalogue,  # noqa: F811
):
    from tests.integration.courses.conftest import make_course

    course = make_course(catalogue, lessons=1, quiz=False, title="Course by kind")
    region, _created = Region.objects.get_or_create(
        code="oriental", defaults={"name_en": "Oriental"}
    )
    abroad = AssociationFactory(host_country=countries["fr"])
    local = AssociationFactory(kind="local", host_country=None, region=region, city="")
    for number, associations in enumerate([[abroad], [local], [abroad, local], []]):
        person = UserFactory(username=f"kind-{number}")
        for association in associations:
            MembershipFactory(user=person, association=association)
        Enrolment.objects.create(user=person, course=course)
    table = cross_table(ReportRequest("enrolments", "kind", "country"))
    assert table.row_totals == {"abroad": 2, "local": 2, None: 1}
    assert table.total == 4


def test_the_verified_share_in_one_figure(countries):
    world = build(countries, seed=4)
    counted = counted_associations(world)
    verified = counted_associations(world, verified_only=True)
    assert grand_total("verified_share") == Decimal(100) * len(verified) / len(counted)
    local = counted_associations(world, ["ma"])
    local_verified = counted_associations(world, ["ma"], verified_only=True)
    scoped = grand_total("verified_share", ReportScope(countries=["ma"]))
    assert scoped == (Decimal(100) * len(local_verified) / len(local) if local else None)
