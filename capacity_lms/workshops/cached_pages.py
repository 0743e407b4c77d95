"""The cached pages that show a workshop's seats, and their purge when the seats change.

Seats change with every registration, cancellation and promotion from the waiting list: a
burst of them must not empty the whole page cache, so each purges only the pages that show
those seats (the workshop's page and the workshop list, in every language) through
:func:`capacity_lms.core.page_cache.purge_path`. An edit of the workshop or its sessions
purges every page instead (``purge_when_changed`` in the app's ``ready()``): the course pages
list the workshops too.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from capacity_lms.core import page_cache


def seat_paths(workshop):
    """The paths, in every language, of the pages that show ``workshop``'s seats."""
    paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.append(reverse("capacity_lms:workshop_list"))
            paths.append(reverse("capacity_lms:workshop_detail", kwargs={"slug": workshop.slug}))
    return list(dict.fromkeys(paths))


def seats_changed(workshop):
    """Purge the pages that show ``workshop``'s seats, now and after the commit (call it from
    the action that changed them, in its transaction)."""
    page_cache.purge_now_and_after_commit(page_cache.purge_path, *seat_paths(workshop))
