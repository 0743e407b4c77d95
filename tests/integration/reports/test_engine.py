"""The report figures equal those counted by hand from the facts, over randomised data.

Each test builds a random world (people in countries, groups and associations; courses on two
axes and their enrolments and completions; workshops with meetings, registrations and marks;
certificates), keeps the facts it wrote as plain Python tuples, and compares every cell, row
total, column total and grand total of the report with a count made from those tuples alone.
"""

import datetime
import random
from collections import defaultdict
from decimal import Decimal

import pytest
from django.utils import timezone

from capacity_lms.attendance.models import AttendanceRecord, AttendanceStatus
from capacity_lms.people.models import LearnerProfile
from capacity_lms.reports.engine import ReportRequest, cross_table
from capacity_lms.reports.scope import ReportScope
from capacity_lms.taxonomy.models import Country, SpecializedGroup, StrategicAxis
from capacity_lms.workshops.models import Registration
from courses.models import Enrolment
from sandbox.testing.factories import (
    AssociationFactory,
    MembershipFactory,
    SessionFactory,
    UserFactory,
    WorkshopFactory,
)
from tests.integration.courses.conftest import (  # noqa: F401  (fixtures)
    catalogue,
    make_course,
    site_root,
    taxonomy,
)

pytestmark = pytest.mark.django_db

COUNTRIES = ["fr", "be", "it"]
GROUPS = ["women", "young-people", "children"]
AXES = ["school-support", "women-conditions"]


class World:
    """What a random world holds, as the test wrote it."""

    def __init__(self):
        self.people = {}  # pk -> {"country", "groups", "associations"}
        self.enrolments = []  # (person, axis, course key, date, completed date or None)
        self.attendance = []  # (person, workshop country, axis, date, weight)
        self.registrations = []  # (person, workshop country, axis, date)
        self.certificates = []  # (person, country, axis, date)


def build(seed, catalogue):  # noqa: F811
    rng = random.Random(seed)
    world = World()
    axes = {code: StrategicAxis.objects.get(code=code) for code in AXES}
    courses = [
        make_course(
            catalogue, lessons=1, quiz=False, title=f"Course {n}", strategic_axis=axes[AXES[n % 2]]
        )
        for n in range(3)
    ]
    associations = [
        AssociationFactory(host_country=Country.objects.get(code="fr")) for _ in range(3)
    ]
    for number in range(24):
        person = UserFactory(username=f"p{seed}-{number}")
        country = rng.choice(COUNTRIES)
        groups = rng.sample(GROUPS, rng.randint(0, 2))
        profile = LearnerProfile.objects.create(
            user=person, country_of_residence=Country.objects.get(code=country)
        )
        profile.specialized_groups.set(SpecializedGroup.objects.filter(code__in=groups))
        members_of = rng.sample(associations, rng.randint(0, 2))
        for association in members_of:
            MembershipFactory(user=person, association=association)
        world.people[person.pk] = {
            "country": country,
            "groups": set(groups),
            "associations": {association.pk for association in members_of},
        }
        for course in rng.sample(courses, rng.randint(0, 2)):
            enrolled = datetime.datetime(
                2025, rng.randint(1, 12), rng.randint(1, 28), 12, tzinfo=datetime.UTC
            )
            completed = enrolled + datetime.timedelta(days=20) if rng.random() < 0.5 else None
            Enrolment.objects.create(
                user=person,
                course=course,
                status="completed" if completed else "active",
                completed_at=completed,
            )
            Enrolment.objects.filter(user=person, course=course).update(enrolled_at=enrolled)
            world.enrolments.append(
                (
                    person.pk,
                    course.strategic_axis.code,
                    course.translation_key,
                    enrolled.date(),
                    completed and completed.date(),
                )
            )
    statuses = {status.code: status for status in AttendanceStatus.objects.all()}
    for number in range(3):
        country = COUNTRIES[number]
        axis = AXES[number % 2]
        workshop = WorkshopFactory(
            country=Country.objects.get(code=country), strategic_axis=axes[axis], capacity=None
        )
        sessions = [
            SessionFactory(
                workshop=workshop, date=datetime.date(2025, 3 + day, 10), time_zone="UTC"
            )
            for day in range(2)
        ]
        for pk in rng.sample(list(world.people), 8):
            registration = Registration.objects.create(
                workshop=workshop,
                user_id=pk,
                status="confirmed",
                queued_at=datetime.datetime(2025, 2, 1, tzinfo=datetime.UTC),
            )
            world.registrations.append((pk, country, axis, registration.queued_at.date()))
            for session in sessions:
                code = rng.choice(["present", "late", "absent", "excused"])
                status = statuses[code]
                AttendanceRecord.objects.create(
                    session=session,
                    occurrence_date=session.date,
                    user_id=pk,
                    status=status,
                    method="roster",
                    marked_at=timezone.now(),
                )
                if status.counts_in_rate:
                    world.attendance.append((pk, country, axis, session.date, status.weight))
    return world


def independent(world, metric, rows, columns):
    """The cross table computed from the tuples alone: {(row, column): value}, totals."""

    def keys(person, fact, dimension):
        info = world.people[person]
        if dimension == "country":
            return {fact["country"]}
        if dimension == "axis":
            return {fact["axis"]}
        if dimension == "group":
            return info["groups"]
        if dimension == "association":
            return info["associations"]
        raise AssertionError(dimension)

    facts = []
    if metric in ("enrolments", "completions"):
        for person, axis, _key, _date, completed in world.enrolments:
            if metric == "completions" and not completed:
                continue
            facts.append((person, {"country": world.people[person]["country"], "axis": axis}, 1))
    elif metric == "attendance_rate":
        for person, country, axis, _date, weight in world.attendance:
            facts.append((person, {"country": country, "axis": axis}, weight))
    elif metric == "registrations":
        for person, country, axis, _date in world.registrations:
            facts.append((person, {"country": country, "axis": axis}, 1))
    cells, row_totals, column_totals = defaultdict(list), defaultdict(list), defaultdict(list)
    everything = []
    for index, (person, fact, value) in enumerate(facts):
        row_keys, column_keys = keys(person, fact, rows), keys(person, fact, columns)
        for row in row_keys:
            row_totals[row].append((index, value))
            for column in column_keys:
                cells[(row, column)].append((index, value))
        for column in column_keys:
            column_totals[column].append((index, value))
        everything.append((index, value))

    def reduce(items):
        unique = dict(items)  # one value per fact, however many groups it falls in
        if metric == "attendance_rate":
            return Decimal(100) * sum(unique.values()) / len(unique)
        return len(unique)

    return (
        {key: reduce(items) for key, items in cells.items()},
        {key: reduce(items) for key, items in row_totals.items()},
        {key: reduce(items) for key, items in column_totals.items()},
        reduce(everything) if everything else None,
    )


def close(a, b):
    if isinstance(a, (Decimal, float)) or isinstance(b, (Decimal, float)):
        return abs(Decimal(a) - Decimal(b)) < Decimal("0.01")
    return a == b


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize(
    ("metric", "rows", "columns"),
    [
        ("enrolments", "country", "axis"),
        ("completions", "group", "axis"),
        ("registrations", "country", "association"),
        ("attendance_rate", "group", "country"),
        ("enrolments", "association", "group"),
    ],
)
def test_figures_equal_an_independent_count(catalogue, seed, metric, rows, columns):  # noqa: F811
    world = build(seed, catalogue)
    table = cross_table(ReportRequest(metric=metric, rows=rows, columns=columns))
    cells, row_totals, column_totals, total = independent(world, metric, rows, columns)
    got = {key: value for key, value in table.cells.items() if None not in key}
    assert set(got) == set(cells)
    assert all(close(got[key], cells[key]) for key in cells)
    assert all(close(table.row_totals[key], value) for key, value in row_totals.items())
    assert all(close(table.column_totals[key], value) for key, value in column_totals.items())
    if total is None:
        assert table.total in (None, 0)
    else:
        assert close(table.total, total)


def test_a_scoped_viewer_never_sees_another_countrys_figures(catalogue):  # noqa: F811
    world = build(7, catalogue)
    scope = ReportScope(countries=["fr"])
    for metric in (
        "enrolments",
        "completions",
        "registrations",
        "attendance_rate",
        "certificates",
    ):
        table = cross_table(ReportRequest(metric=metric, rows="country", columns="axis"), scope)
        assert set(table.row_keys) <= {"fr"}
    mine = cross_table(ReportRequest(metric="enrolments", rows="country", columns="axis"), scope)
    expected = sum(1 for person, *_ in world.enrolments if world.people[person]["country"] == "fr")
    assert (mine.total or 0) == expected


def test_queries_do_not_grow_with_the_data(catalogue):  # noqa: F811
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            cross_table(ReportRequest(metric="attendance_rate", rows="country", columns="group"))
        return len(queries)

    build(11, catalogue)
    small = count()
    build(12, catalogue)
    build(13, catalogue)
    assert count() == small
