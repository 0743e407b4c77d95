"""Forms people fill in (issue #10): every control has a label, and when a form comes back
with an error, each control concerned says it is invalid and points at the words of the error
(``aria-invalid`` and ``aria-describedby``), in every language: what a screen reader announces
on reaching the field."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from sandbox.testing.factories import AssociationFactory, MembershipFactory
from tests.integration.courses.conftest import (  # noqa: F401  (fixtures)
    catalogue,
    course,
    learner,
    right_answers,
    site_root,
    taxonomy,
)

# (The fixtures imported above are used by name in the tests' arguments.)
from tests.integration.library.test_submissions import form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

CONTROLS = "input:not([type=hidden]):not([type=submit]):not([type=button]), select, textarea"


def label_of(soup, control):
    """The control's accessible name from the markup, or ``""``."""
    if control.get("aria-label"):
        return control["aria-label"]
    if control.get("aria-labelledby"):
        return " ".join(
            soup.find(id=ref).get_text(" ", strip=True)
            for ref in control["aria-labelledby"].split()
            if soup.find(id=ref)
        )
    if control.get("id"):
        label = soup.find("label", attrs={"for": control["id"]})
        if label is not None:
            return label.get_text(" ", strip=True)
    wrapping = control.find_parent("label")
    return wrapping.get_text(" ", strip=True) if wrapping is not None else ""


def descriptions(soup, element):
    return " ".join(
        soup.find(id=ref).get_text(" ", strip=True)
        for ref in (element.get("aria-describedby") or "").split()
        if soup.find(id=ref) is not None
    )


def assert_labelled(html):
    soup = BeautifulSoup(html, "html.parser")
    main = soup.find("main")
    unlabelled = [
        str(control)[:120]
        for control in main.select(CONTROLS)
        if not label_of(soup, control).strip()
    ]
    assert not unlabelled, f"controls without a label: {unlabelled}"
    return soup


def assert_error_linked(html, control_selector, error_text):
    """The controls matching ``control_selector`` (or their fieldset) are invalid and described
    by an element that holds ``error_text``; every id they point at exists."""
    soup = assert_labelled(html)
    controls = soup.select(control_selector)
    assert controls, f"no control {control_selector}"
    for control in controls:
        described = control if control.get("aria-describedby") else control.find_parent("fieldset")
        assert described is not None and described.get("aria-describedby"), (
            f"{control_selector} points at no error: {control}"
        )
        missing = [
            ref for ref in described["aria-describedby"].split() if soup.find(id=ref) is None
        ]
        assert not missing, f"aria-describedby names missing ids {missing}"
        assert error_text in descriptions(soup, described), (
            f"{control_selector} is described by {descriptions(soup, described)!r}, "
            f"not by the error {error_text!r}"
        )
        invalid = control.get("aria-invalid") or described.get("aria-invalid")
        assert invalid == "true" or described.name == "fieldset", (
            f"{control_selector} is not marked aria-invalid"
        )


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_wrong_check_in_code_is_announced_on_its_field(client, member, lang):
    client.force_login(member)
    url = reverse("capacity_lms:check_in").replace("/en/", f"/{lang}/", 1)
    html = client.get(url).content.decode()
    assert_labelled(html)
    response = client.post(url, {"code": "000000"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    error = soup.select_one("[data-refusal]").get_text(" ", strip=True)
    assert_error_linked(response.content.decode(), "#check-in-code", error)


def test_a_wrong_password_is_announced_on_both_fields(client, member):
    response = client.post("/en/accounts/login/", {"username": member.username, "password": "no"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    error = soup.select_one("#login-errors").get_text(" ", strip=True)
    assert error
    for field in ("#id_username", "#id_password"):
        assert_error_linked(response.content.decode(), field, error)


def test_an_unanswered_quiz_question_is_announced_on_the_question(client, course, learner):  # noqa: F811
    client.force_login(learner)
    client.post(course.url, {"action": "enrol"})
    lesson = [page.specific for page in course.lessons()][-1]
    assert_labelled(client.get(lesson.url).content.decode())
    quiz_id, answers = right_answers(lesson)
    first = next(iter(answers))
    data = {"action": "quiz", "quiz_id": quiz_id, "submission_token": "t"}
    data[f"question-{first}"] = answers[first]
    response = client.post(lesson.url, data)
    assert response.status_code == 400
    assert_error_linked(
        response.content.decode(), "fieldset.cl-question input", "Answer question 2."
    )


def test_a_refused_case_study_names_the_error_on_each_field(client, member, taxonomy, site_root):  # noqa: F811
    from sandbox.testing.factories import LibraryIndexPageFactory

    library = LibraryIndexPageFactory(parent=site_root)
    association = AssociationFactory()
    MembershipFactory(user=member, association=association)
    client.force_login(member)
    url = reverse("capacity_lms:case_study_submit", args=[library.pk])
    assert_labelled(client.get(url).content.decode())
    data = form_data(association, title="", contact_email="not an address")
    response = client.post(url, data)
    assert response.status_code in (200, 400)
    html = response.content.decode()
    assert_error_linked(html, "#id_title", "This field is required.")
    assert_error_linked(html, "#id_contact_email", "Enter a valid email address.")


@pytest.mark.parametrize(
    "route", ["capacity_lms:workshop_list", "capacity_lms:certificate_verify_index"]
)
def test_public_filter_and_search_forms_are_labelled(client, route, countries):
    assert_labelled(client.get(reverse(route)).content.decode())


def test_catalogue_and_library_filters_are_labelled(client, catalogue, site_root):  # noqa: F811
    from sandbox.testing.factories import LibraryIndexPageFactory

    library = LibraryIndexPageFactory(parent=site_root)
    assert_labelled(client.get(catalogue.url).content.decode())
    assert_labelled(client.get(library.url).content.decode())
