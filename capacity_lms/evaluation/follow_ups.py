"""Follow-ups (issue #25, point 4): months after a certificate, its holder is asked what their
association did with the training.

A module sets its delay (``CoursePage.follow_up_months``; 0: none). Once a live certificate of
such a module is that many months old, a :class:`~capacity_lms.evaluation.models.FollowUp` is
created for it (one per certificate, and none for the reissue of a certificate already
followed up) with the follow-up questionnaire in use, and its holder is e-mailed once
(:mod:`capacity_lms.evaluation.follow_up_notices`). The holder answers once: the answers are
kept by question and scored (the mean of the scored answers, 0 to 100).
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from capacity_lms.certificates.models import Certificate
from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.evaluation.models import FollowUp, Questionnaire
from capacity_lms.evaluation.questionnaire_forms import overall_score, sections

# No module asks sooner than a month after its certificate: older certificates only are read.
SHORTEST_DELAY = datetime.timedelta(days=28)


def active_questionnaire():
    """The follow-up questionnaire in use, or None."""
    return Questionnaire.objects.filter(kind=Questionnaire.Kind.FOLLOW_UP, is_active=True).first()


def due_on(certificate):
    """When ``certificate``'s holder is asked: its module's delay after it was issued."""
    return certificate.issued_on + relativedelta(months=certificate.course.follow_up_months)


def due_certificates(today):
    """The live certificates whose follow-up is due by ``today`` and not created yet."""
    asked = FollowUp.objects.filter(
        certificate__user=OuterRef("user"), certificate__subject_key=OuterRef("subject_key")
    )
    certificates = (
        Certificate.objects.live()
        .filter(
            user__isnull=False,
            course__follow_up_months__gt=0,
            issued_on__lte=today - SHORTEST_DELAY,
        )
        .exclude(Exists(asked))
        .select_related("course")
        .order_by("issued_on", "pk")
    )
    return [certificate for certificate in certificates if due_on(certificate) <= today]


def waiting_follow_ups(user):
    """The follow-ups sent to ``user`` and not answered yet (one query)."""
    return (
        FollowUp.objects.filter(user=user, sent_at__isnull=False, answered_at__isnull=True)
        .select_related("certificate")
        .order_by("due_on", "pk")
    )


class CreateFollowUpAction(BaseAction):
    """Create ``certificate``'s follow-up with ``questionnaire`` (idempotent: the database
    keeps one per certificate, and a second call returns it)."""

    def __init__(self, certificate, user=None, *, questionnaire):
        super().__init__(certificate, user=user)
        self.certificate = certificate
        self.questionnaire = questionnaire

    def check(self):
        if self.certificate.status != Certificate.Status.VALID or self.certificate.user_id is None:
            raise ActionRefused(_("This certificate is no longer valid."), code="not_live")
        if not self.certificate.course_id or not self.certificate.course.follow_up_months:
            raise ActionRefused(_("This module asks for no follow-up."), code="no_follow_up")
        if not self.questionnaire.is_active or (
            self.questionnaire.kind != Questionnaire.Kind.FOLLOW_UP
        ):
            raise ActionRefused(_("No follow-up questionnaire is in use."), code="questionnaire")

    def execute(self):
        self.check()
        try:
            with transaction.atomic():
                return FollowUp.objects.create(
                    certificate=self.certificate,
                    user_id=self.certificate.user_id,
                    questionnaire=self.questionnaire,
                    due_on=due_on(self.certificate),
                )
        except IntegrityError:
            return FollowUp.objects.get(certificate=self.certificate)


def create_due_follow_ups(today):
    """Create the follow-ups due by ``today``; returns how many (0 without a questionnaire)."""
    questionnaire = active_questionnaire()
    if questionnaire is None:
        return 0
    created = 0
    for certificate in due_certificates(today):
        try:
            CreateFollowUpAction(certificate, questionnaire=questionnaire).execute()
        except ActionRefused:
            continue
        created += 1
    return created


class AnswerFollowUpAction(BaseAction):
    """``user`` (the holder) answers ``follow_up``, once: ``answers`` as
    :meth:`~capacity_lms.evaluation.questionnaire_forms.QuestionnaireForm.answers` gives them.
    A second answer (another tab, a double click) is refused and changes nothing."""

    def __init__(self, follow_up, user=None, *, answers, now=None):
        super().__init__(follow_up, user=user)
        self.follow_up = follow_up
        self.answers = answers
        self.now = now

    def check(self):
        if not self.user or self.user.pk != self.follow_up.user_id:
            raise ActionRefused(_("This follow-up was sent to someone else."), code="not_holder")
        if self.follow_up.answered_at is not None:
            raise already_answered(self.follow_up)

    def execute(self):
        self.check()
        now = self.now or clock.now()
        score = overall_score(sections(self.follow_up.questionnaire), self.answers)
        language = (get_language() or "en").split("-")[0]
        answered = FollowUp.objects.filter(pk=self.follow_up.pk, answered_at__isnull=True).update(
            answers=self.answers, score=score, answered_at=now, language=language
        )
        if not answered:
            self.follow_up.refresh_from_db()
            raise already_answered(self.follow_up)
        self.follow_up.answers, self.follow_up.score = self.answers, score
        self.follow_up.answered_at, self.follow_up.language = now, language
        return self.follow_up


def already_answered(follow_up):
    return ActionRefused(
        _("You answered this follow-up on %(date)s: it is answered once. Thank you.")
        % {"date": formats.date_format(timezone.localdate(follow_up.answered_at))},
        code="answered",
    )
