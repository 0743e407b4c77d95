"""The impact figures through the engine over random worlds of answers: every entry shown
equals the one counted by hand, none shown is from 1 to 4 answers, and no hidden entry can be
worked out from the shown entries and the totals (exact linear algebra over the rationals,
``tests/disclosure.py``).

With the minimum at 1 nothing is hidden, and the figures equal the count by hand everywhere.
"""

import random

import pytest
from django.test import override_settings

from capacity_lms.reports.engine import ReportRequest, cross_table
from capacity_lms.reports.suppression import TOTAL, is_hidden
from capacity_lms.taxonomy.loading import load_standard_taxonomy
from sandbox.testing.factories import CatalogueIndexPageFactory
from tests.disclosure import determined
from tests.integration.conftest import built_for_the_module

from .impact_world import (
    Skeleton,
    by_hand,
    entries_of,
    normalised,
    write_reactions,
    write_self_assessments,
)

pytestmark = pytest.mark.django_db

MINIMUM = 5
SEEDS = range(40)

# (figure, rows, columns, the facts' value, what writes the facts)
TABLES = [
    ("content_rating", "country", "axis", "content", write_reactions),
    ("trainer_rating", "course", "period", "trainer", write_reactions),
    ("content_rating", "group", "country", "content", write_reactions),
    ("self_assessment_score", "area", "period", "score", write_self_assessments),
    ("self_assessment_score", "country", "area", "score", write_self_assessments),
]


@pytest.fixture(scope="module")
def skeleton(django_db_setup, django_db_blocker):
    """Built once for the module, in a transaction rolled back at its end."""

    def build():
        from wagtail.models import Site

        load_standard_taxonomy()
        root = Site.objects.get(is_default_site=True).root_page
        return Skeleton(CatalogueIndexPageFactory(parent=root))

    with built_for_the_module(django_db_blocker, build) as built:
        yield built


def close(a, b):
    return abs(float(a) - float(b)) < 1e-6


def answers_of(table):
    return {(normalised(row), normalised(column)): n for (row, column), n in table.answers.items()}


def check(table, expected, minimum):
    got = entries_of(table)
    # The same entries are non-empty: an empty one is left empty (a known zero), never hidden.
    assert set(got) == set(expected)
    for entry, (value, answers) in expected.items():
        shown = got[entry]
        if answers < minimum:
            assert is_hidden(shown), (entry, answers)
        if not is_hidden(shown):
            assert answers >= minimum
            assert close(shown, value), (entry, shown, value)
            assert answers_of(table)[entry] == answers
    hidden = {entry for entry, value in got.items() if is_hidden(value)}
    assert not set(answers_of(table)) & hidden
    assert determined(list(expected), hidden) == []
    return hidden


@pytest.mark.parametrize(("metric", "rows", "columns", "value", "write"), TABLES)
def test_no_small_entry_shown_and_no_hidden_entry_worked_out(
    skeleton,
    metric,
    rows,
    columns,
    value,
    write,
):
    request = ReportRequest(metric=metric, rows=rows, columns=columns, period="year")
    hidden_somewhere = complementary = False
    for seed in SEEDS:
        facts = write(skeleton, random.Random(seed))
        expected = by_hand(facts, rows, columns, value)
        hidden = check(cross_table(request), expected, MINIMUM)
        hidden_somewhere |= bool(hidden)
        complementary |= any(expected[entry][1] >= MINIMUM for entry in hidden)
        # Through the totals too: a hidden margin is never worked out from the cells.
        assert all(entry in expected for entry in hidden)
    # The worlds do exercise both kinds of suppression.
    assert hidden_somewhere and complementary


@override_settings(CAPACITY_LMS_REPORT_MIN_ANSWERS=1)
@pytest.mark.parametrize(("metric", "rows", "columns", "value", "write"), TABLES[:2] + TABLES[3:4])
def test_with_a_minimum_of_one_every_figure_equals_the_count_by_hand(
    skeleton,
    metric,
    rows,
    columns,
    value,
    write,
):
    request = ReportRequest(metric=metric, rows=rows, columns=columns, period="year")
    for seed in SEEDS[:3]:
        facts = write(skeleton, random.Random(seed))
        expected = by_hand(facts, rows, columns, value)
        table = cross_table(request)
        assert check(table, expected, 1) == set()
        assert answers_of(table)[(TOTAL, TOTAL)] == expected[(TOTAL, TOTAL)][1]
