from django.core.management.base import BaseCommand

from capacity_lms.workbook.alerts import send_workbook_digests


class Command(BaseCommand):
    help = (
        "Send each trainer who chose a daily digest the project workbook submissions waiting "
        "for them since their last digest. Run it once a day from cron: a trainer's digest is "
        "claimed before it is sent, so a second run (or two at once) sends nothing new."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the work to the task backend (a db_worker) instead of doing it here.",
        )

    def handle(self, *args, **options):
        if options["enqueue"]:
            result = send_workbook_digests.enqueue()
            self.stdout.write(f"Enqueued digest task {result.id}.")
            return
        sent = send_workbook_digests.call()
        self.stdout.write(self.style.SUCCESS(f"{sent} digests sent."))
