"""Evaluation (#25), reactions: the learner is asked about the meeting of the trainer's
workshop they attended (open, not answered: only they reach its form; anyone else 404).
Five others answered about that meeting (one comment unsigned, by a named person; one signed)
and five about the other trainer's (with their comments): each trainer's own page shows their
figures and comments only (tests/integration/evaluation/test_reactions_world.py reads them),
anyone signed in may open it (someone named in no request sees an empty page), and staff's
page is staff's alone."""

import datetime

from django.utils import timezone

from capacity_lms.evaluation.models import Reaction, ReactionRequest
from sandbox.testing.factories import UserFactory
from tests.integration.security.roles import LEARNER, SIGNED_IN, STAFF, Route

UNSIGNED_AUTHOR = ("Zineb", "Alaoui")
SIGNED_AUTHOR = ("Omar", "Bennani")
UNSIGNED_COMMENT = "The budget exercise went too fast."
SIGNED_COMMENT = "Clear examples, thank you."
OTHER_TRAINERS_COMMENT = "The governance game was the best part."


def _request(person, session, trainers, opens_at):
    request = ReactionRequest.objects.create(
        user=person,
        subject=ReactionRequest.Subject.MEETING,
        session=session,
        occurrence_date=session.date,
        opens_at=opens_at,
        closes_at=opens_at + datetime.timedelta(days=14),
    )
    request.trainers.set(trainers)
    return request


def _answered(session, trainer, opens_at, comments):
    """Five answers about ``session`` of ``trainer``; ``comments`` maps an answer's number to
    (comment, signed, person)."""
    for number in range(5):
        comment, signed, person = comments.get(number, ("", False, None))
        request = _request(person or UserFactory(), session, [trainer], opens_at)
        Reaction.objects.create(
            request=request,
            content_rating=2 + number % 2,
            trainer_rating=3,
            comment=comment,
            signed=signed,
            answered_at=opens_at + datetime.timedelta(minutes=30),
        )


def build(people, objects):
    now = timezone.now()
    session, trainer = objects["session"], people["trainer"]
    objects["reaction_request"] = _request(
        people["learner"], session, [trainer], now - datetime.timedelta(hours=1)
    )
    first, last = UNSIGNED_AUTHOR
    unsigned = UserFactory(username="reaction-zineb", first_name=first, last_name=last)
    first, last = SIGNED_AUTHOR
    signed = UserFactory(username="reaction-omar", first_name=first, last_name=last)
    past = now - datetime.timedelta(hours=1)
    _answered(
        session,
        trainer,
        past,
        {0: (UNSIGNED_COMMENT, False, unsigned), 1: (SIGNED_COMMENT, True, signed)},
    )
    other_session = objects["other_workshop"].sessions.get()
    _answered(
        other_session,
        people["other_trainer"],
        past,
        {0: (OTHER_TRAINERS_COMMENT, False, None), 1: (OTHER_TRAINERS_COMMENT, True, None)},
    )


# Route name -> Route (tests/integration/security/matrix.py adds them to PUBLIC).
ROUTES = {
    # The form of the learner's own request: 404 for anybody else, staff included.
    "capacity_lms:reaction": Route(
        lambda world: {"pk": world.reaction_request.pk},
        allowed=LEARNER,
        kind="form",
        post=lambda world: {"content_rating": "4", "trainer_rating": "4"},
    ),
    # The reactions about the viewer as a trainer: empty for whoever trains nothing.
    "capacity_lms:reaction_mine": Route(allowed=SIGNED_IN),
    "capacity_lms:reaction_all": Route(allowed=STAFF),
}
