from django.core.management.base import BaseCommand

from sandbox.home.demo import load_demo_data


class Command(BaseCommand):
    help = (
        "Load the sandbox's demo data: the programme taxonomy, associations, pages and one "
        "account per role (password capacity-demo, demo only). Safe to run again."
    )

    def handle(self, *args, **options):
        summary = load_demo_data()
        for key, value in summary.items():
            self.stdout.write(f"{key}: {value}")
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
