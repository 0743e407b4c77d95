"""Certificate work done in the background, through the Django tasks API.

``issue_certificates`` issues a rule's certificates in bulk and may run again at any time;
``check_certificates`` looks at one person after they completed a course or were marked
present. Delivering an issued certificate is :mod:`capacity_lms.certificates.delivery`'s task.
"""

from django.contrib.auth import get_user_model
from django_tasks import task

from capacity_lms.certificates.eligibility import eligible_people, rule_is_met
from capacity_lms.certificates.issuing import IssueCertificateAction
from capacity_lms.certificates.models import CertificateRule
from capacity_lms.certificates.wording import subject_text
from capacity_lms.core.actions import ActionRefused


@task()
def issue_certificates(rule_id):
    """Issue the certificate of ``rule`` to everyone who meets it and has none yet.

    Safe to run again: those who hold theirs are skipped (and not e-mailed again). Returns how
    many were created.
    """
    rule = CertificateRule.objects.select_related("course", "workshop").filter(pk=rule_id).first()
    if rule is None:
        return 0
    text = subject_text(rule.subject, rule.languages, rule)
    created = 0
    for person in eligible_people(rule, without_certificate=True):
        _certificate, was_created = IssueCertificateAction(
            person, subject=rule.subject, rule=rule, text=text, known_eligible=True
        ).execute()
        created += was_created
    return created


@task()
def check_certificates(user_id, rule_ids):
    """Issue what ``rule_ids`` give the person, if they now meet them."""
    person = get_user_model().objects.filter(pk=user_id).first()
    if person is None:
        return 0
    created = 0
    rules = CertificateRule.objects.filter(pk__in=rule_ids, is_active=True).select_related(
        "course", "workshop"
    )
    for rule in rules:
        if not rule_is_met(rule, person):
            continue
        try:
            _certificate, was_created = IssueCertificateAction(
                person, subject=rule.subject
            ).execute()
        except ActionRefused:
            continue
        created += was_created
    return created
