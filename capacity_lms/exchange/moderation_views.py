"""The moderators' side of a space's pages: hiding, showing and letting posts through,
dismissing reports, locking threads, removing a person and letting them back, and the space's
moderation page (open reports, held posts, removed people, history). Only the space's
moderators reach any of it (``exchange/access.py``); anyone else gets 404."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from capacity_lms.core.actions import ActionRefused, perform
from capacity_lms.exchange import access
from capacity_lms.exchange.forms import ReasonForm, ReportForm
from capacity_lms.exchange.models import Post
from capacity_lms.exchange.moderation import (
    ChangeSpaceSettings,
    DismissReports,
    HidePost,
    Readmit,
    RemoveFromSpace,
    ReportPost,
    SetLocked,
    ShowPost,
)
from capacity_lms.exchange.naming import name_space
from capacity_lms.exchange.people_models import ModerationEvent, PostReport, SpaceRemoval
from capacity_lms.exchange.views import TEMPLATES, _form_refusal, _space, _thread, readable_post


def _moderated(request, space):
    if not access.may_moderate(request.user, space):
        raise Http404


def _reason(request):
    form = ReasonForm(request.POST)
    return form.cleaned_data["reason"] if form.is_valid() else ""


@login_required
@require_POST
def moderate_post(request, pk, act):
    post = readable_post(request, pk)
    _moderated(request, post.thread.space)
    actions = {
        "hide": (HidePost, _("The post is hidden.")),
        "show": (ShowPost, _("The post is shown.")),
        "dismiss": (DismissReports, _("The reports are dismissed.")),
    }
    action_class, done = actions[act]
    perform(request, action_class(post, user=request.user, reason=_reason(request)), done)
    if request.POST.get("back") == "queue":
        return _to_moderation(post.thread.space)
    return redirect("capacity_lms:exchange_thread", post.thread_id)


def _to_moderation(space):
    return redirect("capacity_lms:exchange_moderation", space.kind, space.target_key())


@login_required
@require_POST
def lock_thread(request, pk):
    thread = _thread(request, pk)
    _moderated(request, thread.space)
    locked = request.POST.get("locked") == "1"
    perform(
        request,
        SetLocked(thread, user=request.user, locked=locked, reason=_reason(request)),
        _("The thread is locked.") if locked else _("The thread is open again."),
    )
    return redirect("capacity_lms:exchange_thread", thread.pk)


@login_required
@require_http_methods(["GET", "HEAD"])
def moderation(request, kind, key):
    """The moderators' page of a space: open reports, held posts, removed people, history."""
    space = _space(request, kind, key)
    _moderated(request, space)
    reported = (
        Post.objects.filter(thread__space_id=space.pk, reports__status=PostReport.Status.OPEN)
        .select_related("author", "thread")
        .prefetch_related(
            Prefetch(
                "reports",
                queryset=PostReport.objects.filter(status=PostReport.Status.OPEN).select_related(
                    "reporter"
                ),
                to_attr="open",
            )
        )
        .distinct()
        .order_by("created_at")[:100]
    )
    held = (
        Post.objects.filter(thread__space_id=space.pk, status=Post.Status.HELD)
        .select_related("author", "thread")
        .order_by("created_at")[:100]
    )
    removed = SpaceRemoval.objects.filter(space_id=space.pk).select_related("user", "removed_by")
    history = Paginator(
        ModerationEvent.objects.filter(space_id=space.pk)
        .select_related("actor", "person", "thread")
        .order_by("-at", "-pk"),
        50,
    ).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        TEMPLATES + "moderation.html",
        {
            "space": space,
            "name": name_space(space),
            "reported": reported,
            "held": held,
            "removed": removed,
            "history": history,
            "reason_form": ReasonForm(),
            "may_publish": space.is_open and access.moderates_everywhere(request.user),
        },
    )


@login_required
@require_POST
def remove_person(request, kind, key):
    space = _space(request, kind, key)
    _moderated(request, space)
    person_id = request.POST.get("person", "")
    person = get_user_model().objects.filter(pk=person_id if person_id.isdigit() else 0).first()
    if person is None:
        raise Http404
    perform(
        request,
        RemoveFromSpace(space, user=request.user, person=person, reason=_reason(request)),
        _("The person is removed from this space."),
    )
    return _to_moderation(space)


@login_required
@require_POST
def readmit(request, pk):
    removal = get_object_or_404(SpaceRemoval.objects.select_related("space"), pk=pk)
    space = removal.space
    if not access.may_moderate(request.user, space):
        raise Http404
    perform(
        request,
        Readmit(removal, user=request.user, reason=_reason(request)),
        _("The person may come back to this space."),
    )
    return _to_moderation(space)


@login_required
@require_http_methods(["GET", "POST"])
def report_post(request, pk):
    post = readable_post(request, pk)
    if post.author_id == request.user.pk:
        raise Http404
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            ReportPost(post, user=request.user, reason=form.cleaned_data["reason"]).execute()
        except ActionRefused as refusal:
            _form_refusal(form, refusal)
        else:
            messages.success(request, _("Thank you: the space's moderators will read it."))
            return redirect("capacity_lms:exchange_thread", post.thread_id)
    return TemplateResponse(
        request,
        TEMPLATES + "report_post.html",
        {"post": post, "thread": post.thread, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def space_settings(request, kind, key):
    space = _space(request, kind, key)
    _moderated(request, space)
    public = request.POST.get("is_public")
    perform(
        request,
        ChangeSpaceSettings(
            space,
            user=request.user,
            holds_first_posts=request.POST.get("holds_first_posts") == "1",
            is_public=None if public is None else public == "1",
        ),
        _("The space's settings are saved."),
    )
    return _to_moderation(space)
