"""Page-tree lookups that use the index on ``path``.

Wagtail's ``child_of`` filters with ``path LIKE 'prefix%'``, which SQLite (and PostgreSQL
without a pattern index) cannot answer from the index: at ten thousand courses that scan shows.
Treebeard paths use the alphabet 0-9A-Z in steps of four, so a page's children lie between
``path + "0000"`` and ``path + "ZZZZ"``: a range the index answers directly.
"""

from django.db.models import Q, Value
from django.db.models.functions import Concat

FIRST_STEP = "0000"
LAST_STEP = "ZZZZ"


def children_of(page):
    """A Q selecting the direct children of ``page``."""
    return Q(path__range=(page.path + FIRST_STEP, page.path + LAST_STEP), depth=page.depth + 1)


def children_of_outer(path, depth):
    """The same for a correlated subquery: ``path``/``depth`` are expressions (OuterRef)."""
    return Q(
        path__gte=Concat(path, Value(FIRST_STEP)),
        path__lte=Concat(path, Value(LAST_STEP)),
        depth=depth + 1,
    )


def live_only(related):
    """The live pages of a page-to-page ``ParentalManyToManyField``.

    A query on a saved page; in a Wagtail preview the relation holds the editor's unsaved
    choices as a list-like ``FakeQuerySet`` without ``live()``, so they are filtered here.
    """
    pages = related.all()
    if hasattr(pages, "live"):
        return pages.live()
    return [page for page in pages if page.live]


def view_restrictions(page):
    """Wagtail's ``Page.get_view_restrictions()`` in one query instead of two: the
    restrictions on ``page`` and its ancestors (their paths are prefixes of its path), an
    alias's taken from its source page, as Wagtail does (aliases have none of their own)."""
    from wagtail.models import PageViewRestriction

    steps = range(page.steplen, len(page.path) + 1, page.steplen)
    paths = [page.path[:end] for end in steps]
    return PageViewRestriction.objects.filter(
        Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__aliases__path__in=paths)
    ).distinct()
