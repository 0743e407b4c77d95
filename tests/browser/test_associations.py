"""Issue 21's registration in a real browser, in Arabic and in French.

Hajar registers her association with its statutes and receipt (first sending the form empty,
which says what is missing); Nadia, programme staff, verifies it from its page in the Wagtail
admin; Omar asks to join it; Hajar, its admin, accepts him, and he finds it among his
associations. axe checks every member page on the way, in the language of the test.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import assert_accessible
from tests.browser.journeys import fresh_world, sign_in

NAME = "Horizons Solidaires Lyon"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def build_world():
    from django.contrib.auth.models import Group

    from capacity_lms.people.models import LearnerProfile
    from capacity_lms.people.roles import PROGRAMME_STAFF
    from capacity_lms.taxonomy.loading import load_standard_taxonomy
    from sandbox.testing.factories import UserFactory
    from sandbox.testing.world import ensure_wagtail_site

    load_standard_taxonomy()
    ensure_wagtail_site()
    people = {}
    for username, first, last in (("hajar", "Hajar", "Alaoui"), ("omar", "Omar", "Benali")):
        people[username] = UserFactory(
            username=username, first_name=first, last_name=last, email=f"{username}@example.org"
        )
        LearnerProfile.objects.create(user=people[username])
    staff = UserFactory(username="nadia", first_name="Nadia", last_name="Idrissi")
    staff.groups.add(Group.objects.get(name=PROGRAMME_STAFF))
    people["nadia"] = staff
    return people


@pytest.fixture
def world(pytestconfig, live_server, transactional_db):
    return fresh_world(pytestconfig, build_world)


def localized(name, language, *args):
    from django.urls import reverse
    from django.utils import translation

    with translation.override(language):
        return reverse(name, args=args or None)


def register(page, language):
    """Hajar sends the form empty (it says what is missing), then fills and sends it."""
    from capacity_lms.taxonomy.models import Country, Region

    register_url = localized("capacity_lms:association_register", language)
    sign_in(page, language, "hajar", register_url)
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
    from sandbox.testing.factories import DEMO_PASSWORD

    admin.goto("/admin/login/")
    admin.locator("#id_username").fill("nadia")
    admin.locator("#id_password").fill(DEMO_PASSWORD)
    admin.locator("form button[type=submit]").click()
    expect(admin).to_have_url(re.compile(r"/admin/$"))
    admin.goto(f"/admin/snippets/capacity_lms/association/inspect/{association.pk}/")
    verify_url = f"/admin/snippets/capacity_lms/association/verify/{association.pk}/"
    admin.locator(f"a[href='{verify_url}']").first.click()
    expect(admin).to_have_url(re.compile(re.escape(verify_url) + "$"))
    admin.locator("main form button[type=submit]").click()
    expect(admin.locator(".messages .success")).to_contain_text(NAME)


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_register_verify_ask_to_join_and_accept(page, world, browser, live_server, language):
    from capacity_lms.people.models import Association, Membership
    from capacity_lms.people.records import MembershipRequest

    # Hajar registers her association: pending, with her as its admin.
    register(page, language)
    association = Association.objects.get(name=NAME)
    assert association.verification_status == "pending"
    assert association.documents.count() == 2
    assert Membership.objects.get(association=association).user == world["hajar"]

    # Nadia verifies it in the admin; the history says who.
    staff = browser.new_context(base_url=live_server.url, locale="en-GB")
    verify_in_the_admin(staff.new_page(), association)
    staff.close()
    association.refresh_from_db()
    assert association.verification_status == "verified"
    assert association.verification_events.filter(actor=world["nadia"]).exists()

    # Omar asks to join: a request, not a membership.
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    omar = context.new_page()
    join_url = localized("capacity_lms:association_join", language, association.pk)
    sign_in(omar, language, "omar", join_url)
    assert_accessible(omar)
    omar.locator("#id_message").fill("Salam, je suis bénévole à Lyon.")
    omar.locator("main form button[type=submit]").click()
    expect(omar).to_have_url(
        re.compile(re.escape(localized("capacity_lms:association_mine", language)) + "$")
    )
    assert_accessible(omar)
    assert MembershipRequest.objects.get(user=world["omar"]).status == "pending"
    assert not Membership.objects.filter(user=world["omar"]).exists()

    # Hajar, its admin, sees the request with his word and accepts it.
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
