"""Eligibility: the automatic checks of the call's rules, staff's checklist deciding it, and
the requests for a missing document (issue #22, point 3)."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from capacity_lms.calls.eligibility import (
    DecideEligibility,
    RequestDocument,
    automatic_points,
    casablanca_today,
)
from capacity_lms.calls.eligibility_models import DocumentRequest, EligibilityCheck
from capacity_lms.calls.models import Application, CallEvent
from capacity_lms.calls.notices import association_language
from capacity_lms.calls.pages import RequiredDocument
from capacity_lms.core.actions import ActionRefused
from capacity_lms.people.models import Association, Membership
from capacity_lms.taxonomy.models import Country, SpecializedGroup, StrategicAxis
from courses.models import Enrolment
from sandbox.testing.committee_factories import ApplicationFactory
from sandbox.testing.factories import CountryFactory, LearnerProfileFactory, UserFactory
from sandbox.testing.network_factories import association_admin
from tests.integration.calls.world import application, make_staff, staff  # noqa: F401
from tests.integration.courses.conftest import catalogue, make_course  # noqa: F401

pytestmark = pytest.mark.django_db


def keys(points):
    return [point.key for point in points]


def all_pass(points, **failed):
    return {point.key: (point.key not in failed, failed.get(point.key, "")) for point in points}


@pytest.fixture
def module(catalogue):  # noqa: F811
    """The project-engineering module, in English and in French."""
    english = make_course(catalogue, lessons=1, quiz=False, title="Project engineering")
    french = english.copy_for_translation(
        Locale.objects.get_or_create(language_code="fr")[0], copy_parents=True
    )
    french.title = "Ingénierie de projet"
    french.save_revision().publish()
    return {"en": english, "fr": french}


@pytest.fixture
def strict_call(call, module):
    """The call with every rule set: five years, two trained members, France, one axis and
    one group."""
    france = CountryFactory(code="fr")
    call.minimum_years = 5
    call.training_module = module["en"]
    call.minimum_trained_members = 2
    call.host_countries.set([france])
    call.strategic_axes.set([StrategicAxis.objects.get(code="project-engineering")])
    call.specialized_groups.set([SpecializedGroup.objects.order_by("pk").first()])
    call.save()
    return call


def complete(person, course, association=None):
    if association is not None:
        Membership.objects.get_or_create(user=person, association=association)
    return Enrolment.objects.create(
        user=person, course=course, status=Enrolment.Status.COMPLETED, completed_at=timezone.now()
    )


def strict_application(call, module, trained=2):
    """An application meeting every rule of ``strict_call`` with ``trained`` members trained
    (alternately in English and in French)."""
    made = ApplicationFactory(
        call=call,
        association__host_country=Country.objects.get(code="fr"),
        association__founding_year=call.closes_on.year - 5,
        strategic_axis=call.strategic_axes.get(),
        specialized_group=call.specialized_groups.get(),
    )
    for number in range(trained):
        language = "en" if number % 2 == 0 else "fr"
        complete(UserFactory(), module[language], made.association)
    return made


def test_a_call_with_no_optional_rule_checks_verification_then_leaves_documents_to_staff(
    application,  # noqa: F811
):
    points = automatic_points(application)
    assert keys(points) == ["verified", "documents"]
    assert points[0].passed is True and points[1].passed is None


def test_every_rule_of_the_call_is_a_point_and_all_pass(strict_call, module):
    made = strict_application(strict_call, module)
    # Neither a non-member's completion nor a member's unfinished enrolment counts.
    complete(UserFactory(), module["en"])
    member = UserFactory()
    Membership.objects.create(user=member, association=made.association)
    Enrolment.objects.create(user=member, course=module["fr"])
    points = automatic_points(made)
    assert keys(points) == [
        "verified",
        "years",
        "training",
        "host_country",
        "axis",
        "group",
        "documents",
    ]
    assert [point.passed for point in points] == [True] * 6 + [None]
    assert "2 members completed" in points[2].detail


def test_a_member_trained_in_two_languages_counts_once(strict_call, module):
    made = strict_application(strict_call, module, trained=1)
    person = Membership.objects.get(association=made.association).user
    complete(person, module["fr"])
    training = automatic_points(made)[2]
    assert training.key == "training" and training.passed is False
    assert "1 members completed" in training.detail


def test_each_rule_fails_on_its_own(strict_call, module):
    made = strict_application(strict_call, module, trained=1)
    Association.objects.filter(pk=made.association.pk).update(
        verification_status=Association.VerificationStatus.PENDING,
        founding_year=strict_call.closes_on.year - 4,
        host_country=CountryFactory(code="nl"),
    )
    Application.objects.filter(pk=made.pk).update(
        strategic_axis=StrategicAxis.objects.exclude(code="project-engineering").first(),
        specialized_group=None,
    )
    made = Application.objects.get(pk=made.pk)
    points = {point.key: point for point in automatic_points(made)}
    assert [points[key].passed for key in ["verified", "years", "training"]] == [False] * 3
    assert [points[key].passed for key in ["host_country", "axis", "group"]] == [False] * 3
    assert "4 years" in points["years"].detail


def test_an_unknown_founding_year_fails_the_years_of_existence(strict_call, module):
    made = strict_application(strict_call, module)
    Association.objects.filter(pk=made.association.pk).update(founding_year=None)
    made = Application.objects.get(pk=made.pk)
    years = automatic_points(made)[1]
    assert years.key == "years" and years.passed is False


def count_queries(made):
    made = Application.objects.select_related("call", "association").get(pk=made.pk)
    with CaptureQueriesContext(connection) as queries:
        automatic_points(made)
    return len(queries)


def test_the_automatic_checks_take_the_same_queries_for_two_or_twenty_trained_members(
    strict_call, module
):
    few = strict_application(strict_call, module, trained=2)
    many = strict_application(strict_call, module, trained=20)
    assert count_queries(few) == count_queries(many)
    assert count_queries(few) <= 6


def test_staff_decide_an_eligible_application_and_its_admins_are_told(
    application,  # noqa: F811
    staff,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    points = automatic_points(application)
    with django_capture_on_commit_callbacks(execute=True):
        DecideEligibility(application, user=staff, checklist=all_pass(points)).execute()
    application.refresh_from_db()
    assert application.status == Application.Status.ELIGIBLE
    checks = EligibilityCheck.objects.filter(application=application).order_by("pk")
    assert [(c.key, c.automatic, c.passed) for c in checks] == [
        ("verified", True, True),
        ("documents", None, True),
    ]
    event = CallEvent.objects.get(application=application)
    assert event.verb == CallEvent.Verb.ELIGIBILITY and event.actor == staff
    assert event.details == {"outcome": "eligible"}
    assert [message.to for message in mail.outbox] == [["fatima@example.org"]]
    # Written in the association's language, whatever the staff member's.
    language = association_language(application.association)
    with translation.override(language):
        expected = _("Your application is eligible: %(project)s") % {
            "project": application.project.title
        }
    assert mail.outbox[0].subject == expected


def test_a_failed_point_makes_it_ineligible_and_the_reason_is_written_to_the_association(
    application,  # noqa: F811
    staff,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    checklist = all_pass(automatic_points(application), documents="The statutes are not signed.")
    with django_capture_on_commit_callbacks(execute=True):
        DecideEligibility(application, user=staff, checklist=checklist).execute()
    application.refresh_from_db()
    assert application.status == Application.Status.INELIGIBLE
    event = CallEvent.objects.get(application=application)
    assert event.reason == "The statutes are not signed."
    assert event.details == {"outcome": "ineligible", "failed": ["documents"]}
    assert "The statutes are not signed." in mail.outbox[0].body


def test_staff_may_overrule_an_automatic_failure(application, staff):  # noqa: F811
    Association.objects.filter(pk=application.association.pk).update(
        verification_status=Association.VerificationStatus.PENDING
    )
    application = Application.objects.get(pk=application.pk)
    points = automatic_points(application)
    assert points[0].passed is False
    DecideEligibility(application, user=staff, checklist=all_pass(points)).execute()
    check = EligibilityCheck.objects.get(application=application, key="verified")
    assert (check.automatic, check.passed) == (False, True)


def refused(action):
    before = (
        EligibilityCheck.objects.count(),
        CallEvent.objects.count(),
        list(Application.objects.values_list("status", flat=True)),
    )
    with pytest.raises(ActionRefused) as error:
        action.execute()
    assert before == (
        EligibilityCheck.objects.count(),
        CallEvent.objects.count(),
        list(Application.objects.values_list("status", flat=True)),
    )
    return error.value


def test_every_refusal_of_the_checklist_changes_nothing(application, staff):  # noqa: F811
    points = automatic_points(application)
    member = UserFactory(username="someone")
    assert (
        refused(DecideEligibility(application, user=member, checklist=all_pass(points))).code
        == "permission"
    )
    error = refused(DecideEligibility(application, user=staff, checklist={"verified": (1, "")}))
    assert error.code == "checklist" and "Give a verdict" in error.messages[0]
    checklist = {**all_pass(points), "budget": (True, "")}
    assert refused(DecideEligibility(application, user=staff, checklist=checklist)).code == (
        "checklist"
    )
    checklist = {**all_pass(points), "documents": ("False", "")}
    error = refused(DecideEligibility(application, user=staff, checklist=checklist))
    assert error.messages == [
        "Say whether “The required documents are complete and valid” passed."
    ]
    checklist = all_pass(points, documents="  ")
    error = refused(DecideEligibility(application, user=staff, checklist=checklist))
    assert "Give the reason" in error.messages[0]
    assert DocumentRequest.objects.count() == 0


@pytest.mark.parametrize(
    "status", ["draft", "withdrawn", "eligible", "ineligible", "funded", "refused"]
)
def test_only_a_submitted_application_is_checked(application, staff, status):  # noqa: F811
    Application.objects.filter(pk=application.pk).update(status=status)
    application = Application.objects.get(pk=application.pk)
    checklist = all_pass(automatic_points(application))
    assert refused(DecideEligibility(application, user=staff, checklist=checklist)).code == (
        "state"
    )


def test_deciding_twice_is_refused_the_second_time(application, staff):  # noqa: F811
    checklist = all_pass(automatic_points(application))
    DecideEligibility(application, user=staff, checklist=checklist).execute()
    assert refused(DecideEligibility(application, user=staff, checklist=checklist)).code == (
        "state"
    )
    assert EligibilityCheck.objects.filter(application=application).count() == 2


def test_staff_ask_for_a_missing_document_due_after_the_calls_delay(
    application,  # noqa: F811
    staff,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    statutes = RequiredDocument.objects.create(call=application.call, name="Statutes")
    with django_capture_on_commit_callbacks(execute=True):
        request = RequestDocument(
            application, user=staff, message="The signed statutes.", document=statutes
        ).execute()
    assert request.due_on == casablanca_today() + datetime.timedelta(days=10)
    assert request.requested_by == staff and request.document == statutes
    event = CallEvent.objects.get(application=application)
    assert event.verb == CallEvent.Verb.DOCUMENT_REQUESTED
    assert event.details == {"due_on": request.due_on.isoformat()}
    assert [message.to for message in mail.outbox] == [["fatima@example.org"]]
    assert "The signed statutes." in mail.outbox[0].body
    assert request.due_on.isoformat() in mail.outbox[0].body


def test_casablanca_today_is_the_date_on_the_wall_in_casablanca():
    # 23:30 UTC on 31 July 2026 is 00:30 on 1 August in Casablanca (UTC+1 outside Ramadan).
    late = datetime.datetime(2026, 7, 31, 23, 30, tzinfo=datetime.UTC)
    assert casablanca_today(late) == datetime.date(2026, 8, 1)


def test_every_refusal_of_a_document_request_changes_nothing(application, staff):  # noqa: F811
    other = make_staff("other-staff")
    member = UserFactory(username="member")
    assert refused(RequestDocument(application, user=member, message="Statutes")).code == (
        "permission"
    )
    assert refused(RequestDocument(application, user=other, message=" ")).code == "message"
    Application.objects.filter(pk=application.pk).update(status="eligible")
    application = Application.objects.get(pk=application.pk)
    assert refused(RequestDocument(application, user=staff, message="Statutes")).code == "state"
    assert DocumentRequest.objects.count() == 0


def test_the_association_is_written_to_in_the_first_language_it_lists_that_the_site_speaks():
    assert association_language(Association(languages=["nl", "fr-BE", "ar"])) == "fr"
    assert association_language(Association(languages=["nl"])) is None
    assert association_language(Association(languages=[])) is None


def test_the_outcome_is_written_in_the_associations_language_else_each_admins(
    application,  # noqa: F811
    staff,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    # The association lists French: its admins read French, whatever their own language.
    LearnerProfileFactory(
        user=Membership.objects.get(association=application.association).user,
        preferred_language="ar",
    )
    with django_capture_on_commit_callbacks(execute=True):
        DecideEligibility(
            application, user=staff, checklist=all_pass(automatic_points(application))
        ).execute()
    assert "Éligible" in mail.outbox[-1].body
    # An association listing no language the site speaks: each admin in their own.
    other = ApplicationFactory(call=application.call, association__languages=["nl"])
    for username, language in (("admin-ar", "ar"), ("admin-none", "")):
        person = association_admin(other.association, username=username)
        LearnerProfileFactory(user=person, preferred_language=language)
    with django_capture_on_commit_callbacks(execute=True):
        DecideEligibility(
            other, user=staff, checklist=all_pass(automatic_points(other), documents="Missing.")
        ).execute()
    bodies = {message.to[0]: message.body for message in mail.outbox[-2:]}
    assert "غير مؤهَّل" in bodies["admin-ar@example.org"]
    assert "Not eligible" in bodies["admin-none@example.org"]
