"""Programme staff's follow-up in the admin: the list of funded projects, recording the
agreement, releasing tranches, reviewing reports and drafting the case study; nobody else
reaches any of it."""

import datetime

import pytest
from django.urls import reverse

from capacity_lms.calls.followup import SubmitReportAction
from capacity_lms.calls.followup_models import Agreement, ProjectReport
from capacity_lms.library.models import CaseStudyPage
from capacity_lms.people.models import Membership
from sandbox.testing.factories import LibraryIndexPageFactory, UserFactory
from sandbox.testing.followup_factories import funded_application

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def application(call):
    return funded_application(call)


def agreement_form(**changes):
    data = {
        "amount": "90000",
        "signed_on": "2026-03-01",
        "tranche_1_amount": "60000",
        "tranche_1_date": "2026-03-01",
        "tranche_2_amount": "30000",
        "tranche_2_date": "2026-09-01",
        "report_1_kind": "interim",
        "report_1_date": "2026-06-01",
        "report_2_kind": "final",
        "report_2_date": "2026-12-01",
    }
    data.update(changes)
    return data


def file_report(report):
    admin = Membership.objects.leaders().get(association=report.application.association).user
    project = report.application.project
    return SubmitReportAction(
        report,
        user=admin,
        texts={"activities_done": "Weekly classes.", "success_factors": "The centre."},
        values={indicator.pk: ("30", "") for indicator in project.indicators.all()},
        spending={},
    ).execute()


def test_staff_record_the_agreement_then_release_tranches_in_order(client, staff, application):
    client.force_login(staff)
    index = client.get(reverse("capacity_calls_followup:index"))
    assert index.status_code == 200 and application.project.title in index.content.decode()
    url = reverse("capacity_calls_followup:project", args=[application.pk])
    response = client.post(url, agreement_form(tranche_2_amount="40000"))
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    response = client.post(url, agreement_form(report_2_date=""))
    assert response.status_code == 200 and "report_2_date" in response.context["form"].errors
    assert not Agreement.objects.exists()
    assert client.post(url, agreement_form()).status_code == 302
    agreement = Agreement.objects.get()
    first, second = agreement.tranches.order_by("number")
    release = reverse("capacity_calls_followup:release", args=[second.pk])
    client.post(release)
    second.refresh_from_db()
    assert second.released_at is None  # the first is not released yet
    client.post(reverse("capacity_calls_followup:release", args=[first.pk]))
    first.refresh_from_db()
    assert first.released_at is not None


def test_staff_return_then_approve_a_report_and_draft_the_case_study(
    client, staff, application, site_root
):
    LibraryIndexPageFactory(parent=site_root)
    client.force_login(staff)
    client.post(
        reverse("capacity_calls_followup:project", args=[application.pk]), agreement_form()
    )
    final = ProjectReport.objects.get(application=application, kind="final")
    file_report(final)
    url = reverse("capacity_calls_followup:report", args=[final.pk])
    assert b"Weekly classes." in client.get(url).content
    response = client.post(url, {"decision": "return", "reason": ""})
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    client.post(url, {"decision": "return", "reason": "Add the figures."})
    final.refresh_from_db()
    assert final.status == "returned"
    file_report(final)
    client.post(url, {"decision": "approve", "reason": ""})
    final.refresh_from_db()
    assert final.status == "approved"
    response = client.post(reverse("capacity_calls_followup:case_study", args=[final.pk]))
    page = CaseStudyPage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_nobody_but_staff_reaches_the_followup_admin(client, application, staff, trainer):
    client.force_login(staff)
    client.post(
        reverse("capacity_calls_followup:project", args=[application.pk]), agreement_form()
    )
    report = ProjectReport.objects.first()
    tranche = Agreement.objects.get().tranches.first()
    admin = Membership.objects.leaders().get(association=application.association).user
    urls = [
        ("get", reverse("capacity_calls_followup:index")),
        ("get", reverse("capacity_calls_followup:project", args=[application.pk])),
        ("get", reverse("capacity_calls_followup:report", args=[report.pk])),
        ("post", reverse("capacity_calls_followup:release", args=[tranche.pk])),
        ("post", reverse("capacity_calls_followup:case_study", args=[report.pk])),
    ]
    for person in (admin, trainer, UserFactory(is_staff=True)):
        client.force_login(person)
        for method, url in urls:
            assert getattr(client, method)(url).status_code in (302, 404), (person, url)
    tranche.refresh_from_db()
    assert tranche.released_at is None


def test_the_list_puts_late_reports_first(client, staff, call):
    on_time = funded_application(call)
    late = funded_application(call)
    client.force_login(staff)
    for application, due in ((on_time, "2099-06-01"), (late, "2020-06-01")):
        client.post(
            reverse("capacity_calls_followup:project", args=[application.pk]),
            agreement_form(
                signed_on="2020-01-01",
                tranche_1_date="2020-01-01",
                tranche_2_date="2020-07-01",
                report_1_date=due,
                report_2_date="2099-12-01",
            ),
        )
    response = client.get(reverse("capacity_calls_followup:index"))
    assert [a.pk for a in response.context["applications"]] == [late.pk, on_time.pk]
    assert response.context["applications"][0].late == 1
    assert datetime.date(2020, 6, 1) == response.context["applications"][0].next_due
