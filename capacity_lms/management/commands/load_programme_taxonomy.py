from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from capacity_lms.taxonomy.loading import load_standard_taxonomy


class Command(BaseCommand):
    help = _(
        "Create the programme's standard strategic axes, specialized groups and countries. "
        "Safe to run again: existing rows are left as they are."
    )

    def handle(self, *args, **options):
        created = load_standard_taxonomy()
        summary = ", ".join(f"{count} {kind}" for kind, count in created.items())
        self.stdout.write(_("Created: %(summary)s.") % {"summary": summary})
