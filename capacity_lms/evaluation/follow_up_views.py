"""The follow-up form (issue #25, point 4): a certificate's holder says what their association
did after the training, once. Only the holder reaches it: anyone else gets 404, as for a
follow-up that does not exist."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from capacity_lms.core.actions import ActionRefused
from capacity_lms.evaluation.follow_ups import AnswerFollowUpAction, already_answered
from capacity_lms.evaluation.models import FollowUp
from capacity_lms.evaluation.questionnaire_forms import QuestionnaireForm

TEMPLATE = "capacity_lms/evaluation/follow_ups/form.html"


@login_required
@require_http_methods(["GET", "POST"])
def follow_up(request, pk):
    """GET: the questionnaire (or, once answered, the thanks); POST: the answers, once."""
    follow_up = get_object_or_404(
        FollowUp.objects.select_related("certificate", "questionnaire"),
        pk=pk,
        user=request.user,
    )
    form = refusal = None
    status = 200
    if follow_up.answered_at is None:
        questionnaire = follow_up.questionnaire
        if request.method == "POST":
            form = QuestionnaireForm(questionnaire, request.POST)
            if form.is_valid():
                try:
                    AnswerFollowUpAction(
                        follow_up, user=request.user, answers=form.answers()
                    ).execute()
                except ActionRefused as refused:
                    for message in refused.messages:
                        form.add_error(None, message)
                else:
                    messages.success(request, _("Thank you: your answers are saved."))
                    return redirect("capacity_lms:follow_up", pk=follow_up.pk)
            status = 400
        else:
            form = QuestionnaireForm(questionnaire)
    elif request.method == "POST":
        # Answered in another tab, or posted twice: the first answers stand.
        refusal = already_answered(follow_up).messages[0]
        status = 409
    return TemplateResponse(
        request,
        TEMPLATE,
        {
            "follow_up": follow_up,
            "questionnaire": follow_up.questionnaire,
            "form": form,
            "refusal": refusal,
        },
        status=status,
    )
