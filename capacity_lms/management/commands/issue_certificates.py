"""Issue every certificate whose rule is now met: ``manage.py issue_certificates``.

Certificates are issued as soon as a course completion or an attendance mark meets a rule;
run this daily (cron) too, for rules met by time passing (a meeting ending) and after creating
a rule for people who qualified before it existed. Safe to run again: nobody gets a second
certificate or a second e-mail. ``--rule N`` limits it to one rule.
"""

from django.core.management.base import BaseCommand, CommandError

from capacity_lms.certificates.models import CertificateRule
from capacity_lms.certificates.tasks import issue_certificates


class Command(BaseCommand):
    help = "Issue the certificates of every active rule (or of --rule N) to those who qualify."

    def add_arguments(self, parser):
        parser.add_argument("--rule", type=int, help="only this rule (its id)")

    def handle(self, rule=None, **options):
        rules = CertificateRule.objects.filter(is_active=True)
        if rule is not None:
            rules = CertificateRule.objects.filter(pk=rule)
            if not rules.exists():
                raise CommandError(f"No certificate rule has id {rule}.")
        for each in rules:
            result = issue_certificates.enqueue(each.pk)
            self.stdout.write(f"{each}: {_outcome(result)}")


def _outcome(result):
    from django_tasks import TaskResultStatus

    if result.status == TaskResultStatus.SUCCESSFUL:
        return f"{result.return_value} issued"
    return f"queued ({result.id})"
