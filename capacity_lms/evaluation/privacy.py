"""What evaluation keeps of a person.

Ratings and answers feed the programme's figures, which are pseudonymous: they stay with the
pseudonymous account, and the words a person wrote (a comment, free answers) go. A
self-assessment is the association's: it stays, and who took it is an actor. A learning gain is
the learner's result: deleted with them.
"""

from django.utils.translation import gettext_lazy as _

from capacity_lms.evaluation.models import (
    FollowUp,
    LearningGain,
    Reaction,
    ReactionRequest,
    SelfAssessment,
)
from capacity_lms.privacy.registry import DELETE, KEEP, PSEUDONYMISE, register

register(
    SelfAssessment,
    actor_fields=["taken_by"],
    erase=KEEP,
    reason=_("The self-assessment is the association's record of its capacities."),
)
register(
    ReactionRequest,
    person_fields=["user"],
    actor_fields=["trainers"],
    export=[("session", "session__title"), "occurrence_date", ("module", "course__title")],
    erase=PSEUDONYMISE,
    reason=_("The ratings stay in the trainers' and the programme's averages, unsigned."),
)
register(
    Reaction,
    person_fields=["request__user"],
    export=["trainer_rating", "content_rating", "comment", "signed", "answered_at"],
    erase=PSEUDONYMISE,
    scrub={"comment": "", "signed": False},
    reason=_("The ratings stay in the averages; the comment goes."),
)
register(
    LearningGain,
    person_fields=["user"],
    export=[("module", "course__title"), "pre_score", "post_score", "gain"],
    erase=DELETE,
)
register(
    FollowUp,
    person_fields=["user"],
    export=["due_on", "sent_at", "answered_at", "answers"],
    erase=PSEUDONYMISE,
    scrub={"answers": lambda erasure: {}},
    reason=_("The follow-up's score stays in the programme's figures; the answers go."),
)
