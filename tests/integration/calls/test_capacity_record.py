"""The association's capacity record attached to its applications (issue #22, point 2): the
courses its members completed (once per course whatever the language, counts not names), the
count of members trained in the call's module (the very count the eligibility rule reads),
its members' valid certificates each as a link to the public verification page, its earlier
funded projects; shown to the association, its reviewers and staff; a fixed number of queries
whatever the number of members."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from capacity_lms.calls.capacity_record import capacity_record, trained_member_count
from capacity_lms.calls.eligibility import automatic_points
from capacity_lms.calls.followup_models import Agreement
from capacity_lms.calls.review_models import ReviewAssignment
from capacity_lms.certificates.models import Certificate
from capacity_lms.people.models import Membership
from courses.models import Enrolment
from sandbox.testing.call_factories import CallPageFactory
from sandbox.testing.committee_factories import ApplicationFactory
from sandbox.testing.factories import UserFactory
from sandbox.testing.followup_factories import funded_application
from tests.integration.calls.world import committee  # noqa: F401
from tests.integration.courses.conftest import catalogue, make_course  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def module(catalogue):  # noqa: F811
    english = make_course(catalogue, lessons=1, quiz=False, title="Project engineering")
    french = english.copy_for_translation(
        Locale.objects.get_or_create(language_code="fr")[0], copy_parents=True
    )
    french.title = "Ingénierie de projet"
    french.save_revision().publish()
    return {"en": english, "fr": french}


@pytest.fixture
def other_course(catalogue):  # noqa: F811
    return make_course(catalogue, lessons=1, quiz=False, title="Association accounts")


def certify(person, course, number):
    return Certificate.objects.create(
        user=person,
        course=course,
        subject_key=f"course:{course.translation_key}",
        code=f"CODE-{person.pk}-{number}",
        reference=f"R{person.pk}-{number}",
        layout="en",
        holder_names={"en": person.get_full_name() or person.username},
        titles={"en": course.title},
        issued_on=timezone.localdate(),
        origin="rule",
    )


def trained(application, module, other_course, members):
    """``members`` members of the application's association, each completing the module
    (alternately in English and French) and, every other one, another course too; each with
    a certificate. Plus an outsider who completed the module and holds a certificate."""
    for number in range(members):
        person = UserFactory()
        Membership.objects.create(user=person, association=application.association)
        language = "en" if number % 2 == 0 else "fr"
        Enrolment.objects.create(user=person, course=module[language], completed_at=timezone.now())
        if number % 2 == 0:
            Enrolment.objects.create(user=person, course=other_course, completed_at=timezone.now())
        certify(person, module[language], number)
    outsider = UserFactory()
    Enrolment.objects.create(user=outsider, course=module["en"], completed_at=timezone.now())
    certify(outsider, module["en"], 0)


@pytest.fixture
def modular_call(call, module):
    call.training_module = module["en"]
    call.minimum_trained_members = 2
    call.save()
    return call


def test_the_record_counts_courses_certificates_and_funded_projects(
    calls, modular_call, module, other_course
):
    application = ApplicationFactory(call=modular_call)
    trained(application, module, other_course, members=4)
    # One member's certificate was revoked: it is not in the record.
    revoked = Certificate.objects.filter(user__capacity_memberships__isnull=False).first()
    Certificate.objects.filter(pk=revoked.pk).update(status=Certificate.Status.REVOKED)
    previous = CallPageFactory(parent=calls, title="Last year", slug="last-year")
    earlier = funded_application(previous, association=application.association)
    Agreement.objects.create(application=earlier, amount="90000", signed_on=timezone.localdate())
    record = capacity_record(application)
    assert record.trained_members == 4
    assert [(course.title, course.people) for course in record.trained_courses] == [
        ("Project engineering", 4),
        ("Association accounts", 2),
    ]
    assert record.module_count == 4
    # The very count the eligibility rule reads.
    training = next(point for point in automatic_points(application) if point.key == "training")
    assert training.passed is True and "4 members completed" in training.detail
    assert trained_member_count(application.association_id, module["fr"]) == 4
    assert len(record.certificates) == 3
    for link in record.certificates:
        certificate = Certificate.objects.get(reference=link.reference)
        assert link.verify_path == certificate.verification_path()
        assert certificate.code in link.verify_path
    assert [(project.title, project.amount) for project in record.funded_projects] == [
        (earlier.project.title, Decimal("90000"))
    ]


def test_the_record_is_shown_to_the_association_and_the_reviewer(
    client,
    modular_call,
    module,
    other_course,
    committee,  # noqa: F811
):
    application = ApplicationFactory(call=modular_call, status="eligible")
    trained(application, module, other_course, members=2)
    admin = Membership.objects.filter(association=application.association).first().user
    Membership.objects.filter(user=admin).update(role=Membership.Role.LEADER)
    reviewer = committee["reviewers"][0]
    ReviewAssignment.objects.create(application=application, reviewer=reviewer, conflict=False)
    certificate = Certificate.objects.filter(user=admin).get()
    for person, name in (
        (admin, "capacity_lms:application_edit"),
        (reviewer, "capacity_lms:calls_review_application"),
    ):
        client.force_login(person)
        response = client.get(reverse(name, args=[application.pk]), follow=True)
        assert response.status_code == 200
        content = response.content.decode()
        assert certificate.verification_path() in content
        assert "data-trained-courses" in content


def query_count(application):
    with CaptureQueriesContext(connection) as queries:
        record = capacity_record(application)
    return len(queries), record


def test_the_record_takes_the_same_queries_at_3_and_15_members(
    calls, modular_call, module, other_course
):
    small = ApplicationFactory(call=modular_call)
    trained(small, module, other_course, members=3)
    large = ApplicationFactory(call=modular_call)
    trained(large, module, other_course, members=15)
    for application in (small, large):
        previous = CallPageFactory(parent=calls, slug=f"earlier-{application.pk}")
        earlier = funded_application(previous, association=application.association)
        Agreement.objects.create(
            application=earlier, amount="90000", signed_on=timezone.localdate()
        )
    # The call's page rows are read once and cached on the instance: count from a fresh one.
    small_queries, small_record = query_count(type(small).objects.get(pk=small.pk))
    large_queries, large_record = query_count(type(large).objects.get(pk=large.pk))
    assert (small_record.trained_members, large_record.trained_members) == (3, 15)
    assert (len(small_record.certificates), len(large_record.certificates)) == (3, 15)
    assert small_queries == large_queries
