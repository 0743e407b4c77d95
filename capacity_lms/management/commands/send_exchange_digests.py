from django.core.management.base import BaseCommand

from capacity_lms.exchange.notices import send_exchange_digests


class Command(BaseCommand):
    help = (
        "Send the day's digest of new posts in the exchange spaces to everyone who chose one. "
        "Run it once a day from cron: a person's digest is claimed for the day before it is "
        "sent, so a second run that day (or two at once) sends nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the work to the task backend (a db_worker) instead of doing it here.",
        )

    def handle(self, *args, **options):
        if options["enqueue"]:
            result = send_exchange_digests.enqueue()
            self.stdout.write(f"Enqueued digest task {result.id}.")
            return
        sent = send_exchange_digests.call()
        self.stdout.write(self.style.SUCCESS(f"{sent} digests sent."))
