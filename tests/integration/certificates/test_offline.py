"""Offline verification: the command and the signatures, with the network cut."""

import base64
import io
import json
import socket

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from capacity_lms.certificates.signing import sign, verify
from capacity_lms.core.signing import (
    NotGenuine,
    b64url_encode,
    jwks,
    keys_from_jwks,
    new_private_key_pem,
    public_pem,
    signing_key,
)
from tests.integration.certificates.conftest import ARABIC_NAME

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("offline verification tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture
def keys_file(tmp_path, certificate):
    path = tmp_path / "keys.json"
    path.write_text(json.dumps(jwks()))
    return path


def run(*args, **kwargs):
    out = io.StringIO()
    call_command("verify_certificate", *args, stdout=out, **kwargs)
    return out.getvalue()


def with_payload(token, payload_bytes):
    header, _payload, signature = token.split(".")
    return f"{header}.{b64url_encode(payload_bytes)}.{signature}"


def test_the_command_accepts_the_genuine_pdf_and_jws(certificate, keys_file, tmp_path, no_network):
    pdf = tmp_path / "certificate.pdf"
    with certificate.pdf.open("rb") as file:
        pdf.write_bytes(file.read())
    output = run(str(pdf), keys=str(keys_file))
    assert "GENUINE" in output and certificate.reference in output
    assert ARABIC_NAME in output
    jws = tmp_path / "certificate.jws"
    jws.write_text(certificate.signed_payload)
    assert json.loads(run(str(jws), keys=str(keys_file), as_json=True))["code"] == certificate.code
    assert "GENUINE" in run("-", stdin=io.StringIO(certificate.signed_payload))


def test_any_changed_byte_of_the_payload_is_refused(certificate, keys_file, no_network):
    keys = json.loads(keys_file.read_text())
    key_set = keys_from_jwks(keys)
    _header, payload_b64, _signature = certificate.signed_payload.split(".")
    payload = base64.urlsafe_b64decode(payload_b64 + "=" * (-len(payload_b64) % 4))
    assert verify(certificate.signed_payload, key_set)
    for index in range(len(payload)):
        changed = bytearray(payload)
        changed[index] ^= 0x01
        with pytest.raises(NotGenuine):
            verify(with_payload(certificate.signed_payload, bytes(changed)), key_set)
    # Every character of the encoded token too (header, payload, signature).
    token = certificate.signed_payload
    for index, character in enumerate(token):
        if character == ".":
            continue
        replacement = "A" if character != "A" else "B"
        with pytest.raises(NotGenuine):
            verify(token[:index] + replacement + token[index + 1 :], key_set)


def test_the_command_refuses_a_changed_file_with_exit_status_1(
    certificate, keys_file, tmp_path, no_network
):
    _header, payload_b64, _signature = certificate.signed_payload.split(".")
    payload = json.loads(base64.urlsafe_b64decode(payload_b64 + "=="))
    payload["holder"]["fr"] = "Quelqu'un d'autre"
    forged = tmp_path / "forged.jws"
    forged.write_text(
        with_payload(certificate.signed_payload, json.dumps(payload).encode("utf-8"))
    )
    with pytest.raises(CommandError) as refused:
        run(str(forged), keys=str(keys_file))
    assert "NOT GENUINE" in str(refused.value) and refused.value.returncode == 1
    garbage = tmp_path / "garbage.jws"
    garbage.write_text("not a certificate")
    with pytest.raises(CommandError):
        run(str(garbage), keys=str(keys_file))


def test_a_certificate_signed_by_someone_else_is_refused(certificate, settings, keys_file):
    settings.CAPACITY_LMS_CERTIFICATE_SIGNING_KEY = new_private_key_pem()
    impostor, _kid = sign(certificate.payload())
    with pytest.raises(NotGenuine):
        verify(impostor, keys_from_jwks(keys_file.read_text()))


def test_rotating_the_key_keeps_earlier_certificates_verifiable(
    certificate, settings, client, tmp_path
):
    old_public = public_pem(signing_key())
    settings.CAPACITY_LMS_CERTIFICATE_SIGNING_KEY = new_private_key_pem()
    # Rotated without keeping the old key: the earlier certificate no longer verifies.
    with pytest.raises(NotGenuine):
        verify(certificate.signed_payload)
    settings.CAPACITY_LMS_CERTIFICATE_RETIRED_KEYS = [old_public]
    assert verify(certificate.signed_payload).key_id == certificate.key_id
    published = client.get(reverse("capacity_lms:certificate_keys")).json()["keys"]
    assert len(published) == 2 and published[1]["kid"] == certificate.key_id
    # A saved keys.json from after the rotation verifies both generations offline.
    path = tmp_path / "keys.json"
    path.write_text(json.dumps({"keys": published}))
    jws = tmp_path / "old.jws"
    jws.write_text(certificate.signed_payload)
    assert "GENUINE" in run(str(jws), keys=str(path))


def test_the_key_command_prints_the_published_keys_and_new_keys():
    out = io.StringIO()
    call_command("certificate_keys", stdout=out)
    assert json.loads(out.getvalue().split("-----BEGIN")[0]) == jwks()
    out = io.StringIO()
    call_command("certificate_keys", new_private_key=True, stdout=out)
    assert out.getvalue().startswith("-----BEGIN PRIVATE KEY-----")


def test_the_offline_page_carries_the_keys(client, certificate):
    html = client.get(reverse("capacity_lms:certificate_offline")).content.decode()
    assert certificate.key_id in html
    assert "crypto.subtle.verify" in html
