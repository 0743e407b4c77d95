"""Who has earned a certificate, and the actions that issue, revoke and reissue one.

As everywhere in the package, an action checks, then writes in one transaction, and is
idempotent: issuing twice (or forty times at once) leaves one live certificate, because the
database's partial unique index on (holder, subject) decides; the losers read the winner's row.
What follows an issue (rendering the PDF, e-mailing the holder) is enqueued as a task after
the transaction commits.
"""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from capacity_lms.attendance.rates import course_rate, person_rate
from capacity_lms.certificates.models import (
    Certificate,
    CertificateEvent,
    CertificateRule,
    Layout,
    expiry_date,
    subject_key,
)
from capacity_lms.certificates.signing import sign
from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.core.tree import children_of
from capacity_lms.workshops.models import Registration, Workshop
from courses.models import CoursePage, Enrolment, LessonPage, QuizAttempt

__all__ = [
    "IssueCertificateAction",
    "ReissueCertificateAction",
    "RevokeCertificateAction",
    "eligible_people",
    "rule_is_met",
]


# --- the rule --------------------------------------------------------------------------------


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


def _attendance_ok(rate, minimum):
    if minimum is None:
        return True
    return rate is not None and rate * 100 >= Decimal(minimum)


def rule_is_met(rule, user, now=None):
    """Whether ``user`` meets ``rule`` now."""
    if rule.course_id:
        course = rule.course
        if rule.requires_completion or rule.requires_quizzes_passed:
            enrolment = _completed_enrolment(user, course)
            if rule.requires_completion and enrolment is None:
                return False
            if rule.requires_quizzes_passed:
                taken = enrolment.course if enrolment else course
                if not _every_quiz_passed(user, taken):
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
        and not (rule.requires_quizzes_passed or rule.minimum_attendance is not None)
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


# --- the text as issued ----------------------------------------------------------------------


def holder_names(user, languages):
    latin = user.get_full_name().strip() or user.get_username()
    profile = getattr(user, "capacity_profile", None)
    try:
        arabic = (profile.name_in_arabic if profile else "") or latin
    except get_user_model().capacity_profile.RelatedObjectDoesNotExist:
        arabic = latin
    return {language: arabic if language == "ar" else latin for language in languages}


def subject_titles(subject, languages):
    """The subject's title in each language: a course's translations, else its own title."""
    if isinstance(subject, Workshop):
        return dict.fromkeys(languages, subject.title)
    translated = dict(
        CoursePage.objects.filter(translation_key=subject.translation_key).values_list(
            "locale__language_code", "title"
        )
    )
    return {language: translated.get(language, subject.title) for language in languages}


def subject_hours(subject, rule=None):
    if rule is not None and rule.hours is not None:
        return rule.hours
    if isinstance(subject, Workshop):
        seconds = sum(
            (occurrence.ends_at - occurrence.starts_at).total_seconds()
            for session in subject.sessions.prefetch_related("changes")
            for occurrence in session.occurrences()
            if not occurrence.is_cancelled
        )
        return (Decimal(seconds) / 3600).quantize(Decimal("0.1"))
    return subject.estimated_hours


def subject_text(subject, languages, rule=None):
    """What a certificate says of its subject: ``(titles by language, hours)``."""
    return subject_titles(subject, languages), subject_hours(subject, rule)


def _after_issue(certificate):
    from capacity_lms.certificates.tasks import deliver_certificate

    transaction.on_commit(lambda: deliver_certificate.enqueue(certificate.pk))


def _may_issue(user):
    if not (user and user.is_authenticated and user.has_perm("capacity_lms.issue_certificate")):
        raise ActionRefused(_("You may not issue or revoke certificates."), code="forbidden")


def _need_reason(reason):
    if not (reason or "").strip():
        raise ActionRefused(_("Give the reason; it is kept with the certificate."), code="reason")


# --- actions ---------------------------------------------------------------------------------


class IssueCertificateAction(BaseAction):
    """Issue ``subject``'s certificate (a course or a workshop) to ``person``:
    ``IssueCertificateAction(person, user=by, subject=course)``.

    Without ``user`` it is the rule speaking: the rule must be met. With ``user`` (staff)
    it is issued by hand, rule or not, with a ``reason``. ``execute()`` returns
    ``(certificate, created)``: the live one already held comes back with ``created`` False.

    Bulk issuing (a task going through :func:`eligible_people` of a rule, those without a
    certificate) passes ``known_eligible=True``: the rule was checked for everyone in a few
    queries, so ``execute()`` writes at once (a concurrent issue still leaves one certificate);
    and ``text``, the subject's :func:`subject_text` computed once for all of them.
    """

    def __init__(
        self,
        person,
        user=None,
        *,
        subject,
        reason="",
        layout=None,
        now=None,
        rule=None,
        text=None,
        known_eligible=False,
    ):
        super().__init__(person, user=user)
        self.person = person
        self.subject = subject
        self.by = user
        self.reason = reason
        self.layout = layout
        self.now = now
        self.rule = rule or rule_for(subject)
        # The subject's titles and hours, when the caller computed them once for many people.
        self.text = text
        self.known_eligible = known_eligible

    def check(self):
        if self.by is not None:
            _may_issue(self.by)
            _need_reason(self.reason)
            if self.layout and self.layout not in Layout.values:
                raise ActionRefused(_("Choose the certificate's languages."), code="layout")
            return
        if self.rule is None:
            raise ActionRefused(
                _("This course or workshop has no certificate rule."), code="no_rule"
            )
        if Certificate.objects.filter(
            user=self.person,
            subject_key=subject_key(self.subject),
            status=Certificate.Status.REVOKED,
        ).exists():
            # Staff revoked it: only staff may issue it again, by hand and with a reason.
            raise ActionRefused(_("This person's certificate for it was revoked."), code="revoked")
        if not rule_is_met(self.rule, self.person, self.now):
            raise ActionRefused(_("The certificate's rule is not met yet."), code="not_met")

    def existing(self):
        return (
            Certificate.objects.live()
            .filter(user=self.person, subject_key=subject_key(self.subject))
            .first()
        )

    def execute(self):
        if not self.known_eligible:
            found = self.existing()
            if found is not None:
                return found, False
            self.check()
        return self._create()

    def _create(self):
        """Write the certificate; or, when a concurrent request wrote it first, return
        theirs."""
        certificate = build_certificate(
            self.person,
            self.subject,
            rule=self.rule,
            layout=self.layout,
            origin=Certificate.Origin.MANUAL if self.by else Certificate.Origin.RULE,
            by=self.by,
            reason=self.reason,
            text=self.text,
        )
        try:
            with transaction.atomic():
                certificate.save()
                CertificateEvent.objects.create(
                    certificate=certificate,
                    kind=CertificateEvent.Kind.ISSUED,
                    actor=self.by,
                    reason=self.reason,
                )
        except IntegrityError:
            # Another request issued it at the same instant: theirs is the one.
            found = self.existing()
            if found is None:
                raise
            return found, False
        _after_issue(certificate)
        return certificate, True


def build_certificate(
    person,
    subject,
    rule=None,
    layout=None,
    origin=None,
    by=None,
    reason="",
    issued_on=None,
    expires_on=None,
    replaces=None,
    text=None,
):
    """A signed, unsaved certificate with its text as of now (``text``: the subject's
    :func:`subject_text`, when already computed)."""
    layout = layout or (rule.layout if rule else Layout.ARABIC_FRENCH)
    languages = layout.split(",")
    titles, hours = text or subject_text(subject, languages, rule)
    issued_on = issued_on or timezone.localdate()
    is_workshop = isinstance(subject, Workshop)
    certificate = Certificate(
        user=person,
        course=None if is_workshop else subject,
        workshop=subject if is_workshop else None,
        subject_key=subject_key(subject),
        layout=layout,
        holder_names=holder_names(person, languages),
        titles=titles,
        hours=hours,
        issued_on=issued_on,
        expires_on=expires_on
        if replaces is not None
        else expiry_date(issued_on, rule.validity_months if rule else None),
        origin=origin,
        issued_by=by,
        reason=reason,
        replaces=replaces,
    )
    certificate.signed_payload, certificate.key_id = sign(certificate.payload())
    return certificate


class RevokeCertificateAction(BaseAction):
    """Revoke a certificate, with the reason. Revoking a revoked one changes nothing."""

    def __init__(self, certificate, user=None, *, reason):
        super().__init__(certificate, user=user)
        self.certificate = certificate
        self.by = user
        self.reason = reason

    def check(self):
        _may_issue(self.by)
        _need_reason(self.reason)

    @transaction.atomic
    def execute(self):
        self.check()
        changed = Certificate.objects.filter(
            pk=self.certificate.pk, status=Certificate.Status.VALID
        ).update(status=Certificate.Status.REVOKED)
        if changed:
            CertificateEvent.objects.create(
                certificate=self.certificate,
                kind=CertificateEvent.Kind.REVOKED,
                actor=self.by,
                reason=self.reason,
            )
        self.certificate.refresh_from_db()
        return bool(changed)


class ReissueCertificateAction(BaseAction):
    """Replace a valid certificate with a new one (new code, new PDF, the text as of now, the
    same dates): for a corrected name or title, or other languages. The old one verifies as
    replaced."""

    def __init__(self, certificate, user=None, *, reason, layout=None):
        super().__init__(certificate, user=user)
        self.certificate = certificate
        self.by = user
        self.reason = reason
        self.layout = layout

    def check(self):
        _may_issue(self.by)
        _need_reason(self.reason)
        if self.certificate.status != Certificate.Status.VALID:
            raise ActionRefused(_("Only a valid certificate can be reissued."), code="not_valid")
        if self.certificate.user is None:
            raise ActionRefused(_("This certificate has no holder any more."), code="no_holder")
        if self.certificate.subject is None:
            raise ActionRefused(_("Its course or workshop no longer exists."), code="no_subject")
        if self.layout and self.layout not in Layout.values:
            raise ActionRefused(_("Choose the certificate's languages."), code="layout")

    def execute(self):
        self.check()
        old = self.certificate
        with transaction.atomic():
            changed = Certificate.objects.filter(
                pk=old.pk, status=Certificate.Status.VALID
            ).update(status=Certificate.Status.REPLACED)
            if not changed:
                raise ActionRefused(
                    _("Only a valid certificate can be reissued."), code="not_valid"
                )
            CertificateEvent.objects.create(
                certificate=old,
                kind=CertificateEvent.Kind.REISSUED,
                actor=self.by,
                reason=self.reason,
            )
            new = build_certificate(
                old.user,
                old.subject,
                rule=rule_for(old.subject),
                layout=self.layout or old.layout,
                origin=Certificate.Origin.REISSUE,
                by=self.by,
                reason=self.reason,
                issued_on=old.issued_on,
                expires_on=old.expires_on,
                replaces=old,
            )
            new.save()
            CertificateEvent.objects.create(
                certificate=new,
                kind=CertificateEvent.Kind.ISSUED,
                actor=self.by,
                reason=self.reason,
            )
        old.refresh_from_db()
        _after_issue(new)
        return new
