"""Evaluation (#25), follow-up and timeline: the follow-up of the learner's certificate, sent
and not answered (only its holder reaches its form: anyone else, staff included, 404); the
timeline of the learner's association (its members and staff read it; anyone else 404)."""

import datetime

from django.utils import timezone

from capacity_lms.evaluation.models import FollowUp, Questionnaire
from sandbox.testing.questionnaire_factories import make_questionnaire, scale, section
from tests.integration.security.roles import LEADER_AND_STAFF, LEARNER, Route


def build(people, objects):
    questionnaire = make_questionnaire(
        kind=Questionnaire.Kind.FOLLOW_UP,
        title="After the training",
        sections=[section("Since the training", [scale("We used it.", id="used")])],
    )
    certificate = objects["certificate"]
    objects["follow_up"] = FollowUp.objects.create(
        certificate=certificate,
        user=certificate.user,
        questionnaire=questionnaire,
        due_on=certificate.issued_on + datetime.timedelta(days=180),
        sent_at=timezone.now(),
    )


# Route name -> Route (tests/integration/security/matrix.py adds them to PUBLIC).
ROUTES = {
    # The holder's own follow-up: 404 for anybody else, staff included.
    "capacity_lms:follow_up": Route(
        lambda world: {"pk": world.follow_up.pk},
        allowed=LEARNER,
        kind="form",
        post=lambda world: {"q_used": "4"},
    ),
    # The learner is a member (the admin) of the association; the other learner is another
    # association's admin.
    "capacity_lms:association_timeline": Route(
        lambda world: {"pk": world.association.pk}, allowed=LEADER_AND_STAFF
    ),
}
