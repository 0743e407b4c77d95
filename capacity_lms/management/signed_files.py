"""What the commands that check a signed document offline share (``verify_certificate``,
``verify_minutes``): reading the JWS out of a PDF, a ``.jws`` file or standard input, the keys
from a saved copy of the published set or this site's settings, and the verdict's exit status.
Nothing is fetched from the network and the database is not read."""

import io
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from capacity_lms.core.signing import NotGenuine, keys_from_jwks

# A signed file (a PDF with its attachment, a JWS, a credential) past this is refused unread.
MAX_SIGNED_FILE_BYTES = 20_000_000


def signed_bytes(source, *, attachment, stdin=None):
    """The signed bytes of ``source``: the file ``attachment`` of a PDF, or the file itself, or
    ``-`` (standard input)."""
    if source == "-":
        return (stdin or sys.stdin).read(MAX_SIGNED_FILE_BYTES + 1).strip().encode("utf-8")
    path = Path(source)
    if not path.is_file():
        raise CommandError(f"No file at {source}.")
    if path.stat().st_size > MAX_SIGNED_FILE_BYTES:
        raise CommandError(f"{source} is larger than any certificate.")
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
    return data


def signed_text(source, *, attachment, stdin=None):
    """The JWS text of ``source``: a PDF with it attached as ``attachment``, a .jws file, or
    ``-``."""
    data = signed_bytes(source, attachment=attachment, stdin=stdin)
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


class VerifySignedCommand(BaseCommand):
    """``manage.py <command> FILE [--keys keys.json]``: exit status 0 when ``FILE`` is genuine,
    1 when not. A subclass names what it checks (``document``), the PDF's ``attachment``, its
    ``verify(token, keys)`` and how it ``show``\\ s what it verified."""

    document = "signed document"
    attachment = ""
    requires_system_checks = []
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument(
            "source", help=f"the {self.document}'s PDF, its .jws file, or - (stdin)"
        )
        parser.add_argument(
            "--keys", help="a saved copy of the published keys.json (otherwise this site's)"
        )

    def verify(self, token, keys):
        raise NotImplementedError

    def show(self, verified, **options):
        raise NotImplementedError

    def handle(self, source, keys=None, **options):
        token = signed_text(source, stdin=options.get("stdin"), attachment=self.attachment)
        self.check_token(token, keys, **options)

    def check_token(self, token, keys=None, **options):
        try:
            verified = self.verify(token, published_or_saved_keys(keys))
        except NotGenuine as error:
            raise CommandError(f"NOT GENUINE: {error}.", returncode=1) from error
        self.show(verified, **options)

    def say_genuine(self):
        self.stdout.write(self.style.SUCCESS("GENUINE: signed by the programme, unchanged."))
