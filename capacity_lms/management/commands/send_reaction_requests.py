from django.core.management.base import BaseCommand

from capacity_lms.evaluation.reaction_notices import send_reaction_requests


class Command(BaseCommand):
    help = (
        "E-mail each person asked for their reaction to a workshop meeting or a module, once "
        "the form is open. Run it from cron (hourly, say): a request e-mailed is never e-mailed "
        "again, so overlapping runs are harmless."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the work to the task backend (a db_worker) instead of doing it here.",
        )

    def handle(self, *args, **options):
        if options["enqueue"]:
            result = send_reaction_requests.enqueue()
            self.stdout.write(f"Enqueued reaction e-mail task {result.id}.")
            return
        sent = send_reaction_requests.call()
        self.stdout.write(self.style.SUCCESS(f"{sent} reaction requests e-mailed."))
