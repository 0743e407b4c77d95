"""Issue 21's whole journey in a real browser, in Arabic and in French, on the demo site.

Houda registers her association with its statutes and receipt (first sending the form empty,
which says what is missing); Nadia, programme staff, verifies it from its page in the Wagtail
admin. Omar finds it in the directory (searched) and on the map (France's figure, whose link
lists it), opens its page and asks to join from there; Houda, its admin, accepts him. Then
Houda declares a partnership with a demo association and that association's admin confirms it:
both associations' pages show it. axe checks every page on the way, in the test's language.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import assert_accessible
from tests.browser.journeys import sign_in, sign_in_to_admin

NAME = "Horizons Solidaires Lyon"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def add_people():
    """Houda and Omar, members with no association yet, and Nadia, programme staff."""
    from django.contrib.auth.models import Group

    from capacity_lms.people.models import LearnerProfile
    from capacity_lms.people.roles import PROGRAMME_STAFF
    from sandbox.testing.factories import UserFactory

    people = {}
    # Not "hajar": the demo site has its own Hajar, a member of a demo association.
    for username, first, last in (("houda", "Houda", "Alaoui"), ("omar", "Omar", "Benali")):
        people[username] = UserFactory(
            username=username, first_name=first, last_name=last, email=f"{username}@example.org"
        )
        LearnerProfile.objects.create(user=people[username])
    staff = UserFactory(username="nadia", first_name="Nadia", last_name="Idrissi")
    staff.groups.add(Group.objects.get(name=PROGRAMME_STAFF))
    people["nadia"] = staff
    return people


@pytest.fixture
def world(demo_site):
    return add_people()


def localized(name, language, *args):
    from django.urls import reverse
    from django.utils import translation

    with translation.override(language):
        return reverse(name, args=args or None)


def register(page, language):
    """Houda sends the form empty (it says what is missing), then fills and sends it."""
    from capacity_lms.taxonomy.models import Country, Region

    register_url = localized("capacity_lms:association_register", language)
    sign_in(page, language, "houda", register_url)
    form = page.locator("form.cl-submission")
    assert_accessible(page)
    form.locator("button[type=submit]").click()
    expect(page.locator("#form-errors")).to_be_visible()
    assert_accessible(page)

    form.locator("input[name=kind][value=abroad]").check()
    form.locator("#id_name").fill(NAME)
    form.locator("#id_name_ar").fill("آفاق التضامن ليون")
    form.locator("#id_registration_number").fill("W691234567")
    form.locator("#id_host_country").select_option(str(Country.objects.get(code="fr").pk))
    form.locator("#id_city").fill("Lyon")
    form.locator("#id_description_fr").fill("Soutien scolaire et liens avec l'Oriental.")
    oriental = Region.objects.get(code="oriental")
    form.locator(f"input[name=regions_of_origin][value='{oriental.pk}']").check()
    form.locator("#id_contact_email").fill("contact@horizons.example.org")
    form.locator("input[name=published_fields][value=description]").check()
    for field, name in (("statutes", "statuts.pdf"), ("receipt", "recepisse.pdf")):
        form.locator(f"#id_{field}").set_input_files(
            {"name": name, "mimeType": "application/pdf", "buffer": PDF}
        )
    form.locator("button[type=submit]").click()
    expect(page).to_have_url(
        re.compile(re.escape(localized("capacity_lms:association_mine", language)) + "$")
    )
    expect(page.locator(".cl-card", has_text=NAME)).to_have_count(1)
    assert_accessible(page)


def verify_in_the_admin(admin, association):
    sign_in_to_admin(admin, "nadia")
    admin.goto(f"/admin/snippets/capacity_lms/association/inspect/{association.pk}/")
    verify_url = f"/admin/snippets/capacity_lms/association/verify/{association.pk}/"
    admin.locator(f"a[href='{verify_url}']").first.click()
    expect(admin).to_have_url(re.compile(re.escape(verify_url) + "$"))
    admin.locator("main form button[type=submit]").click()
    expect(admin.locator(".messages .success")).to_contain_text(NAME)


def find_in_directory_and_map(omar, language):
    """Omar searches the directory for it, then follows France on the map to it."""
    from capacity_lms.network.pages import DirectoryPage

    directory = DirectoryPage.objects.get(locale__language_code=language)
    omar.goto(directory.url)
    omar.locator("#id_q").fill("Horizons Solidaires")
    omar.locator("form.cl-filters button[type=submit]").click()
    expect(omar.locator(".cl-association-card h3", has_text=NAME)).to_have_count(1)
    assert_accessible(omar)

    omar.goto(directory.map_url())
    france = (
        omar.locator("table")
        .first.locator("tbody tr")
        .filter(has=omar.locator("a[href$='country=fr']"))
    )
    shown = int(france.locator("td").first.inner_text())
    assert shown >= 1
    assert_accessible(omar)
    france.locator("a").click()
    expect(omar).to_have_url(re.compile(r"country=fr"))
    expect(omar.locator(".cl-association-card")).to_have_count(min(shown, 20))
    card = omar.locator(".cl-association-card", has_text=NAME)
    expect(card).to_have_count(1)
    card.locator("h3 a").click()
    expect(omar.get_by_role("heading", level=1)).to_have_text(NAME)
    assert "contact@horizons.example.org" not in omar.content()
    assert_accessible(omar)


def partner_association():
    """A verified demo association and its admin (the demo staff member)."""
    from capacity_lms.people.models import Association, Membership

    membership = (
        Membership.objects.filter(
            user__username="staff",
            role=Membership.Role.LEADER,
            association__verification_status=Association.VerificationStatus.VERIFIED,
        )
        .select_related("association")
        .first()
    )
    assert membership is not None, "the demo staff member leads a verified association"
    return membership.association


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_register_verify_find_join_and_partner(page, world, browser, live_server, language):
    from capacity_lms.network.models import Partnership
    from capacity_lms.network.pages import DirectoryPage
    from capacity_lms.people.models import Association, Membership
    from capacity_lms.people.records import MembershipRequest

    # Houda registers her association: pending, with her as its admin.
    register(page, language)
    association = Association.objects.get(name=NAME)
    assert association.verification_status == "pending"
    assert association.documents.count() == 2
    assert Membership.objects.get(association=association).user == world["houda"]

    # Nadia verifies it in the admin; the history says who.
    staff = browser.new_context(base_url=live_server.url, locale="en-GB")
    verify_in_the_admin(staff.new_page(), association)
    staff.close()
    association.refresh_from_db()
    assert association.verification_status == "verified"
    assert association.verification_events.filter(actor=world["nadia"]).exists()

    # Omar finds it in the directory and on the map, and asks to join from its page.
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    omar = context.new_page()
    sign_in(omar, language, "omar", localized("capacity_lms:association_mine", language))
    find_in_directory_and_map(omar, language)
    join_url = localized("capacity_lms:association_join", language, association.pk)
    omar.locator(f"a[href='{join_url}']").click()
    expect(omar).to_have_url(re.compile(re.escape(join_url) + "$"))
    assert_accessible(omar)
    omar.locator("#id_message").fill("Salam, je suis bénévole à Lyon.")
    omar.locator("main form button[type=submit]").click()
    expect(omar).to_have_url(
        re.compile(re.escape(localized("capacity_lms:association_mine", language)) + "$")
    )
    assert_accessible(omar)
    assert MembershipRequest.objects.get(user=world["omar"]).status == "pending"
    assert not Membership.objects.filter(user=world["omar"]).exists()

    # Houda, its admin, sees the request with his word and accepts it.
    manage_url = localized("capacity_lms:association_manage", language, association.pk)
    page.goto(manage_url)
    request_card = page.locator(".cl-card", has_text="Omar Benali")
    expect(request_card).to_contain_text("je suis bénévole")
    assert_accessible(page)
    accept_url = localized(
        "capacity_lms:association_request_accept",
        language,
        MembershipRequest.objects.get(user=world["omar"]).pk,
    )
    request_card.locator(f"form[action='{accept_url}'] button").click()
    expect(page).to_have_url(re.compile(re.escape(manage_url) + "$"))
    expect(page.locator(".cl-card", has_text="Omar Benali")).to_have_count(0)
    assert_accessible(page)
    assert Membership.objects.get(user=world["omar"]).association == association

    # Omar now finds it among his associations.
    omar.goto(localized("capacity_lms:association_mine", language))
    expect(omar.locator(".cl-card", has_text=NAME)).to_have_count(1)
    context.close()

    # Houda declares a partnership with a demo association; its admin confirms it.
    partner = partner_association()
    page.goto(localized("capacity_lms:network_partnership_declare", language))
    page.select_option("#id_initiator", str(association.pk))
    page.select_option("#id_partner", str(partner.pk))
    page.locator("#id_purpose").fill("Soutien scolaire et camps d'été dans l'Oriental.")
    page.locator("#id_starts_on").fill("2026-09-01")
    page.locator("form.cl-form button[type=submit]").click()
    expect(page.locator(".cl-message--success")).to_be_visible()
    assert_accessible(page)
    declared = Partnership.objects.get(initiator=association, partner=partner)
    assert declared.status == Partnership.Status.PROPOSED

    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    admin = context.new_page()
    partnerships = localized("capacity_lms:network_partnerships", language)
    sign_in(admin, language, "staff", partnerships)
    card = admin.locator(".cl-card", has_text="camps d'été dans l'Oriental")
    confirm = localized("capacity_lms:network_partnership_confirm", language, declared.pk)
    card.locator(f"form[action='{confirm}'] button").click()
    expect(admin.locator(".cl-message--success")).to_be_visible()
    assert_accessible(admin)
    declared.refresh_from_db()
    assert declared.status == Partnership.Status.ACTIVE

    # Both associations' public pages show it.
    directory = DirectoryPage.objects.get(locale__language_code=language)
    for shown, other in ((association, partner), (partner, association)):
        admin.goto(directory.association_url(shown.pk))
        expect(
            admin.locator("section[aria-labelledby=partnerships-heading] li", has_text=other.name)
        ).to_have_count(1)
    assert_accessible(admin)
    context.close()
