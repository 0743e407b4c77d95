"""An association's pages for its application: editing with the totals computed on the
server (a hand-altered total in the POST is ignored), the logical framework, the budget's
XLSX round trip through the upload, submitting and withdrawing, and 404 for another
association's application on every URL."""

import io
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from capacity_lms.calls.applications import project_budget, snapshot
from capacity_lms.calls.models import Application, CallEvent
from capacity_lms.calls.pages import CallRate
from capacity_lms.people.models import Membership
from capacity_lms.projects.budget import BudgetLine as Line
from capacity_lms.projects.budget import Funding
from capacity_lms.projects.budget_xlsx import write_budget
from capacity_lms.projects.models import BudgetLine, Project
from sandbox.testing.call_factories import CallPageFactory, application_for
from sandbox.testing.factories import AssociationFactory, MembershipFactory, UserFactory
from sandbox.testing.network_factories import association_admin
from tests.integration.test_form_accessibility import assert_error_linked, assert_labelled

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def ours(call):
    return application_for(call, AssociationFactory(name="Atlas Solidarity"))


@pytest.fixture
def admin(ours):
    return association_admin(ours.association)


@pytest.fixture
def member(ours):
    return MembershipFactory(association=ours.association, role=Membership.Role.MEMBER).user


def url(name, application, **kwargs):
    return reverse(f"capacity_lms:{name}", kwargs={"pk": application.pk, **kwargs})


def management(prefix, total):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "200",
    }


def draft_post(**extra):
    data = {
        "sections-title": "Digital skills in Tafraout",
        "sections-language": "fr",
        "sections-summary": "Training young people.",
        "sections-context": "No training centre nearby.",
        "sections-target_groups": "Young people.",
        "sections-overall_objective": "Employability.",
        "funding-requested_amount": "7000",
        "funding-own_contribution": "1500",
        **management("lines", 2),
        "lines-0-category": "travel",
        "lines-0-description": "Trainers' travel",
        "lines-0-unit": "trip",
        "lines-0-quantity": "4",
        "lines-0-unit_cost": "1500",
        "lines-0-currency": "MAD",
        "lines-1-category": "services",
        "lines-1-description": "Room hire",
        "lines-1-unit": "day",
        "lines-1-quantity": "5",
        "lines-1-unit_cost": "500",
        "lines-1-currency": "mad",
        **management("funders", 1),
        "funders-0-name": "Regional council",
        "funders-0-amount": "1500",
        **management("partners", 1),
        "partners-0-kind": "territorial",
        "partners-0-name": "Commune of Tafraout",
        "partners-0-role": "Room",
    }
    data.update(extra)
    return data


def test_the_edit_page_shows_the_application_with_labelled_controls(client, ours, member):
    client.force_login(member)

    response = client.get(url("application_edit", ours))

    assert response.status_code == 200
    html = response.content.decode()
    soup = assert_labelled(html)
    assert "100000.00 MAD" in html
    # The form holds what is saved: each line, the funders, the partners; new rows start in
    # the call's currency.
    values = {
        control["name"]: control.get("value")
        for control in soup.select("input[name^=lines-], input[name^=funders-]")
    }
    assert values["lines-0-description"] == "Trainers' travel"
    assert values["lines-1-unit_cost"] == "50000.00"
    assert values["lines-2-description"] is None
    assert values["lines-2-currency"] == "MAD"
    assert values["funders-0-name"] == "Regional council"
    assert soup.select_one("[name=lines-0-category] option[selected]")["value"] == "travel"
    assert "Cache-Control" in response and "no-store" in response["Cache-Control"]


def test_saving_replaces_the_budget_and_ignores_hand_altered_totals(client, ours, member):
    client.force_login(member)
    data = draft_post(
        **{
            "total_cost": "1.00",
            "budget-total_cost": "1.00",
            "lines-0-amount": "999999",
            "lines-0-converted": "999999",
            "share": "99",
        }
    )

    response = client.post(url("application_edit", ours), data)

    assert response.status_code == 302
    project = Project.objects.get(pk=ours.project_id)
    assert project.title == "Digital skills in Tafraout"
    assert [line.description for line in project.budget_lines.all()] == [
        "Trainers' travel",
        "Room hire",
    ]
    assert project.budget_lines.get(order=2).currency == "MAD"
    result = project_budget(project, ours.call)
    assert str(result.total_cost) == "8500.00"
    assert str(result.share_percent) == "35.29"
    page = client.get(url("application_edit", ours)).content.decode()
    assert "8500.00 MAD" in page
    assert "999999" not in page
    assert [p.name for p in project.partners.all()] == ["Commune of Tafraout"]


def test_a_wrong_figure_is_announced_on_its_field_and_nothing_is_saved(client, ours, member):
    client.force_login(member)

    response = client.post(url("application_edit", ours), draft_post(**{"lines-0-quantity": ""}))

    assert response.status_code == 400
    assert_error_linked(response.content.decode(), "#id_lines-0-quantity", "required")
    assert Project.objects.get(pk=ours.project_id).summary.startswith("Digital skills")
    assert BudgetLine.objects.filter(project_id=ours.project_id).count() == 2


def test_the_logical_framework_is_saved_whole(client, ours, member):
    client.force_login(member)
    data = {
        **management("objectives", 2),
        "objectives-0-text": "Train",
        "objectives-1-text": "Equip",
        **management("results", 2),
        "results-0-objective": "1",
        "results-0-text": "60 trained",
        "results-1-objective": "2",
        "results-1-text": "A room equipped",
        **management("activities", 1),
        "activities-0-result": "2",
        "activities-0-text": "Buy computers",
        "activities-0-starts_on": "2026-09-01",
        "activities-0-ends_on": "2026-09-30",
        **management("indicators", 1),
        "indicators-0-result": "1",
        "indicators-0-text": "People trained",
        "indicators-0-target": "60",
        **management("assumptions", 0),
    }

    response = client.post(url("application_logframe", ours), data)

    assert response.status_code == 302
    project = Project.objects.get(pk=ours.project_id)
    objectives = list(project.specific_objectives.all())
    assert [o.text for o in objectives] == ["Train", "Equip"]
    assert objectives[1].results.get().activities.get().text == "Buy computers"
    assert project.indicators.get().result.text == "60 trained"
    assert not project.assumptions.exists()


def test_a_result_naming_an_objective_that_does_not_exist_is_refused(client, ours, member):
    client.force_login(member)
    data = {
        **management("objectives", 1),
        "objectives-0-text": "Train",
        **management("results", 1),
        "results-0-objective": "3",
        "results-0-text": "Orphan",
        **management("activities", 0),
        **management("indicators", 0),
        **management("assumptions", 0),
    }

    client.post(url("application_logframe", ours), data)

    project = Project.objects.get(pk=ours.project_id)
    assert [o.text for o in project.specific_objectives.all()] == ["Train 60 people"]


def test_the_budget_goes_out_as_xlsx_and_comes_back_with_the_same_figures(client, ours, member):
    client.force_login(member)
    before = project_budget(Project.objects.get(pk=ours.project_id), ours.call)

    download = client.get(url("application_budget_download", ours))
    assert download.status_code == 200
    assert download["Content-Type"].startswith("application/vnd.openxmlformats")
    content = download.content
    assert load_workbook(io.BytesIO(content)).sheetnames == ["Budget", "Funding"]
    BudgetLine.objects.filter(project_id=ours.project_id).delete()
    upload = io.BytesIO(content)
    upload.name = "budget.xlsx"
    response = client.post(url("application_budget_upload", ours), {"file": upload})

    assert response.status_code == 302
    after = project_budget(Project.objects.get(pk=ours.project_id), ours.call)
    assert after == before
    assert str(after.total_cost) == "100000.00"


def test_a_file_that_is_not_a_budget_is_refused_and_nothing_changes(client, ours, member):
    client.force_login(member)
    upload = io.BytesIO(b"not a spreadsheet at all")
    upload.name = "budget.xlsx"

    response = client.post(url("application_budget_upload", ours), {"file": upload})

    assert response.status_code == 400
    assert "nothing was changed" in response.content.decode()
    assert BudgetLine.objects.filter(project_id=ours.project_id).count() == 2


def test_the_admin_submits_then_withdraws_through_the_pages(client, ours, admin):
    client.force_login(admin)

    client.post(url("application_submit", ours))
    ours.refresh_from_db()
    assert ours.status == Application.Status.SUBMITTED
    version = ours.versions.get(submitted=True)
    page = client.get(url("application_version", ours, number=version.number))
    assert page.status_code == 200
    assert "100000.00 MAD" in page.content.decode()
    # Submitted: the edit page is read-only and a POST changes nothing.
    assert "can no longer be changed" in client.get(url("application_edit", ours)).content.decode()
    client.post(url("application_edit", ours), draft_post())
    assert Project.objects.get(pk=ours.project_id).title != "Digital skills in Tafraout"

    client.post(url("application_withdraw", ours), {"reason": "Partner left"})
    ours.refresh_from_db()
    assert ours.status == Application.Status.WITHDRAWN
    assert CallEvent.objects.get(verb=CallEvent.Verb.WITHDRAWN).reason == "Partner left"


def test_a_member_who_is_not_an_admin_is_told_only_an_admin_submits(client, ours, member):
    client.force_login(member)

    response = client.post(url("application_submit", ours), follow=True)

    assert "Only an admin of the association may submit" in response.content.decode()
    ours.refresh_from_db()
    assert ours.status == Application.Status.DRAFT


def test_a_member_starts_the_application_from_a_call(client, call):
    association = AssociationFactory()
    person = MembershipFactory(association=association).user
    client.force_login(person)
    start = reverse("capacity_lms:application_start", kwargs={"call_pk": call.pk})

    response = client.post(start, {"association": association.pk})
    again = client.post(start, {"association": association.pk})

    application = Application.objects.get(association=association)
    assert response["Location"] == again["Location"] == url("application_edit", application)
    assert client.get(reverse("capacity_lms:application_mine")).status_code == 200
    other = AssociationFactory()
    assert client.post(start, {"association": other.pk}).status_code == 404
    assert not Application.objects.filter(association=other).exists()


def test_another_association_s_application_is_a_404_on_every_url(client, call, ours, admin):
    ours_version = ours.versions.create(number=1, snapshot={}, submitted=False)
    stranger = association_admin(AssociationFactory(name="Rif Bridges"))
    application_for(call, stranger.capacity_memberships.get().association)
    client.force_login(stranger)

    gets = ["application_edit", "application_logframe", "application_budget_download"]
    gets += ["application_budget_upload"]
    for name in gets:
        assert client.get(url(name, ours)).status_code == 404, name
    version = url("application_version", ours, number=ours_version.number)
    assert client.get(version).status_code == 404
    for name in ("application_edit", "application_submit", "application_withdraw"):
        assert client.post(url(name, ours), draft_post()).status_code == 404, name
    ours.refresh_from_db()
    assert ours.status == Application.Status.DRAFT
    mine = client.get(reverse("capacity_lms:application_mine")).content.decode()
    assert "Atlas Solidarity" not in mine
    assert client.get(url("application_edit", ours)).status_code == 404
    client.force_login(UserFactory(is_staff=True))
    assert client.get(url("application_edit", ours)).status_code == 404


def test_the_call_page_offers_a_member_to_start_then_shows_where_it_stands(client, call):
    association = AssociationFactory(name="Oasis Bruxelles")
    person = MembershipFactory(association=association).user
    client.force_login(person)

    page = client.get(call.url).content.decode()
    start = reverse("capacity_lms:application_start", kwargs={"call_pk": call.pk})
    assert f'action="{start}"' in page
    client.post(start, {"association": association.pk})

    page = client.get(call.url).content.decode()
    application = Application.objects.get(association=association)
    assert url("application_edit", application) in page
    assert f'action="{start}"' not in page
    client.logout()
    assert "Oasis Bruxelles" not in client.get(call.url).content.decode()


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_pages_render_in_french_and_arabic(client, ours, member, language):
    client.force_login(member)
    ours.versions.create(number=1, snapshot=snapshot(ours))
    for name, kwargs in (
        ("application_edit", {}),
        ("application_logframe", {}),
        ("application_budget_upload", {}),
        ("application_version", {"number": 1}),
    ):
        path = url(name, ours, **kwargs).replace("/en/", f"/{language}/", 1)
        response = client.get(path)
        assert response.status_code == 200, path
        assert f'lang="{language}"' in response.content.decode()


def xlsx_upload(content):
    upload = io.BytesIO(content)
    upload.name = "budget.xlsx"
    return upload


def test_a_line_in_another_currency_is_converted_at_the_call_s_rate_both_ways(client, calls):
    call = CallPageFactory(parent=calls, rates=[CallRate(currency="EUR", rate=Decimal("10.85"))])
    application = application_for(call, AssociationFactory())
    BudgetLine.objects.create(
        project_id=application.project_id,
        order=3,
        category="equipment",
        description="Laptops",
        quantity=Decimal(3),
        unit_cost=Decimal("333.33"),
        currency="EUR",
    )
    person = MembershipFactory(association=application.association).user
    client.force_login(person)
    before = project_budget(Project.objects.get(pk=application.project_id), call)
    # 3 x 333.33 EUR = 999.99 EUR, x 10.85 = 10849.8915, rounded once: 10849.89 MAD.
    assert before.lines[2].converted == Decimal("10849.89")
    assert "10849.89" in client.get(url("application_edit", application)).content.decode()

    content = client.get(url("application_budget_download", application)).content
    BudgetLine.objects.filter(project_id=application.project_id).delete()
    response = client.post(
        url("application_budget_upload", application), {"file": xlsx_upload(content)}
    )

    assert response.status_code == 302
    assert project_budget(Project.objects.get(pk=application.project_id), call) == before


def test_an_uploaded_budget_with_a_line_that_cannot_be_stored_changes_nothing(
    client, ours, member
):
    content = write_budget(
        [
            Line("travel", "Bus", "trip", Decimal(2), Decimal(100), "MAD"),
            Line("travel", "Nothing", "trip", Decimal(0), Decimal(100), "MAD"),
        ],
        Funding(Decimal(100), Decimal(100)),
        currency="MAD",
        rates={},
    )
    client.force_login(member)

    response = client.post(url("application_budget_upload", ours), {"file": xlsx_upload(content)})

    assert response.status_code == 400
    page = response.content.decode()
    assert "Line 2: the quantity must be more than zero" in page
    assert "nothing was changed" in page
    project = Project.objects.get(pk=ours.project_id)
    assert project.budget_lines.count() == 2
    assert str(project.requested_amount) == "70000.00"


def queries_for(client, path):
    client.get(path)  # the first request fills per-process caches (the site, the session)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_the_edit_page_runs_the_same_queries_at_2_and_40_budget_lines(client, ours, member):
    client.force_login(member)
    few = queries_for(client, url("application_edit", ours))
    BudgetLine.objects.bulk_create(
        BudgetLine(
            project_id=ours.project_id,
            order=10 + number,
            category="other",
            description=f"Item {number}",
            quantity=Decimal(1),
            unit_cost=Decimal(10),
            currency="MAD",
        )
        for number in range(38)
    )

    assert queries_for(client, url("application_edit", ours)) == few


def test_my_applications_runs_the_same_queries_at_1_and_10_associations(client, call):
    person = UserFactory()
    client.force_login(person)

    def apply_once():
        association = AssociationFactory()
        MembershipFactory(user=person, association=association)
        application_for(call, association)

    apply_once()
    few = queries_for(client, reverse("capacity_lms:application_mine"))
    for _number in range(9):
        apply_once()

    assert queries_for(client, reverse("capacity_lms:application_mine")) == few


def form_as_sent(html):
    """What a browser sends for the page's first form left as it is."""
    form = BeautifulSoup(html, "html.parser").select_one("main form.cl-form")
    data = {}
    for control in form.select("input, textarea, select"):
        name = control.get("name")
        if not name or control.get("type") in ("submit", "button"):
            continue
        if control.get("type") == "checkbox":
            if control.has_attr("checked"):
                data[name] = "on"
        elif control.name == "textarea":
            data[name] = control.text.lstrip("\n")
        elif control.name == "select":
            chosen = control.select_one("option[selected]") or control.select_one("option")
            data[name] = chosen.get("value", "")
        else:
            data[name] = control.get("value", "")
    return data


@pytest.mark.parametrize("route", ["application_edit", "application_logframe"])
def test_sending_a_page_back_unchanged_changes_nothing(client, ours, member, route):
    client.force_login(member)
    before = snapshot(ours)

    response = client.post(url(route, ours), form_as_sent(client.get(url(route, ours)).content))

    assert response.status_code == 302
    assert snapshot(ours) == before


def test_my_applications_offers_each_open_call_once_to_start(client, call):
    association = AssociationFactory(name="Oasis Bruxelles")
    client.force_login(MembershipFactory(association=association).user)
    start = reverse("capacity_lms:application_start", kwargs={"call_pk": call.pk})

    page = client.get(reverse("capacity_lms:application_mine")).content.decode()

    assert page.count(f'action="{start}"') == 1
    assert "None of your associations has applied to a call yet." in page
