from django.core.management.base import BaseCommand

from capacity_lms.workshops.notifications import send_due_reminders


class Command(BaseCommand):
    help = (
        "Send the reminders of workshop sessions starting within CAPACITY_LMS_REMINDER_HOURS_"
        "BEFORE hours. Run it from cron (every 15 minutes, say): a reminder already sent is "
        "never sent again, so overlapping runs are harmless."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the work to the task backend (a db_worker) instead of doing it here.",
        )

    def handle(self, *args, **options):
        if options["enqueue"]:
            result = send_due_reminders.enqueue()
            self.stdout.write(f"Enqueued reminder task {result.id}.")
            return
        sent = send_due_reminders.call()
        self.stdout.write(self.style.SUCCESS(f"{sent} reminders sent."))
