"""Right to left (issue #10): our stylesheets use logical properties only, so that Arabic
mirrors the layout; Latin text inside an Arabic page (names, titles written in French, codes)
is isolated so that it does not scramble the line around it; dates and numbers are written the
way each language writes them."""

import datetime
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import formats, translation

from capacity_lms.taxonomy.models import Country
from sandbox.testing.factories import SessionFactory, UserFactory, WorkshopFactory
from tests.integration.certificates.conftest import (  # noqa: F401  (fixtures)
    certificate,
    french_course,
    holder,
    rule,
)
from tests.integration.courses.conftest import (  # noqa: F401  (fixtures)
    catalogue,
    course,
    make_course,
    site_root,
    taxonomy,
)
from tests.integration.courses.test_content_translation import translate
from tests.text_direction import arabic_under_latin, unisolated_latin

# (The fixtures imported above are used by name in the tests' arguments.)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

STATIC = Path(__file__).resolve().parents[2] / "capacity_lms" / "static"
# Physical directions where a logical property exists (margin-inline-start, inset-inline-end,
# text-align: start, border-start-start-radius, ...).
PHYSICAL = re.compile(
    r"(?<![\w-])(?:margin|padding|border)-(?:left|right)\b"
    r"|(?<![\w-])(?:left|right)\s*:"
    r"|(?:text-align|float|clear)\s*:\s*(?:left|right)\b"
    r"|border-(?:top|bottom)-(?:left|right)-radius"
)


def test_our_stylesheets_use_logical_properties_only():
    sheets = sorted(STATIC.rglob("*.css"))
    assert sheets, f"no stylesheet under {STATIC}"
    found = [
        f"{sheet.relative_to(STATIC)}:{number}: {line.strip()}"
        for sheet in sheets
        for number, line in enumerate(sheet.read_text().splitlines(), 1)
        if PHYSICAL.search(line)
    ]
    assert not found, "physical left/right in our CSS (use logical properties):\n" + "\n".join(
        found
    )


def test_the_logical_check_catches_physical_properties():
    for line in ("margin-left: 1rem;", ".x { right: 0 }", "text-align: left;", "float:right"):
        assert PHYSICAL.search(line), line
    for line in ("margin-inline-start: 1rem;", "inset-inline-end: 0;", "text-align: start;"):
        assert not PHYSICAL.search(line), line


def test_the_isolation_check_finds_a_bare_latin_title():
    html = '<html lang="ar"><main><h1>Atelier budget</h1><p>مرحبا <bdi>Karim</bdi></p></main>'
    assert unisolated_latin(html) == ["<h1> 'Atelier budget'"]


def test_the_isolation_check_finds_latin_labelled_arabic_in_any_page():
    html = (
        '<html lang="fr" dir="ltr"><main><p>Bonjour</p>'
        '<div lang="ar" dir="rtl"><p>Le ministère</p><p>الوزارة <bdi>Karim</bdi></p></div>'
        '<p lang="en" dir="ltr">Hello</p></main>'
    )
    assert unisolated_latin(html) == ["<p> 'Le ministère'"]


def test_the_language_check_finds_arabic_under_a_latin_label():
    html = (
        '<html lang="fr" dir="ltr"><main><h1>Bureau</h1><p>الوزارة المكلفة</p>'
        '<p lang="ar" dir="rtl">جمعية <bdi>Atlas</bdi></p>'
        '<p><span lang="en">Office</span> <bdi>سناء</bdi></p></main>'
    )
    assert arabic_under_latin(html) == ["<p lang=fr> 'الوزارة المكلفة'", "<bdi lang=fr> 'سناء'"]
    assert arabic_under_latin('<html lang="ar"><p>الوزارة <span lang="ar-MA">ت</span></p>') == []


@pytest.fixture
def workshop(taxonomy):  # noqa: F811
    trainer = UserFactory(first_name="Karim", last_name="Benali")
    workshop = WorkshopFactory(
        country=Country.objects.get(code="fr"), slug="budget", title="Atelier budget", city="Lyon"
    )
    workshop.trainers.add(trainer)
    SessionFactory(workshop=workshop, title="Première séance", date=datetime.date(2027, 3, 15))
    return workshop


def arabic(url):
    return url.replace("/en/", "/ar/", 1)


def test_latin_text_in_arabic_workshop_pages_is_isolated(client, workshop, member):
    client.force_login(member)
    for url in (
        reverse("capacity_lms:workshop_list"),
        reverse("capacity_lms:workshop_detail", args=[workshop.slug]),
        reverse("capacity_lms:my_calendar"),
        reverse("capacity_lms:programme"),
    ):
        response = client.get(arabic(url))
        assert response.status_code == 200, url
        assert unisolated_latin(response.content.decode()) == [], arabic(url)


def test_latin_text_in_the_arabic_catalogue_is_isolated(client, catalogue):  # noqa: F811
    arabic_catalogue = translate(catalogue, "ar", title="الوحدات التكوينية")
    make_course(catalogue, title="Project budgets", lessons=1)  # shown in English there
    html = client.get(arabic_catalogue.url, {"q": ""}).content.decode()
    assert "Project budgets" in html
    assert unisolated_latin(html) == []


def test_a_certificate_verified_in_arabic_isolates_name_and_code(client, certificate):  # noqa: F811
    url = reverse("capacity_lms:certificate_verify", args=[f"{certificate.code}/"])
    html = client.get(arabic(url)).content.decode()
    assert "Fatima Zahra El Idrissi" in html
    assert unisolated_latin(html) == []


@pytest.mark.parametrize(("lang", "month"), [("en", "March"), ("fr", "mars"), ("ar", "مارس")])
def test_dates_are_written_in_each_language(client, workshop, lang, month):
    url = reverse("capacity_lms:workshop_detail", args=[workshop.slug])
    with translation.override(lang):
        written = formats.date_format(datetime.date(2027, 3, 15), "DATE_FORMAT")
    assert month in written
    assert written in client.get(url.replace("/en/", f"/{lang}/", 1)).content.decode()


def test_numbers_are_written_in_each_language(client, catalogue):  # noqa: F811
    make_course(catalogue, title="Short module", lessons=1, estimated_hours=Decimal("1.5"))
    french = translate(catalogue, "fr")
    english = client.get(catalogue.url, {"q": ""}).content.decode()
    assert "1.5 h" in english
    html = client.get(french.url, {"q": ""}).content.decode()
    with translation.override("fr"):
        assert formats.number_format(Decimal("1.5"), use_l10n=True) == "1,5"
    assert "1,5 h" in html


def test_arabic_titles_and_names_are_labelled_arabic_in_an_english_page(client, certificate):  # noqa: F811
    """The certificate's titles (Arabic and French, no English) on "My learning", and the
    person's data on "My data": what is written in Arabic carries lang="ar"."""
    client.force_login(certificate.user)
    for name in ("capacity_lms:my_learning", "capacity_lms:my_data"):
        html = client.get(reverse(name)).content.decode()
        assert certificate.title("ar") in html, name
        assert arabic_under_latin(html) == [], name
