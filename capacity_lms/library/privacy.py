"""What the library keeps of a person who submitted a case study."""

from django.utils.translation import gettext_lazy as _

from capacity_lms.library.attachments import DeclineSubmissionAction
from capacity_lms.library.models import CaseStudyPage
from capacity_lms.privacy.registry import register


def erase_submissions(rows, erasure):
    """Submissions never published go, with their revisions and files (as when an editor
    declines one); published case studies stay."""
    unpublished = rows.filter(live=False, first_published_at__isnull=True)
    count = 0
    for page in unpublished:
        DeclineSubmissionAction(page).execute()
        count += 1
    return count


register(
    CaseStudyPage,
    person_fields=["submitted_by"],
    export=["title", "live", "first_published_at", "contact_name", "contact_email"],
    erase=erase_submissions,
    reason=_(
        "A submission never published is deleted with its files. A published case study is "
        "content of the library, edited or removed by its editors through the page editor "
        "(its revisions keep earlier text); after erasure the submitter is the pseudonymous "
        "account."
    ),
)
