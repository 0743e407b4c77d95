"""The certificate signing keys: ``manage.py certificate_keys [--new-private-key]``.

Without options, prints the published JWK set (what ``/learning/certificates/keys.json``
serves: save it beside the offline verification page or give it to partners) and the current
key's public PEM (what goes into ``CAPACITY_LMS_CERTIFICATE_RETIRED_KEYS`` when the key is
rotated). ``--new-private-key`` prints a fresh Ed25519 private key in PEM for
``CAPACITY_LMS_CERTIFICATE_SIGNING_KEY`` (store it as a secret; nothing is written).
"""

import json

from django.core.management.base import BaseCommand

from capacity_lms.core.signing import jwks, new_private_key_pem, public_pem, signing_key


class Command(BaseCommand):
    help = "Print the published certificate keys, or a new private signing key."

    def add_arguments(self, parser):
        parser.add_argument("--new-private-key", action="store_true")

    def handle(self, new_private_key=False, **options):
        if new_private_key:
            self.stdout.write(new_private_key_pem(), ending="")
            return
        self.stdout.write(json.dumps(jwks(), indent=2))
        self.stdout.write(public_pem(signing_key()), ending="")
