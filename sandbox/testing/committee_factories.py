"""Factories for the eligibility check and the committee (issue #22): an association's
application with its project, committee seats, and a review with its scores."""

from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from capacity_lms.calls.models import Application
from capacity_lms.calls.pages import CommitteeMember
from capacity_lms.calls.review_models import ReviewAssignment, Score
from capacity_lms.projects.models import Project
from sandbox.testing.factories import AssociationFactory, UserFactory


class ProjectFactory(DjangoModelFactory):
    class Meta:
        model = Project

    association = factory.SubFactory(AssociationFactory)
    title = factory.Sequence(lambda n: f"Project {n}")
    language = "fr"
    requested_amount = Decimal("100000")
    own_contribution = Decimal("30000")


class ApplicationFactory(DjangoModelFactory):
    """A submitted application (pass ``status``) of a new association to ``call``."""

    class Meta:
        model = Application

    association = factory.SubFactory(AssociationFactory)
    project = factory.SubFactory(
        ProjectFactory, association=factory.SelfAttribute("..association")
    )
    status = Application.Status.SUBMITTED
    submitted_at = factory.LazyFunction(timezone.now)


class CommitteeMemberFactory(DjangoModelFactory):
    """A seat on ``call``'s committee (``is_chair=True`` for the chair)."""

    class Meta:
        model = CommitteeMember

    user = factory.SubFactory(UserFactory)
    department = "Ministry of Moroccans living abroad"
    is_chair = False


def scored_review(application, reviewer, scores, *, comment="Clear and well argued."):
    """An assignment of ``reviewer`` declared free of conflict, with ``scores`` submitted
    (``{criterion: score}``), written directly (for worlds, not for testing the actions)."""
    assignment = ReviewAssignment.objects.create(
        application=application,
        reviewer=reviewer,
        conflict=False,
        declared_at=timezone.now(),
        submitted_at=timezone.now(),
    )
    Score.objects.bulk_create(
        Score(assignment=assignment, criterion=criterion, score=score, comment=comment)
        for criterion, score in scores.items()
    )
    return assignment


def bulk_reviewed_applications(call, reviewers, count, rng, start=0):
    """``count`` eligible applications to ``call``, each reviewed by every one of
    ``reviewers`` with random scores drawn from ``rng``, in a few bulk inserts (query counts
    and the benchmark). Every fifth is already decided, funded with 1,000."""
    from capacity_lms.calls.review_models import Decision
    from capacity_lms.people.models import Association
    from sandbox.testing.factories import CountryFactory

    now = timezone.now()
    country = CountryFactory(code="fr")
    criteria = list(call.canonical().criteria.all())
    associations = Association.objects.bulk_create(
        Association(
            name=f"Applicant {number:05d}",
            host_country=country,
            registration_number=f"APPLY-{number:06d}",
            verification_status=Association.VerificationStatus.VERIFIED,
        )
        for number in range(start, start + count)
    )
    projects = Project.objects.bulk_create(
        Project(association=association, title=f"Project of {association.name}")
        for association in associations
    )
    applications = Application.objects.bulk_create(
        Application(
            call=call,
            association=association,
            project=project,
            status=Application.Status.FUNDED if number % 5 == 0 else Application.Status.ELIGIBLE,
            submitted_at=now,
        )
        for number, (association, project) in enumerate(zip(associations, projects, strict=True))
    )
    Decision.objects.bulk_create(
        Decision(application=application, outcome="funded", amount=1000, reason="Bulk.")
        for application in applications
        if application.status == Application.Status.FUNDED
    )
    assignments = ReviewAssignment.objects.bulk_create(
        ReviewAssignment(
            application=application,
            reviewer=reviewer,
            conflict=False,
            declared_at=now,
            submitted_at=now,
        )
        for application in applications
        for reviewer in reviewers
    )
    Score.objects.bulk_create(
        (
            Score(
                assignment=assignment,
                criterion=criterion,
                score=rng.randint(0, criterion.max_score),
                comment="Bulk.",
            )
            for assignment in assignments
            for criterion in criteria
        ),
        batch_size=2000,
    )
    return applications
