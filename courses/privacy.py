"""What the learning records keep of a person, and how they are exported and erased."""

from django.utils.translation import gettext_lazy as _

from capacity_lms.privacy.registry import KEEP, PSEUDONYMISE, register
from courses.models import CoursePage, Enrolment, LessonCompletion, QuizAttempt

COUNTED = _(
    "Counted in the reports (enrolments, completions, people trained); after erasure it "
    "belongs to the pseudonymous account."
)

register(
    Enrolment,
    person_fields=["user"],
    export=[("course", "course__title"), "status", "enrolled_at", "completed_at", "withdrawn_at"],
    erase=PSEUDONYMISE,
    reason=COUNTED,
)

register(
    LessonCompletion,
    person_fields=["user"],
    export=[("lesson", "lesson__title"), "method", "completed_at"],
    erase=PSEUDONYMISE,
    reason=COUNTED,
)

register(
    QuizAttempt,
    person_fields=["user"],
    export=[("lesson", "lesson__title"), "quiz_id", "number", "answers", "score", "passed"],
    erase=PSEUDONYMISE,
    scrub={"answers": {}},
    reason=_("The score and result decide certificates and stay; the answers given are erased."),
)

register(
    CoursePage,
    person_fields=["trainers"],
    export=["title", "slug"],
    erase=KEEP,
    reason=_(
        "The programme's record of who trained a module; after erasure the trainer is the "
        "pseudonymous account. Kept as long as the module."
    ),
)
