"""Listening for what earns certificates: a completed course, a mark of attendance.

Each signal arrives after its transaction committed; the check itself runs as a task.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from capacity_lms.attendance.signals import attendance_marked
from capacity_lms.certificates.models import CertificateRule
from capacity_lms.core.versions import bump, kept_while
from courses.signals import course_completed

# Moved on by every save or deletion of a rule (and again after its commit): kept lists of a
# workshop's rules are used only under the generation they were read in.
RULES_GENERATION = "capacity_lms:certificates:rules-generation"
KEPT_RULES_SECONDS = 3600


def _enqueue(user_id, rule_ids):
    from capacity_lms.certificates.tasks import check_certificates

    rule_ids = list(rule_ids)
    if rule_ids and user_id:
        transaction.on_commit(lambda: check_certificates.enqueue(user_id, rule_ids))


def _active(rules):
    return rules.filter(is_active=True).values_list("pk", flat=True)


def workshop_rule_ids(workshop):
    """Ids of the active rules a mark of attendance at ``workshop`` may satisfy: the
    workshop's own and its course's (any translation). Everyone checked in at a meeting asks
    the same: kept in the shared cache, one round trip instead of a query."""

    def load():
        rules = CertificateRule.objects.filter(workshop=workshop)
        if workshop.course_id:
            rules = rules | CertificateRule.objects.filter(
                course__translation_key=workshop.course.translation_key
            )
        return list(_active(rules))

    key = f"capacity_lms:certificates:rules:{workshop.pk}:{workshop.course_id or 0}"
    return kept_while(RULES_GENERATION, key, load, KEPT_RULES_SECONDS)


@receiver(post_save, sender=CertificateRule, dispatch_uid="capacity_lms_certificate_rule_saved")
@receiver(
    post_delete, sender=CertificateRule, dispatch_uid="capacity_lms_certificate_rule_deleted"
)
def forget_kept_rules(**kwargs):
    bump(RULES_GENERATION)
    transaction.on_commit(lambda: bump(RULES_GENERATION))


@receiver(course_completed, dispatch_uid="capacity_lms_certificates_course_completed")
def on_course_completed(sender, enrolment, **kwargs):
    _enqueue(
        enrolment.user_id,
        _active(
            CertificateRule.objects.filter(
                course__translation_key=enrolment.course.translation_key
            )
        ),
    )


@receiver(attendance_marked, dispatch_uid="capacity_lms_certificates_attendance_marked")
def on_attendance_marked(sender, record, **kwargs):
    _enqueue(record.user_id, workshop_rule_ids(record.session.workshop))
