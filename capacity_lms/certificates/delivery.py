"""Delivering an issued certificate, in the background (the Django tasks API).

``deliver_certificate`` renders the PDF if needed and e-mails the holder once: a unique
``notified`` event is claimed before sending, as reminders are. Issuing enqueues it after the
commit; it needs nothing of issuing, so the two modules do not import each other.
"""

from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from capacity_lms.certificates.models import Certificate, CertificateEvent
from capacity_lms.certificates.rendering import ensure_pdf, pdf_content
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
