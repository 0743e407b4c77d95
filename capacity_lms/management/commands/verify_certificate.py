"""Check a signed certificate offline: ``manage.py verify_certificate FILE [--keys keys.json]``.

FILE is the certificate's PDF (its attached ``certificate.jws`` is read), the ``.jws`` file, or
``-`` for the JWS text on standard input. ``--keys`` names a saved copy of the published JWK set
(``/learning/certificates/keys.json``); without it, the keys configured in this site's settings
are used. Either way nothing is fetched from the network and the database is not read: exit
status 0 means genuine, 1 not genuine.
"""

import json

from capacity_lms.certificates.rendering import JWS_ATTACHMENT
from capacity_lms.certificates.signing import verify
from capacity_lms.management.signed_files import VerifySignedCommand


class Command(VerifySignedCommand):
    help = "Check a signed certificate (PDF or .jws) against the published keys, offline."
    document = "certificate"
    attachment = JWS_ATTACHMENT

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="print the payload as JSON"
        )

    def verify(self, token, keys):
        return verify(token, keys)

    def show(self, verified, as_json=False, **options):
        payload = verified.payload
        if as_json:
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True))
            return
        self.say_genuine()
        lines = [
            ("Reference", payload.get("reference")),
            ("Holder", " / ".join(payload.get("holder", {}).values())),
            ("Title", " / ".join(payload.get("title", {}).values())),
            ("Issued on", payload.get("issued")),
            ("Valid until", payload.get("expires") or "-"),
            ("Hours", payload.get("hours") or "-"),
            ("Signing key", verified.key_id),
            ("Revocation status (online)", payload.get("verify")),
        ]
        for label, value in lines:
            self.stdout.write(f"{label}: {value}")
