"""Taking the self-assessment (issue #25, point 1): an association's admin answers the
questionnaire in use for the association, once a year; answering again within the year revises
that year's self-assessment (its answers and its profile replaced whole), so each year keeps
one profile, and the years show the change."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.evaluation.models import AreaScore, Questionnaire, SelfAssessment
from capacity_lms.evaluation.questionnaire_forms import section_scores, sections
from capacity_lms.people.models import Membership


def active_questionnaire(kind=Questionnaire.Kind.SELF_ASSESSMENT):
    return Questionnaire.objects.filter(kind=kind, is_active=True).first()


def is_admin_of(user, association):
    """Whether ``user`` is an admin (leader) of ``association``. Nobody by default."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return Membership.objects.filter(
        user=user, association=association, role=Membership.Role.LEADER
    ).exists()


class TakeSelfAssessment(BaseAction):
    """Record ``answers`` (``{question id: value}``, cleaned by the questionnaire's form) as
    ``association``'s self-assessment of the year of ``now``, with its score per capacity
    area."""

    def __init__(self, association, user=None, *, questionnaire, answers, language, now=None):
        super().__init__(association, user=user)
        self.association = association
        self.questionnaire = questionnaire
        self.answers = dict(answers)
        self.language = language
        self.now = now or clock.now()

    def check(self):
        # No user: the system (the demo data, answers of a paper questionnaire entered by a
        # command); views always name the signed-in person.
        if self.user is not None and not is_admin_of(self.user, self.association):
            raise ActionRefused(
                _("Only an admin of the association can take its self-assessment."),
                code="not_admin",
            )
        if (
            self.questionnaire.kind != Questionnaire.Kind.SELF_ASSESSMENT
            or not self.questionnaire.is_active
        ):
            raise ActionRefused(
                _("This questionnaire is no longer in use. Reload the page."), code="stale"
            )
        if self.association.merged_into_id is not None:
            raise ActionRefused(_("This association was merged into another."), code="merged")

    def execute(self):
        self.check()
        scores = section_scores(sections(self.questionnaire), self.answers)
        year = timezone.localdate(self.now).year
        fields = {
            "questionnaire": self.questionnaire,
            "taken_by": self.user,
            "taken_at": self.now,
            "language": self.language,
            "answers": self.answers,
        }
        try:
            with transaction.atomic():
                assessment = self._write(year, fields, scores)
        except IntegrityError:
            # Two admins sent it at the same moment: the row exists now; revise it.
            with transaction.atomic():
                assessment = self._write(year, fields, scores)
        return assessment

    def _write(self, year, fields, scores):
        assessment = (
            SelfAssessment.objects.select_for_update()
            .filter(association=self.association, year=year)
            .first()
        )
        if assessment is None:
            assessment = SelfAssessment.objects.create(
                association=self.association, year=year, **fields
            )
        else:
            for name, value in fields.items():
                setattr(assessment, name, value)
            assessment.save()
            assessment.area_scores.all().delete()
        AreaScore.objects.bulk_create(
            AreaScore(assessment=assessment, area=area, score=score, answers=count)
            for area, (score, count) in scores.items()
            if area is not None
        )
        return assessment
