"""Page bases every domain's pages mix in, in front of Wagtail's ``Page``: what a page may be
asked (GET and HEAD only), whether its response may be stored by a browser (a learner's own
status never is), and whether the page cache may share it among signed-out visitors.

``class CaseStudyPage(SharedPage, ReadOnlyPage, Page)``: the mixins come first so that their
``serve`` wraps Wagtail's.
"""

from django.http import HttpResponseNotAllowed
from django.utils.cache import add_never_cache_headers


class ReadOnlyPage:
    """A page that only reads: methods other than GET and HEAD get 405 (pages with forms,
    such as courses and lessons, handle their POST in ``serve``)."""

    def serve(self, request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return super().serve(request, *args, **kwargs)


class PersonalPage:
    """A page that shows a signed-in learner their own status or progress: what it sends them
    is never stored by a browser or a proxy. Visitors' pages stay cacheable."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if request.user.is_authenticated:
            add_never_cache_headers(response)
        return response


# The attribute SharedPage and SharedView set on a response that the page cache may keep
# (capacity_lms.core.page_cache.PageCacheMiddleware reads it).
SHARED_RESPONSE_ATTRIBUTE = "capacity_lms_shared"
# And the instant, if any, at which what it shows changes with the clock alone (a workshop's
# registration closing): the page cache keeps it no longer.
SHARED_UNTIL_ATTRIBUTE = "capacity_lms_shared_until"


def signed_out_get(request):
    """Whether ``request`` is a signed-out visitor's GET of the published site (not an
    editor's preview): the only requests whose response may be shared."""
    return (
        request.method == "GET"
        and not request.user.is_authenticated
        and not getattr(request, "is_preview", False)
    )


def mark_shared(response, until=None):
    """Mark ``response`` as the same for every signed-out visitor (docs/caching.md), until
    ``until`` (an aware datetime) when given."""
    setattr(response, SHARED_RESPONSE_ATTRIBUTE, True)
    if until is not None:
        setattr(response, SHARED_UNTIL_ATTRIBUTE, until)
    return response


class SharedPage:
    """A page that shows every signed-out visitor the same thing: its anonymous GET responses
    are marked for the page cache (see docs/caching.md), signed-in people's never are, nor
    those of a page behind a view restriction (its own or an ancestor's), whoever got through.

    A page whose template shows a signed-in person their own state (an enrol button,
    progress) renders the signed-out variant for the cache, since only signed-out requests are
    marked. A page type that is shared only sometimes says when in
    :meth:`shared_with_visitors`.
    """

    def shared_with_visitors(self, request):
        """Whether this page's signed-out response is the same for every visitor."""
        return True

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if (
            signed_out_get(request)
            and self.shared_with_visitors(request)
            and not self.get_view_restrictions().exists()
        ):
            mark_shared(response)
        return response


class SharedView:
    """A class-based view (before ``View`` in its bases) whose signed-out GET responses are the
    same for every visitor, such as a public listing: marked for the page cache as
    :class:`SharedPage` marks a page's. Whatever it shows must be purged when it changes
    (``capacity_lms.core.page_cache``: ``purge_when_changed``, ``purge_path``); what changes
    with the clock alone, :meth:`changes_at` says when."""

    def changes_at(self):
        """The next instant at which this response would read otherwise with nothing saved (a
        window closing), or None; asked once the view has made its response."""
        return None

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if signed_out_get(request):
            mark_shared(response, until=self.changes_at())
        return response
