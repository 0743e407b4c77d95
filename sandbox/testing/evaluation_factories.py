"""Evaluation answers written directly (issue #25), for tests, the demo and benchmarks: an
association's self-assessment with its scores by capacity area, reactions to a meeting or a
module, learning gains, answered follow-ups, and the certificate they follow.

They write the rows an answer leaves, not through the actions (which the tests of each part
exercise), so that a world can hold thousands of answers at dates of its choosing. The
questionnaires they answer are ``questionnaire_factories.make_questionnaire``'s.
"""

import datetime
import uuid
from decimal import Decimal

from django.utils import timezone

from capacity_lms.certificates.models import Certificate
from capacity_lms.evaluation.models import (
    AreaScore,
    FollowUp,
    LearningGain,
    Questionnaire,
    Reaction,
    ReactionRequest,
    SelfAssessment,
)
from capacity_lms.taxonomy.models import CapacityArea
from sandbox.testing.questionnaire_factories import make_questionnaire


def active_questionnaire(kind):
    """The questionnaire of ``kind`` in use, made (without questions) when there is none."""
    found = Questionnaire.objects.filter(kind=kind, is_active=True).first()
    return found or make_questionnaire(kind, title=str(Questionnaire.Kind(kind).label))


def self_assessment(association, year, scores, *, taken_at=None, taken_by=None):
    """``association``'s self-assessment of ``year`` with ``scores`` (``{area or its code:
    score}``), taken on ``taken_at`` (the 1st of March of ``year`` when not given)."""
    areas = {area.code: area for area in CapacityArea.objects.all()}
    assessment = SelfAssessment.objects.create(
        association=association,
        questionnaire=active_questionnaire(Questionnaire.Kind.SELF_ASSESSMENT),
        year=year,
        taken_by=taken_by,
        taken_at=taken_at or datetime.datetime(year, 3, 1, 12, tzinfo=datetime.UTC),
        language="en",
    )
    AreaScore.objects.bulk_create(
        AreaScore(
            assessment=assessment,
            area=areas[area] if isinstance(area, str) else area,
            score=Decimal(score),
            answers=1,
        )
        for area, score in scores.items()
    )
    return assessment


def reactions(answers):
    """Reactions written in bulk (two queries a kind of row, whatever their number).

    ``answers``: dicts with ``user``, either ``session`` (and ``occurrence_date``, the
    session's date when not given) or ``course``, ``content`` (1 to 5), and optionally
    ``trainer`` (1 to 5 or None), ``answered_at``, ``comment``, ``signed``."""
    now = timezone.now()
    requests = []
    for answer in answers:
        session = answer.get("session")
        answered_at = answer.get("answered_at") or now
        requests.append(
            ReactionRequest(
                user=answer["user"],
                subject=ReactionRequest.Subject.MEETING
                if session
                else ReactionRequest.Subject.MODULE,
                session=session,
                occurrence_date=(answer.get("occurrence_date") or session.date)
                if session
                else None,
                course=None if session else answer["course"],
                opens_at=answered_at - datetime.timedelta(days=1),
                closes_at=answered_at + datetime.timedelta(days=13),
            )
        )
    requests = ReactionRequest.objects.bulk_create(requests)
    return Reaction.objects.bulk_create(
        Reaction(
            request=request,
            content_rating=answer["content"],
            trainer_rating=answer.get("trainer"),
            comment=answer.get("comment", ""),
            signed=answer.get("signed", False),
            answered_at=answer.get("answered_at") or now,
        )
        for request, answer in zip(requests, answers, strict=True)
    )


def learning_gain(user, course, pre, post, *, measured_at=None):
    """``user``'s gain in ``course``: ``post`` minus ``pre`` (percent scores)."""
    return LearningGain.objects.create(
        user=user,
        course=course,
        pre_score=Decimal(pre),
        post_score=Decimal(post),
        gain=Decimal(post) - Decimal(pre),
        measured_at=measured_at or timezone.now(),
    )


def certificate(user, *, course=None, workshop=None, issued_on=None):
    """A valid certificate of ``user`` for ``course`` or ``workshop`` (written directly: no
    signature, no PDF)."""
    subject = course or workshop
    kind = "course" if course is not None else "workshop"
    key = subject.translation_key if course is not None else subject.pk
    number = uuid.uuid4().hex
    return Certificate.objects.create(
        user=user,
        course=course,
        workshop=workshop,
        subject_key=f"{kind}:{key}",
        code=number.upper(),
        reference=number[:12].upper(),
        layout="en",
        holder_names={"en": user.get_full_name() or user.username},
        titles={"en": subject.title},
        issued_on=issued_on or timezone.localdate(),
        origin="rule",
    )


def answered_follow_up(certificate, score, *, answered_at=None, due_on=None):
    """The follow-up of ``certificate``, sent and answered with ``score`` (0 to 100)."""
    answered_at = answered_at or timezone.now()
    return FollowUp.objects.create(
        certificate=certificate,
        user=certificate.user,
        questionnaire=active_questionnaire(Questionnaire.Kind.FOLLOW_UP),
        due_on=due_on or answered_at.date(),
        sent_at=answered_at - datetime.timedelta(days=2),
        answered_at=answered_at,
        language="en",
        score=Decimal(score),
    )
