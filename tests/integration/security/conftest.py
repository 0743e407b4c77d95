"""One small programme with every kind of object and every role, for the access matrix.

Each object a URL can name exists once and belongs to a known person: the learner's
enrolment, registration, attendance, certificate and submitted case study; the trainer's
workshop with its session, walk-in and occurrence change. The "other" learner and trainer
have their own, so a URL naming the first one's object tests the second one's reach.
"""

import datetime
from dataclasses import dataclass, field
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page, Site

from capacity_lms.attendance.actions import MarkAttendanceAction
from capacity_lms.attendance.checkin import make_token
from capacity_lms.attendance.models import AttendanceRecord, AttendanceStatus, WalkIn
from capacity_lms.certificates.issuing import IssueCertificateAction
from capacity_lms.certificates.models import CertificateRule, Layout
from capacity_lms.library.models import CaseStudyAttachment
from capacity_lms.people.models import Association, LearnerProfile, Membership
from capacity_lms.people.records import AssociationDocument, MembershipRequest, ProfileChange
from capacity_lms.people.roles import COUNTRY_COORDINATORS, PROGRAMME_STAFF, TRAINERS
from capacity_lms.reports.models import CountryCoordinator
from capacity_lms.taxonomy.loading import load_standard_taxonomy
from capacity_lms.taxonomy.models import Country, Province, Region, SpecializedGroup, StrategicAxis
from capacity_lms.workshops.models import CalendarFeedToken, OccurrenceChange
from courses.actions import CompleteLessonAction, EnrolAction, SubmitQuizAction
from courses.models import Enrolment, LessonCompletion, QuizAttempt
from sandbox.testing.directory_factories import DirectoryPageFactory
from sandbox.testing.factories import (
    AssociationFactory,
    CaseStudyPageFactory,
    CatalogueIndexPageFactory,
    LibraryIndexPageFactory,
    RegistrationFactory,
    UserFactory,
)
from tests.integration.attendance.conftest import session_around
from tests.integration.conftest import built_for_the_module, in_group, make_workshop
from tests.integration.courses.conftest import make_course, right_answers
from tests.integration.security import (
    evaluation_assessment_world,
    evaluation_follow_up_world,
    evaluation_reactions_world,
)
from tests.integration.security.calls_world import build_calls_world
from tests.integration.security.exchange_world import build_exchange_world
from tests.integration.security.partners_world import build_partners_world
from tests.integration.security.workbook_world import build_workbook_world

# The roles of the matrix, in the order its tables read.
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ROLES = (
    "anonymous",
    "learner",
    "other_learner",
    "trainer",
    "other_trainer",
    "editor",
    "lone_coordinator",
    "staff",
)
LIBRARY_EDITORS = "Library editors"


@dataclass
class World:
    people: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.objects[name]
        except KeyError:
            raise AttributeError(name) from None


def library_editor(library):
    """An editor limited to the library: page permissions on that subtree only."""
    group, _ = Group.objects.get_or_create(name=LIBRARY_EDITORS)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=library,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    return in_group(UserFactory(username="editor-salma"), LIBRARY_EDITORS)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once per test module inside a transaction that is rolled back at its end; each
    test runs in a savepoint within it (and each request of the matrix in another)."""
    with built_for_the_module(django_db_blocker, build_world) as built:
        yield built


def build_world():
    load_standard_taxonomy()
    site_root = Site.objects.get(is_default_site=True).root_page
    catalogue = CatalogueIndexPageFactory(parent=site_root)
    now = timezone.now()
    france = Country.objects.get(code="fr")
    people = {
        "learner": UserFactory(username="learner-hajar", email="hajar@example.org"),
        "other_learner": UserFactory(username="learner-omar", email="omar@example.org"),
        "trainer": in_group(UserFactory(username="trainer-amina"), TRAINERS),
        "other_trainer": in_group(UserFactory(username="trainer-karim"), TRAINERS),
        "staff": in_group(UserFactory(username="staff-nadia"), PROGRAMME_STAFF),
        # In the coordinators' group with no coordinator entry: scopes fail closed, so this
        # person is refused everything country-scoped (and sees no one's data).
        "lone_coordinator": in_group(UserFactory(username="coord-none"), COUNTRY_COORDINATORS),
    }
    objects = {}

    # People and their associations.
    association = AssociationFactory(name="Horizons Lyon", host_country=france)
    other_association = AssociationFactory(name="Atlas Montréal", host_country=france)
    objects["association"] = association
    objects["membership"] = Membership.objects.create(
        user=people["learner"], association=association, role=Membership.Role.LEADER
    )
    # The other learner is the admin of another association (who must not reach the first's).
    Membership.objects.create(
        user=people["other_learner"],
        association=other_association,
        role=Membership.Role.LEADER,
    )
    # Someone asks to join the learner's association; its statutes, a change awaiting review.
    objects["join_request"] = MembershipRequest.objects.create(
        user=UserFactory(username="asker-sara"), association=association
    )
    document = AssociationDocument(association=association, kind="statutes", original_name="s.pdf")
    document.file.save("s.pdf", ContentFile(PDF_BYTES), save=False)
    document.save()
    objects["association_document"] = document
    objects["profile_change"] = ProfileChange.objects.create(
        association=association, changes={"website": "https://x.example"}
    )
    objects["province"] = Province.objects.get(code="figuig")
    objects["profile"] = LearnerProfile.objects.create(
        user=people["learner"], country_of_residence=france
    )
    LearnerProfile.objects.create(user=people["other_learner"])
    objects["coordinator"] = CountryCoordinator.objects.create(user=people["other_learner"])
    objects["country"] = france
    objects["region"] = Region.objects.first()
    objects["group"] = SpecializedGroup.objects.first()
    objects["axis"] = StrategicAxis.objects.first()
    objects["status"] = AttendanceStatus.objects.get(is_default_present=True)

    # A course the learner follows, finished, with a certificate.
    course = make_course(catalogue, title="Project engineering foundations")
    lessons = list(course.lessons())
    objects.update(course=course, lesson=lessons[0], quiz_lesson=lessons[-1])
    EnrolAction(course, user=people["learner"]).execute()
    EnrolAction(course, user=people["other_learner"]).execute()
    CompleteLessonAction(lessons[0], user=people["learner"]).execute()
    quiz_id, answers = right_answers(lessons[-1])
    SubmitQuizAction(
        lessons[-1],
        user=people["learner"],
        quiz_id=quiz_id,
        answers=answers,
        submission_token="token-1",
    ).execute()
    objects["enrolment"] = Enrolment.objects.get(user=people["learner"], course=course)
    objects["completion"] = LessonCompletion.objects.filter(user=people["learner"]).first()
    objects["attempt"] = QuizAttempt.objects.get(user=people["learner"])
    objects["rule"] = CertificateRule.objects.create(
        course=course, requires_completion=False, layout=Layout.ENGLISH
    )
    objects["certificate"], _ = IssueCertificateAction(people["learner"], subject=course).execute()
    objects["other_certificate"], _ = IssueCertificateAction(
        people["other_learner"], subject=course
    ).execute()

    # The trainer's workshop, meeting now, with the learner registered and checked in.
    workshop = make_workshop(france, trainers=[people["trainer"]], sessions=0, capacity=None)
    other_workshop = make_workshop(france, trainers=[people["other_trainer"]], sessions=1)
    session = session_around(workshop, now)
    objects.update(workshop=workshop, other_workshop=other_workshop, session=session)
    objects["day"] = session.date
    objects["registration"] = RegistrationFactory(
        workshop=workshop, user=people["learner"], status="confirmed"
    )
    RegistrationFactory(workshop=other_workshop, user=people["other_learner"], status="confirmed")
    MarkAttendanceAction(
        session,
        user=people["trainer"],
        occurrence_date=session.date,
        status=objects["status"],
        method=AttendanceRecord.Method.ROSTER,
        person=people["learner"],
    ).execute()
    objects["record"] = AttendanceRecord.objects.get(user=people["learner"])
    objects["walk_in"] = WalkIn.objects.create(
        workshop=workshop, name="Samira B.", added_by=people["trainer"]
    )
    objects["occurrence_change"] = OccurrenceChange.objects.create(
        session=session,
        original_date=session.date + datetime.timedelta(days=7),
        status=OccurrenceChange.Status.CANCELLED,
    )
    objects["check_in_token"] = make_token(session, session.date)
    objects["feed_token"] = CalendarFeedToken.objects.create(
        user=people["learner"], token=CalendarFeedToken.new_token()
    )

    # The library: a published case study and a draft the learner submitted.
    library = LibraryIndexPageFactory(parent=site_root)
    objects["library"] = library
    objects["case_study"] = CaseStudyPageFactory(
        parent=library, host_country=france, submitted_by=people["learner"]
    )
    draft = CaseStudyPageFactory(parent=library, host_country=france, live=False)
    draft.submitted_by = people["learner"]
    draft.save_revision(user=people["learner"])
    draft.save()
    objects["draft_case_study"] = draft
    attachment = CaseStudyAttachment(
        page=draft, name="budget.pdf", kind="pdf", size=len(PDF_BYTES), sort_order=1
    )
    attachment.file.save("budget.pdf", ContentFile(PDF_BYTES), save=False)
    attachment.save()
    objects["attachment"] = attachment
    objects["case_study"].save_revision().publish()
    for page in (course, *lessons, library):
        page.save_revision().publish()
    people["editor"] = library_editor(library)
    # The association directory (#21) and a pending association it must not show.
    directory = DirectoryPageFactory(parent=site_root)
    objects["directory"] = directory
    pending = AssociationFactory(
        name="Pending Agadir", host_country=france, verification_status="pending"
    )
    objects["pages"] = {
        "directory": directory,
        "directory_map": SimpleNamespace(url=directory.map_url()),
        "directory_association": SimpleNamespace(url=directory.association_url(association.pk)),
        "directory_pending_association": SimpleNamespace(
            url=directory.association_url(pending.pk)
        ),
        "catalogue": catalogue,
        "course": Page.objects.get(pk=course.pk).specific,
        "lesson": Page.objects.get(pk=lessons[-1].pk).specific,
        "preview_lesson": Page.objects.get(pk=lessons[0].pk).specific,
        "library": library,
        "case_study": objects["case_study"],
    }
    build_partners_world(people, objects)
    build_calls_world(people, objects, site_root)
    build_exchange_world(people, objects)
    build_workbook_world(people, objects)
    evaluation_assessment_world.build(people, objects)
    evaluation_reactions_world.build(people, objects)
    evaluation_follow_up_world.build(people, objects)
    assert Association.objects.count() >= 2
    return World(people=people, objects=objects)
