"""What the library keeps of a person who submitted a case study."""

from django.utils.translation import gettext_lazy as _

from capacity_lms.library.models import CaseStudyPage
from capacity_lms.privacy.registry import KEEP, register

register(
    CaseStudyPage,
    person_fields=["submitted_by"],
    export=["title", "live", "first_published_at", "contact_name", "contact_email"],
    erase=KEEP,
    reason=_(
        "Published content of the library, edited or removed by its editors through the page "
        "editor (its revisions keep earlier text); after erasure the submitter is the "
        "pseudonymous account."
    ),
)
