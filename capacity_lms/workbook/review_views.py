"""The trainers' side: the queue of submitted work of the modules they train, and the review
of one deliverable against its step's rubric."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from capacity_lms.core.actions import ActionRefused, perform, show_refusal
from capacity_lms.workbook import access
from capacity_lms.workbook.actions import ReviewStep
from capacity_lms.workbook.alerts import SetReviewAlerts, alert_choice
from capacity_lms.workbook.display import section_label, shown_parts
from capacity_lms.workbook.models import Deliverable, DeliverableReview, ReviewAlertChoice
from capacity_lms.workbook.steps import steps_for
from capacity_lms.workbook.views import labelled

TEMPLATES = "capacity_lms/workbook/"
QUEUE_LENGTH = 100


@login_required
@require_GET
def queue(request):
    """Submitted work first, oldest first (the one waiting longest), by pages of
    ``QUEUE_LENGTH``; then the latest decided."""
    reviewable = access.reviewable_deliverables(request.user).select_related(
        "workbook__association"
    )
    waiting = Paginator(
        reviewable.filter(status=Deliverable.Status.SUBMITTED).order_by("submitted_at", "pk"),
        QUEUE_LENGTH,
    ).get_page(request.GET.get("page"))
    decided = list(
        reviewable.filter(
            status__in=[Deliverable.Status.ACCEPTED, Deliverable.Status.CHANGES_REQUESTED]
        ).order_by("-decided_at", "-pk")[:20]
    )
    found = steps_for([*waiting, *decided])
    context = {
        "page": waiting,
        "waiting": [(item, found.get(item.pk)) for item in waiting],
        "decided": [(item, found.get(item.pk)) for item in decided],
        "alerts": AlertForm(initial={"frequency": alert_choice(request.user)}),
    }
    return TemplateResponse(request, TEMPLATES + "queue.html", context)


class AlertForm(forms.Form):
    frequency = forms.ChoiceField(
        label=gettext_lazy("Tell me of new submissions"),
        choices=ReviewAlertChoice.Frequency.choices,
        widget=forms.RadioSelect,
    )


@login_required
@require_POST
def alerts(request):
    form = AlertForm(request.POST)
    if form.is_valid():
        perform(
            request,
            SetReviewAlerts(
                request.user, user=request.user, frequency=form.cleaned_data["frequency"]
            ),
            _("Your choice is saved."),
        )
    return HttpResponseRedirect(reverse("capacity_lms:workbook_queue"))


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=DeliverableReview.Decision.choices,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=gettext_lazy("Comment for the association"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
    )

    def __init__(self, *args, rubric=(), sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = []
        for number, criterion in enumerate(rubric):
            name = f"criterion_{number}"
            self.fields[name] = forms.TypedChoiceField(
                label=criterion["name"],
                help_text=criterion["description"],
                coerce=int,
                choices=[
                    (index, f"{level['label']} ({level['points']})")
                    for index, level in enumerate(criterion["levels"])
                ],
                widget=forms.RadioSelect,
            )
            self.criteria.append(self[name])
        self.sections = []
        for section, label in sections:
            name = f"section_{section}"
            self.fields[name] = forms.CharField(
                label=_("Comment on: %(section)s") % {"section": label},
                required=False,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
            )
            self.sections.append(self[name])

    def scores(self):
        return [self.cleaned_data[f"criterion_{n}"] for n in range(len(self.criteria))]

    def comments(self, sections):
        return {
            section: self.cleaned_data.get(f"section_{section}", "") for section, _l in sections
        }


def _review_target(request, pk):
    deliverable = (
        access.readable_deliverables(request.user)
        .select_related("workbook__association", "workbook__project")
        .filter(pk=pk)
        .first()
    )
    if deliverable is None:
        raise Http404
    step = steps_for([deliverable]).get(deliverable.pk)
    if step is None:
        raise Http404
    return deliverable, step


@login_required
@require_http_methods(["GET", "POST"])
def review(request, pk):
    deliverable, step = _review_target(request, pk)
    may_review = access.may_review(request.user, deliverable)
    version = deliverable.versions.filter(submitted=True).order_by("-number").first()
    if version is not None:
        version.shown = shown_parts(version.content)
    sections = section_labels(version)
    status = 200
    form = ReviewForm(request.POST or None, rubric=step.rubric, sections=sections)
    if request.method == "POST":
        if not may_review:
            raise Http404
        if form.is_valid():
            try:
                ReviewStep(
                    deliverable,
                    user=request.user,
                    step=step,
                    decision=form.cleaned_data["decision"],
                    scores=form.scores(),
                    comments=form.comments(sections),
                    comment=form.cleaned_data["comment"],
                ).execute()
            except ActionRefused as refused:
                show_refusal(request, refused)
                status = 400
            else:
                return HttpResponseRedirect(reverse("capacity_lms:workbook_queue"))
        else:
            status = 400
    context = {
        "deliverable": deliverable,
        "step": step,
        "version": version,
        "form": form,
        "may_review": may_review and deliverable.status == Deliverable.Status.SUBMITTED,
        "reviews": labelled(deliverable.reviews.all()[:10]),
    }
    return TemplateResponse(request, TEMPLATES + "review.html", context, status=status)


def section_labels(version):
    """The sections a trainer may comment on: those the submitted version holds."""
    if version is None:
        return []
    names = [*version.content.get("content", {}), *version.content.get("project", {})]
    return [(name, section_label(name)) for name in dict.fromkeys(names)]
