"""Counting the generated demo world's facts apart from the report engine (#27).

Every fact is read back row by row in plain Python (who, where, on what axis, when) without any
aggregate of the database's; :func:`independent` makes the cross table the reports should show
from those rows alone. ``tests/integration/test_demo_world.py`` compares every cell, row
total, column total and grand total of the reports, and every figure of the admin home's
summary, with it: for staff (everything) and for the demo coordinator (France and Belgium).
"""

import datetime
from collections import defaultdict
from decimal import Decimal

from capacity_lms.attendance.models import AttendanceRecord
from capacity_lms.certificates.models import Certificate
from capacity_lms.people.models import LearnerProfile, Membership
from capacity_lms.workshops.models import Registration
from courses.models import Enrolment
from sandbox.home.demo import COORDINATED_COUNTRIES

SCOPES = {"staff": None, "coordinator": set(COORDINATED_COUNTRIES)}


def quarter(day):
    return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def read_back():
    """Every fact of the four training figures and the certificates, as plain tuples:
    ``(person, {"country", "axis", "period"}, value)``, and each person's groups and
    associations."""
    people = defaultdict(lambda: {"groups": set(), "associations": set(), "country": None})
    for profile in LearnerProfile.objects.select_related("country_of_residence").prefetch_related(
        "specialized_groups"
    ):
        person = people[profile.user_id]
        person["country"] = profile.country_of_residence and profile.country_of_residence.code
        person["groups"] = {group.code for group in profile.specialized_groups.all()}
    for membership in Membership.objects.all():
        people[membership.user_id]["associations"].add(membership.association_id)

    facts = defaultdict(list)
    for enrolment in Enrolment.objects.select_related("course__strategic_axis"):
        axis = enrolment.course.strategic_axis and enrolment.course.strategic_axis.code
        where = {"country": people[enrolment.user_id]["country"], "axis": axis}
        facts["enrolments"].append(
            (enrolment.user_id, {**where, "period": quarter(enrolment.enrolled_at.date())}, 1)
        )
        if enrolment.completed_at:
            day = enrolment.completed_at.date()
            facts["completions"].append((enrolment.user_id, {**where, "period": quarter(day)}, 1))
    for registration in Registration.objects.select_related(
        "workshop__country", "workshop__strategic_axis"
    ):
        if registration.status != Registration.Status.CONFIRMED:
            continue
        workshop = registration.workshop
        facts["registrations"].append(
            (
                registration.user_id,
                {
                    "country": workshop.country and workshop.country.code,
                    "axis": workshop.strategic_axis and workshop.strategic_axis.code,
                    "period": quarter(registration.queued_at.date()),
                },
                1,
            )
        )
    for record in AttendanceRecord.objects.select_related(
        "status", "session__workshop__country", "session__workshop__strategic_axis"
    ):
        if record.user_id is None or not record.status.counts_in_rate:
            continue
        workshop = record.session.workshop
        facts["attendance_rate"].append(
            (
                record.user_id,
                {
                    "country": workshop.country and workshop.country.code,
                    "axis": workshop.strategic_axis and workshop.strategic_axis.code,
                    "period": quarter(record.occurrence_date),
                },
                record.status.weight,
            )
        )
    for certificate in Certificate.objects.select_related(
        "workshop__country", "workshop__strategic_axis", "course__strategic_axis"
    ):
        if certificate.status == Certificate.Status.REPLACED:
            continue
        workshop, course = certificate.workshop, certificate.course
        country = (workshop and workshop.country and workshop.country.code) or people[
            certificate.user_id
        ]["country"]
        axis = (course and course.strategic_axis and course.strategic_axis.code) or (
            workshop and workshop.strategic_axis and workshop.strategic_axis.code
        )
        facts["certificates"].append(
            (
                certificate.user_id,
                {"country": country, "axis": axis, "period": quarter(certificate.issued_on)},
                1,
            )
        )
    return people, facts


def keys(people, person, fact, dimension):
    if dimension in ("group", "association"):
        return people[person][f"{dimension}s"]
    return {fact[dimension]}


def in_scope(fact, countries):
    return countries is None or fact["country"] in countries


def independent(world, metric, rows, columns, countries=None):
    """The cross table from the tuples alone: cells, row totals, column totals, total."""
    people, facts = world
    cells, row_totals, column_totals = defaultdict(dict), defaultdict(dict), defaultdict(dict)
    everything = {}
    for index, (person, fact, value) in enumerate(facts[metric]):
        if not in_scope(fact, countries):
            continue
        row_keys, column_keys = (
            keys(people, person, fact, rows),
            keys(people, person, fact, columns),
        )
        for row in row_keys:
            row_totals[row][index] = value
            for column in column_keys:
                cells[(row, column)][index] = value
        for column in column_keys:
            column_totals[column][index] = value
        everything[index] = value

    def reduce(values):
        if metric == "attendance_rate":
            return Decimal(100) * sum(values.values()) / len(values)
        return len(values)

    return (
        {key: reduce(values) for key, values in cells.items() if None not in key},
        {key: reduce(values) for key, values in row_totals.items() if key is not None},
        {key: reduce(values) for key, values in column_totals.items() if key is not None},
        reduce(everything) if everything else None,
    )


def close(a, b):
    return abs(Decimal(str(a)) - Decimal(str(b))) < Decimal("0.01")


def as_date(key):
    return key.date() if isinstance(key, datetime.datetime) else key


def normalised(mapping):
    return {
        (tuple(as_date(part) for part in key) if isinstance(key, tuple) else as_date(key)): value
        for key, value in mapping.items()
        if key is not None and (not isinstance(key, tuple) or None not in key)
    }
