"""From an accepted workbook to an application (#24, point 5): an association admin starts an
application to an open call with the workbook's logical framework, budget, timeline and
partners; afterwards a change in either leaves the other as it was."""

import pytest
from django.urls import reverse

from capacity_lms.calls.models import Application
from capacity_lms.people.models import Membership
from capacity_lms.workbook.actions import ReviewStep, SaveStep
from capacity_lms.workbook.models import Workbook
from capacity_lms.workbook.steps import find_step
from sandbox.testing.call_factories import CallIndexPageFactory, CallPageFactory

from .test_project_steps import budget, logframe

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def call(module):
    calls = CallIndexPageFactory(parent=module["en"].get_parent().get_parent())
    return CallPageFactory(parent=calls, title="Partnership programme 2027", slug="call-2027")


def accepted_logframe(client, module, people, committing):
    client.force_login(people["fatima"])
    association = people["association"]
    with committing():
        client.post(
            reverse(
                "capacity_lms:workbook_step",
                args=[association.pk, module["planning"].pk, module["steps"]["logframe"]],
            ),
            {**logframe(), "submit": ""},
        )
        client.post(
            reverse(
                "capacity_lms:workbook_step",
                args=[association.pk, module["planning"].pk, module["steps"]["budget"]],
            ),
            {**budget(), "save": ""},
        )
    workbook = Workbook.objects.get()
    step = find_step(module["planning"].pk, module["steps"]["logframe"])
    ReviewStep(
        workbook.deliverables.get(kind="logframe"),
        user=people["trainer"],
        step=step,
        decision="accepted",
        scores=[2],
    ).execute()
    return workbook


def start(client, call, association, workbook):
    return client.post(
        reverse("capacity_lms:application_start", args=[call.pk]),
        {"association": association.pk, "workbook": workbook.pk},
    )


def test_an_admin_starts_an_application_with_the_same_figures_and_they_stay_apart(
    client, module, people, call, committing
):
    workbook = accepted_logframe(client, module, people, committing)
    association = people["association"]
    # A member who is not an admin: refused, nothing started.
    client.force_login(people["fatima"])
    start(client, call, association, workbook)
    assert not Application.objects.exists()
    Membership.objects.filter(user=people["fatima"]).update(role=Membership.Role.LEADER)
    page = client.get(reverse("capacity_lms:workbooks")).content.decode()
    assert "Start an application to Partnership programme 2027" in page
    response = start(client, call, association, workbook)
    assert response.status_code == 302
    application = Application.objects.get()
    copied, original = application.project, workbook.project
    assert copied.pk != original.pk and application.started_from == workbook
    assert copied.overall_objective == original.overall_objective
    assert [r.text for o in copied.specific_objectives.all() for r in o.results.all()] == [
        "40 pupils helped"
    ]
    assert sorted((line.description, line.quantity) for line in copied.budget_lines.all()) == [
        ("Books", 1),
        ("Tutors", 6),
    ]
    assert (copied.requested_amount, copied.own_contribution) == (3000, 600)
    # Changing the application leaves the workbook, and the other way round.
    copied.budget_lines.filter(description="Tutors").update(quantity=10)
    original.specific_objectives.get().results.update(text="50 pupils helped")
    assert original.budget_lines.get(description="Tutors").quantity == 6
    assert [r.text for o in copied.specific_objectives.all() for r in o.results.all()] == [
        "40 pupils helped"
    ]
    # Starting again gives the application that exists, unchanged.
    start(client, call, association, workbook)
    assert Application.objects.count() == 1
    assert Application.objects.get().project.budget_lines.get(description="Tutors").quantity == 10


def test_no_start_from_a_workbook_without_accepted_work_or_of_another_association(
    client, module, people, call, committing
):
    client.force_login(people["fatima"])
    association = people["association"]
    with committing():
        client.post(
            reverse(
                "capacity_lms:workbook_step",
                args=[association.pk, module["planning"].pk, module["steps"]["budget"]],
            ),
            {**budget(), "save": ""},
        )
    workbook = Workbook.objects.get()
    Membership.objects.filter(user=people["fatima"]).update(role=Membership.Role.LEADER)
    assert start(client, call, association, workbook).status_code == 404
    # Another association's admin, naming our workbook with their association: not found.
    Membership.objects.filter(user=people["stranger"]).update(role=Membership.Role.LEADER)
    client.force_login(people["stranger"])
    step = find_step(module["planning"].pk, module["steps"]["logframe"])
    SaveStep(step, user=people["fatima"], association=association, parts={}, submit=True).execute()
    assert start(client, call, people["other_association"], workbook).status_code == 404
    assert not Application.objects.exists()
