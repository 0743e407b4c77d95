"""Follow-up of funded projects: the agreement and its tranches, the association's reports with
the values its indicators reached and what it spent, staff approval before the next tranche,
late reports reminded once, and an approved final report turned into a case-study draft."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from capacity_lms.calls.capitalisation import DraftCaseStudyAction
from capacity_lms.calls.followup import (
    RecordAgreementAction,
    ReleaseTrancheAction,
    ReviewReportAction,
    SubmitReportAction,
    late_reports,
    remind_late_reports,
)
from capacity_lms.calls.followup_models import Agreement, ProjectReport, Tranche
from capacity_lms.calls.models import CallEvent
from capacity_lms.core.actions import ActionRefused
from capacity_lms.library.models import CaseStudyPage
from capacity_lms.people.models import Membership
from sandbox.testing.factories import LibraryIndexPageFactory, MembershipFactory, UserFactory
from sandbox.testing.followup_factories import funded_application

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 1)


@pytest.fixture
def application(call):
    return funded_application(call)


@pytest.fixture
def admin(application):
    return Membership.objects.leaders().get(association=application.association).user


def agree(application, staff, **changes):
    values = {
        "amount": "90000",
        "signed_on": TODAY,
        "tranches": [
            ("45000", TODAY),
            ("30000", TODAY.replace(month=6)),
            ("15000", TODAY.replace(month=9)),
        ],
        "reports": [("interim", TODAY.replace(month=5)), ("final", TODAY.replace(month=8))],
        **changes,
    }
    return RecordAgreementAction(application, user=staff, **values).execute()


def report_of(application, number):
    return ProjectReport.objects.get(application=application, number=number)


def file_report(report, admin, *, values=None, spending=None):
    project = report.application.project
    if values is None:
        values = {indicator.pk: ("12", "") for indicator in project.indicators.all()}
    if spending is None:
        spending = {line.pk: "1000" for line in project.budget_lines.all()}
    return SubmitReportAction(
        report,
        user=admin,
        texts={
            "activities_done": "Classes every Tuesday.\n\nA fair in June.",
            "success_factors": "The youth centre's rooms <b>and</b> its director.",
            "difficulties": "Power cuts.",
        },
        values=values,
        spending=spending,
    ).execute()


def events(application, verb):
    return CallEvent.objects.filter(application=application, verb=verb).count()


def test_recording_the_agreement_plans_tranches_and_reports_with_one_history_row(
    application, staff
):
    agreement = agree(application, staff)
    assert agreement.amount == Decimal("90000.00")
    assert [(t.number, t.amount) for t in agreement.tranches.all()] == [
        (1, Decimal("45000.00")),
        (2, Decimal("30000.00")),
        (3, Decimal("15000.00")),
    ]
    assert list(application.reports.values_list("number", "kind", "status")) == [
        (1, "interim", "due"),
        (2, "final", "due"),
    ]
    assert events(application, CallEvent.Verb.AGREEMENT_SIGNED) == 1


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"amount": "90000.01"}, "amount"),  # more than granted
        ({"amount": "-5"}, "figure"),
        ({"amount": "1e400"}, "figure"),
        ({"amount": "NaN"}, "figure"),
        ({"tranches": [("45000", TODAY), ("40000", TODAY)]}, "tranches"),  # not the total
        ({"tranches": []}, "tranches"),
        ({"reports": [("interim", TODAY)]}, "reports"),  # no final report
        ({"reports": [("final", TODAY), ("interim", TODAY)]}, "reports"),  # final not last
        (
            {"reports": [("final", TODAY.replace(month=8))]},
            "reports",
        ),  # three tranches, one report
        (
            {"reports": [("interim", TODAY.replace(month=9)), ("final", TODAY.replace(month=8))]},
            "reports",
        ),
    ],
)
def test_a_wrong_agreement_is_refused_and_writes_nothing(application, staff, changes, code):
    with pytest.raises(ActionRefused) as refused:
        agree(application, staff, **changes)
    assert refused.value.code == code
    assert not Agreement.objects.exists() and not Tranche.objects.exists()
    assert not ProjectReport.objects.exists() and not CallEvent.objects.exists()


def test_only_staff_record_an_agreement_and_only_for_a_funded_project_once(
    application, staff, admin
):
    with pytest.raises(ActionRefused) as refused:
        agree(application, admin)
    assert refused.value.code == "forbidden"
    agree(application, staff)
    with pytest.raises(ActionRefused) as refused:
        agree(application, staff)
    assert refused.value.code == "twice"
    application.status = application.Status.RESERVE
    with pytest.raises(ActionRefused) as refused:
        agree(application, staff)
    assert refused.value.code == "not_funded"


def test_a_tranche_waits_for_the_approval_of_the_report_before_it(application, staff, admin):
    agreement = agree(application, staff)
    first, second, third = agreement.tranches.all()
    with pytest.raises(ActionRefused) as refused:
        ReleaseTrancheAction(second, user=staff).execute()
    assert refused.value.code == "order"
    ReleaseTrancheAction(first, user=staff).execute()
    with pytest.raises(ActionRefused) as refused:
        ReleaseTrancheAction(first, user=staff).execute()
    assert refused.value.code == "twice"
    with pytest.raises(ActionRefused) as refused:
        ReleaseTrancheAction(second, user=staff).execute()
    assert refused.value.code == "report_not_approved"
    report = file_report(report_of(application, 1), admin)
    with pytest.raises(ActionRefused):  # submitted is not approved
        ReleaseTrancheAction(second, user=staff).execute()
    ReviewReportAction(report, user=staff, approve=True).execute()
    second = ReleaseTrancheAction(second, user=staff).execute()
    assert second.released_at is not None and second.released_by == staff
    assert events(application, CallEvent.Verb.TRANCHE_RELEASED) == 2
    with pytest.raises(ActionRefused) as refused:
        ReleaseTrancheAction(third, user=admin).execute()
    assert refused.value.code == "forbidden"


def test_a_report_carries_values_and_spending_and_only_the_association_admin_files_it(
    application, staff, admin
):
    agree(application, staff)
    report = report_of(application, 1)
    plain_member = MembershipFactory(association=application.association).user
    for person in (plain_member, UserFactory(), staff):
        with pytest.raises(ActionRefused) as refused:
            file_report(report, person)
        assert refused.value.code == "forbidden"
    report = file_report(report, admin)
    assert report.status == "submitted" and report.submitted_by == admin
    assert (
        sorted(report.indicator_values.values_list("value", flat=True)) == [Decimal("12.00")] * 2
    )
    assert report.spending.count() == 3
    assert events(application, CallEvent.Verb.REPORT_SUBMITTED) == 1
    with pytest.raises(ActionRefused) as refused:
        file_report(report, admin)
    assert refused.value.code == "submitted"


def test_a_report_naming_another_projects_indicator_or_a_bad_figure_writes_nothing(
    application, call, staff, admin
):
    other = funded_application(call)
    agree(application, staff)
    report = report_of(application, 1)
    foreign = other.project.indicators.first().pk
    for values, code in (({foreign: ("3", "")}, "foreign"), ({}, None)):
        spending = {other.project.budget_lines.first().pk: "5"} if code is None else None
        with pytest.raises(ActionRefused) as refused:
            file_report(report, admin, values=values, spending=spending)
        assert refused.value.code == "foreign"
    indicator = application.project.indicators.first().pk
    for bad in ("-1", "abc", "1e20", "Infinity"):
        with pytest.raises(ActionRefused) as refused:
            file_report(report, admin, values={indicator: (bad, "")}, spending={})
        assert refused.value.code == "figure"
    report.refresh_from_db()
    assert report.status == "due" and not report.indicator_values.exists()
    assert not report.spending.exists()


def test_a_final_report_gives_every_indicator(application, staff, admin):
    agree(application, staff)
    final = report_of(application, 2)
    one = application.project.indicators.first().pk
    with pytest.raises(ActionRefused) as refused:
        file_report(final, admin, values={one: ("40", "")})
    assert refused.value.code == "values"


def test_a_returned_report_is_told_with_its_reason_and_can_be_filed_again(
    application, staff, admin, committing
):
    agree(application, staff)
    report = file_report(report_of(application, 1), admin)
    with pytest.raises(ActionRefused) as refused:
        ReviewReportAction(report, user=staff, approve=False).execute()
    assert refused.value.code == "reason"
    with committing():
        ReviewReportAction(
            report, user=staff, approve=False, reason="Add the attendance sheets."
        ).execute()
    report.refresh_from_db()
    assert report.status == "returned"
    assert [message.to for message in mail.outbox] == [[admin.email]]
    assert "Add the attendance sheets." in mail.outbox[0].body
    event = CallEvent.objects.get(verb=CallEvent.Verb.REPORT_RETURNED)
    assert (event.actor, event.reason) == (staff, "Add the attendance sheets.")
    report = file_report(report, admin, spending={})
    assert report.status == "submitted" and not report.spending.exists()


def test_a_late_report_is_reminded_once(application, staff, admin, committing):
    agree(application, staff)
    later = TODAY.replace(month=5, day=20)  # the interim report was due on 1 May
    assert list(late_reports(later)) == [report_of(application, 1)]
    with committing():
        assert remind_late_reports(later) == 1
    with committing():
        assert remind_late_reports(later) == 0
        assert remind_late_reports(later + datetime.timedelta(days=30)) == 0
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [admin.email]
    assert "late" in mail.outbox[0].subject
    file_report(report_of(application, 1), admin)
    assert list(late_reports(later)) == []


def test_an_approved_final_report_becomes_a_case_study_draft_once(
    application, staff, admin, site_root
):
    library = LibraryIndexPageFactory(parent=site_root)
    agree(application, staff)
    final = file_report(report_of(application, 2), admin)
    with pytest.raises(ActionRefused) as refused:
        DraftCaseStudyAction(final, user=staff).execute()
    assert refused.value.code == "not_final"  # submitted, not approved yet
    final = ReviewReportAction(final, user=staff, approve=True).execute()
    with pytest.raises(ActionRefused) as refused:
        DraftCaseStudyAction(final, user=admin).execute()
    assert refused.value.code == "forbidden"

    page = DraftCaseStudyAction(final, user=staff).execute()

    page = CaseStudyPage.objects.get(pk=page.pk)
    assert page.get_parent().specific == library
    assert not page.live and page.has_unpublished_changes and page.owner == staff
    assert page.title == application.project.title
    assert page.association == application.association
    assert page.host_country == application.association.host_country
    assert page.budget == Decimal("110000.00") and page.budget_currency == "MAD"
    assert page.partners_morocco == "Youth centre of Figuig"
    # What the association typed is text, never markup.
    assert "&lt;b&gt;and&lt;/b&gt;" in page.success_factors and "<b>" not in page.success_factors
    assert "Weekly evening classes" in page.what_was_done
    assert [(row.indicator, row.baseline, row.result) for row in page.indicators.all()] == [
        ("Young people trained", "0 people", "12 people"),
        ("Found work or training", "0 people", "12 people"),
    ]
    final.refresh_from_db()
    assert final.case_study_id == page.pk
    assert events(application, CallEvent.Verb.CASE_STUDY_DRAFTED) == 1
    with pytest.raises(ActionRefused) as refused:
        DraftCaseStudyAction(final, user=staff).execute()
    assert refused.value.code == "twice"
    assert CaseStudyPage.objects.count() == 1


def test_every_step_is_on_the_call_record_in_order(application, staff, admin, site_root):
    LibraryIndexPageFactory(parent=site_root)
    agreement = agree(application, staff)
    ReleaseTrancheAction(agreement.tranches.get(number=1), user=staff).execute()
    for number in (1, 2):
        report = file_report(report_of(application, number), admin)
        ReviewReportAction(report, user=staff, approve=True).execute()
    DraftCaseStudyAction(report_of(application, 2), user=staff).execute()
    assert list(
        CallEvent.objects.filter(application=application).values_list("verb", flat=True)
    ) == [
        "agreement_signed",
        "tranche_released",
        "report_submitted",
        "report_approved",
        "report_submitted",
        "report_approved",
        "case_study_drafted",
    ]
    assert timezone.now() >= CallEvent.objects.last().at
