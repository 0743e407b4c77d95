"""What the workbook tells other parts of the site, sent once the change is committed."""

from django.dispatch import Signal

# A deliverable was submitted for review: ``deliverable``, ``version``.
deliverable_submitted = Signal()
# A trainer reviewed it: ``review`` (accepted or changes requested).
deliverable_reviewed = Signal()
