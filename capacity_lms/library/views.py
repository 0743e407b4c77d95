"""The library's public extras: RSS and Atom feeds, a case study as a one-page PDF.

Case-study and library pages themselves are Wagtail pages (their ``serve``); these views sit at
stable URLs of ``capacity_lms.urls``.

The PDF takes WeasyPrint a good part of a second, and anyone may ask for it: it is rendered
once per (page, live revision, language, address) and kept in the cache for
``CASE_STUDY_PDF_SECONDS``. Publishing a new revision gives a new key, so the next request
renders the new text; the page is looked up (live and public) on every request, so a kept PDF
is never served for a page since unpublished or restricted. A host may also limit renders per
visitor with the ``case_study_pdf`` rate-limit scope (only renders count, not kept PDFs).
"""

import hashlib

from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from capacity_lms.conf import get_setting
from capacity_lms.core import ratelimit
from capacity_lms.core.pdf import FONT_FAMILY, font_faces, html_to_pdf
from capacity_lms.core.tree import children_of
from capacity_lms.library.models import CaseStudyPage, LibraryIndexPage

FEED_LENGTH = 20

# A new version here forgets every kept PDF (when what the view puts in the PDF changes).
PDF_KEY_PREFIX = "capacity_lms:case_study_pdf:v1"


def public_case_study(pk):
    """A live case study that anyone may read, or 404 (drafts and restricted pages too)."""
    page = get_object_or_404(CaseStudyPage.objects.live().public(), pk=pk)
    return page


class LibraryRssFeed(Feed):
    """The newest case studies of one library (one language), newest first."""

    def get_object(self, request, page_id):
        library = get_object_or_404(LibraryIndexPage.objects.live().public(), pk=page_id)
        self.request = request
        return library

    def title(self, library):
        return library.title

    def link(self, library):
        return library.get_full_url(self.request)

    def description(self, library):
        return _("New case studies in %(library)s") % {"library": library.title}

    def items(self, library):
        return (
            CaseStudyPage.objects.filter(children_of(library))
            .live()
            .public()
            .select_related("host_country", "association")
            .order_by("-first_published_at")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.association_display_name

    def item_categories(self, item):
        return [item.host_country.name]


class LibraryAtomFeed(LibraryRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, library):
        return self.description(library)


@require_GET
def case_study_pdf(request, pk):
    """The case study on one A4 page: facts, figures and the gist of each section."""
    page = public_case_study(pk)
    if not isinstance(page, CaseStudyPage):
        raise Http404
    url = page.get_full_url(request)
    key = pdf_cache_key(page, url)
    content = cache.get(key)
    if content is None:
        wait = ratelimit.hit(request, "case_study_pdf")
        if wait:
            return ratelimit.too_many_requests(request, wait)
        content = render_case_study_pdf(page, url, request)
        seconds = int(get_setting("CASE_STUDY_PDF_SECONDS") or 0)
        if seconds > 0:
            cache.set(key, content, seconds)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{page.slug}.pdf"'
    return response


def pdf_cache_key(page, url):
    """The kept PDF's key: the page's live revision (a new one is a new key; the publication
    time too, for a page made live without a revision), the language and the address."""
    parts = [
        str(page.pk),
        str(page.live_revision_id or ""),
        page.last_published_at.isoformat() if page.last_published_at else "",
        get_language() or "",
        url or "",
    ]
    digest = hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()
    return f"{PDF_KEY_PREFIX}:{digest}"


def render_case_study_pdf(page, url, request):
    """The case study's one-page PDF as bytes."""
    html = render_to_string(
        "capacity_lms/library/case_study_pdf.html",
        {
            "page": page,
            "url": url,
            "font_family": FONT_FAMILY,
            "font_faces": font_faces(),
        },
        request=request,
    )
    return html_to_pdf(html)
