"""The generated world's later domains (issue #27): over a small world built from factories
(associations abroad with members, a past workshop meeting they attended, a module they
completed, the hand-written demo's calls and questionnaires), ``load_later_domains`` adds local
associations in Morocco, partnerships, offers and needs, case studies, applications to last
year's call with decisions, exchange threads and evaluation answers, dated in the past by the
clock; a second load adds nothing."""

import datetime
import time

import pytest
from django.apps import apps
from django.utils import timezone

from capacity_lms.attendance.models import AttendanceRecord, AttendanceStatus
from capacity_lms.calls.followup_models import Agreement, ProjectReport
from capacity_lms.calls.models import Application
from capacity_lms.calls.review_models import Decision
from capacity_lms.evaluation.models import Reaction, ReactionRequest, SelfAssessment
from capacity_lms.exchange.models import Post, Thread
from capacity_lms.library.models import CaseStudyPage
from capacity_lms.network.models import OfferOrNeed, Partnership, RelayedMessage
from capacity_lms.people.models import Association, Membership
from capacity_lms.taxonomy.loading import load_standard_taxonomy
from capacity_lms.taxonomy.models import Country, Region, StrategicAxis
from courses.models import Enrolment
from sandbox.home.demo import ensure_accounts, ensure_home_pages
from sandbox.home.demo_calls import load_calls
from sandbox.home.demo_evaluation import ensure_questionnaires, load_content
from sandbox.home.world.base import World
from sandbox.home.world.later import load_later_domains
from sandbox.testing.factories import (
    AssociationFactory,
    CatalogueIndexPageFactory,
    CoursePageFactory,
    MembershipFactory,
    RegistrationFactory,
    SessionFactory,
    UserFactory,
    WorkshopFactory,
)
from tests.integration.conftest import built_for_the_module

COUNTRIES = ["fr", "be", "nl", "es", "it", "de"]
REGIONS = ["souss-massa", "oriental", "tanger-tetouan-al-hoceima", "fes-meknes"]


def small_world():
    """Twelve associations abroad of four members each (the first their admin), a past
    workshop meeting half of them attended and a module a third of them completed."""
    load_standard_taxonomy()
    home = ensure_home_pages()
    users = ensure_accounts()
    load_calls(users)
    ensure_questionnaires(load_content())
    world = World.create(timezone.localdate())
    axes = list(StrategicAxis.objects.order_by("code"))
    catalogue = CatalogueIndexPageFactory(parent=home, slug="modules-world-later")
    course = CoursePageFactory(parent=catalogue, slug="world-later-module")
    workshop = WorkshopFactory(trainers=[users["trainer"]])
    meeting = world.today - datetime.timedelta(days=40)
    session = SessionFactory(workshop=workshop, date=meeting)
    present = AttendanceStatus.objects.get(code="present")
    for number in range(12):
        association = AssociationFactory(
            name=f"World later association {number}",
            host_country=Country.objects.get(code=COUNTRIES[number % len(COUNTRIES)]),
            strategic_axes=[axes[number % len(axes)]],
        )
        association.regions_of_origin.set([Region.objects.get(code=REGIONS[number % 4])])
        people = []
        for index in range(4):
            person = UserFactory(username=f"wl-{number}-{index}")
            role = Membership.Role.LEADER if index == 0 else Membership.Role.MEMBER
            MembershipFactory(user=person, association=association, role=role)
            people.append(person)
        world.associations.append(association)
        world.members[association.pk] = people
        if number % 2 == 0:
            RegistrationFactory(workshop=workshop, user=people[1])
            AttendanceRecord.objects.create(
                session=session,
                occurrence_date=meeting,
                user=people[1],
                status=present,
                marked_at=world.moment(meeting, 20),
            )
        if number % 3 == 0:
            completed = world.moment(world.today - datetime.timedelta(days=60))
            Enrolment.objects.create(
                user=people[2], course=course, status="completed", completed_at=completed
            )
    world.trainers = [users["trainer"]]
    return world


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    def build():
        world = small_world()
        started = time.perf_counter()
        first = load_later_domains(world)
        seconds = time.perf_counter() - started
        before = row_counts()
        second = load_later_domains(world)
        print(f"\nlater domains: {first} in {seconds:.1f} s")
        return {"world": world, "first": first, "second": second, "before": before}

    with built_for_the_module(django_db_blocker, build) as result:
        yield result


@pytest.mark.django_db
def test_second_load_adds_nothing(loaded):
    assert loaded["second"] == {}
    assert row_counts() == loaded["before"]


@pytest.mark.django_db
def test_network_partnerships_and_offers_dated_in_the_past(loaded):
    world = loaded["world"]
    locals_ = Association.objects.filter(registration_number__startswith="WORLD-MA-")
    assert locals_.count() == 12
    assert all(item.verification_status == "verified" for item in locals_)
    partnerships = Partnership.objects.filter(initiator__in=world.associations)
    assert partnerships.filter(partner__kind="local").exists()
    statuses = set(partnerships.values_list("status", flat=True))
    assert {"active", "proposed"} <= statuses
    assert all(item.created_at.date() < world.today for item in partnerships)
    offers = OfferOrNeed.objects.filter(title="Accountants for a day")
    assert offers.count() == 1 and offers.get().created_at.date() < world.today
    messages = RelayedMessage.objects.filter(about__in=OfferOrNeed.objects.all())
    assert messages.exists()
    answers = RelayedMessage.objects.filter(in_reply_to__in=messages)
    assert answers.exists() and all(answer.in_reply_to.read_at for answer in answers)


@pytest.mark.django_db
def test_case_studies_and_exchange(loaded):
    world = loaded["world"]
    assert CaseStudyPage.objects.filter(slug__startswith="world-").live().count() == 4
    threads = Thread.objects.filter(author__in=world.all_members())
    assert threads.count() >= 20
    assert Post.objects.filter(thread__in=threads).count() > threads.count()
    assert all(thread.created_at.date() < world.today for thread in threads)
    assert threads.filter(space__kind="workshop", solution__isnull=False).exists()


@pytest.mark.django_db
def test_last_years_applications_decided(loaded):
    world = loaded["world"]
    applications = Application.objects.filter(association__in=world.associations)
    assert applications.exists()
    assert Decision.objects.filter(application__in=applications, outcome="funded").exists()
    call = applications.first().call
    assert all(item.submitted_at <= call.closes for item in applications)
    funded = applications.filter(status="funded")
    assert Agreement.objects.filter(application__in=funded).count() == funded.count()
    assert ProjectReport.objects.filter(application__in=funded, status="approved").exists()


@pytest.mark.django_db
def test_reactions_and_self_assessments(loaded):
    world = loaded["world"]
    people = world.all_members()
    assert ReactionRequest.objects.filter(user__in=people, subject="meeting").exists()
    assert ReactionRequest.objects.filter(user__in=people, subject="module").exists()
    assert Reaction.objects.filter(request__user__in=people).exists()
    years = set(
        SelfAssessment.objects.filter(association__in=world.associations).values_list(
            "year", flat=True
        )
    )
    assert world.today.year - 1 in years
