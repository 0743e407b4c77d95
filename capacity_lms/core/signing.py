"""Signatures that let anyone check a record without asking us: Ed25519 JWS.

A signed record (a certificate, the minutes of a committee session) carries a compact JWS
(RFC 7515, ``alg`` EdDSA per RFC 8037) of what it says, attached to its PDF. Anyone with our
published public keys (``keys.json``, a JWK set, or the offline verification page, which embeds
them) checks it with no network. Each kind of record signs with its own ``typ`` and
:func:`verify` accepts only the kind it is asked for: minutes never pass as a certificate.

Keys: ``CAPACITY_LMS_CERTIFICATE_SIGNING_KEY`` is the programme's Ed25519 private key (named for
the certificates, its first use; it signs every kind). ``CAPACITY_LMS_CERTIFICATE_RETIRED_KEYS``
lists earlier public keys (PEM text or paths) that still verify what they signed: rotating the
key means moving the old public key there. Without a signing key, one is derived from
``SECRET_KEY`` (fine for a demo; ``check --deploy`` warns).
"""

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from capacity_lms.conf import get_setting

ALGORITHM = "EdDSA"


class NotGenuine(Exception):
    """The signed record is malformed, altered, of another kind, or signed by a key we do not
    publish."""


def b64url_encode(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text):
    if not isinstance(text, str) or not text.isascii():
        raise NotGenuine("not base64url")
    try:
        data = base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError) as error:
        raise NotGenuine("not base64url") from error
    # Only the one canonical spelling: unused low bits in the last character must be zero,
    # so that no two different tokens carry the same signature.
    if b64url_encode(data) != text:
        raise NotGenuine("not canonical base64url")
    return data


def _read_pem(value):
    """PEM text, or the path of a file holding it, as bytes."""
    text = value.strip() if isinstance(value, str) else value
    if isinstance(text, str) and not text.startswith("-----BEGIN"):
        path = Path(text)
        if not path.is_file():
            raise ImproperlyConfigured(f"No PEM key at {path}.")
        return path.read_bytes()
    return text.encode("ascii") if isinstance(text, str) else text


def _derived_private_key():
    # The label keeps its first name: renaming it would change the key of every demo site.
    seed = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"capacity-lms certificate key"
    ).derive(settings.SECRET_KEY.encode("utf-8"))
    return Ed25519PrivateKey.from_private_bytes(seed)


def signing_key():
    """The Ed25519 private key that signs new records."""
    configured = get_setting("CERTIFICATE_SIGNING_KEY")
    if not configured:
        return _derived_private_key()
    key = serialization.load_pem_private_key(_read_pem(configured), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ImproperlyConfigured("CAPACITY_LMS_CERTIFICATE_SIGNING_KEY must be an Ed25519 key.")
    return key


def uses_derived_key():
    return not get_setting("CERTIFICATE_SIGNING_KEY")


def raw_public_bytes(public_key):
    return public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id(public_key):
    """The RFC 7638 thumbprint of the key's JWK: the same everywhere the key is published."""
    canonical = json.dumps(
        {"crv": "Ed25519", "kty": "OKP", "x": b64url_encode(raw_public_bytes(public_key))},
        separators=(",", ":"),
        sort_keys=True,
    )
    return b64url_encode(hashlib.sha256(canonical.encode("ascii")).digest())


def public_jwk(public_key):
    return {
        "kty": "OKP",
        "crv": "Ed25519",
        "x": b64url_encode(raw_public_bytes(public_key)),
        "kid": key_id(public_key),
        "use": "sig",
        "alg": ALGORITHM,
    }


def published_keys():
    """Every public key that verifies our records: the current one first, then retired ones."""
    keys = [signing_key().public_key()]
    for value in get_setting("CERTIFICATE_RETIRED_KEYS"):
        key = serialization.load_pem_public_key(_read_pem(value))
        if not isinstance(key, Ed25519PublicKey):
            raise ImproperlyConfigured("CAPACITY_LMS_CERTIFICATE_RETIRED_KEYS: Ed25519 keys only.")
        keys.append(key)
    return keys


def jwks():
    """The JWK set published at ``certificates/keys.json`` (it verifies every kind)."""
    return {"keys": [public_jwk(key) for key in published_keys()]}


def keys_from_jwks(document):
    """``{kid: Ed25519PublicKey}`` from a JWK set (a dict, or its JSON text)."""
    if isinstance(document, (str, bytes)):
        document = json.loads(document)
    keys = {}
    for jwk in document.get("keys", []):
        if jwk.get("kty") != "OKP" or jwk.get("crv") != "Ed25519":
            continue
        public_key = Ed25519PublicKey.from_public_bytes(b64url_decode(jwk["x"]))
        keys[key_id(public_key)] = public_key
    return keys


def canonical_json(payload):
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode(
        "utf-8"
    )


def sign(payload, *, typ, private_key=None):
    """A compact JWS of ``payload`` (a JSON-able dict) of kind ``typ``, and the id of the key
    that signed it."""
    private_key = private_key or signing_key()
    kid = key_id(private_key.public_key())
    header = {"alg": ALGORITHM, "kid": kid, "typ": typ}
    signing_input = (
        f"{b64url_encode(canonical_json(header))}.{b64url_encode(canonical_json(payload))}"
    )
    signature = private_key.sign(signing_input.encode("ascii"))
    return f"{signing_input}.{b64url_encode(signature)}", kid


@dataclass(frozen=True)
class Verified:
    payload: dict
    key_id: str


def verify(token, *, typ, keys=None):
    """Check a compact JWS of kind ``typ`` against ``keys`` ({kid: public key}; ours by
    default).

    Returns :class:`Verified`; raises :class:`NotGenuine` for anything else, a genuine record
    of another kind included. Needs no network and no database.
    """
    if keys is None:
        keys = {key_id(key): key for key in published_keys()}
    token = token.strip() if isinstance(token, str) else ""
    parts = token.split(".")
    if len(parts) != 3:
        raise NotGenuine("not a compact JWS")
    header_b64, payload_b64, signature_b64 = parts
    try:
        header = json.loads(b64url_decode(header_b64))
    except ValueError as error:
        raise NotGenuine("unreadable header") from error
    if not isinstance(header, dict) or header.get("alg") != ALGORITHM:
        raise NotGenuine("not an EdDSA signature")
    if header.get("typ") != typ:
        raise NotGenuine("not of the kind expected")
    public_key = keys.get(header.get("kid"))
    if public_key is None:
        raise NotGenuine("signed by a key that is not published")
    try:
        public_key.verify(
            b64url_decode(signature_b64), f"{header_b64}.{payload_b64}".encode("ascii")
        )
    except InvalidSignature as error:
        raise NotGenuine("the signature does not match") from error
    try:
        payload = json.loads(b64url_decode(payload_b64).decode("utf-8"))
    except ValueError as error:
        raise NotGenuine("unreadable payload") from error
    return Verified(payload=payload, key_id=header["kid"])


def new_private_key_pem():
    """A new Ed25519 private key as PEM text (``manage.py certificate_key``)."""
    return (
        Ed25519PrivateKey.generate()
        .private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        .decode("ascii")
    )


def public_pem(private_key):
    return (
        private_key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii")
    )
