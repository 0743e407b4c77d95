"""The committee's chair, on the public side, signed in.

The ranking page of a call (``review_scopes.ranking``: weighted totals, means, spread warning,
rank) with the decision form of each application (:class:`Decide`); the assignment page of an
eligible application (:class:`AssignReviewer`), which shows who declared a conflict; and the
minutes as a PDF. Anyone who does not chair the call's committee gets 404.
"""

import io

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from capacity_lms.calls.committee import AssignReviewer, Decide, MoveCallStage, is_chair
from capacity_lms.calls.minutes import minutes_pdf
from capacity_lms.calls.models import Application
from capacity_lms.calls.pages import CallPage, CommitteeMember
from capacity_lms.calls.review_models import Decision, ReviewAssignment
from capacity_lms.calls.review_scopes import ranking
from capacity_lms.calls.shown import timeline
from capacity_lms.core.actions import ActionRefused, perform, show_refusal

RANKING_PAGE_SIZE = 100


def chaired_call(user, pk):
    """The call ``pk`` (its canonical version) if ``user`` chairs its committee; else 404."""
    call = CallPage.objects.filter(pk=pk).first()
    if call is None or not is_chair(user, call):
        raise Http404
    return call.canonical()


def chaired_application(user, pk):
    application = (
        Application.objects.select_related("call", "association", "project").filter(pk=pk).first()
    )
    if application is None or not is_chair(user, application.call):
        raise Http404
    return application


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=gettext_lazy("Decision"), choices=Decision.Outcome.choices)
    amount = forms.DecimalField(
        label=gettext_lazy("Amount granted (funded only)"),
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason (the association reads it)"),
        widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
        max_length=5000,
    )


@login_required
@require_GET
def ranking_page(request, pk):
    call = chaired_call(request.user, pk)
    # Every position is computed over the whole call; the page shows a page of rows at a time.
    rows = Paginator(ranking(call), RANKING_PAGE_SIZE).get_page(request.GET.get("page"))
    # Where the chair reviews too, they are a reviewer like the others (review_scopes): no
    # figures before they submitted, none where they declared a conflict.
    hidden = set(
        ReviewAssignment.objects.filter(application__call=call, reviewer=request.user)
        .exclude(conflict=False, submitted_at__isnull=False)
        .values_list("application_id", flat=True)
    )
    return TemplateResponse(
        request,
        "capacity_lms/calls/review/ranking.html",
        {
            "call": call,
            "rows": rows,
            "hidden": hidden,
            "form": DecisionForm(),
            "next_stage": MoveCallStage.NEXT.get(call.stage),
            "timeline": timeline(call.stage_at()),
        },
    )


@login_required
@require_POST
def move_stage(request, pk):
    """The chair opens the review, or closes the session; back to the ranking."""
    call = chaired_call(request.user, pk)
    perform(
        request,
        MoveCallStage(call, user=request.user, stage=request.POST.get("stage", "")),
        _("The call has moved to its next step."),
    )
    return redirect("capacity_lms:calls_ranking", call.pk)


@login_required
@require_POST
def decide(request, pk):
    application = chaired_application(request.user, pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            Decide(
                application,
                user=request.user,
                outcome=data["outcome"],
                reason=data["reason"],
                amount=data["amount"],
                language=request.LANGUAGE_CODE,
            ).execute()
        except ActionRefused as refusal:
            show_refusal(request, refusal)
        else:
            messages.success(
                request,
                _("The decision is recorded; the association is told when the session closes."),
            )
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect("capacity_lms:calls_ranking", application.call.canonical().pk)


class AssignForm(forms.Form):
    reviewer = forms.ModelChoiceField(label=gettext_lazy("Reviewer"), queryset=None)

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        seated = CommitteeMember.objects.filter(call=call).values("user")
        self.fields["reviewer"].queryset = get_user_model().objects.filter(pk__in=seated)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def assign(request, pk):
    """The application's reviewers (with their declarations) and the form to add one."""
    application = chaired_application(request.user, pk)
    call = application.call.canonical()
    form = AssignForm(request.POST or None, call=call)
    if request.method == "POST" and form.is_valid():
        try:
            AssignReviewer(
                application, user=request.user, reviewer=form.cleaned_data["reviewer"]
            ).execute()
        except ActionRefused as refusal:
            for message in refusal.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("The reviewer is assigned."))
            return redirect("capacity_lms:calls_assign", application.pk)
    assignments = ReviewAssignment.objects.filter(application=application).select_related(
        "reviewer"
    )
    return TemplateResponse(
        request,
        "capacity_lms/calls/review/assign.html",
        {"application": application, "call": call, "assignments": assignments, "form": form},
    )


@login_required
@require_GET
def minutes(request, pk):
    call = chaired_call(request.user, pk)
    return FileResponse(
        io.BytesIO(minutes_pdf(call)),
        as_attachment=True,
        filename=f"minutes-{call.year}.pdf",
        content_type="application/pdf",
    )
