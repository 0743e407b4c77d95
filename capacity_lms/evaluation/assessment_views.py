"""The self-assessment pages (issue #25, point 1): an association admin takes or revises this
year's self-assessment; the association's members (and programme staff) read its capacity
profile and the modules recommended for it. Anyone else: 404, as for any association they
cannot reach."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused
from capacity_lms.evaluation.assessment import (
    TakeSelfAssessment,
    active_questionnaire,
    is_admin_of,
)
from capacity_lms.evaluation.models import SelfAssessment
from capacity_lms.evaluation.questionnaire_forms import QuestionnaireForm
from capacity_lms.evaluation.recommendations import profile_of, recommended_modules
from capacity_lms.people.models import Association, Membership

VIEW_ALL = "capacity_lms.view_selfassessment"


def _association_for(user, pk, *, admin=False):
    """The association ``pk`` if ``user`` may read its profile (a member, or staff) or, with
    ``admin``, take its self-assessment (an admin of it); else 404."""
    association = get_object_or_404(Association.objects.filter(merged_into__isnull=True), pk=pk)
    if admin:
        if not is_admin_of(user, association):
            raise Http404
        return association
    member = Membership.objects.filter(user=user, association=association).exists()
    if not (member or user.has_perm(VIEW_ALL)):
        raise Http404
    return association


@require_http_methods(["GET", "POST"])
@login_required
def self_assessment(request, pk):
    """GET: the questionnaire in use, filled with this year's answers if any; POST: save it."""
    association = _association_for(request.user, pk, admin=True)
    questionnaire = active_questionnaire()
    if questionnaire is None:
        return TemplateResponse(
            request,
            "capacity_lms/evaluation/assessment/unavailable.html",
            {"association": association},
            status=404,
        )
    this_year = (
        SelfAssessment.objects.filter(
            association=association,
            year=clock.today().year,
            questionnaire=questionnaire,
        )
        .only("answers")
        .first()
    )
    answers = this_year.answers if this_year else None
    if request.method == "POST":
        form = QuestionnaireForm(questionnaire, request.POST, answers=answers)
        if form.is_valid():
            try:
                TakeSelfAssessment(
                    association,
                    user=request.user,
                    questionnaire=questionnaire,
                    answers=form.answers(),
                    language=get_language(),
                ).execute()
            except ActionRefused as refused:
                for message in refused.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("Your self-assessment is saved."))
                return redirect("capacity_lms:association_capacities", pk=association.pk)
    else:
        form = QuestionnaireForm(questionnaire, answers=answers)
    return TemplateResponse(
        request,
        "capacity_lms/evaluation/assessment/form.html",
        {
            "association": association,
            "questionnaire": questionnaire,
            "form": form,
            "revising": this_year is not None,
        },
        status=400 if form.errors else 200,
    )


@require_GET
@login_required
def capacities(request, pk):
    """The association's capacity profile, its change since the year before, and the modules
    recommended for its weak areas."""
    association = _association_for(request.user, pk)
    profile = profile_of(association)
    return TemplateResponse(
        request,
        "capacity_lms/evaluation/assessment/capacities.html",
        {
            "association": association,
            "profile": profile,
            "modules": recommended_modules(profile, association=association, user=request.user),
            "is_admin": is_admin_of(request.user, association),
            "questionnaire": active_questionnaire(),
        },
    )
