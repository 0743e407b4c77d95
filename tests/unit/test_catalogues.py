"""The Arabic and French catalogues are complete, valid and compiled.

``msgfmt`` (Debian's ``gettext`` package) checks each .po file: placeholders, plural forms and
header, and counts untranslated and fuzzy messages. The committed .mo must be the compilation of
the committed .po, or Django would serve stale translations.
"""

import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("ar", "fr")
PACKAGES = ("capacity_lms", "courses")
CATALOGUES = [
    ROOT / package / "locale" / language / "LC_MESSAGES" / "django.po"
    for package in PACKAGES
    for language in LANGUAGES
]
MSGFMT = shutil.which("msgfmt")
needs_msgfmt = pytest.mark.skipif(
    MSGFMT is None, reason="msgfmt not found: install Debian's gettext package"
)


def catalogue_id(path):
    return f"{path.parts[-5]}-{path.parts[-3]}"


def msgfmt(po, mo):
    """Compile ``po`` into ``mo`` with every check; return the statistics line."""
    result = subprocess.run(  # noqa: S603 - fixed executable, paths of our own files
        [MSGFMT, "--check", "--statistics", "-o", str(mo), str(po)],
        capture_output=True,
        text=True,
        check=False,
        env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, f"msgfmt --check failed on {po}:\n{result.stderr}"
    return result.stderr.strip()


@pytest.mark.parametrize("po", CATALOGUES, ids=catalogue_id)
def test_catalogue_and_its_compiled_file_exist(po):
    assert po.is_file(), f"missing catalogue {po}"
    assert po.with_suffix(".mo").is_file(), f"{po} is not compiled"


@pytest.mark.parametrize("po", CATALOGUES, ids=catalogue_id)
def test_header_is_final_and_names_the_language(po):
    text = po.read_text(encoding="utf-8")
    assert "#, fuzzy" not in text, f"{po} has a fuzzy entry or header"
    language = po.parts[-3]
    assert f'"Language: {language}\\n"' in text
    plurals = "nplurals=6;" if language == "ar" else "nplurals=2;"
    assert plurals in text, f"{po} lost its Plural-Forms header"


@needs_msgfmt
@pytest.mark.parametrize("po", CATALOGUES, ids=catalogue_id)
def test_every_message_is_translated_and_the_mo_is_current(po, tmp_path):
    compiled = tmp_path / "django.mo"
    statistics = msgfmt(po, compiled)
    assert re.fullmatch(r"\d+ translated messages?\.", statistics), (
        f"{po}: {statistics} (untranslated or fuzzy messages remain)"
    )
    with compiled.open("rb") as fresh, po.with_suffix(".mo").open("rb") as committed:
        fresh_catalogue = gettext.GNUTranslations(fresh)._catalog
        committed_catalogue = gettext.GNUTranslations(committed)._catalog
    assert committed_catalogue == fresh_catalogue, (
        f"{po.with_suffix('.mo')} is stale: run msgfmt -o django.mo django.po"
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ar", {"My learning": "تعلّمي", "Strategic axis": "المحور الاستراتيجي"}),
        ("fr", {"My learning": "Mes formations", "Strategic axis": "Axe stratégique"}),
    ],
)
def test_django_serves_the_translations(language, expected):
    with translation.override(language):
        assert {msgid: translation.gettext(msgid) for msgid in expected} == expected
