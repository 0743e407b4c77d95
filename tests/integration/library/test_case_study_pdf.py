"""The one-page case-study PDF is rendered once per (page revision, language), kept in the
cache, and rendered anew when a new revision is published; an unpublished or restricted page
answers 404 however recently its PDF was kept. Renders are counted on WeasyPrint itself."""

import shutil
import subprocess

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from capacity_lms.core import ratelimit
from capacity_lms.library import views
from tests.integration.library.conftest import make_case_study

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def renders(monkeypatch):
    """How many PDFs WeasyPrint rendered for the view (the real renderer, counted)."""
    count = []
    real = views.html_to_pdf

    def counted(*args, **kwargs):
        count.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(views, "html_to_pdf", counted)
    return count


def pdf_url(page, language="en"):
    with translation.override(language):
        return reverse("capacity_lms:case_study_pdf", args=[page.pk])


def get_pdf(url, client=None):
    response = (client or Client()).get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/pdf"
    return response.content


def pdftotext(data, tmp_path):
    path = tmp_path / "case.pdf"
    path.write_bytes(data)
    return subprocess.run(  # noqa: S603 - fixed executable, our own file
        [shutil.which("pdftotext"), str(path), "-"], capture_output=True, check=True
    ).stdout.decode()


def test_a_second_request_does_not_render_again(library, renders):
    study = make_case_study(library, title="Homework clubs in Lyon")
    first = get_pdf(pdf_url(study))
    assert len(renders) == 1
    for _ in range(3):
        assert get_pdf(pdf_url(study)) == first
    assert len(renders) == 1
    # Another language is another PDF (its labels), rendered once too.
    get_pdf(pdf_url(study, "fr"))
    get_pdf(pdf_url(study, "fr"))
    assert len(renders) == 2


def test_a_new_revision_renders_anew(library, renders, tmp_path):
    study = make_case_study(library, title="Homework clubs in Lyon")
    assert "Homework clubs in Lyon" in pdftotext(get_pdf(pdf_url(study)), tmp_path)
    study.title = "Homework clubs in Lyon and Villeurbanne"
    study.save_revision().publish()
    text = pdftotext(get_pdf(pdf_url(study)), tmp_path)
    assert "Villeurbanne" in text
    assert len(renders) == 2
    # A draft changes nothing in the public PDF.
    study.refresh_from_db()
    study.title = "A draft title"
    study.save_revision()
    assert "A draft title" not in pdftotext(get_pdf(pdf_url(study)), tmp_path)
    assert len(renders) == 2


def test_a_kept_pdf_is_not_served_once_the_page_is_unpublished_or_restricted(library):
    study = make_case_study(library, title="Homework clubs in Lyon")
    other = make_case_study(library, title="Visiting elderly migrants in Brussels")
    get_pdf(pdf_url(study))
    get_pdf(pdf_url(other))
    study.unpublish()
    assert Client().get(pdf_url(study)).status_code == 404
    PageViewRestriction.objects.create(
        page=other, restriction_type=PageViewRestriction.PASSWORD, password="members-only"
    )
    assert Client().get(pdf_url(other)).status_code == 404


def test_zero_seconds_keeps_nothing(library, renders, settings):
    settings.CAPACITY_LMS_CASE_STUDY_PDF_SECONDS = 0
    study = make_case_study(library, title="Homework clubs in Lyon")
    get_pdf(pdf_url(study))
    get_pdf(pdf_url(study))
    assert len(renders) == 2


def test_a_host_may_limit_the_renders_per_visitor(library, renders, settings, monkeypatch):
    """Only renders count (a kept PDF costs nothing): the optional ``case_study_pdf`` scope."""
    monkeypatch.setattr(ratelimit, "clock", lambda: 1_800_000_000.0)
    settings.CAPACITY_LMS_RATE_LIMITS = {"case_study_pdf": "2/60"}
    studies = [make_case_study(library, title=f"Case study {n}") for n in range(3)]
    visitor = Client()
    get_pdf(pdf_url(studies[0]), visitor)
    get_pdf(pdf_url(studies[1]), visitor)
    for _ in range(3):
        get_pdf(pdf_url(studies[0]), visitor)
    refused = visitor.get(pdf_url(studies[2]))
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert len(renders) == 2
