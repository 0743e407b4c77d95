"""The exchange spaces' pages: the spaces a person may read, a space's threads, a thread's
posts with the reply form, editing, reporting, and the moderators' buttons.

A space, thread or post a URL names is looked up among those the reader may read
(``exchange/access.py``), else 404 (a signed-out visitor is sent to sign in first). GET never
writes: a thread is marked read by a POST (the page's button; a script sends it by itself
where scripts run). Every page runs a fixed number of queries whatever the number of threads
and posts, and works without JavaScript.
"""

import datetime
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Q, Subquery
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from capacity_lms.core.actions import ActionRefused, perform
from capacity_lms.core.ratelimit import rate_limited
from capacity_lms.core.translation import language_direction
from capacity_lms.exchange import access
from capacity_lms.exchange.forms import (
    EditForm,
    ReplyForm,
    ThreadForm,
)
from capacity_lms.exchange.models import Post, Thread
from capacity_lms.exchange.naming import about_url, name_space
from capacity_lms.exchange.people_models import (
    Follow,
    ReadMarker,
)
from capacity_lms.exchange.posting import (
    DeletePost,
    EditPost,
    MarkRead,
    MarkSolution,
    Reply,
    SetFollowing,
    StartThread,
)
from capacity_lms.exchange.spaces import space_for

TEMPLATES = "capacity_lms/exchange/"
THREADS_PER_PAGE = 20
POSTS_PER_PAGE = 20
RATE_SCOPE = "exchange_post"


def _refuse(request):
    """404 for a signed-in reader; a signed-out visitor may be let in once signed in."""
    if not request.user.is_authenticated:
        raise _SignIn
    raise Http404


class _SignIn(Exception):
    pass


def _signed_in_first(view):
    """Send a signed-out visitor asking for what they may not read to sign in."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _SignIn:
            return redirect_to_login(request.get_full_path())

    return wrapped


def _space(request, kind, key):
    """The space of ``kind`` naming ``key`` (saved or not) when the reader may read it."""
    space = space_for(kind, key)
    if space is None:
        raise Http404
    if not access.may_read(request.user, space):
        _refuse(request)
    return space


def _thread(request, pk):
    readable = access.readable_spaces(request.user).values("pk")
    thread = (
        Thread.objects.filter(space__in=readable)
        .select_related("space", "author")
        .filter(pk=pk)
        .first()
    )
    if thread is None:
        _refuse(request)
    return thread


def readable_post(request, pk):
    """The post ``pk`` names if the reader may see it (its space readable, the post shown to
    them), else 404."""
    readable = access.readable_spaces(request.user).values("pk")
    post = (
        Post.objects.filter(thread__space__in=readable)
        .select_related("thread__space", "author")
        .filter(pk=pk)
        .first()
    )
    if post is None or not _shown_to(request.user, post):
        raise Http404
    return post


def _shown_to(user, post, moderator=None):
    if post.status == Post.Status.VISIBLE:
        return True
    if moderator is None:
        moderator = access.may_moderate(user, post.thread.space)
    if moderator:
        return True
    return post.status == Post.Status.HELD and post.author_id == getattr(user, "pk", None)


def _visible_posts(user, moderator):
    """Which posts of a thread the reader sees, as a condition."""
    if moderator:
        return Q()
    shown = Q(status=Post.Status.VISIBLE)
    if user.is_authenticated:
        shown |= Q(status=Post.Status.HELD, author=user)
    return shown


# --- Reading --------------------------------------------------------------------------------


def _unread_marker(user):
    if not user.is_authenticated:
        return None
    return Subquery(
        ReadMarker.objects.filter(user=user, thread=OuterRef("pk")).values("read_at")[:1]
    )


@_signed_in_first
@require_GET
def space_page(request, kind, key):
    space = _space(request, kind, key)
    threads = Thread.objects.filter(space_id=space.pk).select_related("author")
    marker = _unread_marker(request.user)
    if marker is not None:
        threads = threads.annotate(read_at=marker)
    shown = Paginator(threads.order_by("-last_post_at", "-pk"), THREADS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    shown.object_list = list(shown.object_list)
    for thread in shown.object_list:
        read_at = getattr(thread, "read_at", None)
        thread.unread = request.user.is_authenticated and (
            read_at is None or read_at < thread.last_post_at
        )
    user = request.user
    return TemplateResponse(
        request,
        TEMPLATES + "space.html",
        {
            "space": space,
            "name": name_space(space),
            "about_url": about_url(space),
            "threads": shown,
            "may_write": access.may_write(user, space),
            "may_moderate": access.may_moderate(user, space),
            "following": user.is_authenticated
            and bool(space.pk)
            and Follow.objects.filter(user=user, space=space).exists(),
            "form": ThreadForm(),
        },
    )


@_signed_in_first
@require_GET
def thread_page(request, pk):
    """A thread's posts; ``?quote=`` names a post of the thread the reply form quotes."""
    thread = _thread(request, pk)
    quote = request.GET.get("quote", "")
    initial = {}
    if (
        quote.isdigit()
        and Post.objects.filter(pk=quote, thread=thread, status=Post.Status.VISIBLE).exists()
    ):
        initial["quoted"] = int(quote)
    return _thread_response(request, thread, ReplyForm(initial=initial))


def _thread_response(request, thread, form, status=200):
    user, space = request.user, thread.space
    moderator = access.may_moderate(user, space)
    posts = (
        Post.objects.filter(thread=thread)
        .filter(_visible_posts(user, moderator))
        .select_related("author", "quoted__author")
        .prefetch_related("attachments")
        .annotate(open_reports=Count("reports", filter=Q(reports__status="open")))
        .order_by("created_at", "pk")
    )
    shown = Paginator(posts, POSTS_PER_PAGE).get_page(request.GET.get("page"))
    shown.object_list = list(shown.object_list)
    for post in shown.object_list:
        post.direction = language_direction(post.language)
        if post.quoted is not None and not _shown_to(user, post.quoted, moderator):
            post.quoted = None
    last = shown.object_list[-1] if shown.object_list else None
    question_id = (
        Post.objects.filter(thread=thread)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)
    ).first()
    return TemplateResponse(
        request,
        TEMPLATES + "thread.html",
        {
            "space": space,
            "name": name_space(space),
            "thread": thread,
            "thread_direction": language_direction(thread.language),
            "posts": shown,
            "read_up_to": last.created_at.isoformat() if last else "",
            "may_write": access.may_write(user, space) and not thread.locked,
            "may_moderate": moderator,
            "may_mark_solution": user.is_authenticated
            and (moderator or thread.author_id == user.pk),
            "following": user.is_authenticated
            and Follow.objects.filter(user=user, thread=thread).exists(),
            "form": form,
            "quoting": bool(form["quoted"].value()),
            "question_id": question_id,
        },
        status=status,
    )


# --- Writing --------------------------------------------------------------------------------


def _form_refusal(form, refusal):
    for text in refusal.messages:
        form.add_error(None, text)


@login_required
@require_POST
@rate_limited(RATE_SCOPE)
def new_thread(request, kind, key):
    space = _space(request, kind, key)
    form = ThreadForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            post = StartThread(
                space,
                user=request.user,
                title=data["title"],
                body=data["body"],
                language=data["language"],
                submission_key=data["submission_key"],
                files=data["attachments"],
            ).execute()
        except ActionRefused as refusal:
            _form_refusal(form, refusal)
        else:
            _say_posted(request, post)
            return redirect("capacity_lms:exchange_thread", post.thread_id)
    user = request.user
    return TemplateResponse(
        request,
        TEMPLATES + "new_thread.html",
        {
            "space": space,
            "name": name_space(space),
            "form": form,
            "may_write": access.may_write(user, space),
        },
        status=400,
    )


def _say_posted(request, post):
    if post.status == Post.Status.HELD:
        messages.info(
            request,
            _("Your post waits for a moderator: new members' first posts are read first."),
        )
    else:
        messages.success(request, _("Your post is published."))


@login_required
@require_POST
@rate_limited(RATE_SCOPE)
def reply(request, pk):
    thread = _thread(request, pk)
    form = ReplyForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        quoted = None
        if data.get("quoted"):
            quoted = Post.objects.filter(pk=data["quoted"], thread=thread).first()
        try:
            post = Reply(
                thread,
                user=request.user,
                body=data["body"],
                language=data["language"],
                quoted=quoted,
                submission_key=data["submission_key"],
                files=data["attachments"],
            ).execute()
        except ActionRefused as refusal:
            _form_refusal(form, refusal)
        else:
            _say_posted(request, post)
            return _to_post(post)
    return _thread_response(request, thread, form, status=400)


def _to_post(post):
    """The thread's page that holds ``post``, at the post."""
    earlier = Post.objects.filter(
        thread_id=post.thread_id, status=Post.Status.VISIBLE, created_at__lt=post.created_at
    ).count()
    page = earlier // POSTS_PER_PAGE + 1
    url = redirect("capacity_lms:exchange_thread", post.thread_id).url
    return redirect(f"{url}?page={page}#post-{post.pk}")


@login_required
@require_http_methods(["GET", "POST"])
def edit_post(request, pk):
    post = readable_post(request, pk)
    if post.author_id != request.user.pk:
        raise Http404
    if request.method == "POST":
        form = EditForm(request.POST)
        if form.is_valid():
            try:
                EditPost(
                    post,
                    user=request.user,
                    body=form.cleaned_data["body"],
                    language=form.cleaned_data["language"],
                ).execute()
            except ActionRefused as refusal:
                _form_refusal(form, refusal)
            else:
                messages.success(request, _("Your post is changed; its earlier text is kept."))
                return _to_post(post)
    else:
        form = EditForm(initial={"body": post.body, "language": post.language})
    return TemplateResponse(
        request,
        TEMPLATES + "edit_post.html",
        {"post": post, "thread": post.thread, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def delete_post(request, pk):
    post = readable_post(request, pk)
    if post.author_id != request.user.pk:
        raise Http404
    perform(request, DeletePost(post, user=request.user), _("Your post is deleted."))
    return redirect("capacity_lms:exchange_thread", post.thread_id)


@login_required
@require_POST
def mark_solution(request, pk):
    thread = _thread(request, pk)
    chosen = request.POST.get("post", "")
    post = None
    if chosen:
        post = Post.objects.filter(pk=chosen if chosen.isdigit() else 0, thread=thread).first()
        if post is None:
            raise Http404
    perform(
        request,
        MarkSolution(thread, user=request.user, post=post),
        _("The answer is marked.") if post else _("The thread has no marked answer any more."),
    )
    return redirect("capacity_lms:exchange_thread", thread.pk)


@login_required
@require_POST
def follow(request, what, pk=None, kind=None, key=None):
    target = _thread(request, pk) if what == "thread" else _space(request, kind, key)
    following = request.POST.get("following") == "1"
    perform(
        request,
        SetFollowing(target, user=request.user, following=following),
        _("You follow it: new posts reach you by e-mail.")
        if following
        else _("You no longer follow it."),
    )
    if what == "thread":
        return redirect("capacity_lms:exchange_thread", target.pk)
    return redirect(target)


@login_required
@require_POST
def mark_read(request, pk):
    """Up to the last post the reader was shown (never later than now)."""
    thread = _thread(request, pk)
    up_to = parse_datetime(request.POST.get("up_to", "") or "")
    if up_to is not None and timezone.is_naive(up_to):
        up_to = timezone.make_aware(up_to, datetime.UTC)
    perform(request, MarkRead(thread, user=request.user, up_to=up_to))
    return redirect("capacity_lms:exchange_thread", thread.pk)
