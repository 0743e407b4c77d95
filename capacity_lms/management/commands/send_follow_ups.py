from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from capacity_lms.evaluation.follow_up_notices import send_follow_ups
from capacity_lms.evaluation.follow_ups import active_questionnaire


class Command(BaseCommand):
    help = (
        "Ask the holders of certificates whose module sets a follow-up delay, once that many "
        "months have passed, what their association did after the training (one e-mail each, "
        "with the follow-up questionnaire in use). Run it once a day from cron: a follow-up is "
        "claimed before it is sent, so a second run (or two at once) sends nothing new."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the work to the task backend (a db_worker) instead of doing it here.",
        )

    def handle(self, *args, **options):
        if active_questionnaire() is None:
            self.stderr.write(
                "No follow-up questionnaire is in use: nothing was sent. Publish one (kind "
                "“Follow-up after a certificate”, in use) in the admin's questionnaires."
            )
            return
        if options["enqueue"]:
            result = send_follow_ups.enqueue()
            self.stdout.write(f"Enqueued follow-up task {result.id}.")
            return
        sent = send_follow_ups.call()
        self.stdout.write(
            self.style.SUCCESS(
                ngettext("%(count)d follow-up sent.", "%(count)d follow-ups sent.", sent)
                % {"count": sent}
            )
        )
