"""Demo certificates: who issues them, the rules that earn them, and one of each state.

The ministry issues and signs; two modules and the past Lyon workshop lead to a certificate.
The learner holds three, all valid: the foundations module (Arabic with French, rule met),
monitoring and evaluation (French with English, issued by hand by programme staff) and the
Lyon workshop (French, attendance of at least 75%). The Lyon attendees who reach 75% hold
theirs; Sanae, at 67%, was given one by hand and then it was revoked, so staff see every
state. The learner's PDFs are rendered here so "Download" works at once.

Idempotent: settings fill only empty fields, rules are looked up by subject, and a person
who ever held a certificate for a subject is not given another.
"""

from django.contrib.auth import get_user_model
from wagtail.models import Site

from capacity_lms.certificates.eligibility import rule_is_met
from capacity_lms.certificates.issuing import IssueCertificateAction, RevokeCertificateAction
from capacity_lms.certificates.models import (
    Certificate,
    CertificateRule,
    CertificateSettings,
    Layout,
    subject_key,
)
from capacity_lms.people.models import LearnerProfile
from capacity_lms.workshops.models import Registration, Workshop
from courses.models import CoursePage
from sandbox.home.demo_attendance import SLUG as LYON_WORKSHOP

ISSUER = {
    "issuer": "Ministère délégué chargé des Marocains résidant à l'étranger",
    "issuer_in_arabic": "الوزارة المنتدبة المكلفة بالمغاربة المقيمين بالخارج",
    "signatory_name": "Mounir El Fassi",
    "signatory_title": "Directeur de la coopération et de la promotion sociale",
}

# As the learner's name should read on certificates written in Arabic.
LEARNER_NAME_IN_ARABIC = "سلمى العمراني"

# course slug: rule fields
COURSE_RULES = {
    "project-engineering-foundations": {"layout": Layout.ARABIC_FRENCH},
    "monitoring-evaluation-reporting": {"layout": Layout.FRENCH_ENGLISH, "validity_months": 24},
}

# A workshop has one title, in its language: its certificate is in French only.
WORKSHOP_RULE = {"layout": Layout.FRENCH, "minimum_attendance": 75}


def ensure_certificate_settings():
    """The default site's issuer and signatory; fields an editor filled in are kept."""
    site = Site.objects.get(is_default_site=True)
    options = CertificateSettings.for_site(site)
    blank = [field for field, value in ISSUER.items() if not getattr(options, field)]
    for field in blank:
        setattr(options, field, ISSUER[field])
    if blank:
        options.save()
    return options


def ensure_rules():
    """{slug: rule} for the two demo courses (on their French version) and the Lyon workshop."""
    rules = {}
    for slug, fields in COURSE_RULES.items():
        course = CoursePage.objects.get(slug=slug, locale__language_code="fr")
        rules[slug] = CertificateRule.objects.filter(
            course__translation_key=course.translation_key
        ).first() or CertificateRule.objects.create(course=course, **fields)
    workshop = Workshop.objects.get(slug=LYON_WORKSHOP)
    rules[LYON_WORKSHOP] = CertificateRule.objects.get_or_create(
        workshop=workshop, defaults=WORKSHOP_RULE
    )[0]
    return rules


def issue_once(person, subject, by=None, **kwargs):
    """Issue ``subject``'s certificate unless ``person`` holds or ever held one (revoked,
    replaced): what staff did to the demo certificates stays done. Returns the new one."""
    if Certificate.objects.filter(user=person, subject_key=subject_key(subject)).exists():
        return None
    return IssueCertificateAction(person, user=by, subject=subject, **kwargs).execute()[0]


def load_certificates(users):
    """Certificate settings, rules and certificates of the demo; returns what they hold."""
    ensure_certificate_settings()
    LearnerProfile.objects.filter(user__username="learner", name_in_arabic="").update(
        name_in_arabic=LEARNER_NAME_IN_ARABIC
    )
    rules = ensure_rules()
    staff = users["staff"]
    # Fetched again: the users above may carry a profile read before its Arabic name.
    people = {
        user.username: user
        for user in get_user_model().objects.filter(username__in=["learner", "sanae"])
    }
    learner = people["learner"]

    foundations = rules["project-engineering-foundations"].course
    issue_once(learner, foundations)
    monitoring = rules["monitoring-evaluation-reporting"].course
    issue_once(learner, monitoring, by=staff, reason="Demo: attended the pilot session")

    lyon = rules[LYON_WORKSHOP]
    for registration in lyon.workshop.registrations.filter(
        status=Registration.Status.CONFIRMED
    ).select_related("user"):
        if rule_is_met(lyon, registration.user):
            issue_once(registration.user, lyon.workshop)
    certificate = issue_once(
        people["sanae"],
        lyon.workshop,
        by=staff,
        reason="Demo: listed as present at every meeting",
    )
    if certificate is not None:
        RevokeCertificateAction(
            certificate,
            user=staff,
            reason="Demo: issued by mistake, attendance 67% is below the 75% the rule asks",
        ).execute()

    # Their PDFs are rendered on their first download, not while the demo loads.
    return {
        "certificate rules": CertificateRule.objects.count(),
        "certificates": Certificate.objects.count(),
    }
