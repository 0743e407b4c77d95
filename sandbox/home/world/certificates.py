"""The generated world's certificates, issued by the rules on the day they were earned.

Every demo module gets a rule (the hand-written demo's two keep theirs), and half of the past
generated workshops one asking 75% attendance. A member who completed a module receives its
certificate that day (``IssueCertificateAction``, the rule speaking, as the certificate check
after a completion does); a workshop's certificates are issued in bulk the day after its last
meeting (``issue_certificates``, the task staff run, called here under the clock of that day).
Programme staff then revoke a few, with a reason, some days later.
"""

import datetime

from capacity_lms.certificates.issuing import IssueCertificateAction, RevokeCertificateAction
from capacity_lms.certificates.models import Certificate, CertificateRule, Layout
from capacity_lms.certificates.tasks import issue_certificates
from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused
from courses.models import CoursePage, Enrolment

REVOKED = 4
REASONS = [
    "Issued to the wrong account: the person registered twice.",
    "Attendance corrected after the trainer's review: below the 75% the rule asks.",
    "The member asked for it to be withdrawn.",
    "Duplicate of a certificate issued by hand.",
]


def ensure_course_rules():
    """A rule for each demo module that has none, on its French version when it has one."""
    made = 0
    seen = set(
        CertificateRule.objects.filter(course__isnull=False).values_list(
            "course__translation_key", flat=True
        )
    )
    for course in CoursePage.objects.live().select_related("locale").order_by("pk"):
        if course.translation_key in seen:
            continue
        siblings = CoursePage.objects.filter(translation_key=course.translation_key)
        french = siblings.filter(locale__language_code="fr").first() or course
        layout = (
            Layout.ARABIC_FRENCH if french.locale.language_code == "fr" else Layout.FRENCH_ENGLISH
        )
        CertificateRule.objects.create(course=french, layout=layout)
        seen.add(course.translation_key)
        made += 1
    return made


def issue_for_completions(world):
    """Each completion of a generated member: its certificate, that day."""
    users = [user.pk for user in world.all_members()]
    completions = (
        Enrolment.objects.filter(user_id__in=users, completed_at__isnull=False)
        .select_related("user", "course")
        .order_by("completed_at", "pk")
    )
    issued = []
    for enrolment in completions:
        with clock.at(enrolment.completed_at + datetime.timedelta(minutes=5)):
            try:
                certificate, created = IssueCertificateAction(
                    enrolment.user, subject=enrolment.course.specific
                ).execute()
            except ActionRefused:
                continue
        if created:
            issued.append(certificate)
    return issued


def issue_for_workshops(world):
    """A rule on every other past workshop; its certificates the day after the last meeting."""
    created = 0
    for number, (workshop, session) in enumerate(world.workshops):
        last = session.occurrence_dates()[-1]
        # Half of them, every axis among them (the axes go round six by six).
        if number % 2 != (number // 6) % 2 or last >= world.today - datetime.timedelta(days=1):
            continue
        rule, _new = CertificateRule.objects.get_or_create(
            workshop=workshop, defaults={"layout": Layout.ARABIC_FRENCH, "minimum_attendance": 75}
        )
        with clock.at(world.moment(last + datetime.timedelta(days=1), hour=9)):
            created += issue_certificates.call(rule.pk)
    return created


def revoke_some(world, staff):
    """Staff revoke a few of the world's certificates some days after issuing them."""
    rng = world.rng
    users = [user.pk for user in world.all_members()]
    candidates = list(
        Certificate.objects.filter(user_id__in=users, status=Certificate.Status.VALID).order_by(
            "issued_on", "pk"
        )
    )
    revoked = 0
    for certificate, reason in zip(
        rng.sample(candidates, min(REVOKED, len(candidates))), REASONS, strict=False
    ):
        day = min(
            certificate.issued_on + datetime.timedelta(days=rng.randint(3, 20)),
            world.today - datetime.timedelta(days=1),
        )
        with clock.at(world.moment(day, hour=11)):
            RevokeCertificateAction(certificate, user=staff, reason=reason).execute()
        revoked += 1
    return revoked


def load_certificates(world, staff):
    rules = ensure_course_rules()
    from_courses = len(issue_for_completions(world))
    from_workshops = issue_for_workshops(world)
    return {
        "world certificate rules made": rules,
        "world certificates": from_courses + from_workshops,
        "world certificates revoked": revoke_some(world, staff),
    }
