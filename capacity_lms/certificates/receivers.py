"""Listening for what earns certificates: a completed course, a mark of attendance.

Each signal arrives after its transaction committed; the check itself runs as a task.
"""

from django.db import transaction
from django.dispatch import receiver

from capacity_lms.attendance.signals import attendance_marked
from capacity_lms.certificates.models import CertificateRule
from courses.signals import course_completed


def _enqueue(user_id, rules):
    from capacity_lms.certificates.tasks import check_certificates

    rule_ids = list(rules.filter(is_active=True).values_list("pk", flat=True))
    if rule_ids and user_id:
        transaction.on_commit(lambda: check_certificates.enqueue(user_id, rule_ids))


@receiver(course_completed, dispatch_uid="capacity_lms_certificates_course_completed")
def on_course_completed(sender, enrolment, **kwargs):
    _enqueue(
        enrolment.user_id,
        CertificateRule.objects.filter(course__translation_key=enrolment.course.translation_key),
    )


@receiver(attendance_marked, dispatch_uid="capacity_lms_certificates_attendance_marked")
def on_attendance_marked(sender, record, **kwargs):
    workshop = record.session.workshop
    rules = CertificateRule.objects.filter(workshop=workshop)
    if workshop.course_id:
        rules = rules | CertificateRule.objects.filter(
            course__translation_key=workshop.course.translation_key
        )
    _enqueue(record.user_id, rules)
