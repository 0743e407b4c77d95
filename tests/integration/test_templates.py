import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "direction", "heading"),
    [("ar", "rtl", "هندسة المشاريع"), ("fr", "ltr", "Ingénierie de projet"), ("en", "ltr", None)],
)
def test_pages_carry_lang_and_dir(client, language, direction, heading):
    from capacity_lms.taxonomy.loading import load_standard_taxonomy

    load_standard_taxonomy()
    with translation.override(language):
        url = reverse("capacity_lms:programme")
    assert url.startswith(f"/{language}/")
    html = client.get(url).content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert heading is None or heading in html


def test_language_switcher_posts_and_lands_on_the_translated_url(client):
    html = client.get("/en/learning/").content.decode()
    assert 'action="/en/learning/language/"' in html
    assert 'value="ar" lang="ar"' in html
    response = client.post("/en/learning/language/", {"language": "ar", "next": "/en/learning/"})
    assert response.status_code == 302
    assert response["Location"] == "/ar/learning/"


def test_host_template_overrides_the_packaged_one(client, settings, tmp_path):
    override = tmp_path / "capacity_lms" / "includes"
    override.mkdir(parents=True)
    (override / "footer.html").write_text("<p>HOST FOOTER OVERRIDE</p>")
    engine = dict(settings.TEMPLATES[0])
    engine["DIRS"] = [tmp_path, *engine["DIRS"]]
    with override_settings(TEMPLATES=[engine]):
        html = client.get("/en/learning/").content.decode()
    assert "HOST FOOTER OVERRIDE" in html
    assert "HOST FOOTER OVERRIDE" not in client.get("/en/learning/").content.decode()


def test_templates_are_found_inside_the_app_package():
    from django.template.loader import get_template

    origin = get_template("capacity_lms/base.html").origin.name
    assert origin.replace("\\", "/").endswith("capacity_lms/templates/capacity_lms/base.html")


def test_no_asset_comes_from_another_host(client):
    html = client.get("/ar/learning/").content.decode()
    assert "http://" not in html.replace('xmlns="http://', "")
    assert "https://" not in html
    assert "//" not in html.split("<body")[0].replace("://", "")


@pytest.mark.usefixtures("english")
def test_the_programme_name_says_its_language_when_it_is_not_the_pages(client, settings):
    settings.CAPACITY_LMS_PROGRAMME_NAME = {"en": "Capacity", "ar": "تقوية القدرات"}
    arabic = client.get("/ar/learning/").content.decode()
    assert '<a class="cl-brand" href="/">تقوية القدرات</a>' in arabic
    # No French name: the English one, marked as English.
    french = client.get("/fr/learning/").content.decode()
    assert '<a class="cl-brand" href="/" lang="en" dir="auto">Capacity</a>' in french
    assert '<p lang="en" dir="auto">Capacity</p>' in french
