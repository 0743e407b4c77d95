"""Reaction pages: the form (for the request's own person), a trainer's own figures and the
comments about them, and staff's view of every trainer's.

- ``reaction``: anybody but the person asked gets 404. Before the form opens or once it closed
  it says so and writes nothing; once answered it shows the answer, read-only.
- ``reaction_mine``: the reactions about the viewer as a trainer (reaction_figures.py). Anyone
  signed in may open it: whoever is named in no request sees an empty page (there is nothing
  of theirs to show, and a 404 would only tell apart trainers from others).
- ``reaction_all``: programme staff (``capacity_lms.view_reaction``); anybody else 404.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused
from capacity_lms.core.names import person_name
from capacity_lms.evaluation.models import Reaction, ReactionRequest
from capacity_lms.evaluation.reaction_figures import (
    as_comments,
    comment_reactions,
    minimum_answers,
    staff_summary,
    trainer_summary,
)
from capacity_lms.evaluation.reactions import COMMENT_LIMIT, AnswerReaction, window_refusal

TEMPLATES = "capacity_lms/evaluation/reactions/"
VIEW_ALL = "capacity_lms.view_reaction"
COMMENTS_PER_PAGE = 50
SCALE = [
    (1, gettext_lazy("1 – very poor")),
    (2, gettext_lazy("2 – poor")),
    (3, gettext_lazy("3 – fair")),
    (4, gettext_lazy("4 – good")),
    (5, gettext_lazy("5 – very good")),
]


class ReactionForm(forms.Form):
    """Two ratings on a 1-5 scale (the trainer's only when the request names trainers), an
    optional comment, unsigned unless the person ticks the box. ``AnswerReaction`` decides."""

    content_rating = forms.TypedChoiceField(
        label=gettext_lazy("How useful was the content?"),
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
    )
    trainer_rating = forms.TypedChoiceField(
        label=gettext_lazy("How was the trainer?"),
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=gettext_lazy("Comment (optional)"),
        required=False,
        max_length=COMMENT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
    )
    signed = forms.BooleanField(
        label=gettext_lazy("Sign my comment: the trainers see my name with it"),
        required=False,
        help_text=gettext_lazy("Unticked, your comment reaches the trainers without your name."),
    )

    def __init__(self, *args, trainers, **kwargs):
        super().__init__(*args, **kwargs)
        if not trainers:
            del self.fields["trainer_rating"]
        else:
            names = ", ".join(person_name(trainer) for trainer in trainers)
            if len(trainers) > 1:
                self.fields["trainer_rating"].label = _("How were the trainers?")
            self.fields["trainer_rating"].help_text = names

    @property
    def scales(self):
        return [self[name] for name in ("content_rating", "trainer_rating") if name in self.fields]


def own_request(user, pk):
    """The request ``pk`` of ``user``, or 404 (whoever else asks)."""
    return get_object_or_404(
        ReactionRequest.objects.select_related("session__workshop", "course__locale"),
        pk=pk,
        user=user,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def reaction(request, pk):
    reaction_request = own_request(request.user, pk)
    answer = Reaction.objects.filter(request=reaction_request).first()
    trainers = list(reaction_request.trainers.order_by("last_name", "first_name", "pk"))
    refusal = None if answer else window_refusal(reaction_request, clock.now())
    form = None
    if answer is None and refusal is None:
        form = ReactionForm(request.POST or None, trainers=trainers)
    if request.method == "POST":
        if answer is not None:
            messages.info(request, _("You have answered already: here is your answer."))
            return redirect("capacity_lms:reaction", pk=reaction_request.pk)
        if form is not None and form.is_valid():
            data = form.cleaned_data
            try:
                AnswerReaction(
                    reaction_request,
                    user=request.user,
                    content_rating=data["content_rating"],
                    trainer_rating=data.get("trainer_rating"),
                    comment=data["comment"],
                    signed=data["signed"],
                    has_trainers=bool(trainers),
                ).execute()
            except ActionRefused as refused:
                for message in refused.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("Thank you: your answer is recorded."))
                return redirect("capacity_lms:reaction", pk=reaction_request.pk)
    context = {
        "reaction_request": reaction_request,
        "subject": reaction_request.session.workshop
        if reaction_request.session_id
        else reaction_request.course,
        "trainers": trainers,
        "answer": answer,
        "refusal": refusal,
        "form": form,
    }
    status = 400 if form is not None and form.errors else 200
    return TemplateResponse(request, TEMPLATES + "form.html", context, status=status)


def _comments_page(request, reactions, with_trainers=False):
    paginator = Paginator(comment_reactions(reactions, with_trainers), COMMENTS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    return page, as_comments(page.object_list, with_trainers)


@login_required
@require_GET
def reaction_mine(request):
    overall, rows = trainer_summary(request.user)
    page, comments = _comments_page(
        request, Reaction.objects.filter(request__trainers=request.user)
    )
    context = {
        "overall": overall,
        "rows": rows,
        "page": page,
        "comments": comments,
        "minimum": minimum_answers(),
    }
    return TemplateResponse(request, TEMPLATES + "mine.html", context)


class StaffFilters(forms.Form):
    """Staff's filters: one trainer, and a period of answers (either end open)."""

    trainer = forms.ModelChoiceField(label=gettext_lazy("Trainer"), queryset=None, required=False)
    since = forms.DateField(
        label=gettext_lazy("Answered from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    until = forms.DateField(
        label=gettext_lazy("Answered until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["trainer"]
        field.queryset = (
            get_user_model()
            .objects.filter(capacity_reactions_about__reaction__isnull=False)
            .distinct()
            .order_by("last_name", "first_name", "pk")
        )
        field.label_from_instance = person_name

    def apply(self, reactions):
        if not self.is_valid():
            return reactions
        data = self.cleaned_data
        if data["trainer"]:
            reactions = reactions.filter(request__trainers=data["trainer"])
        if data["since"]:
            reactions = reactions.filter(answered_at__date__gte=data["since"])
        if data["until"]:
            reactions = reactions.filter(answered_at__date__lte=data["until"])
        return reactions


@login_required
@require_GET
def reaction_all(request):
    if not request.user.has_perm(VIEW_ALL):
        raise Http404
    filters = StaffFilters(request.GET or None)
    reactions = filters.apply(Reaction.objects.all())
    page, comments = _comments_page(request, reactions, with_trainers=True)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filters": filters,
        "summary": staff_summary(reactions),
        "page": page,
        "comments": comments,
        "query": query.urlencode(),
    }
    return TemplateResponse(request, TEMPLATES + "all.html", context)
