"""Certificate work done in the background, through the Django tasks API.

``deliver_certificate`` renders the PDF and e-mails the holder once (a unique ``notified``
event is claimed before sending, as reminders are); ``issue_certificates`` issues a rule's
certificates in bulk and may run again at any time; ``check_certificates`` looks at one
person after they completed a course or were marked present.
"""

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from capacity_lms.certificates.eligibility import eligible_people, rule_is_met
from capacity_lms.certificates.issuing import IssueCertificateAction
from capacity_lms.certificates.models import Certificate, CertificateEvent, CertificateRule
from capacity_lms.certificates.rendering import ensure_pdf, pdf_content
from capacity_lms.certificates.wording import subject_text
from capacity_lms.core.actions import ActionRefused
from capacity_lms.core.languages import language_of
from capacity_lms.core.links import absolute_url


@task()
def deliver_certificate(certificate_id):
    """Render the PDF if needed and e-mail the holder (once). Returns whether it e-mailed."""
    certificate = Certificate.objects.select_related("user").filter(pk=certificate_id).first()
    if certificate is None or certificate.status != Certificate.Status.VALID:
        return False
    ensure_pdf(certificate)
    return notify_holder(certificate)


def notify_holder(certificate):
    person = certificate.user
    if person is None or not person.email:
        return False
    try:
        with transaction.atomic():
            claim = CertificateEvent.objects.create(
                certificate=certificate, kind=CertificateEvent.Kind.NOTIFIED
            )
    except IntegrityError:
        return False
    try:
        with translation.override(language_of(person)):
            message = EmailMessage(
                subject=_("Your certificate: %(title)s") % {"title": certificate.title()},
                body=render_to_string(
                    "capacity_lms/certificates/email/issued.txt",
                    {
                        "certificate": certificate,
                        "person": person,
                        "verification_url": certificate.verification_url(),
                        "my_learning_url": absolute_url(reverse("capacity_lms:my_learning")),
                    },
                ),
                to=[person.email],
            )
        message.attach(f"{certificate.reference}.pdf", pdf_content(certificate), "application/pdf")
        message.send()
    except Exception:
        claim.delete()
        raise
    return True


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
