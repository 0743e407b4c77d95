"""Check a committee's signed minutes offline: ``manage.py verify_minutes FILE [--keys K]``.

FILE is the minutes' PDF (its attached ``minutes.jws`` is read), the ``.jws`` file, or ``-``
for the JWS text on standard input. ``--keys`` names a saved copy of the published JWK set
(``/learning/certificates/keys.json``, K: the same keys sign certificates and minutes); without
it, this site's keys are used. Nothing is fetched and the database is not read: exit status 0
means genuine, 1 not genuine (a certificate is not minutes, and is refused).
"""

import json

from django.core.management.base import BaseCommand, CommandError

from capacity_lms.calls.minutes import JWS_ATTACHMENT, verify_minutes
from capacity_lms.core.signing import NotGenuine
from capacity_lms.management.commands.verify_certificate import (
    published_or_saved_keys,
    signed_text,
)


class Command(BaseCommand):
    help = "Check a committee's signed minutes (PDF or .jws) against the published keys, offline."
    requires_system_checks = []
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("source", help="the minutes' PDF, its .jws file, or - (stdin)")
        parser.add_argument(
            "--keys", help="a saved copy of the published keys.json (otherwise this site's)"
        )

    def handle(self, source, keys=None, **options):
        token = signed_text(source, stdin=options.get("stdin"), attachment=JWS_ATTACHMENT)
        try:
            verified = verify_minutes(token, published_or_saved_keys(keys))
        except NotGenuine as error:
            raise CommandError(f"NOT GENUINE: {error}.", returncode=1) from error
        self.stdout.write(self.style.SUCCESS("GENUINE: signed by the programme, unchanged."))
        self.stdout.write(f"Signing key: {verified.key_id}")
        self.stdout.write(
            json.dumps(verified.payload, ensure_ascii=False, indent=2, sort_keys=True)
        )
