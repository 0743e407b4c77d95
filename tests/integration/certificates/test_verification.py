"""The public verification page and its JSON: what it shows, misses, limits, codes."""

import base64
import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from capacity_lms.certificates.codes import CODE_BYTES, new_code, new_reference
from capacity_lms.certificates.issuing import RevokeCertificateAction

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_counts(monkeypatch):
    """Empty counters, and a clock held at the start of a window, so that a slow machine
    never sees the requests of one test spread over two windows."""
    from capacity_lms.core import ratelimit

    monkeypatch.setattr(ratelimit, "clock", lambda: 1_800_000_000.0)
    cache.clear()
    yield
    cache.clear()


def verify_url(code, language="en"):
    from django.utils import translation

    with translation.override(language):
        return reverse("capacity_lms:certificate_verify", args=[code])


def test_the_page_shows_name_title_date_status_and_nothing_more(client, certificate):
    response = client.get(certificate.verification_path())
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "فاطمة الزهراء الإدريسي",
        "Fatima Zahra El Idrissi",
        "Ingénierie de projet : les fondations",
        certificate.issued_on.isoformat(),
    ):
        assert text in html
    assert 'class="cl-verdict cl-verdict--valid"' in html
    # Nothing more: no e-mail, account, reference, hours, or files.
    for secret in (
        certificate.user.email,
        certificate.user.username,
        certificate.reference,
        certificate.signed_payload,
        "certificate.pdf",
    ):
        assert secret not in html
    assert '<meta name="robots" content="noindex' in html
    assert response["X-Robots-Tag"].startswith("noindex")
    assert "no-store" in response["Cache-Control"]


def test_json_for_machines(client, certificate):
    response = client.get(certificate.verification_path(), {"format": "json"})
    assert response.status_code == 200
    assert response.json() == {
        "status": "valid",
        "holder": certificate.holder_names,
        "title": certificate.titles,
        "issued": certificate.issued_on.isoformat(),
        "expires": None,
    }
    by_header = client.get(certificate.verification_path(), HTTP_ACCEPT="application/json")
    assert by_header.json()["status"] == "valid"
    assert "Accept" in by_header["Vary"]


def test_a_revoked_certificate_verifies_as_revoked(client, certificate, staff):
    RevokeCertificateAction(certificate, user=staff, reason="Issued by mistake").execute()
    response = client.get(certificate.verification_path())
    assert 'class="cl-verdict cl-verdict--revoked"' in response.content.decode()
    assert client.get(certificate.verification_path(), {"format": "json"}).json()["status"] == (
        "revoked"
    )


@pytest.mark.parametrize("as_json", [False, True])
def test_unknown_and_malformed_codes_get_byte_identical_answers(client, certificate, as_json):
    extra = {"format": "json"} if as_json else {}
    tampered = certificate.code[:-1] + ("A" if certificate.code[-1] != "A" else "B")
    candidates = [
        new_code(),  # well-formed, unknown
        tampered,  # one character off a real code
        certificate.code[:10],  # truncated
        "<script>alert(1)</script>",
        "../../etc/passwd",
        "x" * 500,
        "%00%FF",
        "مرحبا",
        certificate.reference,  # a reference is not a code
    ]
    answers = []
    for code in candidates:
        response = client.get(verify_url(code), extra)
        assert response.status_code == 404, code
        answers.append((response.content, sorted(response.items())))
    assert all(answer == answers[0] for answer in answers[1:])
    assert b"script" not in answers[0][0] and certificate.code.encode() not in answers[0][0]


def test_past_the_documented_limit_it_answers_429(client, certificate, settings):
    settings.CAPACITY_LMS_RATE_LIMITS = {"certificate_verify": "5/60"}
    statuses = [client.get(verify_url(new_code())).status_code for _ in range(5)]
    assert statuses == [404] * 5
    over = client.get(certificate.verification_path())  # a hit counts like a miss
    assert over.status_code == 429
    assert int(over["Retry-After"]) >= 1
    assert certificate.user.get_full_name() not in over.content.decode()
    # Another address has its own count.
    other = client.get(certificate.verification_path(), REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200


def test_default_limit_is_thirty_a_minute(client):
    statuses = [client.get(verify_url(new_code())).status_code for _ in range(31)]
    assert statuses[:30] == [404] * 30 and statuses[30] == 429


def test_codes_carry_at_least_128_random_bits_and_references_read_out():
    codes = {new_code() for _ in range(2000)}
    assert len(codes) == 2000
    for code in list(codes)[:50]:
        raw = base64.urlsafe_b64decode(code + "=" * (-len(code) % 4))
        assert len(raw) * 8 == CODE_BYTES * 8 >= 128
        assert re.fullmatch(r"[A-Za-z0-9_-]+", code)  # URL-safe
    reference = new_reference()
    assert re.fullmatch(r"CL-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", reference)


def test_the_verification_form_goes_to_the_code(client, certificate):
    index = reverse("capacity_lms:certificate_verify_index")
    assert client.get(index).status_code == 200
    pasted = client.get(index, {"code": f"https://example.org{certificate.verification_path()}"})
    assert pasted.status_code == 302
    assert client.get(pasted["Location"]).status_code == 200


def test_the_published_keys(client, certificate):
    keys = client.get(reverse("capacity_lms:certificate_keys")).json()["keys"]
    assert keys[0]["kid"] == certificate.key_id
    assert keys[0]["kty"] == "OKP" and keys[0]["crv"] == "Ed25519"
    assert "d" not in keys[0]  # never the private part


def test_only_the_holder_and_staff_download(client, certificate, member, staff):
    url = reverse("capacity_lms:certificate_download", args=[certificate.reference])
    assert client.get(url).status_code == 302  # sign in first
    client.force_login(member)
    assert client.get(url).status_code == 404
    client.force_login(staff)
    assert client.get(url).status_code == 200
    client.force_login(certificate.user)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "no-store" in response["Cache-Control"]
    signed = client.get(reverse("capacity_lms:certificate_signed", args=[certificate.reference]))
    assert signed.content.decode() == certificate.signed_payload


def test_my_learning_lists_the_holders_certificates(client, certificate, member):
    client.force_login(certificate.user)
    html = client.get(reverse("capacity_lms:my_learning")).content.decode()
    assert reverse("capacity_lms:certificate_download", args=[certificate.reference]) in html
    client.force_login(member)
    html = client.get(reverse("capacity_lms:my_learning")).content.decode()
    assert certificate.reference not in html
