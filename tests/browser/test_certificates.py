"""Issue 6's certificates in a real browser, on a small world of their own.

The holder downloads the PDF from My learning; a visitor checks the public verification page in
Arabic (right to left), French and English, and an unknown code; anyone checks the signed file
on the offline page, with the network cut, and sees a tampered copy refused. axe checks every
page on the way.

Checks go by structure (classes, ids, attributes), not by English wording, except the holder's
Arabic name.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import assert_accessible
from tests.browser.journeys import fresh_world, sign_in
from tests.integration.certificates.conftest import ARABIC_NAME

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def build_world():
    """A course with a French translation and an Arabic and French certificate rule, and Fatima,
    who completed it and holds its certificate (PDF rendered on commit)."""
    from capacity_lms.certificates.issuing import IssueCertificateAction
    from capacity_lms.certificates.models import CertificateRule, Layout
    from capacity_lms.taxonomy.loading import load_standard_taxonomy
    from sandbox.testing.factories import CatalogueIndexPageFactory
    from sandbox.testing.world import ensure_wagtail_site
    from tests.integration.certificates.conftest import complete, make_holder, translate_to_french
    from tests.integration.courses.conftest import make_course

    load_standard_taxonomy()
    catalogue = CatalogueIndexPageFactory(parent=ensure_wagtail_site().root_page)
    course = translate_to_french(make_course(catalogue, title="Project engineering foundations"))
    CertificateRule.objects.create(course=course, layout=Layout.ARABIC_FRENCH)
    holder = make_holder()
    complete(holder, course)
    certificate, created = IssueCertificateAction(holder, subject=course).execute()
    assert created
    certificate.refresh_from_db()
    return {"holder": holder, "course": course, "certificate": certificate}


@pytest.fixture
def world(pytestconfig, live_server, transactional_db):
    return fresh_world(pytestconfig, build_world)


def localized(name, language, **kwargs):
    from django.urls import reverse
    from django.utils import translation

    with translation.override(language):
        return reverse(name, **kwargs)


def test_holder_downloads_the_pdf_from_my_learning(page, world, tmp_path):
    certificate = world["certificate"]
    my_learning = localized("capacity_lms:my_learning", "en")
    sign_in(page, "en", world["holder"].username, my_learning)

    section = page.locator("section[aria-labelledby=cl-my-certificates]")
    expect(section.locator(".cl-card")).to_have_count(1)
    download_link = section.locator(f"a[href$='/{certificate.reference}/certificate.pdf']")
    expect(download_link).to_have_attribute("download", "")
    expect(section.locator(f"a[href='{certificate.verification_path()}']")).to_have_count(1)
    assert_accessible(page)

    with page.expect_download() as info:
        download_link.click()
    saved = tmp_path / "certificate.pdf"
    info.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")


def test_visitor_verifies_the_certificate_in_three_languages(page, world):
    certificate = world["certificate"]
    arabic_path = certificate.verification_path()
    assert arabic_path.startswith("/ar/")

    page.goto(arabic_path)
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", re.compile(r"^ar"))
    expect(page.locator(".cl-verdict--valid")).to_have_count(1)
    expect(page.locator(".cl-certificate-facts bdi[lang=ar]").first).to_have_text(ARABIC_NAME)
    assert_accessible(page)
    ARTIFACTS.mkdir(exist_ok=True)
    screenshot = ARTIFACTS / "certificate-verify-ar.png"
    page.screenshot(path=screenshot, full_page=True)
    assert screenshot.stat().st_size > 0

    for language in ("fr", "en"):
        path = localized(
            "capacity_lms:certificate_verify", language, args=[f"{certificate.code}/"]
        )
        assert path.startswith(f"/{language}/")
        page.goto(path)
        expect(page.locator("html")).to_have_attribute("dir", "ltr")
        expect(page.locator(".cl-verdict--valid")).to_have_count(1)
        expect(page.locator(".cl-certificate-facts bdi[lang=ar]").first).to_have_text(ARABIC_NAME)
        assert_accessible(page)


def test_an_unknown_code_gets_the_unknown_verdict(page, world):
    certificate = world["certificate"]
    unknown = certificate.code[:-1] + ("A" if certificate.code[-1] != "A" else "B")
    response = page.goto(localized("capacity_lms:certificate_verify", "en", args=[f"{unknown}/"]))
    assert response.status == 404
    expect(page.locator(".cl-verdict--unknown")).to_have_count(1)
    expect(page.locator(".cl-verdict--valid")).to_have_count(0)
    assert_accessible(page)


def tampered(token):
    """The token with one character of its middle (payload) segment changed."""
    header, payload, signature = token.split(".")
    middle = len(payload) // 2
    changed = "B" if payload[middle] != "B" else "C"
    return ".".join([header, payload[:middle] + changed + payload[middle + 1 :], signature])


def test_offline_page_checks_the_signed_file_with_no_network(page, world, context):
    from capacity_lms.calls.minutes import MINUTES_TYPE
    from capacity_lms.core import signing

    certificate = world["certificate"]
    page.goto(localized("capacity_lms:certificate_offline", "en"))
    assert_accessible(page)
    context.set_offline(True)

    token, result = page.locator("#cl-offline-token"), page.locator("#cl-offline-result")
    token.fill(certificate.signed_payload)
    page.locator("#cl-offline-form [type=submit]").click()
    expect(result.locator(".cl-verdict--valid")).to_have_count(1)
    expect(result.locator(".cl-certificate-facts bdi", has_text=ARABIC_NAME)).to_have_count(1)
    assert_accessible(page)

    token.fill(tampered(certificate.signed_payload))
    page.locator("#cl-offline-form [type=submit]").click()
    expect(result.locator(".cl-verdict--revoked")).to_have_count(1)
    expect(result.locator(".cl-verdict--valid")).to_have_count(0)
    expect(result.locator(".cl-certificate-facts")).to_have_count(0)

    # Genuinely signed by the programme, but not a certificate (the kind the committee's
    # minutes use): refused too.
    token.fill(signing.sign(certificate.payload(), typ=MINUTES_TYPE)[0])
    page.locator("#cl-offline-form [type=submit]").click()
    expect(result.locator(".cl-verdict--revoked")).to_have_count(1)
    expect(result.locator(".cl-verdict--valid")).to_have_count(0)
    context.set_offline(False)


def test_offline_page_checks_the_open_badge_credential_with_no_network(page, world, context):
    """The ``.json`` for a wallet: its eddsa-rdfc-2022 proof canonicalised and checked in the
    browser (the page carries the JSON-LD processor and the contexts), its dates read; a changed
    value is refused; an expired credential, though genuinely signed, is said to be so."""
    import copy
    import json

    from capacity_lms.certificates.models import Certificate
    from capacity_lms.core import data_integrity

    credential = Certificate.objects.get(pk=world["certificate"].pk).open_badge
    assert credential["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
    page.goto(localized("capacity_lms:certificate_offline", "en"))
    context.set_offline(True)
    token, result = page.locator("#cl-offline-token"), page.locator("#cl-offline-result")

    def check(document):
        token.fill(json.dumps(document, ensure_ascii=False))
        page.locator("#cl-offline-form [type=submit]").click()

    check(credential)
    expect(result.locator(".cl-verdict--valid")).to_have_count(1, timeout=15_000)
    expect(result.locator(".cl-certificate-facts bdi", has_text=ARABIC_NAME)).to_have_count(1)
    expect(result.locator(".cl-help")).to_have_count(1)  # revocation: online only
    assert_accessible(page)

    for change in (
        lambda c: c["credentialSubject"].__setitem__("name", "Someone Else"),
        lambda c: c["credentialSubject"]["achievement"].__setitem__("name", "Another title"),
        lambda c: c.__setitem__("validFrom", "2020-01-01T00:00:00Z"),
        lambda c: c["credentialStatus"].__setitem__("statusListIndex", "7"),
    ):
        changed = copy.deepcopy(credential)
        change(changed)
        check(changed)
        expect(result.locator(".cl-verdict--revoked")).to_have_count(1, timeout=15_000)
        expect(result.locator(".cl-certificate-facts")).to_have_count(0)

    # Genuinely signed, but its validity is over.
    unsecured = {name: value for name, value in credential.items() if name != "proof"}
    expired = data_integrity.add_proof(
        {**unsecured, "validFrom": "2019-01-01T00:00:00Z", "validUntil": "2020-12-31T23:59:59Z"}
    )
    check(expired)
    expect(result.locator(".cl-verdict--expired")).to_have_count(1, timeout=15_000)
    expect(result.locator(".cl-certificate-facts bdi", has_text=ARABIC_NAME)).to_have_count(1)

    # The file chosen rather than pasted.
    page.locator("#cl-offline-file").set_input_files(
        {
            "name": "certificate.json",
            "mimeType": "application/json",
            "buffer": json.dumps(credential).encode(),
        }
    )
    expect(result.locator(".cl-verdict--valid")).to_have_count(1, timeout=15_000)
    context.set_offline(False)
