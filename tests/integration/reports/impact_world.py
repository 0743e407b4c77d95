"""Random worlds of answers for the impact figures, and the figures counted by hand from them.

A skeleton (countries, axes, modules, a workshop per country and axis with one meeting, people
in countries, groups and associations) is built once; each seed then writes its own answers
(reactions to meetings and modules, self-assessments by capacity area) and keeps them as plain
facts: the keys each dimension gives, the answer it belongs to, its value. ``by_hand`` counts a
table's every entry (cells, row totals, column totals, the grand total) from those facts alone.
"""

import datetime
import random
from collections import defaultdict

from capacity_lms.evaluation.models import ReactionRequest, SelfAssessment
from capacity_lms.people.models import LearnerProfile
from capacity_lms.reports.suppression import TOTAL
from capacity_lms.taxonomy.models import CapacityArea, Country, SpecializedGroup, StrategicAxis
from sandbox.testing.evaluation_factories import reactions, self_assessment
from sandbox.testing.factories import (
    AssociationFactory,
    MembershipFactory,
    SessionFactory,
    UserFactory,
    WorkshopFactory,
)
from tests.integration.courses.conftest import make_course

COUNTRIES = ["fr", "be", "it"]
GROUPS = ["women", "young-people"]
AXES = ["school-support", "women-conditions"]


class Skeleton:
    def __init__(self, catalogue, people=30):
        rng = random.Random(0)
        axes = {code: StrategicAxis.objects.get(code=code) for code in AXES}
        countries = {code: Country.objects.get(code=code) for code in COUNTRIES}
        self.courses = [
            make_course(
                catalogue, lessons=1, quiz=False, title=f"Module {n}", strategic_axis=axes[axis]
            )
            for n, axis in enumerate(AXES)
        ]
        self.sessions = []  # (session, country, axis, course key)
        for country in COUNTRIES:
            for course in self.courses:
                axis = course.strategic_axis.code
                workshop = WorkshopFactory(
                    country=countries[country],
                    strategic_axis=axes[axis],
                    course=course,
                    capacity=None,
                )
                session = SessionFactory(
                    workshop=workshop, date=datetime.date(2025, 3, 3), time_zone="UTC"
                )
                self.sessions.append((session, country, axis, course.translation_key))
        self.associations = [
            AssociationFactory(host_country=countries[COUNTRIES[n % 3]]) for n in range(12)
        ]
        self.association_countries = {
            association.pk: COUNTRIES[n % 3] for n, association in enumerate(self.associations)
        }
        self.people = {}  # pk -> (user, country, groups)
        for number in range(people):
            person = UserFactory(username=f"impact-{number}")
            country = rng.choice(COUNTRIES)
            groups = set(rng.sample(GROUPS, rng.randint(0, 2)))
            profile = LearnerProfile.objects.create(
                user=person, country_of_residence=countries[country]
            )
            profile.specialized_groups.set(SpecializedGroup.objects.filter(code__in=groups))
            if number % 3 == 0:
                MembershipFactory(user=person, association=self.associations[number % 12])
            self.people[person.pk] = (person, country, groups)
        self.areas = list(CapacityArea.objects.order_by("sort_order"))


def moment(rng):
    return datetime.datetime(
        rng.choice([2024, 2025]), rng.randint(1, 12), rng.randint(1, 28), 10, tzinfo=datetime.UTC
    )


def write_reactions(skeleton, rng, most=9):
    """Random reactions to the meetings and the modules; their facts."""
    ReactionRequest.objects.all().delete()
    answers, facts = [], []
    people = list(skeleton.people)
    for session, country, axis, course in skeleton.sessions:
        for pk in rng.sample(people, rng.randint(0, most)):
            answers.append(
                {
                    "user": skeleton.people[pk][0],
                    "session": session,
                    "content": rng.randint(1, 5),
                    "trainer": rng.choice([None, 1, 2, 3, 4, 5]),
                    "answered_at": moment(rng),
                }
            )
            facts.append({"country": {country}, "axis": {axis}, "course": {course}})
    for course in skeleton.courses:
        for pk in rng.sample(people, rng.randint(0, most)):
            answers.append(
                {
                    "user": skeleton.people[pk][0],
                    "course": course,
                    "content": rng.randint(1, 5),
                    "trainer": rng.choice([None, 1, 2, 3, 4, 5]),
                    "answered_at": moment(rng),
                }
            )
            facts.append(
                {
                    "country": {skeleton.people[pk][1]},
                    "axis": {course.strategic_axis.code},
                    "course": {course.translation_key},
                }
            )
    written = reactions(answers)
    for reaction, answer, fact in zip(written, answers, facts, strict=True):
        fact.update(
            id=reaction.pk,
            answer=reaction.pk,
            period={answer["answered_at"].year},
            group=skeleton.people[answer["user"].pk][2] or {None},
            content=answer["content"],
            trainer=answer["trainer"],
        )
    return facts


def write_self_assessments(skeleton, rng):
    """Random self-assessments of the skeleton's associations in 2024 and 2025 (each scoring
    some of the areas); one fact a score."""
    SelfAssessment.objects.all().delete()
    facts = []
    for association in skeleton.associations:
        for year in (2024, 2025):
            if rng.random() < 0.4:
                continue
            areas = rng.sample(skeleton.areas, rng.randint(1, len(skeleton.areas)))
            scores = {area: rng.randint(0, 100) for area in areas}
            assessment = self_assessment(association, year, scores)
            for area, score in scores.items():
                facts.append(
                    {
                        "id": (assessment.pk, area.code),
                        "answer": assessment.pk,
                        "area": {area.code},
                        "period": {year},
                        "country": {skeleton.association_countries[association.pk]},
                        "score": score,
                    }
                )
    return facts


def by_hand(facts, rows, columns, value=None):
    """``{(row, column): (value, n)}`` of every non-empty entry, margins keyed TOTAL: the mean
    of ``value`` (or the count of facts), and the number of distinct answers."""
    entries = defaultdict(dict)
    for fact in facts:
        if value is not None and fact[value] is None:
            continue
        for row in [*fact[rows], TOTAL]:
            for column in [*fact[columns], TOTAL]:
                entries[(row, column)][fact["id"]] = fact
    table = {}
    for entry, found in entries.items():
        answers = len({fact["answer"] for fact in found.values()})
        if value is None:
            table[entry] = (len(found), answers)
        else:
            values = [fact[value] for fact in found.values()]
            table[entry] = (sum(values) / len(values), answers)
    return table


def normalised(key):
    """A period key as its year (the tables here count periods by year)."""
    return key.year if hasattr(key, "year") else key


def entries_of(table):
    """``{(row, column): value}`` of a cross table's every entry, margins keyed TOTAL; an
    empty grand total (no answer at all) left out."""
    entries = {
        (normalised(row), normalised(column)): value
        for (row, column), value in table.cells.items()
    }
    entries.update({(normalised(row), TOTAL): value for row, value in table.row_totals.items()})
    entries.update(
        {(TOTAL, normalised(column)): value for column, value in table.column_totals.items()}
    )
    if table.total not in (None, 0):
        entries[(TOTAL, TOTAL)] = table.total
    return entries
