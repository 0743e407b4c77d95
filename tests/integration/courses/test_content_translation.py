"""Content translation (issue #10): courses, lessons and case studies translate through
Wagtail's localisation; a listing shows the reader's language version of each piece of content
and says clearly when it falls back to another language."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction

from capacity_lms.core.translation import NOT_TRANSLATED
from courses.models import CoursePage
from sandbox.testing.factories import LibraryIndexPageFactory

from .conftest import make_course

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def translate(page, language, **changes):
    """``page``'s translation into ``language`` (its parents too), as simple_translation's
    "Translate" action makes it, edited and published."""
    locale, _ = Locale.objects.get_or_create(language_code=language)
    copy = page.copy_for_translation(locale, copy_parents=True)
    for name, value in changes.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


def listed(response):
    return [
        (course.title, course.locale.language_code)
        for course, _s, _c in response.context["catalogue"].cards
    ]


@pytest.fixture
def catalogues(catalogue):
    """The English catalogue and its French and Arabic translations."""
    return {"en": catalogue, "fr": translate(catalogue, "fr"), "ar": translate(catalogue, "ar")}


def test_each_course_is_listed_once_in_the_readers_language_or_the_first_fallback(
    client, catalogues
):
    everywhere = make_course(catalogues["en"], title="Budget", lessons=1)
    translate(everywhere, "fr", title="Budget (fr)")
    translate(everywhere, "ar", title="الميزانية")
    english_and_french = make_course(catalogues["en"], title="Partners", lessons=1)
    translate(english_and_french, "fr", title="Partenaires")
    make_course(catalogues["fr"], title="Financement participatif", lessons=1)

    arabic = listed(client.get(catalogues["ar"].url, {"q": ""}))
    # Its own version first; then English (the default language) before French.
    assert arabic == [("الميزانية", "ar"), ("Partners", "en"), ("Financement participatif", "fr")]
    french = listed(client.get(catalogues["fr"].url, {"q": ""}))
    assert sorted(french) == [
        ("Budget (fr)", "fr"),
        ("Financement participatif", "fr"),
        ("Partenaires", "fr"),
    ]
    english = listed(client.get(catalogues["en"].url, {"q": ""}))
    assert english == [("Budget", "en"), ("Partners", "en"), ("Financement participatif", "fr")]


def test_a_fallback_says_so_on_its_card_and_its_link_carries_the_readers_language(
    client, catalogues
):
    course = make_course(catalogues["fr"], title="Financement participatif", lessons=1)
    html = client.get(catalogues["en"].url, {"q": ""}).content.decode()
    assert "Not translated into English yet: shown in French." in html
    assert f'href="{course.url}?{NOT_TRANSLATED}=en"' in html
    assert 'lang="fr" dir="ltr"><a' in html

    arabic = client.get(catalogues["ar"].url, {"q": ""}).content.decode()
    assert "لم تُترجم بعد إلى العربية" in arabic, "the notice is not in Arabic"
    assert f'href="{course.url}?{NOT_TRANSLATED}=ar"' in arabic


def test_a_draft_translation_does_not_hide_the_published_version(client, catalogues):
    course = make_course(catalogues["en"], title="Partners", lessons=1)
    draft = translate(course, "ar", title="الشركاء")
    draft.unpublish()
    assert listed(client.get(catalogues["ar"].url, {"q": ""})) == [("Partners", "en")]


def test_no_fallback_from_a_catalogue_closed_to_the_reader(client, catalogues):
    make_course(catalogues["fr"], title="Réservé", lessons=1)
    PageViewRestriction.objects.create(page=catalogues["fr"], restriction_type="login")
    assert listed(client.get(catalogues["en"].url, {"q": ""})) == []


def test_filters_and_search_apply_to_the_fallbacks(client, catalogues):
    make_course(catalogues["fr"], title="Financement participatif", lessons=1, level="advanced")
    make_course(catalogues["en"], title="Budget basics", lessons=1, level="beginner")
    assert listed(client.get(catalogues["en"].url, {"level": "advanced"})) == [
        ("Financement participatif", "fr")
    ]
    assert listed(client.get(catalogues["en"].url, {"q": "participatif"})) == [
        ("Financement participatif", "fr")
    ]


def test_listing_queries_do_not_grow_with_fallbacks(client, catalogues):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(catalogues["ar"].url, {"q": ""}).status_code == 200
        return len(queries)

    make_course(catalogues["fr"], lessons=1)
    make_course(catalogues["en"], lessons=1)
    count()  # caches filled (site, locales)
    few = count()
    for _ in range(4):
        make_course(catalogues["fr"], lessons=1)
        make_course(catalogues["en"], lessons=1)
    assert count() == few


def test_a_page_opened_from_another_language_says_so_in_that_language(client, catalogues):
    course = make_course(catalogues["fr"], title="Financement participatif", lessons=1)
    plain = client.get(course.url).content.decode()
    assert "cl-translation-notice" not in plain

    html = client.get(course.url, {NOT_TRANSLATED: "ar"}).content.decode()
    assert 'class="cl-notice cl-translation-notice" role="status" lang="ar" dir="rtl"' in html
    assert "هذه الصفحة غير مترجمة بعد إلى العربية" in html
    english = client.get(course.url, {NOT_TRANSLATED: "en"}).content.decode()
    assert "This page is not translated into English yet: it is shown in French." in english
    # Anything else in the parameter is ignored.
    assert (
        "cl-translation-notice"
        not in client.get(course.url, {NOT_TRANSLATED: "xx"}).content.decode()
    )


def test_a_page_links_to_its_translations_in_their_own_language(client, catalogues):
    course = make_course(catalogues["en"], title="Budget", lessons=1)
    arabic = translate(course, "ar", title="الميزانية", slug="budget-ar")
    html = client.get(course.url).content.decode()
    assert f'<a href="{arabic.url}" hreflang="ar" lang="ar" dir="rtl">العربيّة</a>' in html
    # Reached with the marker although the translation exists: a link to it, in Arabic.
    html = client.get(course.url, {NOT_TRANSLATED: "ar"}).content.decode()
    assert f'<a href="{arabic.url}" hreflang="ar">' in html
    assert "اقرأ هذه الصفحة باللغة العربية" in html


def switch(client, language, next_url):
    response = client.post("/en/learning/language/", {"language": language, "next": next_url})
    assert response.status_code == 302
    return response["Location"]


def test_switching_language_on_a_page_goes_to_its_translation_whatever_its_slug(
    client, catalogues
):
    course = make_course(catalogues["en"], title="Budget", lessons=1)
    arabic = translate(course, "ar", title="الميزانية", slug="al-mizaniya")
    assert switch(client, "ar", course.url) == arabic.url
    assert switch(client, "en", arabic.url) == course.url


def test_switching_to_a_language_the_page_lacks_stays_and_says_so(client, catalogues):
    course = make_course(catalogues["fr"], title="Financement participatif", lessons=1)
    assert switch(client, "ar", course.url) == f"{course.url}?{NOT_TRANSLATED}=ar"


def test_switching_elsewhere_keeps_djangos_behaviour(client, catalogues):
    assert switch(client, "fr", "/en/learning/") == "/fr/learning/"
    assert switch(client, "fr", "/en/no-such-page/") == "/fr/no-such-page/"
    assert switch(client, "fr", "https://elsewhere.example/en/") == "/"


def test_the_library_falls_back_the_same_way(client, site_root, taxonomy):
    from tests.integration.library.conftest import make_case_study

    library = LibraryIndexPageFactory(parent=site_root)
    arabic_library = translate(library, "ar")
    study = make_case_study(library, title="Homework club")
    translated = make_case_study(library, title="Elderly visits")
    translate(translated, "ar", title="زيارات المسنين")

    response = client.get(arabic_library.url)
    shown = [
        (page.title, page.locale.language_code)
        for page in response.context["library"].case_studies
    ]
    assert shown == [("زيارات المسنين", "ar"), ("Homework club", "en")]
    html = response.content.decode()
    assert f'href="{study.url}?{NOT_TRANSLATED}=ar"' in html
    assert "لم تُترجم بعد إلى العربية" in html


def test_course_translations_are_the_ones_wagtail_makes(catalogues):
    """What simple_translation's action and wagtail-localize both create: one translation key,
    one page per locale; the listing relies on nothing more."""
    course = make_course(catalogues["en"], lessons=1)
    french = translate(course, "fr")
    assert french.translation_key == course.translation_key
    assert set(
        CoursePage.objects.filter(translation_key=course.translation_key).values_list(
            "locale__language_code", flat=True
        )
    ) == {"en", "fr"}
