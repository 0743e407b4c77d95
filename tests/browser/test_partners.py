"""Issue 21's partnerships and relayed contact in a real browser, in Arabic and in French.

Salma (the demo learner, an admin of her association) declares a partnership with the
association the demo staff member is an admin of; he confirms it from his Partnerships page,
and it is active. Then Salma opens an offer of his association, contacts it through the
platform, and he reads the message in his Messages without her address anywhere on the page.
axe checks every page on the way.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import assert_accessible
from tests.browser.journeys import sign_in
from tests.browser.partners_demo import OFFER_TITLE, build_partner_demo

PURPOSE = {
    "fr": "Soutien scolaire et camps d'été dans la région d'origine.",
    "ar": "دعم مدرسي ومخيمات صيفية في جهة الأصل.",
}


def path(language, name, *args):
    from django.urls import reverse
    from django.utils import translation

    with translation.override(language):
        return reverse(name, args=args or None)


@pytest.fixture
def second_page(new_context):
    """A second browser (another person signed in) beside ``page``."""
    return new_context().new_page()


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_partnership_declared_and_confirmed_then_contact_about_an_offer(
    page, second_page, demo_site, lang
):
    from capacity_lms.network.models import Partnership, RelayedMessage

    demo = build_partner_demo(proposal=False)
    declare = path(lang, "capacity_lms:network_partnership_declare")
    sign_in(page, lang, "learner", declare)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    assert_accessible(page)

    # Sent empty: the errors are listed and nothing is declared.
    page.locator("form.cl-form button[type=submit]").click()
    expect(page.locator("#form-errors")).to_be_visible()
    assert_accessible(page)
    page.select_option("#id_initiator", str(demo.ours.pk))
    page.select_option("#id_partner", str(demo.theirs.pk))
    page.locator("#id_purpose").fill(PURPOSE[lang])
    page.locator("#id_starts_on").fill("2026-01-15")
    page.locator("form.cl-form button[type=submit]").click()
    expect(page).to_have_url(
        re.compile(re.escape(path(lang, "capacity_lms:network_partnerships")) + "$")
    )
    expect(page.locator(".cl-message--success")).to_be_visible()
    assert_accessible(page)
    declared = Partnership.objects.get(initiator=demo.ours, partner=demo.theirs)
    assert declared.status == Partnership.Status.PROPOSED

    # The partner's admin confirms it.
    partnerships = path(lang, "capacity_lms:network_partnerships")
    sign_in(second_page, lang, "staff", partnerships)
    assert_accessible(second_page)
    card = second_page.locator(".cl-card", has_text=PURPOSE[lang])
    confirm = path(lang, "capacity_lms:network_partnership_confirm", declared.pk)
    card.locator(f"form[action='{confirm}'] button").click()
    expect(second_page.locator(".cl-message--success")).to_be_visible()
    assert_accessible(second_page)
    declared.refresh_from_db()
    assert declared.status == Partnership.Status.ACTIVE
    assert Partnership.objects.shown().filter(pk=declared.pk).exists()

    # Salma contacts the other association about its offer.
    page.goto(path(lang, "capacity_lms:network_offer", demo.offer.pk))
    expect(page.locator("h1")).to_have_text(OFFER_TITLE)
    assert_accessible(page)
    page.locator(f"a[href*='/contact/?about={demo.offer.pk}']").click()
    expect(page.locator("#id_subject")).to_have_value(OFFER_TITLE)
    assert_accessible(page)
    page.locator("#id_body").fill("Pouvez-vous venir à Tiznit en juillet ?")
    page.locator("form.cl-form button[type=submit]").click()
    expect(page.locator(".cl-message--success")).to_be_visible()
    assert_accessible(page)
    # The demo network has messages of its own from her: this one is about the offer.
    message = RelayedMessage.objects.get(sender=demo.learner, body__contains="Tiznit en juillet")
    assert (message.recipient_association, message.about) == (demo.theirs, demo.offer)

    # He reads it; her address is nowhere on his side.
    second_page.goto(path(lang, "capacity_lms:network_messages"))
    assert_accessible(second_page)
    second_page.locator(f"a[href$='/messages/{message.pk}/']").click()
    expect(second_page.locator(".cl-message-body")).to_contain_text("Tiznit")
    assert_accessible(second_page)
    assert demo.learner.email not in second_page.content()
