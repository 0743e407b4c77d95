"""Listening for what earns certificates: a completed course, a mark of attendance.

Each signal arrives after its transaction committed; the check itself runs as a task.
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from capacity_lms.attendance.signals import attendance_marked
from capacity_lms.certificates.models import CertificateRule
from capacity_lms.workshops.feed_versions import bump, numbers
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
    key = f"capacity_lms:certificates:rules:{workshop.pk}:{workshop.course_id or 0}"
    stored = cache.get_many([RULES_GENERATION, key])
    kept = stored.get(key)
    if kept is not None and RULES_GENERATION in stored and kept[0] == stored[RULES_GENERATION]:
        return kept[1]
    (generation,) = numbers(RULES_GENERATION)
    rules = CertificateRule.objects.filter(workshop=workshop)
    if workshop.course_id:
        rules = rules | CertificateRule.objects.filter(
            course__translation_key=workshop.course.translation_key
        )
    rule_ids = list(_active(rules))
    # Kept once what was read is committed: a rolled-back rule is never remembered.
    transaction.on_commit(lambda: cache.set(key, (generation, rule_ids), KEPT_RULES_SECONDS))
    return rule_ids


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
