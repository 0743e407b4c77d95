"""Check a signed certificate offline: ``manage.py verify_certificate FILE [--keys keys.json]``.

FILE is the certificate's PDF (its attached ``certificate.jws`` is read), the ``.jws`` file, or
``-`` for the JWS text on standard input. ``--keys`` names a saved copy of the published JWK set
(``/learning/certificates/keys.json``); without it, the keys configured in this site's settings
are used. Either way nothing is fetched from the network and the database is not read: exit
status 0 means genuine, 1 not genuine.
"""

import io
import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from capacity_lms.certificates.rendering import JWS_ATTACHMENT
from capacity_lms.certificates.signing import verify
from capacity_lms.core.signing import NotGenuine, keys_from_jwks


def signed_text(source, stdin=None, attachment=JWS_ATTACHMENT):
    """The JWS text of ``source``: a PDF with it attached as ``attachment``, a .jws file, or
    ``-``."""
    if source == "-":
        return (stdin or sys.stdin).read().strip()
    path = Path(source)
    if not path.is_file():
        raise CommandError(f"No file at {source}.")
    data = path.read_bytes()
    if data.startswith(b"%PDF"):
        import pypdf

        try:
            attachments = pypdf.PdfReader(io.BytesIO(data)).attachments
        except pypdf.errors.PdfReadError as error:
            raise CommandError(f"{source} is not a readable PDF: {error}") from error
        if attachment not in attachments:
            raise CommandError(f"{source} has no attached {attachment}.")
        data = attachments[attachment][0]
    try:
        return data.decode("ascii").strip()
    except UnicodeDecodeError as error:
        raise CommandError(f"{source} holds no signed text.") from error


def published_or_saved_keys(keys):
    """``{kid: key}`` from a saved copy of keys.json, or None for this site's own keys."""
    if not keys:
        return None
    try:
        return keys_from_jwks(Path(keys).read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError) as error:
        raise CommandError(f"Cannot read the keys in {keys}: {error}") from error


class Command(BaseCommand):
    help = "Check a signed certificate (PDF or .jws) against the published keys, offline."
    requires_system_checks = []
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("source", help="the certificate's PDF, its .jws file, or - (stdin)")
        parser.add_argument(
            "--keys", help="a saved copy of the published keys.json (otherwise this site's)"
        )
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="print the payload as JSON"
        )

    def handle(self, source, keys=None, as_json=False, **options):
        token = signed_text(source, stdin=options.get("stdin"))
        try:
            verified = verify(token, published_or_saved_keys(keys))
        except NotGenuine as error:
            raise CommandError(f"NOT GENUINE: {error}.", returncode=1) from error
        payload = verified.payload
        if as_json:
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True))
            return
        self.stdout.write(self.style.SUCCESS("GENUINE: signed by the programme, unchanged."))
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
