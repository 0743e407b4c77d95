"""The exchange spaces one may read, and searching them: the listing's spaces come from the
rule in ``exchange/access.py`` (saved or not yet), the search's posts from the saved spaces
the reader may read, never any other."""

from django.core.paginator import Paginator
from django.db.models import Q
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from capacity_lms.core.translation import language_direction
from capacity_lms.exchange import access
from capacity_lms.exchange.forms import SearchForm
from capacity_lms.exchange.models import Post
from capacity_lms.exchange.naming import named
from capacity_lms.exchange.spaces import listed_spaces
from capacity_lms.exchange.views import TEMPLATES


@require_GET
def space_list(request):
    """The spaces the reader may read, by kind, with their threads and latest activity."""
    groups = {}
    for space, name in named(listed_spaces(request.user)):
        groups.setdefault(space.get_kind_display(), []).append((space, name))
    return TemplateResponse(
        request,
        TEMPLATES + "space_list.html",
        {"groups": list(groups.items()), "search_form": SearchForm()},
    )


SEARCH_RESULTS = 20


@require_GET
def search(request):
    """Threads and posts of the spaces the reader may read whose text holds the words."""
    form = SearchForm(request.GET or None)
    results = None
    if form.is_valid() and form.cleaned_data["q"].strip():
        words = form.cleaned_data["q"].split()[:8]
        readable = access.readable_spaces(request.user).values("pk")
        matches = Post.objects.filter(thread__space__in=readable, status=Post.Status.VISIBLE)
        for word in words:
            matches = matches.filter(Q(body__icontains=word) | Q(thread__title__icontains=word))
        results = Paginator(
            matches.select_related("thread", "author").order_by("-created_at", "-pk"),
            SEARCH_RESULTS,
        ).get_page(request.GET.get("page"))
        results.object_list = list(results.object_list)
        for post in results.object_list:
            post.direction = language_direction(post.language)
    return TemplateResponse(request, TEMPLATES + "search.html", {"form": form, "results": results})
