"""Issue 21's association directory in a real browser, in Arabic, French and English: the
directory (searched and filtered), an association's public page with its capacity record, and
the map, whose region links lead to the filtered directory and whose table says the same
figures. axe checks each page in each language.

The demo site's associations are there; a local association in the Oriental region that
publishes its profile and a confirmed partnership with a demo association are added here.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import assert_accessible

DIRECTIONS = {"en": "ltr", "fr": "ltr", "ar": "rtl"}
# Not a demo association's name (the demo has an "Association Oasis Figuig pour le ...").
LOCAL_NAME = "Jeunes de l'oasis de Figuig"


def add_local_association_and_partnership():
    import datetime

    from django.utils import timezone

    from capacity_lms.network.models import Partnership
    from capacity_lms.people.models import Association
    from capacity_lms.taxonomy.models import Region, StrategicAxis

    oriental = Region.objects.get(code="oriental")
    local = Association.objects.create(
        kind=Association.Kind.LOCAL,
        name=LOCAL_NAME,
        name_ar="جمعية واحة فكيك",
        region=oriental,
        commune="Figuig",
        description_en="Palm groves and girls' schooling in Figuig.",
        description_fr="Palmeraies et scolarisation des filles à Figuig.",
        description_ar="الواحات وتمدرس الفتيات في فكيك.",
        published_fields=["name_ar", "description", "strategic_axes", "commune"],
        verification_status=Association.VerificationStatus.VERIFIED,
        verified_at=timezone.now(),
        contact_email="never-shown@example.org",
    )
    local.strategic_axes.set(StrategicAxis.objects.filter(code="solidarity-development"))
    abroad = Association.objects.verified().abroad().order_by("pk").first()
    Partnership.objects.create(
        initiator=abroad,
        partner=local,
        region=oriental,
        purpose="Twinning",
        starts_on=datetime.date(2025, 3, 1),
        status=Partnership.Status.ACTIVE,
    )
    return local, abroad


def directory_in(language):
    from capacity_lms.network.pages import DirectoryPage

    return DirectoryPage.objects.get(locale__language_code=language)


def expect_language(page, language):
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("html")).to_have_attribute("dir", DIRECTIONS[language])


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_directory_association_page_and_map(page, demo_site, language):
    _local, abroad = add_local_association_and_partnership()
    directory = directory_in(language)

    # The directory, then filtered on the kind and searched in Arabic.
    page.goto(directory.url)
    expect_language(page, language)
    expect(page.locator(".cl-association-card").first).to_be_visible()
    assert_accessible(page)
    page.locator("#id_kind").select_option("local")
    page.locator("#id_q").fill("فكيك")
    page.locator("form.cl-filters button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"kind=local"))
    cards = page.locator(".cl-association-card")
    expect(cards).to_have_count(1)
    expect(cards.first.locator("h3")).to_have_text(LOCAL_NAME)
    assert_accessible(page)

    # Its page: the public profile and the partnership; never its contact address.
    cards.first.locator("h3 a").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(LOCAL_NAME)
    expect(page.locator("p[lang=ar]").first).to_have_text("جمعية واحة فكيك")
    expect(page.locator("section[aria-labelledby=partnerships-heading] li")).to_contain_text(
        abroad.name
    )
    assert "never-shown@example.org" not in page.content()
    assert_accessible(page)

    # The map: a region link leads to the directory filtered on it, as many as it says.
    page.goto(directory.map_url())
    expect_language(page, language)
    expect(page.locator("svg.cl-map")).to_have_count(2)
    region_row = (
        page.locator("table")
        .nth(1)
        .locator("tbody tr")
        .filter(has=page.locator("a[href$='region=oriental']"))
    )
    count = int(region_row.locator("td").first.inner_text())
    assert count >= 1
    assert_accessible(page)
    page.locator("svg.cl-map--morocco a[href$='region=oriental']").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"region=oriental"))
    expect(page.locator(".cl-association-card")).to_have_count(min(count, 20))
    expect(page.locator(".cl-association-card h3", has_text=LOCAL_NAME)).to_have_count(1)
