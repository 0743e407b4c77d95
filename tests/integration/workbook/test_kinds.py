"""The steps that keep their own rows (#24 point 1): the stakeholder map (with the project's
partners), the risk table; and the rubric an editor writes."""

import pytest
from django.core.exceptions import ValidationError

from capacity_lms.core.actions import ActionRefused
from capacity_lms.projects.deliverables import DeliverableKind
from capacity_lms.workbook.actions import SaveStep, find_deliverable
from capacity_lms.workbook.steps import find_step
from courses.deliverable_blocks import CriterionBlock, rubric_points
from sandbox.testing.factories import LessonPageFactory, deliverable_block

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def steps(module):
    stakeholders = deliverable_block(DeliverableKind.STAKEHOLDERS, "Stakeholders")
    risks = deliverable_block(DeliverableKind.RISKS, "Risks")
    lesson = LessonPageFactory(
        parent=module["en"], title="Who and what could go wrong", body=[stakeholders, risks]
    )
    return {
        "stakeholders": find_step(lesson.pk, stakeholders["id"]),
        "risks": find_step(lesson.pk, risks["id"]),
    }


def test_the_stakeholder_map_keeps_its_rows_and_writes_the_partners(steps, people):
    association = people["association"]
    SaveStep(
        steps["stakeholders"],
        user=people["fatima"],
        association=association,
        content={
            "stakeholders": [
                {
                    "name": "Parents",
                    "role": "Bring the pupils",
                    "interest": "high",
                    "influence": "medium",
                },
                {"name": "", "role": "", "interest": "low", "influence": "low"},
            ]
        },
        parts={
            "partners": [
                {"kind": "host_country", "name": "Mairie du 9e", "role": "Lends a room"},
                {"kind": "territorial", "name": "Commune de Tiznit", "role": "Twinning"},
            ]
        },
    ).execute()
    deliverable = find_deliverable(association, steps["stakeholders"])
    assert deliverable.content["stakeholders"] == [
        {"name": "Parents", "role": "Bring the pupils", "interest": "high", "influence": "medium"}
    ]
    partners = deliverable.workbook.project.partners.order_by("order")
    assert [(p.kind, p.name) for p in partners] == [
        ("host_country", "Mairie du 9e"),
        ("territorial", "Commune de Tiznit"),
    ]
    version = deliverable.versions.get()
    assert [row["name"] for row in version.content["project"]["partners"]] == [
        "Mairie du 9e",
        "Commune de Tiznit",
    ]


def test_the_risk_table_refuses_a_crafted_level_and_writes_nothing(steps, people):
    risky = {"risk": "No room", "likelihood": "certain", "impact": "high", "mitigation": "Ask"}
    with pytest.raises(ActionRefused) as refused:
        SaveStep(
            steps["risks"],
            user=people["fatima"],
            association=people["association"],
            content={"risks": [risky]},
        ).execute()
    assert refused.value.code == "bad_content"
    assert find_deliverable(people["association"], steps["risks"]) is None
    with pytest.raises(ActionRefused):
        SaveStep(
            steps["risks"],
            user=people["fatima"],
            association=people["association"],
            content={"risks": [{**risky, "likelihood": "low", "owner": "injected"}]},
        ).execute()
    SaveStep(
        steps["risks"],
        user=people["fatima"],
        association=people["association"],
        content={"risks": [{**risky, "likelihood": "low"}]},
    ).execute()
    kept = find_deliverable(people["association"], steps["risks"]).content["risks"]
    assert kept == [{**risky, "likelihood": "low"}]


def test_a_rubric_needs_rising_points():
    block = CriterionBlock()
    good = block.to_python(
        {
            "name": "Clear",
            "description": "",
            "levels": [
                {"label": "No", "points": 0},
                {"label": "Yes", "points": 3},
            ],
        }
    )
    assert block.clean(good)["name"] == "Clear"
    falling = block.to_python(
        {
            "name": "Clear",
            "description": "",
            "levels": [
                {"label": "Yes", "points": 3},
                {"label": "No", "points": 0},
            ],
        }
    )
    with pytest.raises(ValidationError):
        block.clean(falling)
    assert rubric_points([good, good]) == 6
