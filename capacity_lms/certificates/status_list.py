"""The programme's revocation list: a W3C Bitstring Status List credential, signed like the
credentials it revokes and published at ``credentials/status/<n>.json``.

Each certificate has one bit, found from its id: list ``pk // LIST_SIZE``, at a position spread
over the list by a fixed odd multiplier (a bijection modulo a power of two), so that
neighbouring certificates do not sit side by side. A revoked or replaced certificate's bit is
set. Lists are ``LIST_SIZE`` bits (131,072: the smallest the specification allows, for herd
privacy), sent GZIP-compressed and base64url-encoded.

A list is signed on demand and kept in the shared cache under a version number that every
revocation and reissue moves on (``VERSION_KEY``): O(1) to find, never stale.
"""

import base64
import gzip
import io
from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import translation

from capacity_lms.core import clock, data_integrity
from capacity_lms.core.links import absolute_url
from capacity_lms.core.versions import bump, kept_while

LIST_SIZE = 131_072  # 2 ** 17 bits, 16 KiB
SPREAD = 40_503  # odd: multiplying by it modulo 2 ** 17 permutes the positions
VERSION_KEY = "capacity_lms:certificates:status-list:version"
VALID_HOURS = 24
PURPOSE = "revocation"


def position(certificate_pk):
    """``(list number, index in that list)`` of a certificate's bit."""
    number, offset = divmod(certificate_pk, LIST_SIZE)
    return number, (offset * SPREAD) % LIST_SIZE


def list_number(credential):
    """The number of the list a credential's status entry names (ValueError: none of ours)."""
    entry = credential.get("credentialStatus") if isinstance(credential, dict) else None
    url = entry.get("statusListCredential") if isinstance(entry, dict) else None
    for number in range(0, 1 + highest_list()):
        if url == list_url(number):
            return number
    raise ValueError("not one of our status lists")


def highest_list():
    """The number of the last list any certificate sits in (0 when there is none)."""
    from capacity_lms.certificates.models import Certificate

    highest = Certificate.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    return highest // LIST_SIZE


def list_url(number):
    with translation.override(None):
        return absolute_url(reverse("capacity_lms:credential_status_list", args=[number]))


def status_entry(certificate):
    number, index = position(certificate.pk)
    url = list_url(number)
    return {
        "id": f"{url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": PURPOSE,
        "statusListIndex": str(index),
        "statusListCredential": url,
    }


def encoded_list(indices):
    """The multibase (``u``: base64url, no padding) GZIP of a bitstring of ``LIST_SIZE`` bits
    with ``indices`` set (bit 0 is the first byte's highest bit)."""
    bits = bytearray(LIST_SIZE // 8)
    for index in indices:
        bits[index // 8] |= 0x80 >> (index % 8)
    compressed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).rstrip(b"=").decode("ascii")


def decoded_list(text, limit=LIST_SIZE // 8):
    """The set bits of an ``encodedList`` (the inverse of :func:`encoded_list`), reading at
    most ``limit`` bytes of bitstring (a hostile list cannot make us inflate more)."""
    if not isinstance(text, str) or not text.startswith("u"):
        raise ValueError("not a base64url multibase list")
    body = text[1:]
    compressed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    decompressor = gzip.GzipFile(fileobj=io.BytesIO(compressed))
    bits = decompressor.read(limit + 1)
    if len(bits) > limit:
        raise ValueError("a status list longer than any we publish")
    return {
        byte_number * 8 + bit
        for byte_number, byte in enumerate(bits)
        if byte
        for bit in range(8)
        if byte & (0x80 >> bit)
    }


def revoked_positions(number):
    """The positions set in list ``number``: every certificate of its range that is not valid
    (revoked, replaced) or no longer exists (erased with its row: fail closed). Ids above the
    highest issued belong to no certificate yet and stay clear."""
    from capacity_lms.certificates.models import Certificate

    first = number * LIST_SIZE
    rows = Certificate.objects.filter(pk__gte=first, pk__lt=first + LIST_SIZE)
    highest = rows.order_by("-pk").values_list("pk", flat=True).first()
    if highest is None:
        return []
    valid = set(rows.filter(status=Certificate.Status.VALID).values_list("pk", flat=True))
    return [position(pk)[1] for pk in range(max(first, 1), highest + 1) if pk not in valid]


def status_list_changed():
    """Call inside the transaction that revokes or replaces a certificate: once it commits,
    every app server builds the lists again."""
    transaction.on_commit(lambda: bump(VERSION_KEY))


def status_list_credential(number, now=None):
    """List ``number``, signed, valid for a day from ``now``."""
    now = (now or clock.now()).replace(microsecond=0)
    url = list_url(number)
    credential = {
        "@context": [data_integrity.CREDENTIALS_V2],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": data_integrity.issuer_did(),
        "validFrom": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "validUntil": (now + timedelta(hours=VALID_HOURS)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": PURPOSE,
            "encodedList": encoded_list(revoked_positions(number)),
        },
    }
    return data_integrity.add_proof(credential, created=now)


# A list is signed once per change (and per day, its validity) and kept in the shared cache.
KEPT_SECONDS = 3600


def current_status_list(number):
    """List ``number`` as published now: the kept copy while no revocation moved the version
    on, else signed again."""
    return kept_while(
        VERSION_KEY,
        f"capacity_lms:certificates:status-list:{number}",
        lambda: status_list_credential(number),
        KEPT_SECONDS,
    )
