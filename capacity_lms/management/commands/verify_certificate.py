"""Check a signed certificate offline: ``manage.py verify_certificate FILE [--keys keys.json]``.

FILE is the certificate's PDF (its attached ``certificate.jws`` is read), the ``.jws`` file, or
``-`` for the JWS text on standard input. ``--keys`` names a saved copy of the published JWK set
(``/learning/certificates/keys.json``); without it, the keys configured in this site's settings
are used. Either way nothing is fetched from the network and the database is not read: exit
status 0 means genuine, 1 not genuine.

FILE may also be the certificate's Open Badges credential (``certificate.json``, or the PDF with
``--open-badge``, which reads the attached one). Its proof and its validity dates are checked,
with ``--keys`` a saved ``did.json`` (or keys.json); ``--status-list`` a saved copy of its
revocation list also checks that it is not revoked. Exit status 0: genuine and valid; 1: not
genuine, expired or revoked.
"""

import json
from pathlib import Path

from django.core.management.base import CommandError

from capacity_lms.certificates.credentials import check_open_badge
from capacity_lms.certificates.rendering import CREDENTIAL_ATTACHMENT, JWS_ATTACHMENT
from capacity_lms.certificates.signing import verify
from capacity_lms.core.data_integrity import NotVerified, keys_from_did_document
from capacity_lms.core.signing import keys_from_jwks
from capacity_lms.management.signed_files import VerifySignedCommand, signed_bytes

# A credential or a status list is a few kilobytes; a file past this is refused unread.
MAX_JSON_BYTES = 1_000_000


class Command(VerifySignedCommand):
    help = "Check a signed certificate (PDF or .jws) against the published keys, offline."
    document = "certificate"
    attachment = JWS_ATTACHMENT

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="print the payload as JSON"
        )
        parser.add_argument(
            "--open-badge",
            action="store_true",
            help="check the Open Badges credential attached to the PDF instead of its JWS",
        )
        parser.add_argument(
            "--status-list",
            help="a saved copy of the credential's revocation list (credentials/status/N.json)",
        )

    def handle(self, source, keys=None, **options):
        data = signed_bytes(
            source,
            stdin=options.get("stdin"),
            attachment=CREDENTIAL_ATTACHMENT if options.get("open_badge") else self.attachment,
        )
        if data.lstrip().startswith(b"{"):
            return self.handle_open_badge(data, keys, options.get("status_list"))
        try:
            token = data.decode("ascii").strip()
        except UnicodeDecodeError as error:
            raise CommandError(f"{source} holds no signed text.") from error
        return self.check_token(token, keys, **options)

    def handle_open_badge(self, data, keys, status_list):
        credential = _json(data, "the credential")
        did, saved_keys = _saved_keys(keys)
        saved_list = None
        if status_list:
            saved_list = _json(_read(status_list), "the status list")
        try:
            checked = check_open_badge(
                credential, keys=saved_keys, did=did, status_list=saved_list
            )
        except NotVerified as error:
            raise CommandError(f"NOT GENUINE: {error}.", returncode=1) from error
        self.say_genuine()
        subject = credential.get("credentialSubject", {})
        lines = [
            ("Holder", subject.get("name")),
            ("Title", subject.get("achievement", {}).get("name")),
            ("Valid from", credential.get("validFrom")),
            ("Valid until", credential.get("validUntil") or "-"),
            ("Signing key", checked.key_id),
        ]
        for label, value in lines:
            self.stdout.write(f"{label}: {value}")
        status = credential.get("credentialStatus", {}).get("statusListCredential")
        if checked.revoked is None:
            self.stdout.write(
                f"Revocation: not checked offline; give --status-list a saved copy of {status}, "
                f"or see {credential.get('id')}"
            )
        if checked.expired:
            raise CommandError("NOT VALID: expired.", returncode=1)
        if checked.not_yet_valid:
            raise CommandError("NOT VALID: not valid yet.", returncode=1)
        if checked.revoked:
            raise CommandError("NOT VALID: revoked.", returncode=1)
        if checked.revoked is False:
            self.stdout.write("Revocation: not revoked (the status list given).")

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


def _read(path):
    file = Path(path)
    if not file.is_file():
        raise CommandError(f"No file at {path}.")
    if file.stat().st_size > MAX_JSON_BYTES:
        raise CommandError(f"{path} is larger than any credential or status list.")
    return file.read_bytes()


def _json(data, what):
    if len(data) > MAX_JSON_BYTES:
        raise CommandError(f"{what} is larger than any credential or status list.")
    try:
        document = json.loads(data)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise CommandError(f"{what} is not JSON: {error}") from error
    if not isinstance(document, dict):
        raise CommandError(f"{what} is not a JSON object.")
    return document


def _saved_keys(path):
    """``(did, keys)`` from a saved did.json, or ``(None, keys)`` from a saved keys.json, or
    ``(None, None)`` for this site's own."""
    if not path:
        return None, None
    document = _json(_read(path), "the keys")
    if "verificationMethod" in document:
        try:
            return keys_from_did_document(document)
        except NotVerified as error:
            raise CommandError(f"Cannot read the keys in {path}: {error}") from error
    try:
        return None, keys_from_jwks(document)
    except (ValueError, KeyError) as error:
        raise CommandError(f"Cannot read the keys in {path}: {error}") from error
