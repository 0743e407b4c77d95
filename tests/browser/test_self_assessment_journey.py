"""Issue 25's "Done when" in a real browser: an association admin takes the self-assessment in
Arabic (and in French) and sees the modules recommended for the association's weak areas.

Salma is the admin of an association; the catalogue holds a module strengthening financial
management and one strengthening communication, each with an Arabic and a French version. From
My associations she opens the self-assessment: the questionnaire is in her language, right to
left in Arabic; she sends it once with a required question left out (the page says which, and
nothing is saved), then whole, answering that the accounts are kept by nobody and the yearly
report is published. The capacities page marks financial management as the area to strengthen
and recommends the finance module, in her language; My learning recommends it too. axe checks
the questionnaire (with its errors), the capacities page and My learning.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import assert_accessible
from tests.browser.journeys import fresh_world, sign_in

TITLES = {
    "finance": {"ar": "مسك الحسابات", "fr": "Tenir les comptes", "en": "Bookkeeping"},
    "communication": {
        "ar": "نشرة الجمعية",
        "fr": "La lettre de l'association",
        "en": "Newsletters",
    },
}
NOBODY = {"ar": "لا أحد", "fr": "Personne", "en": "Nobody"}
ACCOUNTS = {
    "ar": "من يمسك الحسابات؟",
    "fr": "Qui tient les comptes ?",
    "en": "Who keeps the accounts?",
}
REPORT = {
    "ar": "ننشر تقريرا سنويا.",
    "fr": "Nous publions un rapport annuel.",
    "en": "We publish a yearly report.",
}


def translated(language, message):
    from django.utils import translation

    with translation.override(language):
        text = translation.gettext(message)
    assert text != message, f"{message!r} has no {language} translation"
    return text


def build_world():
    from wagtail.models import Locale

    from capacity_lms.taxonomy.loading import load_standard_taxonomy
    from capacity_lms.taxonomy.models import CapacityArea
    from sandbox.testing.factories import (
        AssociationFactory,
        CatalogueIndexPageFactory,
        CoursePageFactory,
        LearnerProfileFactory,
    )
    from sandbox.testing.network_factories import association_admin
    from sandbox.testing.questionnaire_factories import (
        choice,
        make_questionnaire,
        scale,
        section,
    )
    from sandbox.testing.world import ensure_wagtail_site

    load_standard_taxonomy()
    areas = {area.code: area for area in CapacityArea.objects.all()}
    root = ensure_wagtail_site().root_page
    catalogue = CatalogueIndexPageFactory(parent=root)
    for code, titles in TITLES.items():
        course = CoursePageFactory(parent=catalogue, title=titles["en"])
        course.capacity_areas.set([areas[code]])
        course.save_revision().publish()
        for language in ("ar", "fr"):
            locale = Locale.objects.get_or_create(language_code=language)[0]
            version = course.copy_for_translation(locale, copy_parents=True)
            version.title = titles[language]
            version.save_revision().publish()
    make_questionnaire(
        sections=[
            section(
                {"en": "Financial management", "fr": "Gestion financière", "ar": "التدبير المالي"},
                [
                    choice(
                        ACCOUNTS,
                        [
                            (NOBODY, 0),
                            ({"en": "A treasurer", "fr": "Un trésorier", "ar": "أمين مال"}, 100),
                        ],
                        id="accounts",
                    )
                ],
                area=areas["finance"],
            ),
            section(
                {"en": "Communication", "fr": "Communication", "ar": "التواصل"},
                [scale(REPORT, id="report")],
                area=areas["communication"],
            ),
        ],
        title="Our capacities",
    )
    association = AssociationFactory(name="Association Figuig Avenir")
    salma = association_admin(
        association, username="salma", first_name="Salma", email="salma@example.org"
    )
    LearnerProfileFactory(user=salma)
    return {"association": association}


@pytest.fixture(params=["ar", "fr"])
def language(request):
    return request.param


@pytest.fixture
def world(pytestconfig, live_server, transactional_db):
    return fresh_world(pytestconfig, build_world)


def in_language(page, language):
    html = page.locator("html")
    expect(html).to_have_attribute("lang", re.compile(f"^{language}"))
    expect(html).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")


def localized(language, name, *args):
    from django.urls import reverse
    from django.utils import translation

    with translation.override(language):
        return reverse(name, args=args)


def test_an_admin_takes_the_self_assessment_and_sees_the_recommended_modules(
    page, world, language
):
    sign_in(page, language, "salma", localized(language, "capacity_lms:association_mine"))
    in_language(page, language)
    page.get_by_role("link", name=translated(language, "Self-assessment"), exact=True).click()
    in_language(page, language)
    form = page.locator("main form.cl-questionnaire")
    expect(form.locator("legend", has_text=ACCOUNTS[language])).to_be_visible()

    # The required question about the accounts left out: the page says so, nothing is saved.
    form.get_by_label(translated(language, "Fully"), exact=True).check()
    form.locator("button[type=submit]").click()
    in_language(page, language)
    expect(page.locator(".cl-field--error")).to_have_count(1)
    expect(page.locator(".cl-field--error legend")).to_contain_text(ACCOUNTS[language])
    assert_accessible(page)

    form = page.locator("main form.cl-questionnaire")
    form.get_by_label(NOBODY[language], exact=True).check()
    form.locator("button[type=submit]").click()
    in_language(page, language)
    expect(page.locator("h1")).to_have_text(translated(language, "Our capacities"))
    expect(page.locator("tr[data-weak]")).to_have_count(1)
    expect(page.locator("tr[data-weak]")).to_have_attribute("data-area", "finance")
    recommended = page.locator("[data-recommended] a")
    expect(recommended).to_have_count(1)
    expect(recommended).to_have_text(TITLES["finance"][language])
    assert_accessible(page)

    page.goto(localized(language, "capacity_lms:my_learning"))
    in_language(page, language)
    expect(page.locator("[data-recommended] li a")).to_have_text(TITLES["finance"][language])
    assert_accessible(page)
