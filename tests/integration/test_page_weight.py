"""Light pages for weak connections (issue #10): every public page type, full of content, weighs
under the budget — the HTML plus every stylesheet and script it loads, images aside, counted
uncompressed (what a phone downloads when nothing on the way compresses).
"""

import datetime
import gzip
import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse
from wagtail.models import Site

from capacity_lms.taxonomy.loading import load_standard_taxonomy
from capacity_lms.taxonomy.models import Country, StrategicAxis
from sandbox.testing.factories import (
    CaseStudyPageFactory,
    CatalogueIndexPageFactory,
    LibraryIndexPageFactory,
    SessionFactory,
    WorkshopFactory,
)
from tests.integration.conftest import built_for_the_module
from tests.integration.courses.conftest import make_course

# The fr and ar requests leave their language active in the thread (LocaleMiddleware activates,
# nothing deactivates): ``english`` puts back the language after each test.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

BUDGET_BYTES = 200 * 1024
ASSET = re.compile(r'<(?:link[^>]+href|script[^>]+src)="(/static/[^"?#]+)')


@pytest.fixture(scope="module")
def full_site(django_db_setup, django_db_blocker):
    """Built once for the module, in a transaction rolled back at its end."""
    with built_for_the_module(django_db_blocker, build_full_site) as built:
        yield built


def build_full_site():
    """A catalogue page full of modules (more than one page of them), a library of case
    studies, a list of workshops: each page as heavy as the programme's own."""
    load_standard_taxonomy()
    site_root = Site.objects.get(is_default_site=True).root_page
    catalogue = CatalogueIndexPageFactory(parent=site_root)
    axes = list(StrategicAxis.objects.all())
    courses = [
        make_course(catalogue, lessons=3, strategic_axis=axes[number % len(axes)])
        for number in range(catalogue.courses_per_page + 3)
    ]
    library = LibraryIndexPageFactory(parent=site_root)
    france = Country.objects.get(code="fr")
    case_studies = [
        CaseStudyPageFactory(
            parent=library,
            host_country=france,
            strategic_axes=axes[:2],
            started_on=datetime.date(2023, 1, 1),
        )
        for _ in range(15)
    ]
    for number in range(12):
        workshop = WorkshopFactory(country=france, slug=f"weight-{number}")
        SessionFactory(workshop=workshop)
    return {
        "catalogue": catalogue.url,
        "course": courses[0].url,
        "lesson": next(iter(courses[0].lessons())).url,
        "library": library.url,
        "case_study": case_studies[0].url,
        "workshops": reverse("capacity_lms:workshop_list"),
        "workshop": reverse("capacity_lms:workshop_detail", args=["weight-0"]),
        "programme": reverse("capacity_lms:programme"),
        "verify": reverse("capacity_lms:certificate_verify_index"),
    }


def weigh(client, url):
    """(uncompressed bytes, gzip bytes) of the page and every stylesheet and script it loads."""
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content
    parts = [html]
    for path in sorted(set(ASSET.findall(html.decode()))):
        found = finders.find(path.removeprefix("/static/"))
        assert found, f"{url} loads {path}, which no finder has"
        with open(found, "rb") as asset:
            parts.append(asset.read())
    return sum(map(len, parts)), sum(len(gzip.compress(part)) for part in parts)


PAGES = ("catalogue", "course", "lesson", "library", "case_study")
ROUTES = ("workshops", "workshop", "programme", "verify")


# (Parameter names that are not fixture names: "page" is Playwright's, and parametrizing a
# fixture's name changes how pytest orders the whole run.)
@pytest.mark.parametrize(
    ("which", "lang"),
    # Pages of the tree are in the language of their locale; routes in each of the three.
    [(page, "en") for page in PAGES]
    + [(route, language) for route in ROUTES for language in ("en", "fr", "ar")],
)
def test_public_pages_stay_under_the_weight_budget(full_site, which, lang):
    url = re.sub(r"^/en/", f"/{lang}/", full_site[which])
    raw, compressed = weigh(Client(), url)
    assert raw < BUDGET_BYTES, f"{url}: {raw} bytes (gzip {compressed}) over {BUDGET_BYTES}"
