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


# The attribute SharedPage sets on a response that the page cache may keep
# (capacity_lms.core.page_cache.PageCacheMiddleware reads it).
SHARED_RESPONSE_ATTRIBUTE = "capacity_lms_shared"


class SharedPage:
    """A page that shows every signed-out visitor the same thing: its anonymous GET responses
    are marked for the page cache (see docs/caching.md), signed-in people's never are."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if (
            request.method == "GET"
            and not request.user.is_authenticated
            and not getattr(request, "is_preview", False)
        ):
            setattr(response, SHARED_RESPONSE_ATTRIBUTE, True)
        return response
