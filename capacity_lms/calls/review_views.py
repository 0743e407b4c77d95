"""The committee's reviewers, on the public side, signed in.

*My reviews* lists the person's assignments but those they declared a conflict on
(``review_scopes.assignments_for``). Each assignment first asks for the declaration of
interest (:class:`DeclareInterest`); declared free of conflict, the application opens: its
project, and the scoring form, one score and comment per criterion (:class:`SubmitScores`).
After submitting, the reviewer reads the scores ``review_scopes.scores_visible_to`` lets them.
A conflicted, undeclared or unassigned person gets 404 on the application by every URL.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from capacity_lms.calls.committee import DeclareInterest, SubmitScores
from capacity_lms.calls.documents import documents_for_readers
from capacity_lms.calls.review_models import ReviewAssignment
from capacity_lms.calls.review_scopes import (
    assignments_for,
    chaired_calls,
    scores_visible_to,
    visible_application_for_reviewer,
)
from capacity_lms.core.actions import ActionRefused

TEXT_LIMIT = 5000


@login_required
@require_GET
def my_reviews(request):
    assignments = assignments_for(request.user).order_by("-application__call__year", "pk")
    return TemplateResponse(
        request,
        "capacity_lms/calls/review/my_reviews.html",
        {"assignments": assignments, "chaired": chaired_calls(request.user)},
    )


class DeclarationForm(forms.Form):
    conflict = forms.ChoiceField(
        label=gettext_lazy("Do you have a conflict of interest with this application?"),
        choices=[
            ("no", gettext_lazy("No, I have no conflict of interest")),
            ("yes", gettext_lazy("Yes, I have a conflict of interest")),
        ],
        widget=forms.RadioSelect,
    )
    declaration = forms.CharField(
        label=gettext_lazy("If so, what is it?"),
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        max_length=TEXT_LIMIT,
        required=False,
    )


def assignment_for(user, pk):
    """``user``'s own assignment ``pk``, not declared a conflict on; else 404."""
    assignment = assignments_for(user).filter(pk=pk).first()
    if assignment is None:
        raise Http404
    return assignment


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def declare(request, pk):
    """The declaration of interest, once, before the application opens."""
    assignment = assignment_for(request.user, pk)
    if assignment.conflict is False:
        if request.method == "POST":
            raise Http404
        return redirect("capacity_lms:calls_review_application", assignment.application_id)
    form = DeclarationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        conflict = form.cleaned_data["conflict"] == "yes"
        try:
            DeclareInterest(
                assignment,
                user=request.user,
                conflict=conflict,
                declaration=form.cleaned_data["declaration"],
            ).execute()
        except ActionRefused as refusal:
            for message in refusal.messages:
                form.add_error(None, message)
        else:
            if conflict:
                messages.success(
                    request, _("Your declaration is recorded; the chair assigns someone else.")
                )
                return redirect("capacity_lms:calls_my_reviews")
            return redirect("capacity_lms:calls_review_application", assignment.application_id)
    return TemplateResponse(
        request,
        "capacity_lms/calls/review/declare.html",
        {"assignment": assignment, "form": form},
    )


class ScoreForm(forms.Form):
    """A score and a comment per criterion of the call; the action decides what is accepted."""

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"score_{criterion.pk}"] = forms.IntegerField(
                label=_("%(criterion)s: score from 0 to %(max)s")
                % {"criterion": criterion.name, "max": criterion.max_score},
                help_text=_("Weight %(weight)s") % {"weight": criterion.weight},
                min_value=0,
                max_value=criterion.max_score,
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("%(criterion)s: comment") % {"criterion": criterion.name},
                widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
                max_length=TEXT_LIMIT,
            )

    def scores(self):
        """``{criterion id: (score, comment)}``, and any other ``score_<id>`` the POST named,
        so that a hand-made POST naming another call's criterion is refused by the action."""
        data = self.cleaned_data
        scores = {
            str(criterion.pk): (data[f"score_{criterion.pk}"], data[f"comment_{criterion.pk}"])
            for criterion in self.criteria
        }
        for name in self.data:
            key = name.removeprefix("score_")
            if name.startswith("score_") and key not in scores:
                scores[key] = (self.data.get(name), self.data.get(f"comment_{key}", ""))
        return scores


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def application_page(request, pk):
    """The application as its reviewer reads it, the scoring form, then the scores."""
    application = visible_application_for_reviewer(request.user, pk)
    assignment = ReviewAssignment.objects.get(application=application, reviewer=request.user)
    assignment.application = application
    criteria = list(application.call.canonical().criteria.all())
    may_score = (
        assignment.submitted_at is None and application.status == application.Status.ELIGIBLE
    )
    form = ScoreForm(request.POST or None, criteria=criteria) if may_score else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                SubmitScores(assignment, user=request.user, scores=form.scores()).execute()
            except ActionRefused as refusal:
                for message in refusal.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("Your scores are submitted."))
                return redirect("capacity_lms:calls_review_application", application.pk)
    scores = (
        scores_visible_to(request.user, application)
        .select_related("assignment__reviewer")
        .order_by("assignment_id", "criterion__sort_order", "criterion_id")
    )
    context = {
        "application": application,
        "project": application.project,
        "assignment": assignment,
        "form": form,
        "scores": scores,
        **documents_for_readers(application),
    }
    return TemplateResponse(request, "capacity_lms/calls/review/application.html", context)
