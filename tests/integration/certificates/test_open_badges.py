"""Every certificate is also an Open Badges 3.0 credential (issue #26): verified by an
independent implementation (the Digital Credentials Consortium's libraries, offline), refused
once anything in it changes, refused by the status check once revoked, still verified after a
key rotation; every property the specification requires is there, and every term resolves
through the published contexts (no ``@vocab`` fallback)."""

import copy
import datetime

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.test import Client
from django.urls import reverse
from pyld import jsonld

from capacity_lms.certificates.credentials import open_badge
from capacity_lms.certificates.issuing import RevokeCertificateAction
from capacity_lms.certificates.status_list import status_list_credential
from capacity_lms.core import data_integrity
from tests.credential_clients.readers import dcc_verify

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

ISSUER_DEPENDENT = "https://www.w3.org/ns/credentials/issuer-dependent#"


def documents(*status_lists):
    """What a verifier would fetch: the DID document (and its key), the status lists."""
    did = data_integrity.did_document()
    found = {did["id"]: did}
    for method in did["verificationMethod"]:
        found[method["id"]] = {"@context": did["@context"], **method}
    for status_list in status_lists:
        found[status_list["id"]] = status_list
    return found


def verify(credentials, *status_lists):
    """The DCC libraries' verdicts, status lists checked (signature, dates, revocation)."""
    return dcc_verify(
        credentials, documents(*(status_lists or [status_list_credential(0)])), check_status=True
    )


def test_the_credential_verifies_with_the_dcc_libraries(certificate):
    credential = open_badge(certificate)
    [result] = verify([credential], status_list_credential(0))
    assert result["verified"], result["errors"]
    assert result["status"] == {"checked": True, "listed": False, "errors": []}


def _changed(credential, path, value):
    changed = copy.deepcopy(credential)
    target = changed
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return changed


CHANGES = [
    (("credentialSubject", "name"), "Someone Else"),
    (("credentialSubject", "identifier", 0, "identityHash"), "Someone Else"),
    (("credentialSubject", "achievement", "name"), "Another module"),
    (("credentialSubject", "achievement", "criteria", "narrative"), "Nothing at all"),
    (("validFrom",), "2020-01-01T00:00:00Z"),
    (("issuer", "name"), "Another programme"),
    (("credentialStatus", "statusListIndex"), "7"),
    (("name",), "Another title"),
]


def test_a_change_anywhere_fails(certificate):
    credential = open_badge(certificate)
    changed = [_changed(credential, path, value) for path, value in CHANGES]
    results = verify(changed)
    assert [result["verified"] for result in results] == [False] * len(CHANGES)
    # Refused for their proof, not for anything else.
    for result in results:
        assert any("signature" in error.lower() for error in result["errors"]), result
    # And our own check agrees.
    for item in changed:
        with pytest.raises(data_integrity.NotVerified):
            data_integrity.verify_proof(item)


def test_a_revoked_certificate_fails_the_status_check(certificate, staff):
    credential = open_badge(certificate)
    RevokeCertificateAction(certificate, user=staff, reason="Issued in error").execute()
    [result] = verify([credential], status_list_credential(0))
    assert result["status"] == {"checked": True, "listed": True, "errors": []}
    assert not result["verified"]


def test_a_credential_signed_before_a_key_rotation_still_verifies(certificate, settings):
    old = Ed25519PrivateKey.generate()
    old_pem = old.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    settings.CAPACITY_LMS_CERTIFICATE_SIGNING_KEY = old_pem
    signed_before = open_badge(certificate)
    new = Ed25519PrivateKey.generate()
    settings.CAPACITY_LMS_CERTIFICATE_SIGNING_KEY = new.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    settings.CAPACITY_LMS_CERTIFICATE_RETIRED_KEYS = [
        old.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    ]
    signed_after = open_badge(certificate)
    assert (
        signed_after["proof"]["verificationMethod"] != signed_before["proof"]["verificationMethod"]
    )
    results = verify([signed_before, signed_after])
    assert [result["verified"] for result in results] == [True, True], results
    # Once the old key is no longer published, what it signed no longer verifies.
    settings.CAPACITY_LMS_CERTIFICATE_RETIRED_KEYS = []
    [result] = verify([signed_before])
    assert not result["verified"]


def test_every_property_the_specification_requires_is_there(certificate):
    credential = open_badge(certificate)
    for name in ("@context", "id", "type", "name", "issuer", "validFrom", "credentialSubject"):
        assert credential[name], name
    assert credential["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json" in credential["@context"]
    assert set(credential["type"]) >= {"VerifiableCredential", "OpenBadgeCredential"}
    subject = credential["credentialSubject"]
    assert "AchievementSubject" in subject["type"]
    assert subject.get("id") or subject["identifier"]
    for identifier in subject["identifier"]:
        assert identifier["type"] == "IdentityObject"
        assert {"identityHash", "identityType", "hashed"} <= set(identifier)
    achievement = subject["achievement"]
    for name in ("id", "type", "criteria", "description", "name"):
        assert achievement[name], name
    assert "Achievement" in achievement["type"]
    assert achievement["criteria"].get("id") or achievement["criteria"].get("narrative")
    issuer = credential["issuer"]
    assert issuer["id"].startswith("did:web:") and "Profile" in issuer["type"]
    for alignment in achievement.get("alignment", []):
        assert {"type", "targetName", "targetUrl"} <= set(alignment)
    proof = credential["proof"]
    assert proof["type"] == "DataIntegrityProof" and proof["cryptosuite"] == "eddsa-rdfc-2022"
    # The certificate's text in both its languages, the holder's name as issued in both.
    assert set(certificate.titles.values()) <= {
        achievement["name"],
        *achievement["description"].split("\n"),
        *(line.split(" — ")[-1] for line in achievement["description"].split("\n")),
    }
    assert {item["identityHash"] for item in subject["identifier"]} == {
        name for name in certificate.holder_names.values() if name
    }
    assert [item["inLanguage"] for item in achievement.get("related", [])] == (
        certificate.languages[1:]
    )


def test_every_term_resolves_through_the_contexts(certificate):
    credential = open_badge(certificate)
    expanded = jsonld.expand(credential, {"documentLoader": data_integrity.document_loader})
    iris = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if not key.startswith("@"):
                    iris.add(key)
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(expanded)
    assert not [iri for iri in iris if iri.startswith(ISSUER_DEPENDENT)], iris
    assert not [iri for iri in iris if not iri.startswith(("http://", "https://"))], iris


def test_the_did_document_and_status_list_are_served_with_caching_headers(certificate):
    client = Client()
    did = client.get(reverse("capacity_lms:credential_did"))
    assert did.status_code == 200
    assert did.json()["id"] == data_integrity.issuer_did()
    assert "max-age=3600" in did["Cache-Control"] and "public" in did["Cache-Control"]
    status = client.get(reverse("capacity_lms:credential_status_list", args=[0]))
    assert status.status_code == 200
    assert "max-age=300" in status["Cache-Control"]
    assert status.json()["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    data_integrity.verify_proof(status.json())
    assert client.get(reverse("capacity_lms:credential_status_list", args=[99])).status_code == 404


def test_the_linkedin_link_of_an_arabic_french_certificate(certificate, settings):
    from urllib.parse import parse_qs, urlsplit

    from django.utils import translation

    from capacity_lms.certificates.credentials import linkedin_add_url

    settings.CAPACITY_LMS_PROGRAMME_NAME = {"fr": "Programme MRE", "ar": "برنامج مغاربة العالم"}
    assert certificate.languages == ["ar", "fr"]
    links = {}
    for language in ("fr", "ar", "en"):
        with translation.override(language):
            links[language] = urlsplit(linkedin_add_url(certificate))
    for link in links.values():
        assert (link.scheme, link.netloc, link.path) == (
            "https",
            "www.linkedin.com",
            "/profile/add",
        )
    read = {language: parse_qs(link.query) for language, link in links.items()}
    assert read["fr"]["name"] == [certificate.titles["fr"]]
    assert read["fr"]["organizationName"] == ["Programme MRE"]
    assert read["ar"]["name"] == [certificate.titles["ar"]]
    assert read["ar"]["organizationName"] == ["برنامج مغاربة العالم"]
    # A reader in a language the certificate is not written in gets its leading language.
    assert read["en"]["name"] == [certificate.titles["ar"]]
    for query in read.values():
        assert query["startTask"] == ["CERTIFICATION_NAME"]
        assert query["issueYear"] == [str(certificate.issued_on.year)]
        assert query["issueMonth"] == [str(certificate.issued_on.month)]
        assert query["certId"] == [certificate.code]
        assert query["certUrl"] == [certificate.verification_url()]
        # Nothing of the holder but the certificate's own text.
        assert not set(certificate.holder_names.values()) & {
            v for vs in query.values() for v in vs
        }


# Offline, with manage.py verify_certificate -------------------------------------------------


def _run(*args, **kwargs):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("verify_certificate", *args, stdout=out, **kwargs)
    return out.getvalue()


@pytest.fixture
def saved(tmp_path, certificate):
    """The files a holder and a verifier would have saved: the credential, the DID document,
    the status list."""
    import json

    files = {
        "credential": tmp_path / "certificate.json",
        "did": tmp_path / "did.json",
        "status": tmp_path / "status.json",
    }
    files["credential"].write_text(json.dumps(open_badge(certificate)), encoding="utf-8")
    files["did"].write_text(json.dumps(data_integrity.did_document()), encoding="utf-8")
    files["status"].write_text(json.dumps(status_list_credential(0)), encoding="utf-8")
    return files


def test_the_delivery_task_keeps_the_credential_and_attaches_it_to_the_pdf(certificate, tmp_path):
    import json

    import pypdf

    certificate.refresh_from_db()
    assert certificate.open_badge == open_badge(certificate)
    with certificate.pdf.open("rb") as file:
        attachments = pypdf.PdfReader(file).attachments
    attached = json.loads(attachments["certificate.json"][0])
    assert attached == certificate.open_badge
    pdf = tmp_path / "certificate.pdf"
    with certificate.pdf.open("rb") as file:
        pdf.write_bytes(file.read())
    output = _run(str(pdf), open_badge=True)
    assert "GENUINE" in output and "Revocation: not checked offline" in output


def test_the_command_checks_a_credential_offline(saved, certificate, staff, monkeypatch):
    import json
    import socket

    from django.core.management import CommandError

    def refuse(*args, **kwargs):
        raise AssertionError("offline verification tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    output = _run(
        str(saved["credential"]), keys=str(saved["did"]), status_list=str(saved["status"])
    )
    assert "GENUINE" in output and "not revoked" in output
    assert certificate.holder_names["ar"] in output
    # Changed: refused, exit status 1.
    changed = json.loads(saved["credential"].read_text(encoding="utf-8"))
    changed["credentialSubject"]["name"] = "Someone Else"
    saved["credential"].write_text(json.dumps(changed), encoding="utf-8")
    with pytest.raises(CommandError, match="NOT GENUINE") as refused:
        _run(str(saved["credential"]), keys=str(saved["did"]))
    assert refused.value.returncode == 1


def test_the_command_says_revoked_and_expired(saved, certificate, staff, tmp_path):
    import json

    from django.core.management import CommandError

    RevokeCertificateAction(certificate, user=staff, reason="Issued in error").execute()
    revoked_list = tmp_path / "revoked.json"
    revoked_list.write_text(json.dumps(status_list_credential(0)), encoding="utf-8")
    with pytest.raises(CommandError, match="NOT VALID: revoked") as refused:
        _run(str(saved["credential"]), keys=str(saved["did"]), status_list=str(revoked_list))
    assert refused.value.returncode == 1
    certificate.expires_on = datetime.date(2025, 1, 31)
    expired = tmp_path / "expired.json"
    expired.write_text(json.dumps(open_badge(certificate)), encoding="utf-8")
    with pytest.raises(CommandError, match="NOT VALID: expired"):
        _run(str(expired))


# Online, on the verification page --------------------------------------------------------


def _upload(client, content, name="certificate.json"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("capacity_lms:certificate_verify_credential"),
        {"credential": SimpleUploadedFile(name, content, content_type="application/json")},
    )


def test_the_verification_page_checks_a_credential_file(certificate, staff):
    import json

    client = Client(enforce_csrf_checks=True)
    credential = open_badge(certificate)
    page = _upload(client, json.dumps(credential).encode())
    assert page.status_code == 200
    text = page.content.decode()
    assert "The credential file you gave is genuine" in text
    assert "This certificate was issued by the programme and is valid." in text
    assert certificate.holder_names["ar"] in text
    RevokeCertificateAction(certificate, user=staff, reason="Issued in error").execute()
    revoked = _upload(client, json.dumps(credential).encode()).content.decode()
    assert "This certificate was revoked" in revoked


@pytest.mark.parametrize(
    "content",
    [
        b"not json at all",
        b"[1, 2, 3]",
        b"{}",
        b"\xff\xfe\x00",
        b'{"' + b"a" * (70 * 1024) + b'": 1}',
        b'{"id": ' + b"[" * 30_000 + b"]" * 30_000 + b"}",
    ],
    ids=["text", "list", "empty", "binary", "too-large", "nested-bomb"],
)
def test_anything_but_a_genuine_credential_gets_a_message_and_400(certificate, content):
    page = _upload(Client(), content)
    assert page.status_code == 400
    assert 'role="alert"' in page.content.decode()


def test_a_changed_credential_file_is_refused(certificate):
    import json

    credential = open_badge(certificate)
    credential["credentialSubject"]["name"] = "Someone Else"
    page = _upload(Client(), json.dumps(credential).encode())
    assert page.status_code == 400
    assert "not a genuine credential of this programme" in page.content.decode()


def test_the_verification_page_carries_the_credential_as_json_ld(client, certificate):
    import json
    import re

    page = client.get(certificate.verification_path()).content.decode()
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(found) == 1
    embedded = json.loads(found[0])
    assert embedded == open_badge(certificate)
    data_integrity.verify_proof(embedded)
