"""Evaluation (#25), self-assessment: the questionnaire in use and the learner's association's
self-assessment of this year. The learner is that association's admin: they take it; its
members and staff read its capacities; anyone else (the other learner, an admin of another
association, trainers) gets 404."""

from capacity_lms.evaluation.assessment import TakeSelfAssessment
from capacity_lms.taxonomy.models import CapacityArea
from sandbox.testing.questionnaire_factories import make_questionnaire, scale, section
from tests.integration.security.roles import LEADER_AND_STAFF, LEARNER, Route


def build(people, objects):
    area = CapacityArea.objects.get(code="finance")
    questionnaire = make_questionnaire(
        sections=[section("Finance", [scale("We keep accounts.", id="fin")], area=area)]
    )
    TakeSelfAssessment(
        objects["association"],
        user=people["learner"],
        questionnaire=questionnaire,
        answers={"fin": 2},
        language="en",
    ).execute()
    objects.update(capacity_area=area, questionnaire=questionnaire)


def _association(world):
    return {"pk": world.association.pk}


ROUTES = {
    "capacity_lms:self_assessment": Route(
        _association, allowed=LEARNER, kind="form", post=lambda world: {"q_fin": "3"}
    ),
    "capacity_lms:association_capacities": Route(_association, allowed=LEADER_AND_STAFF),
}
