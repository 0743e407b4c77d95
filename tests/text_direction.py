"""Text direction and language checks shared by the integration and the browser tests."""

import re

from bs4 import BeautifulSoup

ARABIC = re.compile(r"[\u0600-\u06ff]")
# A word with a lower-case letter: acronyms (PDF, CSV, QR) read the same both ways.
LATIN_WORD = re.compile(r"[A-Za-z]*[a-z][A-Za-z]*[A-Za-z]")
# An option is a line of its own, where nothing can mix with it (and it cannot hold a bdi).
SKIPPED = ("script", "style", "option")


def is_arabic_language(code):
    return (code or "").split("-")[0].lower() == "ar"


def _texts(html):
    soup = BeautifulSoup(html, "html.parser")
    return soup, (soup.body or soup).find_all(string=True)


def _nearest_language(text):
    """The ``lang`` of the nearest element around ``text`` that has one."""
    return next((element["lang"] for element in text.parents if element.get("lang")), None)


def unisolated_latin(html):
    """Text written in Latin letters only (no Arabic in it) that reads as Arabic: neither
    isolated by an element around it (``bdi``, a ``dir`` of ``ltr`` or ``auto``) nor labelled
    with another language, below an Arabic ``lang`` (the page's, or a part's in a page in
    another language). In an Arabic page that is either a name or a code left to the
    bidirectional algorithm, or a string nobody translated; anywhere, a part labelled with the
    wrong language."""
    _soup, texts = _texts(html)
    found = []
    for text in texts:
        if text.parent.name in SKIPPED or ARABIC.search(text):
            continue
        if not LATIN_WORD.search(text):
            continue
        isolated = False
        for element in text.parents:
            if element.name == "bdi" or element.get("dir") in ("ltr", "auto"):
                isolated = True
                break
            if element.get("lang"):
                isolated = not is_arabic_language(element["lang"])
                break
        if not isolated:
            found.append(f"<{text.parent.name}> {text.strip()[:80]!r}")
    return found


def arabic_under_latin(html):
    """Text with Arabic letters whose nearest ``lang`` is another language (French, English):
    a screen reader reads it with a voice that cannot (WCAG 2.2 SC 3.1.2)."""
    _soup, texts = _texts(html)
    found = []
    for text in texts:
        if text.parent.name in ("script", "style") or not ARABIC.search(text):
            continue
        if not is_arabic_language(_nearest_language(text)):
            found.append(
                f"<{text.parent.name} lang={_nearest_language(text)}> {text.strip()[:80]!r}"
            )
    return found
