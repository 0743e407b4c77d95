"""The language of parts (issue #18, point 11; WCAG 2.2 SC 3.1.2): a page translated only in
part shows each field people wrote in the language it was written in, with that language's
direction. With simple_translation a translation starts as a copy of every field, so a field
still equal to the same field of the version it was copied from is not translated yet."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from capacity_lms.library.models import CaseStudyIndicator
from courses.models import LessonPage
from sandbox.testing.factories import (
    LessonPageFactory,
    LibraryIndexPageFactory,
    paragraph_block,
)
from tests.integration.courses.conftest import (  # noqa: F401  (fixtures)
    catalogue,
    make_course,
    site_root,
    taxonomy,
)
from tests.integration.courses.test_content_translation import translate
from tests.integration.library.conftest import make_case_study
from tests.text_direction import arabic_under_latin, unisolated_latin

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

FRENCH_STORY = "Au Raval, beaucoup d'enfants arrivés du Maroc décrochent dès le primaire."
FRENCH_FUNDERS = "Ajuntament de Barcelona, subvention aux associations de quartier"
ARABIC_FUNDERS = "الوزارة المكلفة بالمغاربة المقيمين بالخارج"
ARABIC_PARTNERS = "جمعية المحامين الشباب بتورينو"
ARABIC_STORY = "يواجه المهاجرون المغاربة في تورينو صعوبات في فهم الإجراءات الإدارية."
ARABIC_INDICATOR = "عدد الاستشارات المقدمة"


def labels(html, text):
    """The nearest ``lang`` and ``dir`` around the first text node of the body containing
    ``text``."""
    soup = BeautifulSoup(html, "html.parser")
    node = (soup.body or soup).find(string=re.compile(re.escape(text)))
    assert node is not None, f"{text!r} is not on the page"
    lang = next((each["lang"] for each in node.parents if each.get("lang")), None)
    direction = next((each["dir"] for each in node.parents if each.get("dir")), None)
    return lang, direction


@pytest.fixture
def libraries(site_root, taxonomy):  # noqa: F811
    english = LibraryIndexPageFactory(parent=site_root)
    return {"en": english, "fr": translate(english, "fr"), "ar": translate(english, "ar")}


@pytest.fixture
def french_study(libraries):
    """Written in French; its English translation has its title and summary translated only."""
    study = make_case_study(
        libraries["fr"],
        title="Un soutien scolaire du soir",
        summary="Des étudiants bénévoles aident soixante élèves à faire leurs devoirs.",
        context=f"<p>{FRENCH_STORY}</p>",
        what_was_done="<p>Des groupes de six élèves au plus, trois soirs par semaine.</p>",
        funders=FRENCH_FUNDERS,
        started_on=datetime.date(2022, 9, 1),
    )
    english = translate(
        study,
        "en",
        title="Evening homework help",
        summary="Student volunteers help sixty pupils with their homework.",
    )
    return study, english


@pytest.fixture
def arabic_study(libraries):
    """Written in Arabic; its French translation has its title and summary translated only."""
    study = make_case_study(
        libraries["ar"],
        title="مكتب الإرشاد القانوني",
        summary="مكتب يقدم الإرشاد القانوني للمهاجرين المغاربة في تورينو.",
        context=f"<p>{ARABIC_STORY}</p>",
        what_was_done="<p>فتح المكتب أبوابه مرتين في الأسبوع.</p>",
        funders=ARABIC_FUNDERS,
        partners_host_country=ARABIC_PARTNERS,
        association_name="جمعية الأطلس",
        contact_name="سناء العلوي",
        results="<p>ارتفع عدد الاستشارات.</p>",
        indicators=[CaseStudyIndicator(indicator=ARABIC_INDICATOR, baseline="0", result="240")],
        started_on=datetime.date(2021, 3, 1),
    )
    french = translate(
        study,
        "fr",
        title="Un bureau d'orientation juridique à Turin",
        summary="Un bureau qui oriente les migrants marocains de Turin dans leurs démarches.",
    )
    return study, french


def test_an_untranslated_french_story_under_an_english_page_is_labelled_french(
    client, french_study
):
    _study, english = french_study
    html = client.get(english.url).content.decode()
    assert labels(html, FRENCH_STORY) == ("fr", "ltr")
    assert labels(html, FRENCH_FUNDERS) == ("fr", "ltr")
    assert labels(html, "Evening homework help")[0] == "en"
    assert labels(html, "Student volunteers help")[0] == "en"
    # The print view is the same page.
    printable = client.get(english.url, {"print": "1"}).content.decode()
    assert labels(printable, FRENCH_STORY) == ("fr", "ltr")


def test_untranslated_arabic_fields_under_a_french_page_are_labelled_arabic(client, arabic_study):
    _study, french = arabic_study
    html = client.get(french.url).content.decode()
    for text in (ARABIC_FUNDERS, ARABIC_PARTNERS, ARABIC_STORY, ARABIC_INDICATOR, "سناء العلوي"):
        assert labels(html, text) == ("ar", "rtl"), text
    assert labels(html, "Un bureau d'orientation juridique")[0] == "fr"
    assert arabic_under_latin(html) == []


def test_a_translated_field_carries_the_pages_language(client, arabic_study):
    _study, french = arabic_study
    french.funders = "Le ministère chargé des Marocains résidant à l'étranger"
    french.save_revision().publish()
    html = client.get(french.url).content.decode()
    assert labels(html, "Le ministère chargé")[0] == "fr"
    assert labels(html, ARABIC_PARTNERS) == ("ar", "rtl")


def test_the_arabic_original_is_arabic_whatever_its_translations_say(client, arabic_study):
    study, _french = arabic_study
    html = client.get(study.url).content.decode()
    assert labels(html, ARABIC_FUNDERS) == ("ar", "rtl")
    assert unisolated_latin(html) == []


def test_a_translation_of_a_translation_finds_the_first_language(client, arabic_study):
    """Copied from the French copy: what is still Arabic is labelled Arabic."""
    _study, french = arabic_study
    english = translate(french, "en", title="A legal advice office in Turin")
    html = client.get(english.url).content.decode()
    assert labels(html, ARABIC_FUNDERS) == ("ar", "rtl")
    assert labels(html, "Un bureau qui oriente")[0] == "fr"
    assert labels(html, "A legal advice office")[0] == "en"


def test_the_one_page_pdf_labels_each_field(rf, arabic_study):
    _study, french = arabic_study
    with translation.override("fr"):
        html = render_to_string(
            "capacity_lms/library/case_study_pdf.html",
            {"page": french, "url": "https://example.org/", "font_family": "x", "font_faces": []},
            request=rf.get("/fr/"),
        )
    for text in (ARABIC_FUNDERS, ARABIC_PARTNERS, ARABIC_STORY, ARABIC_INDICATOR, "سناء العلوي"):
        assert labels(html, text) == ("ar", "rtl"), text
    assert labels(html, "Un bureau d'orientation juridique")[0] == "fr"
    assert arabic_under_latin(html) == []


def test_library_cards_label_each_field(client, libraries, arabic_study, french_study):
    _study, french = arabic_study
    french.summary = _study.summary  # the summary left in Arabic
    french.save_revision().publish()
    html = client.get(libraries["fr"].url).content.decode()
    assert labels(html, "مكتب يقدم الإرشاد القانوني") == ("ar", "rtl")
    assert labels(html, "Un bureau d'orientation juridique")[0] == "fr"
    assert arabic_under_latin(html) == []
    # In English: the English version of the French study, and the Arabic study as a fallback
    # (Arabic comes before French in the configured order).
    english = client.get(libraries["en"].url).content.decode()
    assert labels(english, "Evening homework help")[0] == "en"
    assert labels(english, "مكتب الإرشاد القانوني") == ("ar", "rtl")
    assert arabic_under_latin(english) == []


@pytest.fixture
def french_course(catalogue):  # noqa: F811
    """An English course, translated into French but for its objectives and its lessons'
    content."""
    course = make_course(
        catalogue,
        title="Project budgets",
        summary="Build a budget the ministry can fund.",
        objectives="<ul><li>Write every cost line with its justification.</li></ul>",
        lessons=0,
    )
    LessonPageFactory(
        parent=course,
        title="Cost lines",
        body=[paragraph_block("<p>A cost line names what is bought and why.</p>")],
        is_preview=True,
    )
    french = translate(
        course, "fr", title="Budgets de projet", summary="Construire un budget finançable."
    )
    lesson = LessonPage.objects.child_of(course).get()
    french_lesson = translate(lesson, "fr", title="Les lignes de coût")
    return french, french_lesson


def test_a_partly_translated_course_and_lesson_label_what_is_left_in_english(
    client, french_course
):
    course, lesson = french_course
    html = client.get(course.url).content.decode()
    assert labels(html, "Write every cost line") == ("en", "ltr")
    assert labels(html, "Construire un budget")[0] == "fr"
    assert labels(html, "Les lignes de coût")[0] == "fr"
    html = client.get(lesson.url).content.decode()
    assert labels(html, "A cost line names") == ("en", "ltr")
    assert labels(html, "Les lignes de coût")[0] == "fr"


def test_catalogue_cards_label_an_untranslated_summary(client, catalogue, french_course):  # noqa: F811
    course, _lesson = french_course
    course.summary = "Build a budget the ministry can fund."
    course.save_revision().publish()
    html = client.get(course.get_parent().url, {"q": ""}).content.decode()
    assert labels(html, "Build a budget the ministry") == ("en", "ltr")
    assert labels(html, "Budgets de projet")[0] == "fr"


def test_the_helper_answers_per_field(arabic_study, french_study):
    from capacity_lms.core.written_language import written_language

    study, french = arabic_study
    assert written_language(french, "title") == "fr"
    assert written_language(french, "funders") == "ar"
    assert written_language(study, "funders") == "ar"
    assert written_language(french_study[1], "context") == "fr"
    assert written_language(french_study[1], "summary") == "en"


def test_a_case_study_page_runs_the_same_queries_whatever_its_translations(
    client, libraries, arabic_study
):
    _study, french = arabic_study

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(french.url).status_code == 200
        return len(queries)

    related = [make_case_study(libraries["fr"], title=f"Autre étude {n}") for n in range(3)]
    count()  # caches filled (site, locales)
    few = count()
    translate(french, "en", title="A legal advice office in Turin")
    for other in related:
        translate(other, "en")
        translate(other, "ar")
    assert count() == few


def test_library_queries_do_not_grow_with_partly_translated_cards(client, libraries):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(libraries["en"].url).status_code == 200
        return len(queries)

    def add():
        study = make_case_study(libraries["fr"], funders=FRENCH_FUNDERS)
        translate(study, "en", title="A translated title")
        make_case_study(libraries["ar"], summary="ملخص بالعربية")

    add()
    count()
    few = count()
    for _ in range(4):
        add()
    assert count() == few


def test_an_arabic_workshops_venue_is_labelled_arabic_in_french_pages(client, taxonomy):  # noqa: F811
    from django.urls import reverse

    from capacity_lms.taxonomy.models import Country
    from sandbox.testing.factories import SessionFactory, WorkshopFactory

    workshop = WorkshopFactory(
        country=Country.objects.get(code="ma"),
        slug="casablanca",
        title="ورشة مسائية في الدار البيضاء",
        language="ar",
        description="<p>نعمل معا على تمويل المشاريع.</p>",
        venue_name="دار الجمعيات",
        address="",
        city="الدار البيضاء",
    )
    SessionFactory(workshop=workshop, date=datetime.date(2027, 3, 15))
    for name, args in (("workshop_list", []), ("workshop_detail", [workshop.slug])):
        with translation.override("fr"):
            url = reverse(f"capacity_lms:{name}", args=args)
        html = client.get(url).content.decode()
        assert labels(html, "الدار البيضاء")[0] == "ar", url
        assert arabic_under_latin(html) == [], url
        assert unisolated_latin(html) == [], url


def test_arabic_tags_offered_as_filters_in_a_french_library_are_labelled(
    client, libraries, arabic_study
):
    _study, french = arabic_study
    french.tags.set(["حقوق"])  # a tag nobody translated
    french.save_revision().publish()
    html = client.get(libraries["fr"].url).content.decode()
    assert 'lang="ar" dir="rtl">حقوق</option>' in html
    assert arabic_under_latin(html) == []
