"""The certificates admin: staff list, filter, search and export certificates, revoke and
reissue them with a reason, issue one by hand, and issue a rule to everyone who qualifies;
trainers and learners reach none of it."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from capacity_lms.certificates.issuing import IssueCertificateAction
from capacity_lms.certificates.models import Certificate, CertificateEvent, CertificateRule
from sandbox.testing.factories import UserFactory
from tests.integration.certificates.conftest import ARABIC_NAME, complete
from tests.integration.conftest import make_workshop

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

CERTIFICATES = "capacity_certificates"
RULES = "capacity_certificate_rules"


def refused(response):
    """Wagtail's answer to a missing permission: 403, or a redirect to the admin's home (or,
    without admin access at all, to the login page)."""
    if response.status_code == 302:
        target = response.url.split("?")[0]
        return target == reverse("wagtailadmin_home") or "login" in target
    return response.status_code == 403


def listing(client, **params):
    response = client.get(reverse(f"{CERTIFICATES}:index"), params)
    assert response.status_code == 200
    return response.content.decode()


def state_of(certificate):
    """What the database holds: the status of each certificate and the events, to compare."""
    return (
        list(Certificate.objects.order_by("pk").values_list("pk", "status", "reference")),
        CertificateEvent.objects.count(),
    )


@pytest.fixture
def workshop_certificate(countries, staff):
    """A certificate issued by hand for a workshop to another person."""
    workshop = make_workshop(countries["ma"], title="Budget workshop")
    person = UserFactory(username="omar", first_name="Omar", last_name="Benali")
    issued, _created = IssueCertificateAction(
        person, user=staff, subject=workshop, reason="Attended on paper"
    ).execute()
    return issued


def test_staff_list_filter_and_search_certificates(
    client, staff, certificate, workshop_certificate
):
    client.force_login(staff)
    content = listing(client)
    assert certificate.reference in content and workshop_certificate.reference in content
    # The holder's name as printed in the certificate's leading language.
    assert ARABIC_NAME in content and "Omar Benali" in content

    content = listing(client, origin="manual")
    assert workshop_certificate.reference in content and certificate.reference not in content
    content = listing(client, course=certificate.course_id)
    assert certificate.reference in content and workshop_certificate.reference not in content
    content = listing(client, workshop=workshop_certificate.workshop_id)
    assert workshop_certificate.reference in content and certificate.reference not in content
    content = listing(client, status="revoked")
    assert certificate.reference not in content and workshop_certificate.reference not in content
    tomorrow = (certificate.issued_on + datetime.timedelta(days=1)).isoformat()
    content = listing(client, issued_on_from=tomorrow)
    assert certificate.reference not in content
    content = listing(client, issued_on_to=certificate.issued_on.isoformat())
    assert certificate.reference in content

    content = listing(client, q="fatima")
    assert certificate.reference in content and workshop_certificate.reference not in content
    content = listing(client, q=workshop_certificate.reference)
    assert workshop_certificate.reference in content and certificate.reference not in content

    response = client.get(reverse(f"{CERTIFICATES}:inspect", args=[certificate.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert ARABIC_NAME in content
    assert certificate.download_path() in content
    assert certificate.verification_path() in content
    assert reverse(f"{CERTIFICATES}:revoke", args=[certificate.pk]) in content


def test_staff_export_certificates_as_csv_with_formulas_neutralised(
    client, staff, certificate, workshop_certificate
):
    Certificate.objects.filter(pk=workshop_certificate.pk).update(reason="=1+1")
    client.force_login(staff)
    response = client.get(reverse(f"{CERTIFICATES}:index"), {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    assert certificate.reference in content and workshop_certificate.reference in content
    assert ARABIC_NAME in content and "Valid" in content
    assert "'=1+1" in content and ",=1+1" not in content


def test_staff_revoke_with_a_reason_and_a_missing_reason_changes_nothing(
    client, staff, certificate
):
    url = reverse(f"{CERTIFICATES}:revoke", args=[certificate.pk])
    client.force_login(staff)
    assert client.get(url).status_code == 200
    before = state_of(certificate)
    response = client.post(url, {"reason": "  "})
    assert response.status_code == 200
    assert state_of(certificate) == before

    response = client.post(url, {"reason": "Plagiarised the final project"})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    event = certificate.events.get(kind=CertificateEvent.Kind.REVOKED)
    assert event.actor == staff and event.reason == "Plagiarised the final project"
    content = client.get(response.url).content.decode()
    assert "Plagiarised the final project" in content and "staff-nadia" in content


def test_staff_reissue_a_certificate_in_other_languages(client, staff, certificate):
    url = reverse(f"{CERTIFICATES}:reissue", args=[certificate.pk])
    client.force_login(staff)
    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": "Name corrected", "layout": "fr,en"})
    assert response.status_code == 302
    certificate.refresh_from_db()
    new = Certificate.objects.get(replaces=certificate)
    assert certificate.status == Certificate.Status.REPLACED
    assert new.status == Certificate.Status.VALID and new.layout == "fr,en"
    assert new.origin == Certificate.Origin.REISSUE and new.issued_by == staff
    assert response.url == reverse(f"{CERTIFICATES}:inspect", args=[new.pk])
    # A replaced certificate cannot be reissued again: the refusal is shown, nothing changes.
    before = state_of(certificate)
    response = client.post(url, {"reason": "Again"})
    assert response.status_code == 200
    assert "Only a valid certificate can be reissued." in response.content.decode()
    assert state_of(certificate) == before


def test_staff_issue_a_certificate_by_hand_with_a_reason(client, staff, member, rule, holder):
    url = reverse(f"{CERTIFICATES}:issue")
    client.force_login(staff)
    assert client.get(url).status_code == 200
    form = {"person": member.username, "course": rule.course_id, "layout": "", "reason": ""}
    response = client.post(url, form)
    assert response.status_code == 200
    assert not Certificate.objects.exists() and not CertificateEvent.objects.exists()

    response = client.post(url, {**form, "reason": "Followed the course on paper"})
    assert response.status_code == 302
    issued = Certificate.objects.get()
    assert issued.user == member and issued.course_id == rule.course_id
    assert issued.origin == Certificate.Origin.MANUAL and issued.issued_by == staff
    event = issued.events.get(kind=CertificateEvent.Kind.ISSUED)
    assert event.actor == staff and event.reason == "Followed the course on paper"

    # The same person again: they already hold it, and the page says so with a link to it.
    response = client.post(url, {**form, "reason": "Twice"}, follow=True)
    assert Certificate.objects.count() == 1
    content = response.content.decode()
    assert "already holds a valid certificate" in content
    assert reverse(f"{CERTIFICATES}:inspect", args=[issued.pk]) in content


def test_issuing_by_hand_needs_one_subject_and_a_known_person(client, staff, member, rule):
    url = reverse(f"{CERTIFICATES}:issue")
    client.force_login(staff)
    for form in (
        {"person": member.username, "reason": "No subject"},
        {"person": "nobody-here", "course": rule.course_id, "reason": "No such person"},
    ):
        assert client.post(url, form).status_code == 200
    assert not Certificate.objects.exists()


def test_issuing_a_rule_to_everyone_twice_issues_each_certificate_once(
    client, staff, rule, holder, committing
):
    complete(holder, rule.course)
    complete(UserFactory(username="second-learner"), rule.course)
    url = reverse(f"{RULES}:issue_all", args=[rule.pk])
    client.force_login(staff)
    assert client.get(url).status_code == 200
    assert not Certificate.objects.exists()
    with committing():
        response = client.post(url)
    assert response.status_code == 302
    assert Certificate.objects.count() == 2
    with committing():
        client.post(url)
    assert Certificate.objects.count() == 2
    assert Certificate.objects.filter(origin=Certificate.Origin.RULE).count() == 2


def test_staff_add_a_rule_for_a_workshop_and_a_rule_names_one_subject(
    client, staff, rule, countries
):
    workshop = make_workshop(countries["fr"], title="Procurement workshop")
    client.force_login(staff)
    content = client.get(reverse(f"{RULES}:index")).content.decode()
    assert rule.course.title in content
    assert reverse(f"{RULES}:issue_all", args=[rule.pk]) in content
    assert client.get(reverse(f"{RULES}:add")).status_code == 200
    form = {"layout": "fr,en", "requires_completion": "on", "is_active": "on"}
    for refused_form in (form, {**form, "course": rule.course_id, "workshop": workshop.pk}):
        assert client.post(reverse(f"{RULES}:add"), refused_form).status_code == 200
    assert CertificateRule.objects.count() == 1
    response = client.post(
        reverse(f"{RULES}:add"), {**form, "workshop": workshop.pk, "minimum_attendance": "80"}
    )
    assert response.status_code == 302
    added = CertificateRule.objects.get(workshop=workshop)
    assert added.minimum_attendance == 80 and added.layout == "fr,en"


def test_the_certificate_list_runs_the_same_queries_for_ten_times_the_certificates(
    client, staff, countries
):
    workshop = make_workshop(countries["fr"], title="Big workshop")

    def issue(count):
        for _number in range(count):
            IssueCertificateAction(
                UserFactory(), user=staff, subject=workshop, reason="x"
            ).execute()

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(reverse(f"{CERTIFICATES}:index")).status_code == 200
        return len(context)

    client.force_login(staff)
    issue(2)
    small = queries()
    issue(18)
    assert queries() == small


@pytest.mark.parametrize("who", ["trainer", "member"])
def test_trainers_and_learners_reach_none_of_the_certificate_screens(
    client, request, who, certificate, rule, committing
):
    client.force_login(request.getfixturevalue(who))
    before = state_of(certificate)
    pages = [
        reverse(f"{CERTIFICATES}:index"),
        reverse(f"{CERTIFICATES}:inspect", args=[certificate.pk]),
        reverse(f"{CERTIFICATES}:revoke", args=[certificate.pk]),
        reverse(f"{CERTIFICATES}:reissue", args=[certificate.pk]),
        reverse(f"{CERTIFICATES}:issue"),
        reverse(f"{RULES}:index"),
        reverse(f"{RULES}:edit", args=[rule.pk]),
        reverse(f"{RULES}:issue_all", args=[rule.pk]),
    ]
    for url in pages:
        assert refused(client.get(url)), url
    form = {
        "reason": "Because",
        "layout": "fr,en",
        "person": "member-youssef",
        "course": rule.course_id,
    }
    with committing():
        for url in pages[2:]:
            assert refused(client.post(url, form)), url
    assert state_of(certificate) == before
    assert CertificateRule.objects.get().layout == rule.layout


def test_the_certificates_menu_is_shown_to_staff_only(client, staff, trainer):
    client.force_login(staff)
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(f"{CERTIFICATES}:index") in content
    assert reverse(f"{RULES}:index") in content
    client.force_login(trainer)
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(f"{CERTIFICATES}:index") not in content
