"""Text direction checks shared by the integration and the browser tests."""

import re

from bs4 import BeautifulSoup

ARABIC = re.compile(r"[\u0600-\u06ff]")
# A word with a lower-case letter: acronyms (PDF, CSV, QR) read the same both ways.
LATIN_WORD = re.compile(r"[A-Za-z]*[a-z][A-Za-z]*[A-Za-z]")
# An option is a line of its own, where nothing can mix with it (and it cannot hold a bdi).
SKIPPED = ("script", "style", "option")


def unisolated_latin(html):
    """Text of the page written in Latin letters only (no Arabic in it) and not isolated by an
    element around it: ``bdi``, a ``dir`` or another ``lang`` than the page's. In an Arabic
    page that is either a name or a code left to the bidirectional algorithm, or a string
    nobody translated."""
    soup = BeautifulSoup(html, "html.parser")
    if soup.html is not None and soup.html.get("dir") == "ltr":
        return []  # a page in a left-to-right language (a fallback page opened from Arabic)
    page_language = soup.html.get("lang") if soup.html is not None else None
    found = []
    for text in (soup.body or soup).find_all(string=True):
        if text.parent.name in SKIPPED or ARABIC.search(text):
            continue
        if not LATIN_WORD.search(text):
            continue
        isolated = False
        for element in text.parents:
            if element.name in ("bdi", "html"):
                isolated = element.name == "bdi"
                break
            if element.get("dir") or element.get("lang") not in (None, page_language):
                isolated = True
                break
        if not isolated:
            found.append(f"<{text.parent.name}> {text.strip()[:80]!r}")
    return found
