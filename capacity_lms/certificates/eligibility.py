"""Who has earned a certificate: whether one person meets a rule, everyone who does, and the
rule of a course or a workshop.

A course rule may ask for the course completed, every quiz passed, every deliverable step
accepted (the project workbook's) and a minimum attendance over the course's workshops; a
workshop rule for a confirmed registration and attendance (at least one meeting, or the
minimum rate).
"""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q

from capacity_lms.attendance.rates import course_rate, person_rate
from capacity_lms.certificates.models import Certificate, CertificateRule
from capacity_lms.core.tree import children_of
from capacity_lms.workshops.models import Registration, Workshop
from courses.completion import accepted_steps
from courses.models import Enrolment, LessonPage, QuizAttempt


def _completed_enrolment(user, course):
    return (
        Enrolment.objects.completed()
        .filter(user=user, course__translation_key=course.translation_key)
        .select_related("course")
        .first()
    )


def _every_quiz_passed(user, course):
    lessons = list(LessonPage.objects.filter(children_of(course)).live())
    wanted = {(lesson.pk, quiz_id) for lesson in lessons for quiz_id, _quiz in lesson.quizzes}
    passed = set(
        QuizAttempt.objects.filter(user=user, lesson__in=lessons, passed=True).values_list(
            "lesson_id", "quiz_id"
        )
    )
    return wanted <= passed


def _every_deliverable_accepted(user, course):
    """Every deliverable step of ``course``'s lessons accepted for one of ``user``'s
    associations (as the workbook tells ``courses``; nothing accepted when it is absent)."""
    for lesson in course.lessons(with_bodies=True):
        wanted = {step_id for step_id, _step in lesson.deliverables}
        if wanted and not wanted <= accepted_steps(user, lesson):
            return False
    return True


def _attendance_ok(rate, minimum):
    if minimum is None:
        return True
    return rate is not None and rate * 100 >= Decimal(minimum)


def rule_is_met(rule, user, now=None):
    """Whether ``user`` meets ``rule`` now."""
    if rule.course_id:
        course = rule.course
        needs = rule.requires_quizzes_passed or rule.requires_accepted_deliverables
        if rule.requires_completion or needs:
            enrolment = _completed_enrolment(user, course)
            if rule.requires_completion and enrolment is None:
                return False
            taken = enrolment.course if enrolment else course
            if rule.requires_quizzes_passed and not _every_quiz_passed(user, taken):
                return False
            if rule.requires_accepted_deliverables and not _every_deliverable_accepted(
                user, taken
            ):
                return False
        elif (
            not Enrolment.objects.filter(
                user=user, course__translation_key=course.translation_key
            ).exists()
            and rule.minimum_attendance is None
        ):
            return False
        if rule.minimum_attendance is not None:
            return _attendance_ok(course_rate(user, course, now), rule.minimum_attendance)
        return True
    workshop = rule.workshop
    if not Registration.objects.filter(
        workshop=workshop, user=user, status=Registration.Status.CONFIRMED
    ).exists():
        return False
    rate = person_rate(user, [workshop], now)
    if rule.minimum_attendance is None:
        # A workshop certificate says the person came: at least one meeting attended.
        return rate is not None and rate > 0
    return _attendance_ok(rate, rule.minimum_attendance)


def _candidates(rule):
    """People who may meet ``rule``: enrolled in its course or registered for its workshops."""
    if rule.course_id:
        key = rule.course.translation_key
        if rule.requires_completion:
            return Q(
                capacity_enrolments__course__translation_key=key,
                capacity_enrolments__completed_at__isnull=False,
            )
        candidates = Q(capacity_enrolments__course__translation_key=key)
        if rule.minimum_attendance is not None:
            candidates |= Q(
                workshop_registrations__workshop__course__translation_key=key,
                workshop_registrations__status=Registration.Status.CONFIRMED,
            )
        return candidates
    return Q(
        workshop_registrations__workshop=rule.workshop,
        workshop_registrations__status=Registration.Status.CONFIRMED,
    )


def eligible_people(rule, now=None, without_certificate=False):
    """Everyone who meets ``rule`` now, with their profiles.

    ``without_certificate`` leaves out whoever has, or had, a certificate for it (bulk issuing:
    a revoked certificate is never brought back by the rule). When completing the course is
    the whole rule, one query decides; other rules are checked person by person.
    """
    people = get_user_model().objects.filter(_candidates(rule))
    if without_certificate:
        people = people.exclude(
            Exists(Certificate.objects.filter(user=OuterRef("pk"), subject_key=rule.subject_key))
        )
    people = people.distinct().order_by("pk").select_related("capacity_profile")
    decided = (
        rule.course_id
        and rule.requires_completion
        and not (
            rule.requires_quizzes_passed
            or rule.requires_accepted_deliverables
            or rule.minimum_attendance is not None
        )
    )
    if decided:
        return list(people)
    return [person for person in people if rule_is_met(rule, person, now)]


def rule_for(subject):
    """The rule of a course (any translation) or a workshop, or None."""
    if isinstance(subject, Workshop):
        return CertificateRule.objects.filter(workshop=subject).first()
    return (
        CertificateRule.objects.filter(course__translation_key=subject.translation_key)
        .select_related("course")
        .first()
    )
