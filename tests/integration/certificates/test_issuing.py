"""Issuing by rule and by hand, revocation and reissue, bulk issuing, e-mail once."""

import datetime

import pytest
from django.core import mail

from capacity_lms.attendance.actions import MarkAttendanceAction
from capacity_lms.attendance.models import AttendanceRecord, AttendanceStatus
from capacity_lms.certificates.eligibility import eligible_people, rule_is_met
from capacity_lms.certificates.issuing import (
    IssueCertificateAction,
    ReissueCertificateAction,
    RevokeCertificateAction,
)
from capacity_lms.certificates.models import Certificate, CertificateEvent, CertificateRule
from capacity_lms.certificates.signing import verify
from capacity_lms.certificates.tasks import issue_certificates
from capacity_lms.core.actions import ActionRefused
from courses.models import Enrolment
from courses.signals import course_completed
from sandbox.testing.factories import RegistrationFactory, SessionFactory, UserFactory
from tests.integration.certificates.conftest import ARABIC_NAME, complete
from tests.integration.conftest import make_workshop

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test here starts with an empty cache: what an earlier test kept (a check-in's
    session, a workshop's certificate rules, under version numbers) describes rows its
    rolled-back database no longer has, and this test's rows may reuse their ids."""
    from django.core.cache import cache

    cache.clear()


def test_completing_the_course_issues_the_certificate_and_emails_it_once(
    rule, holder, committing, english
):
    complete(holder, rule.course)
    enrolment = Enrolment.objects.get(user=holder)
    with committing():
        course_completed.send(type(rule.course), enrolment=enrolment)
    certificate = Certificate.objects.get(user=holder)
    assert certificate.origin == Certificate.Origin.RULE
    assert certificate.state == "valid"
    assert certificate.holder_names == {
        "ar": ARABIC_NAME,
        "fr": "Fatima Zahra El Idrissi",
    }
    assert certificate.titles["fr"] == "Ingénierie de projet : les fondations"
    assert certificate.titles["ar"] == rule.course.title  # no Arabic translation: its own title
    assert certificate.hours == rule.course.estimated_hours
    assert verify(certificate.signed_payload).payload["code"] == certificate.code
    assert certificate.pdf
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["fz@example.org"]
    assert "Ingénierie de projet" in message.subject  # the holder reads French
    assert certificate.verification_url() in message.body
    assert message.attachments[0][0] == f"{certificate.reference}.pdf"
    assert message.attachments[0][1].startswith(b"%PDF")
    # The signal again (a second completion path): nothing new, no second e-mail.
    with committing():
        course_completed.send(type(rule.course), enrolment=enrolment)
    assert Certificate.objects.filter(user=holder).count() == 1
    assert len(mail.outbox) == 1


def test_the_rule_is_not_met_without_completion(rule, holder):
    assert not rule_is_met(rule, holder)
    with pytest.raises(ActionRefused) as refused:
        IssueCertificateAction(holder, subject=rule.course).execute()
    assert refused.value.code == "not_met"
    assert not Certificate.objects.exists()


def test_quizzes_rule_needs_every_quiz_passed(rule, holder):
    rule.requires_quizzes_passed = True
    rule.save()
    complete(holder, rule.course)
    assert not rule_is_met(rule, holder)  # the course's quiz was never passed


def test_validity_period_makes_it_expire(rule, holder, committing):
    rule.validity_months = 12
    rule.save()
    complete(holder, rule.course)
    with committing():
        certificate, _ = IssueCertificateAction(holder, subject=rule.course).execute()
    assert certificate.expires_on == certificate.issued_on.replace(
        year=certificate.issued_on.year + 1
    )
    assert certificate.state == "valid"
    Certificate.objects.filter(pk=certificate.pk).update(
        issued_on=datetime.date(2020, 1, 1), expires_on=datetime.date(2021, 1, 1)
    )
    certificate.refresh_from_db()
    assert certificate.state == "expired"


def test_staff_issue_by_hand_with_a_reason_others_may_not(rule, holder, staff, member, committing):
    with pytest.raises(ActionRefused) as refused:
        IssueCertificateAction(holder, user=staff, subject=rule.course, reason="  ").execute()
    assert refused.value.code == "reason"
    with pytest.raises(ActionRefused) as refused:
        IssueCertificateAction(
            holder, user=member, subject=rule.course, reason="I say so"
        ).execute()
    assert refused.value.code == "forbidden"
    assert not Certificate.objects.exists()
    with committing():
        certificate, created = IssueCertificateAction(
            holder,
            user=staff,
            subject=rule.course,
            reason="Followed the pilot in person",
            layout="fr,en",
        ).execute()
    assert created and certificate.origin == Certificate.Origin.MANUAL
    assert certificate.layout == "fr,en" and set(certificate.titles) == {"fr", "en"}
    event = certificate.events.get(kind=CertificateEvent.Kind.ISSUED)
    assert (event.actor, event.reason) == (staff, "Followed the pilot in person")


def test_revocation_keeps_who_why_and_when(certificate, staff):
    with pytest.raises(ActionRefused):
        RevokeCertificateAction(certificate, user=staff, reason="").execute()
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID
    assert RevokeCertificateAction(
        certificate, user=staff, reason="Attendance sheet was forged"
    ).execute()
    assert not RevokeCertificateAction(
        certificate, user=staff, reason="Twice"
    ).execute()  # harmless
    assert certificate.state == "revoked"
    event = certificate.events.get(kind=CertificateEvent.Kind.REVOKED)
    assert (event.actor, event.reason) == (staff, "Attendance sheet was forged")
    assert event.at is not None
    assert not Certificate.objects.live().exists()
    # The rule never brings a revoked certificate back, by itself or in bulk; staff may.
    with pytest.raises(ActionRefused) as refused:
        IssueCertificateAction(certificate.user, subject=certificate.course).execute()
    assert refused.value.code == "revoked"
    assert issue_certificates.call(CertificateRule.objects.get().pk) == 0
    again, created = IssueCertificateAction(
        certificate.user, user=staff, subject=certificate.course, reason="Appeal upheld"
    ).execute()
    assert created and again.state == "valid"


def test_reissue_replaces_with_a_new_code_and_keeps_the_dates(certificate, staff, committing):
    profile = certificate.user.capacity_profile
    profile.name_in_arabic = "فاطمة الزهراء الادريسي"
    profile.save()
    with committing():
        new = ReissueCertificateAction(
            certificate, user=staff, reason="Name spelled wrong"
        ).execute()
    certificate.refresh_from_db()
    new.refresh_from_db()
    assert certificate.state == "replaced" and new.state == "valid"
    assert new.replaces == certificate and new.code != certificate.code
    assert new.holder_names["ar"] == "فاطمة الزهراء الادريسي"
    assert (new.issued_on, new.expires_on) == (certificate.issued_on, certificate.expires_on)
    assert (
        certificate.events.get(kind=CertificateEvent.Kind.REISSUED).reason == "Name spelled wrong"
    )
    assert new.pdf and new.pdf.name != certificate.pdf.name
    with pytest.raises(ActionRefused):
        ReissueCertificateAction(certificate, user=staff, reason="again").execute()


def test_bulk_issue_twice_creates_nothing_and_sends_nothing_the_second_time(
    rule, holder, committing
):
    others = [UserFactory(email=f"person{number}@example.org") for number in range(3)]
    for person in [holder, *others]:
        complete(person, rule.course)
    UserFactory()  # enrolled nowhere: no certificate
    with committing():
        assert issue_certificates.call(rule.pk) == 4
    assert Certificate.objects.count() == 4
    assert len(mail.outbox) == 4
    with committing():
        assert issue_certificates.call(rule.pk) == 0
    assert Certificate.objects.count() == 4
    assert len(mail.outbox) == 4


def test_attendance_meeting_the_minimum_issues_the_workshop_certificate(
    countries, trainer, holder, committing
):
    workshop = make_workshop(countries["fr"], trainers=[trainer], sessions=0, capacity=None)
    past = datetime.date.today() - datetime.timedelta(days=10)
    sessions = [
        SessionFactory(workshop=workshop, date=past + datetime.timedelta(days=day))
        for day in range(4)
    ]
    RegistrationFactory(workshop=workshop, user=holder, status="confirmed")
    CertificateRule.objects.create(workshop=workshop, minimum_attendance=75, layout="fr,en")
    present = AttendanceStatus.objects.get(code="present")
    for number, session in enumerate(sessions[:3]):
        with committing():
            MarkAttendanceAction(
                session,
                user=trainer,
                occurrence_date=session.date,
                status=present,
                method=AttendanceRecord.Method.ROSTER,
                person=holder,
            ).execute()
        # 1 of 4, 2 of 4: below 75 %; the third mark reaches it.
        assert Certificate.objects.filter(user=holder).count() == (1 if number == 2 else 0)
    certificate = Certificate.objects.get(user=holder)
    assert certificate.workshop == workshop
    assert certificate.hours == 8  # four two-hour meetings
    assert certificate.titles == {"fr": workshop.title, "en": workshop.title}
    # Bulk issuing finds the same people and, the certificate held, creates nothing.
    rule = CertificateRule.objects.get(workshop=workshop)
    assert eligible_people(rule) == [holder]
    assert issue_certificates.call(rule.pk) == 0


def test_a_rule_made_after_the_first_marks_applies_to_the_next_one(
    countries, trainer, holder, committing
):
    """The rules a mark may satisfy are kept in the cache per workshop (a whole room checks in
    at once): a rule made or switched on since is used at the next mark, never missed."""
    from capacity_lms.certificates.receivers import workshop_rule_ids

    workshop = make_workshop(countries["fr"], trainers=[trainer], sessions=0, capacity=None)
    past = datetime.date.today() - datetime.timedelta(days=3)
    sessions = [
        SessionFactory(workshop=workshop, date=past + datetime.timedelta(days=d)) for d in (0, 1)
    ]
    RegistrationFactory(workshop=workshop, user=holder, status="confirmed")
    present = AttendanceStatus.objects.get(code="present")

    def mark(session):
        with committing():
            MarkAttendanceAction(
                session,
                user=trainer,
                occurrence_date=session.date,
                status=present,
                method=AttendanceRecord.Method.ROSTER,
                person=holder,
            ).execute()

    mark(sessions[0])
    assert workshop_rule_ids(workshop) == [] and not Certificate.objects.exists()
    with committing():
        rule = CertificateRule.objects.create(
            workshop=workshop, minimum_attendance=100, layout="fr", is_active=False
        )
    assert workshop_rule_ids(workshop) == []
    with committing():
        rule.is_active = True
        rule.save()
    mark(sessions[1])
    assert Certificate.objects.filter(user=holder, workshop=workshop).count() == 1
