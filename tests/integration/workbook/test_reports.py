"""Workbook figures in the programme reports (#24, point 7): deliverables submitted and
accepted, and the average rubric score, by country x group x axis, with the report engine's
scopes (a coordinator sees their countries; a trainer's workshop scope sees none of it)."""

import pytest

from capacity_lms.reports.engine import ReportRequest, cross_table, cube, grand_total
from capacity_lms.reports.scope import ReportScope
from capacity_lms.taxonomy.models import Country
from capacity_lms.workbook.actions import ReviewStep, SaveStep, find_deliverable
from capacity_lms.workbook.steps import find_step

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def submit(module, association, person, name):
    lesson = module["lesson"]["en"] if name in ("needs", "notes") else module["planning"]
    step = find_step(lesson.pk, module["steps"][name])
    SaveStep(step, user=person, association=association, submit=True).execute()
    return step, find_deliverable(association, step)


def review(step, deliverable, trainer, decision, levels):
    ReviewStep(
        deliverable,
        user=trainer,
        step=step,
        decision=decision,
        scores=levels,
        comment="" if decision == "accepted" else "Name the families.",
    ).execute()


@pytest.fixture
def figures(module, people):
    """France: needs (changes asked, 2 of 6; then accepted, 6 of 6) and notes submitted;
    Belgium: logframe accepted (2 of 4)."""
    people["association"].host_country = Country.objects.get(code="fr")
    people["association"].save()
    people["other_association"].host_country = Country.objects.get(code="be")
    people["other_association"].save()
    trainer = people["trainer"]
    step, needs = submit(module, people["association"], people["fatima"], "needs")
    review(step, needs, trainer, "changes_requested", [1, 0])
    step, needs = submit(module, people["association"], people["omar"], "needs")
    review(step, needs, trainer, "accepted", [2, 1])
    submit(module, people["association"], people["fatima"], "notes")
    step, logframe = submit(module, people["other_association"], people["stranger"], "logframe")
    review(step, logframe, trainer, "accepted", [1])


def test_counts_and_score_by_country_and_axis(figures):
    submitted = cross_table(ReportRequest(metric="deliverables_submitted", rows="country"))
    assert submitted.row_totals == {"fr": 2, "be": 1} and submitted.total == 3
    assert set(submitted.column_keys) == {"project-engineering"}
    accepted = cross_table(ReportRequest(metric="deliverables_accepted", rows="country"))
    assert accepted.row_totals == {"fr": 1, "be": 1}
    score = cross_table(ReportRequest(metric="rubric_score", rows="country"))
    # France: (2 + 6) of (6 + 6) points; Belgium 2 of 4; all: 10 of 16.
    assert round(score.row_totals["fr"], 1) == round(800 / 12, 1)
    assert score.row_totals["be"] == 50.0
    assert score.total == 62.5
    by_three = cube(ReportRequest(metric="deliverables_submitted"), ["country", "group", "axis"])
    assert sum(by_three.values()) == 3


def test_scopes_fail_closed(figures):
    france = ReportScope(countries=["fr"])
    assert grand_total("deliverables_submitted", france) == 2
    assert grand_total("deliverables_accepted", ReportScope(countries=["it"])) == 0
    assert grand_total("deliverables_submitted", ReportScope(workshops=[1])) == 0
    assert grand_total("rubric_score", ReportScope(workshops=[1])) is None
