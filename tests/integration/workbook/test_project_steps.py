"""The steps that write the association's project (#24): the logical framework, the budget and
the timeline are the projects layer's rows, written by the functions an application uses, and
a version keeps them as they were."""

import pytest

from capacity_lms.workbook.models import Deliverable

from .conftest import step_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def management(prefix, rows):
    return {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": "0"} | {
        f"{prefix}-{number}-{name}": value
        for number, row in enumerate(rows)
        for name, value in row.items()
    }


def logframe(result_objective="1"):
    return {
        "sections-overall_objective": "Fewer pupils leave school early",
        **management("objectives", [{"text": "Homework help twice a week"}]),
        **management("results", [{"objective": result_objective, "text": "40 pupils helped"}]),
        **management(
            "activities",
            [
                {
                    "result": "1",
                    "text": "Recruit tutors",
                    "starts_on": "2027-01-10",
                    "ends_on": "2027-02-10",
                }
            ],
        ),
        **management(
            "indicators",
            [
                {
                    "result": "1",
                    "text": "Pupils helped",
                    "unit": "pupils",
                    "baseline": "0",
                    "target": "40",
                    "source": "Register",
                }
            ],
        ),
        **management("assumptions", [{"text": "The school lends a room"}]),
        "texts-TOTAL_FORMS": "0",
    }


def budget():
    return {
        "project-currency": "mad",
        "funding-requested_amount": "3000",
        "funding-own_contribution": "600",
        **management(
            "lines",
            [
                {
                    "category": "staff",
                    "description": "Tutors",
                    "unit": "month",
                    "quantity": "6",
                    "unit_cost": "500",
                    "currency": "MAD",
                },
                {
                    "category": "equipment",
                    "description": "Books",
                    "unit": "",
                    "quantity": "1",
                    "unit_cost": "600",
                    "currency": "MAD",
                },
            ],
        ),
        **management("funders", []),
    }


def test_logframe_budget_and_timeline_are_the_projects_rows(client, module, people, committing):
    client.force_login(people["fatima"])
    association = people["association"]
    with committing():
        response = client.post(
            step_url(module, "en", association, "logframe"), {**logframe(), "submit": ""}
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    with committing():
        response = client.post(
            step_url(module, "en", association, "budget"), {**budget(), "save": ""}
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    project = Deliverable.objects.first().workbook.project
    assert project.overall_objective == "Fewer pupils leave school early"
    assert [r.text for r in project.specific_objectives.get().results.all()] == [
        "40 pupils helped"
    ]
    assert sorted(line.description for line in project.budget_lines.all()) == ["Books", "Tutors"]
    version = Deliverable.objects.get(kind="logframe").versions.get()
    assert version.content["project"]["logframe"]["indicators"][0]["target"] == "40.00"
    assert project.currency == "MAD"  # typed in lower case, kept as the ISO code
    budget_version = Deliverable.objects.get(kind="budget").versions.get()
    assert budget_version.content["project"]["budget"]["total_cost"] == "3600.00"
    # The timeline step changes the activities only; the submitted logframe's version stays.
    client.force_login(people["omar"])
    timeline = management(
        "activities",
        [
            {
                "result": "1",
                "text": "Recruit tutors",
                "starts_on": "2027-01-10",
                "ends_on": "2027-02-10",
            },
            {
                "result": "1",
                "text": "Open the club",
                "starts_on": "2027-02-15",
                "ends_on": "2027-06-30",
            },
        ],
    ) | {"texts-TOTAL_FORMS": "0"}
    with committing():
        response = client.post(
            step_url(module, "fr", association, "timeline"), {**timeline, "save": ""}
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    project.refresh_from_db()
    assert project.indicators.get().result.text == "40 pupils helped"
    assert [a.text for a in project.specific_objectives.get().results.get().activities.all()] == [
        "Recruit tutors",
        "Open the club",
    ]
    assert (
        len(
            version.content["project"]["logframe"]["specific_objectives"][0]["results"][0][
                "activities"
            ]
        )
        == 1
    )
    page = client.get(step_url(module, "en", association, "logframe")).content.decode()
    assert "40 pupils helped" in page and "The school lends a room" in page


def test_a_result_naming_no_objective_is_refused_and_nothing_is_written(client, module, people):
    client.force_login(people["fatima"])
    response = client.post(
        step_url(module, "en", people["association"], "logframe"), {**logframe("5"), "save": ""}
    )
    assert response.status_code == 400
    assert (
        "Each expected result must name one of the specific objectives."
        in response.content.decode()
    )
    assert not Deliverable.objects.exists()


def test_a_bad_currency_is_refused_and_nothing_is_written(client, module, people):
    client.force_login(people["fatima"])
    url = step_url(module, "en", people["association"], "budget")
    for bad in ("EURO", "€€€", ""):
        response = client.post(url, {**budget(), "project-currency": bad, "save": ""})
        assert response.status_code == 400, bad
    assert not Deliverable.objects.exists()


def test_first_visit_shows_empty_forms_and_writes_nothing(client, module, people):
    client.force_login(people["fatima"])
    for step in ("logframe", "budget", "timeline", "needs", "notes"):
        response = client.get(step_url(module, "en", people["association"], step))
        assert response.status_code == 200, step
    assert not Deliverable.objects.exists()
