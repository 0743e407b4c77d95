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
