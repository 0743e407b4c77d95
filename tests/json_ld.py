"""Reading a page's schema.org JSON-LD back, as a search engine does."""

import json
import re

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(response):
    """The one JSON-LD object of a page (a test fails if there is none or more than one)."""
    found = SCRIPT.findall(response.content.decode())
    assert len(found) == 1, found
    return json.loads(found[0])


def script_text(response):
    """The JSON-LD as the page carries it, for what must not be in it."""
    return "".join(SCRIPT.findall(response.content.decode()))
