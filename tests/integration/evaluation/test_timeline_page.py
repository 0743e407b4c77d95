"""An association's timeline page (#25 point 4): its members' certificates, self-assessments,
follow-up answers and later facts, newest first by year, the later facts after training
marked; for its members and staff only; the same queries at N and 10N events."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from capacity_lms.certificates.issuing import IssueCertificateAction
from capacity_lms.certificates.models import Certificate, CertificateRule, Layout
from capacity_lms.evaluation.models import FollowUp, Questionnaire, SelfAssessment
from capacity_lms.network.models import Partnership
from capacity_lms.people.models import Membership
from capacity_lms.people.roles import PROGRAMME_STAFF
from courses.actions import EnrolAction
from sandbox.testing.factories import AssociationFactory, CoursePageFactory, UserFactory
from sandbox.testing.network_factories import PartnershipFactory, association_admin
from sandbox.testing.questionnaire_factories import make_questionnaire, scale, section
from tests.integration.conftest import in_group
from tests.integration.courses.conftest import (  # noqa: F401  (fixtures)
    catalogue,
    site_root,
    taxonomy,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

TRAINED = datetime.date(2025, 3, 14)


def aware(day):
    return datetime.datetime.combine(day, datetime.time(10, 0), tzinfo=datetime.UTC)


@pytest.fixture
def association(db):
    return AssociationFactory(name="Horizons Lyon")


@pytest.fixture
def admin(association):
    return association_admin(association, username="admin-hajar")


@pytest.fixture
def module(request):
    course = CoursePageFactory(parent=request.getfixturevalue("catalogue"), title="Project cycle")
    CertificateRule.objects.create(course=course, requires_completion=False, layout=Layout.ENGLISH)
    return course


def grow(association, module, size, start=0):
    """``size`` members each trained, followed up and in a partnership; ``size`` yearly
    self-assessments (all written straight to the database: this test reads them)."""
    follow_up = make_questionnaire(
        kind=Questionnaire.Kind.FOLLOW_UP, sections=[section("Since", [scale("Used")])]
    )
    assessment = make_questionnaire(sections=[section("Governance", [scale("Board meets")])])
    for number in range(start, start + size):
        member = UserFactory(username=f"member-{number}")
        Membership.objects.create(user=member, association=association)
        EnrolAction(module, user=member).execute()
        certificate, _created = IssueCertificateAction(member, subject=module).execute()
        Certificate.objects.filter(pk=certificate.pk).update(issued_on=TRAINED)
        FollowUp.objects.create(
            certificate=certificate,
            user=member,
            questionnaire=follow_up,
            due_on=TRAINED + datetime.timedelta(days=180),
            sent_at=aware(TRAINED + datetime.timedelta(days=180)),
            answered_at=aware(TRAINED + datetime.timedelta(days=185)),
            answers={},
        )
        SelfAssessment.objects.create(
            association=association,
            questionnaire=assessment,
            year=2000 + number,
            taken_at=aware(datetime.date(2000 + number, 2, 1)),
            language="en",
        )
        PartnershipFactory(
            initiator=association,
            partner=AssociationFactory(name=f"Partner {number}"),
            status=Partnership.Status.ACTIVE,
        )


def url(association):
    return reverse("capacity_lms:association_timeline", args=[association.pk])


def test_members_read_the_timeline_newest_first_by_year(client, association, admin, module):
    grow(association, module, 1)
    before = PartnershipFactory(
        initiator=association,
        partner=AssociationFactory(name="Atlas Oujda"),
        status=Partnership.Status.ACTIVE,
    )
    Partnership.objects.filter(pk=before.pk).update(created_at=aware(datetime.date(2024, 5, 2)))
    client.force_login(admin)
    page = BeautifulSoup(client.get(url(association)).content, "html.parser")
    years = [heading.get_text() for heading in page.select("h2[id^=year-]")]
    this_year = str(timezone.localdate().year)
    assert years == [this_year, "2025", "2024", "2000"]
    events = {
        item.get_text(" ", strip=True): "after training" in item.get_text()
        for item in page.select(".cl-timeline__event")
    }
    # The partnership declared after the members' training is marked; the earlier one not.
    assert any("Partner 0" in text and after for text, after in events.items())
    assert any("Atlas Oujda" in text and not after for text, after in events.items())
    assert any("Certificate" in text and "Project cycle" in text for text in events)
    assert any("Follow-up answered" in text for text in events)
    assert any("Self-assessment" in text and "2000" in text for text in events)


def test_members_and_staff_only(client, association, admin):
    member = UserFactory(username="member-omar")
    Membership.objects.create(user=member, association=association)
    for person, status in (
        (admin, 200),
        (member, 200),
        (in_group(UserFactory(username="staff-nadia"), PROGRAMME_STAFF), 200),
        (association_admin(AssociationFactory(), username="other-admin"), 404),
        (UserFactory(username="nobody"), 404),
    ):
        client.force_login(person)
        assert client.get(url(association)).status_code == status, person
    client.logout()
    assert client.get(url(association)).status_code == 302


def test_my_associations_links_the_timeline(client, association, admin):
    client.force_login(admin)
    page = client.get(reverse("capacity_lms:association_mine")).content.decode()
    assert url(association) in page


def test_the_same_queries_at_n_and_10n(client, association, admin, module):
    counts = []
    start = 0
    for size in (2, 18):
        grow(association, module, size, start=start)
        start += size
        client.force_login(admin)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url(association))
        assert response.status_code == 200
        assert response.content.decode().count("cl-timeline__event--trained") == start
        counts.append(len(queries))
    assert counts[0] == counts[1]
