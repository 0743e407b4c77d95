"""Two people with a row in every model that keeps something of a person: Fatima, whose
data is exported and erased, and Karim, whose data must never appear in hers nor change."""

import datetime
from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from capacity_lms.attendance.models import AttendanceChange, AttendanceRecord, AttendanceStatus
from capacity_lms.certificates.issuing import IssueCertificateAction
from capacity_lms.people.models import LearnerProfile
from capacity_lms.reports.models import CountryCoordinator
from capacity_lms.taxonomy.models import Country, SpecializedGroup
from capacity_lms.workshops.models import CalendarFeedToken, Registration, ReminderDelivery
from courses.models import LessonCompletion, QuizAttempt
from sandbox.testing.factories import (
    AssociationFactory,
    MembershipFactory,
    RegistrationFactory,
    UserFactory,
)
from tests.integration.certificates.conftest import (  # noqa: F401  (fixtures)
    ARABIC_NAME,
    catalogue,
    complete,
    course,
    french_course,
    make_course,
    rule,
    site_root,
    taxonomy,
)
from tests.integration.conftest import make_workshop

# Strings that identify Fatima: none may be left in our tables after her erasure.
FATIMA = {
    "username": "fatima",
    "first_name": "Fatima Zahra",
    "last_name": "El Idrissi",
    "email": "fz@example.org",
}
FATIMA_TRACES = ["fatima", "Fatima Zahra", "El Idrissi", "fz@example.org", ARABIC_NAME]


@dataclass
class World:
    fatima: object
    karim: object
    staff: object
    workshop: object
    course: object


def _person(country, groups, association, **names):
    person = UserFactory(**names)
    profile = LearnerProfile.objects.create(
        user=person,
        country_of_residence=country,
        preferred_language="fr",
        time_zone="Africa/Casablanca",
        name_in_arabic=ARABIC_NAME if names.get("username") == "fatima" else "",
    )
    profile.specialized_groups.set(groups)
    MembershipFactory(user=person, association=association)
    return person


def _learning_and_training(person, module, workshop, staff, remark):
    complete(person, module)
    lesson = module.get_children().specific().last()
    LessonCompletion.objects.create(user=person, lesson=lesson, course=module, method="explicit")
    QuizAttempt.objects.create(
        user=person,
        lesson=lesson,
        quiz_id="q1",
        submission_token=f"token-{person.pk}",
        number=1,
        answers={"q": [f"{remark} answer"]},
        score=100,
        passed=True,
    )
    RegistrationFactory(workshop=workshop, user=person, status=Registration.Status.CONFIRMED)
    session = workshop.sessions.first()
    record = AttendanceRecord.objects.create(
        session=session,
        occurrence_date=session.date,
        user=person,
        status=AttendanceStatus.present(),
        method=AttendanceRecord.Method.ROSTER,
        remarks=remark,
        marked_by=staff,
        marked_at=timezone.now(),
    )
    AttendanceChange.objects.create(
        record=record,
        status=record.status,
        method=record.method,
        remarks=remark,
        changed_by=staff,
        changed_at=timezone.now(),
    )
    ReminderDelivery.objects.create(
        session=session, occurrence_starts_at=session.starts_at, user=person
    )
    CalendarFeedToken.objects.create(user=person, token=f"feed-{person.pk}")


@pytest.fixture
def world(rule, staff, trainer):  # noqa: F811
    from capacity_lms.attendance.models import WalkIn

    france = Country.objects.get(code="fr")
    groups = list(SpecializedGroup.objects.order_by("pk")[:2])
    association = AssociationFactory(host_country=france)
    workshop = make_workshop(france, trainers=[trainer])
    # Meetings in the past count in the attendance rate and the reports.
    session = workshop.sessions.first()
    session.date = datetime.date.today() - datetime.timedelta(days=7)
    session.save()
    fatima = _person(france, groups, association, **FATIMA)
    karim = _person(
        Country.objects.get(code="ma"),
        groups[:1],
        association,
        username="karim",
        first_name="Karim",
        last_name="Bennani",
        email="karim@example.org",
    )
    module = rule.course
    for person, remark in ((fatima, "Fatima came late"), (karim, "Karim left early")):
        _learning_and_training(person, module, workshop, staff, remark)
    WalkIn.objects.create(
        workshop=workshop, name="Fatima Zahra El Idrissi", email="fz@example.org", user=fatima
    )
    CountryCoordinator.objects.create(user=fatima).countries.add(france)
    for person in (fatima, karim):
        # Not committed: no PDF is rendered (slow); a stand-in file takes its place.
        certificate, _created = IssueCertificateAction(person, subject=module).execute()
        certificate.pdf.save(f"{certificate.reference}.pdf", ContentFile(b"%PDF-1.7"))
    return World(fatima=fatima, karim=karim, staff=staff, workshop=workshop, course=module)
