"""The site-wide language switch: Django's ``set_language``, made right for the page tree.

Django's view swaps the language prefix of the URL it is sent back to; on a Wagtail page that
is not enough, since a page's translation has its own slug (and may not exist yet). The switch
sends the reader to the page's own translation, or, when there is none yet, keeps them on the
page, which then says so in the chosen language (:mod:`capacity_lms.core.translation`).
"""

from django.http import Http404
from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_from_path, override
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language
from wagtail.models import Site

from capacity_lms.core.translation import (
    content_language_codes,
    live_translation,
    not_translated_url,
)


def page_at(request, url):
    """The live page of the tree that ``url`` (with its language prefix) shows, or ``None``."""
    path = url.split("?", 1)[0].split("#", 1)[0]
    language = get_language_from_path(path)
    site = Site.find_for_request(request)
    if not language or site is None:
        return None
    with override(language):
        try:
            match = resolve(path)
        except Resolver404:
            return None
        if match.url_name != "wagtail_serve":
            return None
        root = site.root_page.localized.specific
    # Wagtail's serve pattern passes the page path positionally; a host's may name it.
    page_path = match.args[0] if match.args else match.kwargs.get("path", "")
    components = [part for part in page_path.split("/") if part]
    try:
        return root.route(request, components).page
    except Http404:
        return None


@require_POST
def set_language(request):
    """Django's language switch, which swaps the language prefix of the URL, made right for
    the page tree: a page goes to its own translation (whatever its slug in that language), or,
    when it has none yet, stays where it is and says so in the chosen language."""
    response = django_set_language(request)
    next_url = request.POST.get("next", "")
    language = request.POST.get("language")
    if language not in content_language_codes() or not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return response
    page = page_at(request, next_url)
    if page is None or page.locale.language_code == language:
        return response
    translation = live_translation(page, language)
    if translation is not None:
        response["Location"] = translation.get_url(request)
    else:
        response["Location"] = not_translated_url(page.get_url(request), language)
    return response
