"""The generated world's evaluation answers: reactions to the past workshop meetings its
members attended and to the modules they completed (asked through ``OpenMeetingReaction`` and
``OpenModuleReaction`` as of the meeting's end or the completion, most answered within the
window through ``AnswerReaction``), and the self-assessments of its verified associations, last
year's and this year's (``TakeSelfAssessment`` by their admin, this year one step better on
average where members trained). Under the dummy task backend nothing asks by itself after a
mark, so the asking is done here. A request or a self-assessment that exists is left as is, so
loading twice adds nothing."""

import datetime

from capacity_lms.attendance.models import AttendanceRecord
from capacity_lms.core import clock
from capacity_lms.evaluation.assessment import TakeSelfAssessment
from capacity_lms.evaluation.models import Questionnaire, Reaction, SelfAssessment
from capacity_lms.evaluation.reactions import (
    AnswerReaction,
    OpenMeetingReaction,
    OpenModuleReaction,
    status_counts_as_present,
)
from courses.models import Enrolment
from sandbox.home.demo_evaluation import _answers

MEETING_REACTIONS = 150  # at most, sampled from the attended meetings
MODULE_REACTIONS = 100  # at most, sampled from the completions
COMMENTS = {
    "fr": ["Très concret, merci.", "Trop court pour tout voir.", "Des exemples utiles."],
    "ar": ["استفدت كثيرا من الأمثلة.", "الوقت لم يكن كافيا للأسئلة."],
    "en": ["Clear and practical.", "I would like the slides in Arabic too."],
}


def _rating(rng, mood):
    return max(1, min(5, mood + rng.choice((-1, 0, 0, 0, 1))))


def _answer(world, request, person, when):
    """Answer ``request`` at ``when`` if it falls inside its window; True if answered."""
    if Reaction.objects.filter(request=request).exists():
        return False
    if when >= request.closes_at or when.date() >= world.today:
        return False
    rng = world.rng
    mood = rng.choice((3, 4, 4, 5, 5))
    language = rng.choice(sorted(COMMENTS))
    comment = rng.choice(COMMENTS[language]) if rng.random() < 0.3 else ""
    with clock.at(when):
        AnswerReaction(
            request,
            user=person,
            content_rating=_rating(rng, mood),
            trainer_rating=_rating(rng, mood),
            comment=comment,
            signed=bool(comment) and rng.random() < 0.5,
            now=when,
        ).execute()
    return True


def load_meeting_reactions(world):
    """Reactions to the meetings the world's members attended (present or late)."""
    people = {user.pk: user for user in world.all_members()}
    records = [
        record
        for record in AttendanceRecord.objects.filter(
            user_id__in=people, occurrence_date__lt=world.today
        )
        .select_related("status", "session__workshop")
        .order_by("session_id", "occurrence_date", "user_id")
        if status_counts_as_present(record.status)
    ]
    if len(records) > MEETING_REACTIONS:
        records = sorted(world.rng.sample(records, MEETING_REACTIONS), key=lambda r: r.pk)
    asked = answered = 0
    for record in records:
        person = people[record.user_id]
        start = world.moment(record.occurrence_date, 20)
        with clock.at(start):
            request, created = OpenMeetingReaction(
                record.session, person=person, occurrence_date=record.occurrence_date
            ).execute()
        asked += created
        if world.rng.random() < 0.65:
            delay = datetime.timedelta(hours=world.rng.randrange(2, 96))
            answered += _answer(world, request, person, request.opens_at + delay)
    return asked, answered


def load_module_reactions(world):
    """Reactions to the modules the world's members completed."""
    people = {user.pk: user for user in world.all_members()}
    completions = list(
        Enrolment.objects.filter(user_id__in=people, completed_at__isnull=False)
        .select_related("course")
        .order_by("pk")
    )
    if len(completions) > MODULE_REACTIONS:
        completions = sorted(world.rng.sample(completions, MODULE_REACTIONS), key=lambda e: e.pk)
    asked = answered = 0
    for enrolment in completions:
        person = people[enrolment.user_id]
        with clock.at(enrolment.completed_at):
            request, created = OpenModuleReaction(
                enrolment.course, person=person, completed_at=enrolment.completed_at
            ).execute()
        asked += created
        if world.rng.random() < 0.55:
            delay = datetime.timedelta(hours=world.rng.randrange(1, 72))
            answered += _answer(world, request, person, request.opens_at + delay)
    return asked, answered


def load_self_assessments(world):
    """Last year's and this year's self-assessment of each verified world association with an
    admin (this year's only once its day has come)."""
    questionnaire = Questionnaire.objects.filter(
        kind=Questionnaire.Kind.SELF_ASSESSMENT, is_active=True
    ).first()
    if questionnaire is None:
        return 0
    made = 0
    rng = world.rng
    trained = set(
        Enrolment.objects.filter(completed_at__isnull=False).values_list("user_id", flat=True)
    )
    for association in world.associations:
        people = world.members.get(association.pk) or []
        if not people or association.verification_status != "verified":
            continue
        level = rng.choice((1, 2, 2, 3, 3, 4))
        members_trained = any(person.pk in trained for person in people)
        better = rng.choice((0, 1, 1, 2)) if members_trained else rng.choice((0, 0, 1))
        for year, step in ((world.today.year - 1, 0), (world.today.year, better)):
            taken = datetime.date(year, rng.randrange(2, 6), 1 + rng.randrange(27))
            if taken >= world.today:
                continue
            if SelfAssessment.objects.filter(association=association, year=year).exists():
                continue
            when = world.moment(taken, rng.randrange(9, 20))
            with clock.at(when):
                TakeSelfAssessment(
                    association,
                    user=people[0],
                    questionnaire=questionnaire,
                    answers=_answers(questionnaire, rng, level + step),
                    language=rng.choice(("ar", "fr", "en")),
                    now=when,
                ).execute()
            made += 1
    return made


def load_evaluation(world):
    meeting_asked, meeting_answered = load_meeting_reactions(world)
    module_asked, module_answered = load_module_reactions(world)
    return {
        "meeting reactions asked (world)": meeting_asked,
        "meeting reactions answered (world)": meeting_answered,
        "module reactions asked (world)": module_asked,
        "module reactions answered (world)": module_answered,
        "self-assessments (world)": load_self_assessments(world),
    }
