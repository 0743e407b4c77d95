"""What purges the directory's cached pages (``network/pages.py``).

The directory, an association's page and the map show associations (purged by the app's
``ready()`` with the other shown rows), and also memberships (the capacity record counts the
members), partnerships (listed on both profiles, counted on the map) and each member's consent
to be named with their certificates: a change to any of these purges the page cache at once.
The rest of the capacity record (modules completed, meetings attended, certificates) changes
with every learner's progress; an association's page is kept no longer than
``pages.CAPACITY_RECORD_SECONDS`` for it rather than purging every page at each lesson.
"""

from capacity_lms.core import page_cache
from capacity_lms.network.models import Partnership
from capacity_lms.people.models import LearnerProfile, Membership


def register():
    """Connect the purges (called from the app's ``ready()``)."""
    page_cache.purge_when_changed(Partnership, Membership, LearnerProfile)
