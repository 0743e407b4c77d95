"""Calls for projects in the programme reports: applications, eligible, funded, amounts
requested and granted, the success rate, by call x country x axis x group x period; the same
engine and the same scopes as the training figures.

A random world is written twice, as applications in the database and as plain tuples; every
figure the engine gives is compared with one computed from the tuples alone.
"""

import random
from collections import defaultdict
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from capacity_lms.calls.models import Application
from capacity_lms.calls.review_models import Decision
from capacity_lms.calls.stages import CallStage
from capacity_lms.projects.models import Project
from capacity_lms.reports.engine import ReportRequest, cross_table, cube, grand_total
from capacity_lms.reports.labels import labels_for
from capacity_lms.reports.scope import ReportScope
from capacity_lms.taxonomy.models import Country, SpecializedGroup, StrategicAxis
from sandbox.testing.call_factories import CallIndexPageFactory, CallPageFactory
from sandbox.testing.factories import AssociationFactory, CountryFactory
from tests.integration.courses.conftest import site_root, taxonomy  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

STATUSES = ["draft", "withdrawn", "submitted", "ineligible", "eligible", "reserve", "refused"]
STATUSES += ["funded"] * 3
COUNTED = set(STATUSES) - {"draft", "withdrawn"}
ELIGIBLE = {"eligible", "funded", "reserve", "refused"}


@pytest.fixture
def world(site_root, taxonomy):  # noqa: F811  (fixtures)
    """Two calls, the first decided, the second's committee still sitting (its decisions are
    not announced: not counted as funded); applications from associations in three
    countries, random statuses, axes, groups and amounts; returns the tuples the figures are
    checked against."""
    return build(site_root, size=60)


def build(site_root, size, seed=22):  # noqa: F811  (fixtures)
    generator = random.Random(seed)
    index = CallIndexPageFactory(parent=site_root, slug=f"calls-{seed}")
    calls = [
        CallPageFactory(parent=index, stage=CallStage.DECIDED),
        CallPageFactory(parent=index, stage=CallStage.IN_REVIEW),
    ]
    countries = [
        Country.objects.filter(code=code).first() or CountryFactory(code=code)
        for code in ("fr", "be", "it")
    ]
    axes = list(StrategicAxis.objects.order_by("code")[:3])
    groups = [*SpecializedGroup.objects.order_by("code")[:2], None]
    rows = []
    for number in range(size):
        country = generator.choice(countries)
        association = AssociationFactory(host_country=country)
        call = calls[number % 2]
        status = generator.choice(STATUSES)
        axis, group = generator.choice(axes), generator.choice(groups)
        requested = Decimal(generator.randrange(1000, 300000)) / 100
        project = Project.objects.create(
            association=association, title=f"Project {seed}-{number}", requested_amount=requested
        )
        application = Application.objects.create(
            call=call,
            association=association,
            project=project,
            strategic_axis=axis,
            specialized_group=group,
            status=status,
            submitted_at=None if status == "draft" else timezone.now(),
        )
        granted = None
        if status == "funded":
            granted = (requested * Decimal("0.8")).quantize(Decimal("0.01"))
            Decision.objects.create(
                application=application, outcome="funded", amount=granted, reason="Good."
            )
        rows.append(
            {
                "call": call.translation_key,
                "country": country.code,
                "axis": axis.code,
                "group": group.code if group else None,
                "status": status,
                "announced": call.stage == CallStage.DECIDED,
                "requested": requested,
                "granted": granted,
            }
        )
    return rows


def expected(rows, keep, value, by):
    figures = defaultdict(Decimal)
    for row in rows:
        if row["status"] in COUNTED and keep(row):
            figures[tuple(row[name] for name in by)] += value(row)
    return dict(figures)


def announced_funded(row):
    return row["status"] == "funded" and row["announced"]


def one(row):
    return Decimal(1)


@pytest.mark.parametrize(
    ("metric", "keep", "value"),
    [
        ("applications", lambda row: True, one),
        ("eligible_applications", lambda row: row["status"] in ELIGIBLE, one),
        ("funded_applications", announced_funded, one),
        ("amount_requested", lambda row: True, lambda row: row["requested"]),
        ("amount_granted", announced_funded, lambda row: row["granted"]),
    ],
)
def test_each_figure_by_country_and_axis_equals_a_count_from_the_rows(world, metric, keep, value):
    table = cross_table(ReportRequest(metric=metric, rows="country", columns="axis"))
    cells = expected(world, keep, value, ("country", "axis"))
    assert {key: Decimal(figure) for key, figure in table.cells.items()} == cells
    assert Decimal(table.total) == sum(cells.values())
    by_call_and_group = cube(ReportRequest(metric=metric), ["call", "country", "group"])
    assert {key: Decimal(v) for key, v in by_call_and_group.items()} == expected(
        world, keep, value, ("call", "country", "group")
    )


def test_the_success_rate_is_funded_over_submitted_per_cell(world):
    table = cross_table(ReportRequest(metric="success_rate", rows="call", columns="country"))
    submitted = expected(world, lambda row: True, one, ("call", "country"))
    funded = expected(world, announced_funded, one, ("call", "country"))
    for key, count in submitted.items():
        assert table.cells[key] == Decimal(100) * funded.get(key, 0) / count
    everything = sum(submitted.values())
    assert grand_total("success_rate") == Decimal(100) * sum(funded.values()) / everything


def test_a_coordinator_counts_their_countries_only_and_a_trainer_nothing(world):
    france = ReportScope(countries=["fr"])
    table = cross_table(
        ReportRequest(metric="applications", rows="country", columns="axis"), france
    )
    assert set(table.row_keys) <= {"fr"}
    assert table.total == sum(
        1 for row in world if row["status"] in COUNTED and row["country"] == "fr"
    )
    trainer = ReportScope(workshops=[1])
    assert grand_total("applications", trainer) == 0
    assert grand_total("amount_granted", trainer) is None


def test_calls_are_labelled_by_their_title_and_tables_cost_fixed_queries(world, site_root):  # noqa: F811
    request = ReportRequest(metric="amount_requested", rows="call", columns="group")
    with CaptureQueriesContext(connection) as queries:
        table = cross_table(request)
    labels = labels_for("call", table.row_keys)
    titles = dict(Application.objects.values_list("call__translation_key", "call__title"))
    assert {key: labels[key] for key in table.row_keys} == titles
    assert len(queries) == 4  # cells, rows, columns, total


def test_the_report_page_takes_the_same_queries_at_50_and_500(client, site_root, taxonomy):  # noqa: F811
    from django.contrib.auth.models import Group

    from capacity_lms.people.roles import PROGRAMME_STAFF
    from sandbox.testing.factories import UserFactory

    staff = UserFactory(username="reports-staff")
    staff.groups.add(Group.objects.get(name=PROGRAMME_STAFF))
    client.force_login(staff)
    choices = [
        ("applications", "country", "axis"),
        ("funded_applications", "call", "group"),
        ("amount_granted", "axis", "period"),
        ("success_rate", "call", "country"),
    ]

    def count(metric, rows, columns):
        params = {"metric": metric, "rows": rows, "columns": columns, "period": "year"}
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/admin/programme-reports/", params)
        assert response.status_code == 200 and "header" in response.context, metric
        return len(queries)

    build(site_root, size=50, seed=1)
    fifty = [count(*choice) for choice in choices]
    build(site_root, size=450, seed=2)
    assert Application.objects.count() == 500
    assert [count(*choice) for choice in choices] == fifty
