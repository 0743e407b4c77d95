"""The two names a certificate goes by.

The *code* is what its QR code and verification URL carry: 192 random bits from
:mod:`secrets`, URL-safe, unguessable, looked up by exact match. The *reference* is for people
to read out on the telephone or type from paper ("CL-7K3M-9Q2X"): Crockford's base-32 alphabet
(no I, L, O, U), so it survives handwriting; it identifies a certificate for staff but does not
verify one.
"""

import re
import secrets

CODE_BYTES = 24  # 192 bits; the issue asks for at least 128
CODE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{32}$")
REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE_PREFIX = "CL"


def new_code():
    return secrets.token_urlsafe(CODE_BYTES)


def is_well_formed(code):
    return bool(CODE_PATTERN.match(code or ""))


def new_reference():
    """``CL-XXXX-XXXX``: 40 random bits, grouped in fours to be read out."""
    characters = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{REFERENCE_PREFIX}-{characters[:4]}-{characters[4:]}"
