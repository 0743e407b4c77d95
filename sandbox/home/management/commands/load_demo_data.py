from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from sandbox.home.demo import load_demo_data

# The demo people's registrations and certificates send their e-mails while the data loads;
# nobody reads those, and with the console backend each certificate would print its PDF.
QUIET_MAIL = "django.core.mail.backends.locmem.EmailBackend"


class Command(BaseCommand):
    help = (
        "Load the sandbox's demo data: the programme taxonomy, associations, pages and one "
        "account per role (password capacity-demo, demo only), then a generated programme's "
        "worth of activity around them unless --small. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--small",
            action="store_true",
            help="Only the hand-written demo, without the generated world around it "
            "(also the setting SANDBOX_DEMO_WORLD = False).",
        )

    def handle(self, *args, **options):
        with override_settings(EMAIL_BACKEND=QUIET_MAIL):
            summary = load_demo_data(small=True if options["small"] else None)
        for key, value in summary.items():
            self.stdout.write(f"{key}: {value}")
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
