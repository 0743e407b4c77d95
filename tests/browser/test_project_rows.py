"""A project's rows added on an application's page, with JavaScript and without it.

With ``static/capacity_lms/js/formset_rows.js``, "Add a row" adds the next budget line in
place (the page is not loaded again), keeps what was typed, moves the focus to the new row's
first field, and the row is saved with the rest; in Arabic (right to left), with axe checking
the page and no CSP violation (the ``new_context`` fixture fails the test on one). Without
JavaScript the form goes to the server, which sends the page back one row longer, scrolled to
it, as typed, with nothing saved; Enter in a field still saves."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import assert_accessible
from tests.browser.journeys import fresh_world, sign_in


def build_world():
    from capacity_lms.taxonomy.loading import load_standard_taxonomy
    from sandbox.testing.call_factories import (
        CallIndexPageFactory,
        CallPageFactory,
        application_for,
    )
    from sandbox.testing.factories import AssociationFactory, MembershipFactory
    from sandbox.testing.world import ensure_wagtail_site

    load_standard_taxonomy()
    calls = CallIndexPageFactory(parent=ensure_wagtail_site().root_page)
    call = CallPageFactory(parent=calls, title="Partnership programme", slug="partnership")
    application = application_for(call, AssociationFactory(name="Association Figuig Avenir"))
    member = MembershipFactory(association=application.association, user__username="member-amal")
    return {"application": application, "member": member.user}


@pytest.fixture
def world(pytestconfig, live_server, transactional_db):
    return fresh_world(pytestconfig, build_world)


def test_add_a_row_in_place_then_save_it(new_context, world):
    from django.urls import reverse
    from django.utils import translation

    from capacity_lms.projects.models import BudgetLine

    application = world["application"]
    with translation.override("ar"):
        edit_path = reverse("capacity_lms:application_edit", args=[application.pk])
    page = new_context().new_page()
    sign_in(page, "ar", "member-amal", edit_path)
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    form = page.locator("main form.cl-form")
    rows = form.locator("[data-formset=lines] [data-formset-rows] > fieldset")
    expect(rows).to_have_count(4)  # two lines saved, two to add
    form.locator("#id_sections-summary").fill("Typed before adding a row.")

    page.evaluate("window.sameDocument = true")  # gone if the page were loaded again

    form.locator("button[name=add][value=lines]").click()

    expect(rows).to_have_count(5)
    assert page.evaluate("window.sameDocument === true")
    expect(page).to_have_url(re.compile(re.escape(edit_path) + "$"))
    expect(form.locator("#id_sections-summary")).to_have_value("Typed before adding a row.")
    expect(form.locator("input[name=lines-TOTAL_FORMS]")).to_have_value("5")
    new_row = rows.nth(4)
    expect(new_row).to_have_attribute("id", "lines-5")
    expect(new_row.locator("legend")).to_contain_text("5")
    expect(page.locator("#id_lines-4-category")).to_be_focused()
    expect(page.locator("#id_lines-4-currency")).to_have_value("MAD")
    assert_accessible(page)

    page.locator("#id_lines-4-category").select_option("equipment")
    page.locator("#id_lines-4-description").fill("Laptops")
    page.locator("#id_lines-4-quantity").fill("2")
    page.locator("#id_lines-4-unit_cost").fill("4000")
    form.locator("button[type=submit]:not([name])").click()

    expect(page.locator(".cl-message--success")).to_have_count(1)
    lines = BudgetLine.objects.filter(project_id=application.project_id)
    assert [line.description for line in lines][-1] == "Laptops"
    assert lines.count() == 3


def test_without_javascript_the_page_comes_back_one_row_longer_and_enter_saves(new_context, world):
    from django.urls import reverse
    from django.utils import translation

    from capacity_lms.projects.models import Project

    application = world["application"]
    with translation.override("fr"):
        edit_path = reverse("capacity_lms:application_edit", args=[application.pk])
    page = new_context(java_script_enabled=False).new_page()
    sign_in(page, "fr", "member-amal", edit_path)
    form = page.locator("main form.cl-form")
    rows = form.locator("[data-formset=partners] [data-formset-rows] > fieldset")
    expect(rows).to_have_count(2)  # the partner saved, one to add
    form.locator("#id_sections-title").fill("Typed, not saved yet")

    form.locator("button[name=add][value=partners]").click()

    expect(page).to_have_url(re.compile(re.escape(edit_path) + "#partners-3$"))
    expect(rows).to_have_count(3)
    expect(form.locator("#id_sections-title")).to_have_value("Typed, not saved yet")
    expect(page.locator(".cl-field--error")).to_have_count(0)
    assert Project.objects.get(pk=application.project_id).title != "Typed, not saved yet"

    # Enter in a field submits the form's first submit button: the save, not "Add a row".
    form.locator("#id_partners-2-name").fill("Commune of Figuig")
    form.locator("#id_partners-2-kind").select_option("territorial")
    form.locator("#id_sections-title").press("Enter")

    expect(page.locator(".cl-message--success")).to_have_count(1)
    project = Project.objects.get(pk=application.project_id)
    assert project.title == "Typed, not saved yet"
    assert project.partners.last().name == "Commune of Figuig"
