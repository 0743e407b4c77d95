"""Members and trainers acting at the same instant, against a real database (PostgreSQL in
CI, SQLite in the concurrency lane): first saves of a new workbook make one workbook and one
deliverable; saves at once take distinct version numbers; two members saving the same section
from the same version lose nothing (one is saved, the other is told and given both); a submit
clicked eight times is one submission; eight reviews at once are one review."""

import pytest

from capacity_lms.core.actions import ActionRefused
from capacity_lms.workbook.actions import (
    ChangedMeanwhile,
    ReviewStep,
    SaveStep,
    find_deliverable,
)
from capacity_lms.workbook.models import (
    Deliverable,
    DeliverableReview,
    DeliverableVersion,
    Workbook,
)
from capacity_lms.workbook.steps import find_step
from tests.concurrency import run_together

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("migrated_rows")]


def refusals(functions):
    """Run ``functions`` together; the codes of the refusals, and any other error raised."""
    codes = []

    def refused_or_done(function):
        def run():
            try:
                function()
            except ActionRefused as refusal:
                codes.append(refusal.code)

        return run

    errors = run_together([refused_or_done(function) for function in functions])
    assert errors == []
    return codes


def test_saves_at_once_make_one_workbook_and_numbered_versions(module, people):
    step = find_step(module["lesson"]["en"].pk, module["steps"]["needs"])
    association = people["association"]

    def save(person, number):
        return lambda: SaveStep(
            step,
            user=person,
            association=association,
            content={"problem": f"Draft {number}"},
        ).execute()

    people_ = [people["fatima"], people["omar"]] * 4
    assert refusals([save(person, n) for n, person in enumerate(people_)]) == []
    assert Workbook.objects.count() == 1 and Deliverable.objects.count() == 1
    numbers = sorted(DeliverableVersion.objects.values_list("number", flat=True))
    assert numbers == list(range(1, 9))


def test_two_members_saving_one_section_at_once_lose_nothing(module, people):
    step = find_step(module["lesson"]["en"].pk, module["steps"]["needs"])
    association = people["association"]
    SaveStep(
        step,
        user=people["fatima"],
        association=association,
        content={"problem": "Pupils drop out"},
        parts={"sections": {"context": "Pupils drop out", "target_groups": ""}},
    ).execute()
    problems = {"fatima": "Girls leave school at 14", "omar": "Boys leave school at 16"}
    told = []

    def save(name):
        def run():
            try:
                SaveStep(
                    step,
                    user=people[name],
                    association=association,
                    content={"problem": problems[name]},
                    parts={"sections": {"context": problems[name], "target_groups": ""}},
                    based_on=1,
                ).execute()
            except ChangedMeanwhile as changed:
                told.append((name, changed))

        return run

    assert run_together([save("fatima"), save("omar")]) == []
    assert len(told) == 1
    loser, changed = told[0]
    winner = "omar" if loser == "fatima" else "fatima"
    deliverable = Deliverable.objects.get()
    assert sorted(deliverable.versions.values_list("number", flat=True)) == [1, 2]
    assert deliverable.content["problem"] == problems[winner]
    assert deliverable.workbook.project.context == problems[winner]
    # The one told sees the other's version, and what they changed is named.
    assert changed.latest.number == 2 and changed.latest.author == people[winner]
    assert changed.latest.content["content"]["problem"] == problems[winner]
    assert changed.sections == ["The core problem"]


def test_submit_clicked_eight_times_is_one_submission_and_review_eight_times_is_one(
    module, people
):
    step = find_step(module["lesson"]["en"].pk, module["steps"]["needs"])
    association = people["association"]
    SaveStep(step, user=people["fatima"], association=association).execute()

    def submit():
        SaveStep(step, user=people["fatima"], association=association, submit=True).execute()

    codes = refusals([submit] * 8)
    assert codes == ["not_editable"] * 7
    assert DeliverableVersion.objects.filter(submitted=True).count() == 1

    def review():
        ReviewStep(
            find_deliverable(association, step),
            user=people["trainer"],
            step=step,
            decision="accepted",
            scores=[2, 1],
        ).execute()

    assert refusals([review] * 8) == ["not_submitted"] * 7
    assert DeliverableReview.objects.count() == 1
