"""The association's pages of the follow-up: its funded projects, and a report filed by its
admin; a report of another association answers 404, whoever asks."""

import datetime

import pytest
from django.urls import reverse

from capacity_lms.calls.followup import RecordAgreementAction
from capacity_lms.calls.followup_models import ProjectReport
from capacity_lms.people.models import Membership
from sandbox.testing.factories import MembershipFactory, UserFactory
from sandbox.testing.followup_factories import funded_application

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

DAY = datetime.date(2026, 3, 1)


@pytest.fixture
def application(call, staff):
    application = funded_application(call)
    RecordAgreementAction(
        application,
        user=staff,
        amount="90000",
        signed_on=DAY,
        tranches=[("60000", DAY), ("30000", DAY.replace(month=9))],
        reports=[("interim", DAY.replace(month=5)), ("final", DAY.replace(month=11))],
    ).execute()
    return application


@pytest.fixture
def admin(application):
    return Membership.objects.leaders().get(association=application.association).user


def report_url(application, number):
    report = ProjectReport.objects.get(application=application, number=number)
    return reverse("capacity_lms:calls_report", args=[report.pk])


def filled(application, **changes):
    project = application.project
    data = {"activities_done": "Classes every Tuesday.", "success_factors": "", "difficulties": ""}
    for indicator in project.indicators.all():
        data[f"value_{indicator.pk}"] = "20"
        data[f"comment_{indicator.pk}"] = ""
    for line in project.budget_lines.all():
        data[f"spent_{line.pk}"] = "1500.50"
    data.update(changes)
    return data


def test_my_funded_projects_lists_the_associations_own_with_tranches_and_reports(
    client, application, admin, call
):
    other = funded_application(call)
    other.project.title = "Another association's project"
    other.project.save()
    client.force_login(admin)
    response = client.get(reverse("capacity_lms:calls_my_projects"))
    assert response.status_code == 200
    html = response.content.decode()
    assert application.project.title in html
    assert "Another association" not in html
    assert report_url(application, 1) in html and report_url(application, 2) in html
    assert "60000.00 MAD" in html


def test_the_admin_files_a_report_and_members_read_it(client, application, admin):
    url = report_url(application, 1)
    client.force_login(admin)
    response = client.get(url)
    assert response.status_code == 200 and b'name="activities_done"' in response.content
    response = client.post(url, filled(application))
    assert response.status_code == 302
    report = ProjectReport.objects.get(application=application, number=1)
    assert report.status == "submitted"
    assert report.spending.count() == 3 and report.indicator_values.count() == 2
    member = MembershipFactory(association=application.association).user
    client.force_login(member)
    response = client.get(url)
    assert response.status_code == 200 and b'name="activities_done"' not in response.content
    assert b"Classes every Tuesday." in response.content
    assert client.post(url, filled(application)).status_code == 404


def test_bad_figures_come_back_with_messages_and_write_nothing(client, application, admin):
    url = report_url(application, 1)
    client.force_login(admin)
    indicator = application.project.indicators.first()
    for bad in ("-3", "lots", "1e30"):
        response = client.post(url, filled(application, **{f"value_{indicator.pk}": bad}))
        assert response.status_code == 200
        assert response.context["form"].errors
    response = client.post(url, filled(application, activities_done=""))
    assert response.status_code == 200 and "activities_done" in response.context["form"].errors
    report = ProjectReport.objects.get(application=application, number=1)
    assert report.status == "due" and not report.indicator_values.exists()


def test_fields_of_another_project_in_the_post_are_ignored(client, application, admin, call):
    other = funded_application(call)
    foreign = other.project.indicators.first()
    url = report_url(application, 1)
    client.force_login(admin)
    data = filled(application, **{f"value_{foreign.pk}": "999"})
    assert client.post(url, data).status_code == 302
    report = ProjectReport.objects.get(application=application, number=1)
    assert not report.indicator_values.filter(indicator=foreign).exists()


def test_a_report_is_404_to_anyone_outside_the_association(client, application, call, staff):
    url = report_url(application, 1)
    other = funded_application(call)
    other_admin = Membership.objects.leaders().get(association=other.association).user
    for person in (UserFactory(), other_admin, staff):
        client.force_login(person)
        assert client.get(url).status_code == 404
        assert client.post(url, filled(application)).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # to sign in


def test_a_funded_project_is_not_listed_before_the_committee_closes_its_session(
    client, application, admin, call
):
    """A decision recorded while the committee still sits is not announced: the project is
    neither in *My funded projects* nor reachable by its reports' URLs until the call is
    decided."""
    from capacity_lms.calls.pages import CallPage
    from capacity_lms.calls.stages import CallStage

    CallPage.objects.filter(pk=call.pk).update(stage=CallStage.IN_REVIEW)
    client.force_login(admin)
    listing = client.get(reverse("capacity_lms:calls_my_projects"))
    assert application.project.title not in listing.content.decode()
    assert client.get(report_url(application, 1), follow=True).status_code == 404
    CallPage.objects.filter(pk=call.pk).update(stage=CallStage.DECIDED)
    listing = client.get(reverse("capacity_lms:calls_my_projects"))
    assert application.project.title in listing.content.decode()
    assert client.get(report_url(application, 1)).status_code == 200
