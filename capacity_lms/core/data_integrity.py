"""Data Integrity proofs (W3C Verifiable Credential Data Integrity 1.0) with the
``eddsa-rdfc-2022`` cryptosuite: what makes a credential portable (an Open Badges 3.0
certificate, the status list that revokes it) checkable by any wallet or verifier.

A proof signs, with the programme's Ed25519 key (``core/signing.py``: the same key, rotation and
retired keys as the JWS), the SHA-256 of the RDF canonical form (RDFC-1.0, ``pyld``'s URDNA2015)
of the proof's options followed by that of the document. The JSON-LD contexts are read from
this package only (``contexts/``): canonicalising never fetches anything, and a document naming
a context we do not hold is refused.

Keys are published as Multikey verification methods of a ``did:web`` document
(:func:`did_document`), whose id is the programme's DID (:func:`issuer_did`).
"""

import hashlib
import json
from functools import cache
from pathlib import Path
from urllib.parse import quote, urlsplit

from cryptography.exceptions import InvalidSignature
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import translation
from pyld import jsonld

from capacity_lms.conf import get_setting
from capacity_lms.core import clock, signing
from capacity_lms.core.links import absolute_url

CRYPTOSUITE = "eddsa-rdfc-2022"
CONTEXTS = Path(__file__).resolve().parent / "contexts"
# Every context a proof may name, and the file holding it.
CONTEXT_FILES = {
    "https://www.w3.org/ns/credentials/v2": "credentials-v2.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": "ob-v3p0-3.0.3.json",
    "https://w3id.org/security/data-integrity/v2": "data-integrity-v2.json",
    "https://www.w3.org/ns/did/v1": "did-v1.json",
    "https://w3id.org/security/multikey/v1": "multikey-v1.json",
}
CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2"
MULTIKEY_V1 = "https://w3id.org/security/multikey/v1"
DID_V1 = "https://www.w3.org/ns/did/v1"
# Multicodec ed25519-pub, as a varint, before the raw key in a publicKeyMultibase.
ED25519_PUB = b"\xed\x01"
BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


class NotVerified(Exception):
    """The document's proof is missing, malformed, altered, or made by a key we do not
    publish."""


# Base58btc (the Bitcoin alphabet), the multibase 'z' encoding of keys and signatures.


def base58_encode(data):
    number = int.from_bytes(data, "big")
    text = ""
    while number:
        number, remainder = divmod(number, 58)
        text = BASE58[remainder] + text
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + text


def base58_decode(text, limit=256):
    if not isinstance(text, str) or len(text) > limit or any(c not in BASE58 for c in text):
        raise NotVerified("not base58btc")
    number = 0
    for character in text:
        number = number * 58 + BASE58.index(character)
    body = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


def multibase(data):
    return "z" + base58_encode(data)


def from_multibase(text):
    if not isinstance(text, str) or not text.startswith("z"):
        raise NotVerified("not multibase base58btc")
    return base58_decode(text[1:])


def public_key_multibase(public_key):
    return multibase(ED25519_PUB + signing.raw_public_bytes(public_key))


# Contexts, offline.


@cache
def _context_document(name):
    return json.loads((CONTEXTS / name).read_text(encoding="utf-8"))


def contexts():
    """``{url: context document}`` of every context held here (the offline page carries
    them)."""
    return {url: _context_document(name) for url, name in CONTEXT_FILES.items()}


def document_loader(url, options=None):
    """pyld's loader: the contexts this package holds, nothing from the network."""
    name = CONTEXT_FILES.get(url)
    if name is None:
        raise jsonld.JsonLdError(
            f"No such context here: {url}",
            "jsonld.LoadDocumentError",
            {"url": url},
            code="loading document failed",
        )
    return {"contextUrl": None, "documentUrl": url, "document": _context_document(name)}


def canonical(document):
    """The RDFC-1.0 (URDNA2015) canonical N-Quads of a JSON-LD document, as bytes."""
    try:
        quads = jsonld.normalize(
            document,
            {
                "algorithm": "URDNA2015",
                "format": "application/n-quads",
                "documentLoader": document_loader,
            },
        )
    except jsonld.JsonLdError as error:
        raise NotVerified(f"not JSON-LD we can read: {error}") from error
    return quads.encode("utf-8")


# The issuer's DID and its keys.


def issuer_did():
    """The programme's DID: ``CAPACITY_LMS_ISSUER_DID``, or the ``did:web`` whose document is
    this app's ``did.json`` (``did:web:example.org:en:learning:credentials`` for
    ``https://example.org/en/learning/credentials/did.json``)."""
    configured = get_setting("ISSUER_DID")
    if configured:
        return configured
    with translation.override(None):
        path = reverse("capacity_lms:credential_did")
    url = urlsplit(absolute_url(path))
    if not url.netloc:
        raise ImproperlyConfigured(
            "Open Badges credentials name the site's did:web: set WAGTAILADMIN_BASE_URL (or "
            "CAPACITY_LMS_ISSUER_DID)."
        )
    segments = [quote(url.netloc, safe="")]
    segments += [quote(part, safe="") for part in url.path.strip("/").split("/")[:-1]]
    return "did:web:" + ":".join(segments)


def published_key_ids():
    return {signing.key_id(key): key for key in signing.published_keys()}


def verification_method(key_id):
    return f"{issuer_did()}#{key_id}"


def did_document():
    """The DID document: every published key (the current one first, then retired ones) as a
    Multikey verification method that may sign assertions (credentials)."""
    did = issuer_did()
    methods = [
        {
            "id": f"{did}#{signing.key_id(key)}",
            "type": "Multikey",
            "controller": did,
            "publicKeyMultibase": public_key_multibase(key),
        }
        for key in signing.published_keys()
    ]
    return {
        "@context": [DID_V1, MULTIKEY_V1],
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": [method["id"] for method in methods],
    }


# Proofs.


def _hash_data(unsecured, options):
    config = {"@context": unsecured.get("@context"), **options}
    return (
        hashlib.sha256(canonical(config)).digest() + hashlib.sha256(canonical(unsecured)).digest()
    )


def add_proof(document, created=None, private_key=None):
    """``document`` (a dict with an ``@context``) with a ``DataIntegrityProof`` made by the
    current signing key (or ``private_key``); ``created`` defaults to now."""
    private_key = private_key or signing.signing_key()
    unsecured = {name: value for name, value in document.items() if name != "proof"}
    created = created or clock.now().replace(microsecond=0)
    options = {
        "type": "DataIntegrityProof",
        "cryptosuite": CRYPTOSUITE,
        "created": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "verificationMethod": verification_method(signing.key_id(private_key.public_key())),
        "proofPurpose": "assertionMethod",
    }
    signature = private_key.sign(_hash_data(unsecured, options))
    return {**unsecured, "proof": {**options, "proofValue": multibase(signature)}}


def verify_proof(document, keys=None, did=None):
    """Check ``document``'s one ``eddsa-rdfc-2022`` proof against our published keys and DID
    (or ``keys``, ``{key_id: Ed25519PublicKey}``, of ``did``: a saved DID document's); return
    the key id that made it. Raises :class:`NotVerified` for anything else."""
    if not isinstance(document, dict) or not isinstance(document.get("proof"), dict):
        raise NotVerified("no proof")
    proof = document["proof"]
    if proof.get("type") != "DataIntegrityProof" or proof.get("cryptosuite") != CRYPTOSUITE:
        raise NotVerified("not an eddsa-rdfc-2022 Data Integrity proof")
    if proof.get("proofPurpose") != "assertionMethod":
        raise NotVerified("not an assertion")
    expected_did = did
    method = proof.get("verificationMethod")
    did, _hash, key_id = method.partition("#") if isinstance(method, str) else ("", "", "")
    keys = keys if keys is not None else published_key_ids()
    if did != (expected_did or issuer_did()) or key_id not in keys:
        raise NotVerified("signed by a key we do not publish")
    signature = from_multibase(proof.get("proofValue"))
    options = {name: value for name, value in proof.items() if name != "proofValue"}
    if "@context" in options:
        raise NotVerified("a proof with a context of its own")
    unsecured = {name: value for name, value in document.items() if name != "proof"}
    try:
        keys[key_id].verify(signature, _hash_data(unsecured, options))
    except InvalidSignature as error:
        raise NotVerified("the signature does not match") from error
    return key_id


def keys_from_did_document(document):
    """``(did, {key_id: Ed25519PublicKey})`` of a saved DID document's Ed25519 Multikeys that
    may sign assertions."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    if not isinstance(document, dict) or not isinstance(document.get("id"), str):
        raise NotVerified("not a DID document")
    did = document["id"]
    allowed = set(document.get("assertionMethod") or [])
    keys = {}
    for method in document.get("verificationMethod") or []:
        if not isinstance(method, dict) or method.get("id") not in allowed:
            continue
        raw = from_multibase(method.get("publicKeyMultibase"))
        if method.get("type") != "Multikey" or not raw.startswith(ED25519_PUB) or len(raw) != 34:
            continue
        key_id = method["id"].partition("#")[2]
        keys[key_id] = Ed25519PublicKey.from_public_bytes(raw[2:])
    return did, keys
