"""Rows added without JavaScript: each formset's "Add a row" button sends the form back with
``add=<prefix>``; the page returns (200) as typed, that formset one row longer, nothing
judged and nothing saved. The builders of ``projects/forms.py`` do it for every page that
edits a project; an application's pages are the ones here today."""

import pytest
from bs4 import BeautifulSoup
from django.http import QueryDict

from capacity_lms.calls.applications import snapshot
from capacity_lms.projects import forms
from capacity_lms.projects.models import Project
from sandbox.testing.call_factories import application_for
from sandbox.testing.factories import AssociationFactory, MembershipFactory
from tests.integration.calls.test_application_views import draft_post, form_as_sent, management
from tests.integration.calls.test_application_views import url as application_url
from tests.integration.test_form_accessibility import assert_labelled

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def application(call):
    return application_for(call, AssociationFactory(name="Atlas Solidarity"))


@pytest.fixture
def member(client, application):
    person = MembershipFactory(association=application.association).user
    client.force_login(person)
    return person


def values(html):
    soup = BeautifulSoup(html, "html.parser")
    form = soup.select_one("main form.cl-form")
    for template in form.select("template"):
        template.decompose()
    return {
        control["name"]: control.get("value", control.text)
        for control in form.select("input[name], textarea[name]")
    }


def test_add_a_row_keeps_what_was_typed_and_saves_nothing(client, application, member):
    before = snapshot(application)
    data = draft_post(**{"add": "lines", "lines-1-quantity": "not a number"})

    response = client.post(application_url("application_edit", application), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert_labelled(html)
    typed = values(html)
    assert typed["sections-title"] == "Digital skills in Tafraout"
    assert typed["lines-0-description"] == "Trainers' travel"
    assert typed["lines-1-quantity"] == "not a number"
    assert typed["funders-0-name"] == "Regional council"
    assert typed["lines-TOTAL_FORMS"] == "3"
    assert typed["funders-TOTAL_FORMS"] == "1"
    # The new row starts as a new row does: empty, in the call's currency.
    assert typed["lines-2-description"] == ""
    assert typed["lines-2-currency"] == "MAD"
    # Nothing is judged before a save: no error, no alert.
    assert "cl-field--error" not in html and 'aria-invalid="true"' not in html
    assert 'id="form-errors"' not in html
    assert snapshot(application) == before
    assert Project.objects.get(pk=application.project_id).title != "Digital skills in Tafraout"


def test_the_page_sent_back_with_its_new_row_left_empty_saves_without_it(
    client, application, member
):
    added = client.post(
        application_url("application_edit", application), draft_post(add="partners")
    )

    response = client.post(
        application_url("application_edit", application), form_as_sent(added.content)
    )

    assert response.status_code == 302
    project = Project.objects.get(pk=application.project_id)
    assert project.title == "Digital skills in Tafraout"
    assert [partner.name for partner in project.partners.all()] == ["Commune of Tafraout"]
    assert project.budget_lines.count() == 2


def test_add_a_row_to_the_logical_framework(client, application, member):
    before = snapshot(application)
    data = {
        **management("objectives", 1),
        "objectives-0-text": "Train sixty people",
        **management("results", 1),
        "results-0-objective": "1",
        "results-0-text": "",
        **management("activities", 0),
        **management("indicators", 0),
        **management("assumptions", 0),
        "add": "activities",
    }

    response = client.post(application_url("application_logframe", application), data)

    assert response.status_code == 200
    typed = values(response.content.decode())
    assert typed["objectives-0-text"].strip() == "Train sixty people"
    assert typed["activities-TOTAL_FORMS"] == "1"
    assert typed["activities-0-text"] == ""
    assert typed["results-TOTAL_FORMS"] == "1"
    assert snapshot(application) == before


def test_each_formset_has_its_add_button_and_its_row_to_copy(client, application, member):
    for route, prefixes in (
        ("application_edit", ["lines", "funders", "partners"]),
        ("application_logframe", list(forms.LOGFRAME)),
    ):
        soup = BeautifulSoup(
            client.get(application_url(route, application)).content, "html.parser"
        )
        form = soup.select_one("main form.cl-form")
        buttons = form.select("button[name=add]")
        assert [button["value"] for button in buttons] == prefixes
        for prefix in prefixes:
            template = form.select_one(f"[data-formset={prefix}] template[data-formset-empty]")
            assert template.select(f"[name^={prefix}-__prefix__-]")
        # Enter in a field submits the first submit button: the save, not an "Add a row".
        first = form.select_one("input[type=submit], button")
        assert first.name == "input" and not first.get("name")


def test_a_count_that_is_not_a_number_adds_nothing_and_breaks_nothing(application):
    project = Project.objects.get(pk=application.project_id)
    data = QueryDict(mutable=True)
    data.update({**management("partners", 0), "partners-TOTAL_FORMS": "many"})

    partners = forms.partner_formset(project, data, add="partners")

    assert not partners.is_valid()
    assert len(partners.forms) == 0


def test_no_more_rows_than_a_formset_allows(application):
    project = Project.objects.get(pk=application.project_id)
    data = QueryDict(mutable=True)
    data.update(management("assumptions", forms.ROWS))

    formsets = forms.logframe_formsets(project, data, add="assumptions")

    assert formsets["assumptions"].total_form_count() == forms.ROWS
