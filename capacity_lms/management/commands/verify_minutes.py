"""Check a committee's signed minutes offline: ``manage.py verify_minutes FILE [--keys K]``.

FILE is the minutes' PDF (its attached ``minutes.jws`` is read), the ``.jws`` file, or ``-``
for the JWS text on standard input. ``--keys`` names a saved copy of the published JWK set
(``/learning/certificates/keys.json``, K: the same keys sign certificates and minutes); without
it, this site's keys are used. Nothing is fetched and the database is not read: exit status 0
means genuine, 1 not genuine (a certificate is not minutes, and is refused).
"""

import json

from capacity_lms.calls.minutes import JWS_ATTACHMENT, verify_minutes
from capacity_lms.management.signed_files import VerifySignedCommand


class Command(VerifySignedCommand):
    help = "Check a committee's signed minutes (PDF or .jws) against the published keys, offline."
    document = "minutes"
    attachment = JWS_ATTACHMENT

    def verify(self, token, keys):
        return verify_minutes(token, keys)

    def show(self, verified, **options):
        self.say_genuine()
        self.stdout.write(f"Signing key: {verified.key_id}")
        self.stdout.write(
            json.dumps(verified.payload, ensure_ascii=False, indent=2, sort_keys=True)
        )
