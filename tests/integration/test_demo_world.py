"""The generated demo world (sandbox/home/world): loaded with the hand-written demo, the
programme's reports show every figure in at least eight countries, on every strategic axis and
in six quarters; loading it again changes no row; and the time the load takes is printed."""

import datetime
import time

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model

from capacity_lms.certificates.models import Certificate
from capacity_lms.core import clock
from capacity_lms.people.models import Association
from capacity_lms.reports.engine import ReportRequest, cross_table, grand_total
from capacity_lms.reports.scope import ReportScope
from capacity_lms.taxonomy.models import StrategicAxis
from capacity_lms.workshops.models import Registration, Workshop
from sandbox.home.demo import load_demo_data
from sandbox.home.world.base import World
from tests.integration.conftest import built_for_the_module
from tests.integration.demo_world_counts import (
    SCOPES,
    close,
    in_scope,
    independent,
    normalised,
    read_back,
)

pytestmark = pytest.mark.django_db

FIGURES = ["enrolments", "completions", "attendance_rate", "certificates"]


def row_counts():
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The demo and its world loaded, then loaded again; the row counts after each load and
    the seconds the first load took. Rolled back when the module ends."""

    def load_twice():
        started = time.monotonic()
        summary = load_demo_data(small=False)
        seconds = time.monotonic() - started
        first = row_counts()
        again = load_demo_data(small=False)
        return {"summary": summary, "seconds": seconds, "first": first, "again": again}

    with built_for_the_module(django_db_blocker, load_twice) as loaded:
        yield loaded


def window():
    world = World.create(clock.today())
    return world.start, world.today


def table(metric, rows, columns="axis"):
    start, end = window()
    request = ReportRequest(
        metric=metric, rows=rows, columns=columns, period="quarter", start=start, end=end
    )
    return cross_table(request)


def nonzero(totals):
    return {key for key, value in totals.items() if key is not None and value}


def test_load_time_is_printed(world, capsys):
    with capsys.disabled():
        print(f"\ndemo with its world loaded in {world['seconds']:.1f} s: {world['summary']}")
    assert world["summary"]["world members"] >= 280


def test_a_second_load_changes_no_row(world):
    assert world["again"]["world"] == "already loaded"
    after = row_counts()
    changed = {
        label: (count, after[label])
        for label, count in world["first"].items()
        if after[label] != count
    }
    assert changed == {}


def test_the_world_holds_a_programme(world):
    generated = Association.objects.filter(
        registration_number__startswith="WORLD-", kind=Association.Kind.ABROAD
    )
    assert generated.count() == 60
    assert generated.values("host_country").distinct().count() >= 8
    assert generated.filter(host_country__code__in=["fr", "be"]).count() >= 10
    members = get_user_model().objects.filter(username__regex=r"^world-[0-9]+$")
    assert 280 <= members.count() <= 340
    assert members.exclude(capacity_profile__name_in_arabic="").count() == members.count()
    workshops = Workshop.objects.filter(slug__startswith="world-")
    assert workshops.count() == 40
    assert workshops.values("country").distinct().count() == 8
    assert workshops.filter(trainers__username="trainer").count() >= 8
    assert Registration.objects.filter(
        workshop__in=workshops, status=Registration.Status.WAITING
    ).exists()
    revoked = Certificate.objects.filter(
        user__in=members, status=Certificate.Status.REVOKED
    ).count()
    assert 1 <= revoked <= 10


def test_the_demo_accounts_sit_inside_the_world(world):
    learner_association = Association.objects.get(memberships__user__username="learner")
    assert learner_association.memberships.filter(user__username__startswith="world-").count() >= 5
    today = clock.today()
    trainers_workshops = Workshop.objects.filter(
        slug__startswith="world-", trainers__username="trainer"
    )
    dates = [workshop.sessions.first().date for workshop in trainers_workshops]
    assert min(dates) < today < max(dates)


@pytest.mark.parametrize("metric", FIGURES)
def test_every_figure_in_eight_countries_every_axis_six_quarters(world, metric):
    by_country = table(metric, "country")
    assert len(nonzero(by_country.row_totals)) >= 8, by_country.row_totals
    axes = set(StrategicAxis.objects.values_list("code", flat=True))
    assert nonzero(by_country.column_totals) >= axes, by_country.column_totals
    by_quarter = table(metric, "period", "country")
    assert len(nonzero(by_quarter.row_totals)) >= 6, by_quarter.row_totals


def test_six_quarters_back_from_today(world):
    start, today = window()
    assert (today - start).days >= 6 * 91
    assert start < today - datetime.timedelta(days=540)


# The report engine's property test, once, on the generated world: every figure equals a count
# of the rows made apart (tests/integration/demo_world_counts.py).


@pytest.fixture(scope="module")
def counted(world):
    return read_back()


@pytest.mark.parametrize("viewer", list(SCOPES))
@pytest.mark.parametrize(
    ("metric", "rows", "columns"),
    [
        ("enrolments", "country", "axis"),
        ("completions", "axis", "period"),
        ("registrations", "country", "period"),
        ("attendance_rate", "country", "axis"),
        ("attendance_rate", "group", "period"),
        ("certificates", "country", "period"),
        ("enrolments", "association", "group"),
    ],
)
def test_every_figure_equals_a_count_of_the_rows(counted, viewer, metric, rows, columns):
    countries = SCOPES[viewer]
    scope = ReportScope(countries=countries) if countries else None
    table = cross_table(ReportRequest(metric=metric, rows=rows, columns=columns), scope)
    cells, row_totals, column_totals, total = independent(
        counted, metric, rows, columns, countries
    )
    assert cells, "the generated world has no such facts"
    got = normalised(table.cells)
    assert set(got) == set(cells)
    assert [key for key in cells if not close(got[key], cells[key])] == []
    got_rows, got_columns = normalised(table.row_totals), normalised(table.column_totals)
    assert [key for key, value in row_totals.items() if not close(got_rows[key], value)] == []
    assert [
        key for key, value in column_totals.items() if not close(got_columns[key], value)
    ] == []
    assert close(table.total, total)


@pytest.mark.parametrize("viewer", list(SCOPES))
def test_the_admin_home_figures_equal_a_count_of_the_rows(counted, viewer):
    _people, facts = counted
    countries = SCOPES[viewer]
    scope = ReportScope(countries=countries) if countries else None
    for metric in ("completions", "registrations", "attendance_rate", "certificates"):
        *_tables, total = independent(counted, metric, "country", "axis", countries)
        assert close(grand_total(metric, scope), total), metric
    # Trained: completed a module, or was at a meeting (a status with a weight: not absent).
    trained = {
        person
        for metric in ("completions", "attendance_rate")
        for person, fact, value in facts[metric]
        if in_scope(fact, countries) and value > 0
    }
    assert grand_total("people", scope) == len(trained)
