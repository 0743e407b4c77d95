"""The library page: filters, search, cards, pagination, related case studies, print, PDF."""

import shutil
import subprocess

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from capacity_lms.library.models import CaseStudyIndicator
from tests.integration.courses.conftest import make_course
from tests.integration.library.conftest import make_case_study

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def titles(client, library, **params):
    response = client.get(library.url, params)
    assert response.status_code == 200
    return sorted(case.title for case in response.context["library"].case_studies)


def test_each_filter_narrows_the_list(client, library, case_studies):
    everything = sorted(case.title for case in case_studies.values())
    assert titles(client, library) == everything
    assert titles(client, library, country="it") == [case_studies["cooperative"].title]
    assert titles(client, library, group="elderly-persons") == [case_studies["elders"].title]
    assert titles(client, library, axis="school-support") == [case_studies["homework"].title]
    assert titles(client, library, tag="volunteers") == sorted(
        [case_studies["homework"].title, case_studies["elders"].title]
    )
    assert titles(client, library, year="2021") == [case_studies["cooperative"].title]
    assert titles(client, library, tag="volunteers", country="be") == [
        case_studies["elders"].title
    ]
    # An unknown value in a shared URL is ignored, not an error.
    assert titles(client, library, country="zz") == everything


def test_full_text_search(client, library, case_studies):
    assert titles(client, library, q="argan") == [case_studies["cooperative"].title]
    assert titles(client, library, q="argan", country="fr") == []


def test_drafts_are_not_listed(client, library, case_studies):
    case_studies["elders"].unpublish()
    assert case_studies["elders"].title not in titles(client, library)


def test_listing_and_search_queries_do_not_grow_with_case_studies(client, library):
    def count(**params):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(library.url, params)
        assert response.status_code == 200
        return len(queries)

    for number in range(3):
        make_case_study(library, title=f"Study {number}", tags=[f"tag{number}"])
    small = (count(), count(q="study"), count(tag="tag1"))
    for number in range(3, 30):
        make_case_study(library, title=f"Study {number}", tags=[f"tag{number}"])
    large = (count(), count(q="study"), count(tag="tag1"))
    assert small == large


def test_a_case_study_page_shows_facts_indicators_and_related(client, library, case_studies):
    homework = case_studies["homework"]
    CaseStudyIndicator.objects.create(
        page=homework, indicator="Pupils moving up a year", baseline="60%", result="85%"
    )
    html = client.get(homework.url).content.decode()
    assert "Pupils moving up a year" in html and "85%" in html
    assert "France" in html
    # Related: the other case study sharing the tag "volunteers".
    assert case_studies["elders"].title in html
    assert case_studies["cooperative"].title not in html


def test_print_friendly_view(client, case_studies):
    html = client.get(case_studies["homework"].url, {"print": "1"}).content.decode()
    assert 'class="cl-printable"' in html and "print.css" in html


def test_the_one_page_pdf(client, case_studies, tmp_path):
    from django.urls import reverse

    response = client.get(
        reverse("capacity_lms:case_study_pdf", args=[case_studies["homework"].pk])
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    path = tmp_path / "case.pdf"
    path.write_bytes(response.content)
    info = subprocess.run(  # noqa: S603 - fixed executable, our own file
        [shutil.which("pdfinfo"), str(path)], capture_output=True, check=True
    ).stdout.decode()
    assert "Pages:           1" in info
    text = subprocess.run(  # noqa: S603 - fixed executable, our own file
        [shutil.which("pdftotext"), str(path), "-"], capture_output=True, check=True
    ).stdout.decode()
    assert "Homework clubs in Lyon" in text


def test_drafts_have_no_pdf(client, case_studies):
    from django.urls import reverse

    case_studies["elders"].unpublish()
    response = client.get(reverse("capacity_lms:case_study_pdf", args=[case_studies["elders"].pk]))
    assert response.status_code == 404


def test_a_course_page_lists_its_case_studies(client, library, course):
    study = make_case_study(library, title="Budgeting a homework club", related_courses=[course])
    html = client.get(course.url).content.decode()
    assert study.title in html
    assert course.title in client.get(study.url).content.decode()


def test_a_case_study_page_signed_in_runs_the_same_queries_at_n_and_10n(
    client, library, catalogue
):
    from sandbox.testing.factories import UserFactory

    client.force_login(UserFactory(username="reader"))
    study = make_case_study(library, title="Homework clubs", tags=["volunteers"])

    def add(count):
        for number in range(count):
            CaseStudyIndicator.objects.create(
                page=study, indicator=f"Indicator {number}", baseline="1", result="2"
            )
            make_case_study(library, title=f"Related {number}", tags=["volunteers"])
            study.related_courses.add(make_course(catalogue, lessons=1))
        study.save_revision().publish()

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(study.url).status_code == 200
        return len(queries)

    add(1)
    count()  # caches filled (site root paths, locales)
    few = count()
    add(9)
    assert count() == few
