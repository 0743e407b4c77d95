"""The daily digest commands (``send_exchange_digests``, ``send_workbook_digests``): one
shape, a task each."""

from django.core.management.base import BaseCommand


class DigestCommand(BaseCommand):
    """Runs ``task`` (a Django task returning how many digests it sent) here, or hands it to
    the task backend with ``--enqueue``."""

    task = None

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the work to the task backend (a db_worker) instead of doing it here.",
        )

    def handle(self, *args, **options):
        if options["enqueue"]:
            result = self.task.enqueue()
            self.stdout.write(f"Enqueued digest task {result.id}.")
            return
        sent = self.task.call()
        self.stdout.write(self.style.SUCCESS(f"{sent} digests sent."))
