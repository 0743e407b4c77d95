"""Fixtures of the eligibility check and the committee: programme staff, a committee of a chair
and three reviewers on the call, and applications ready for each step."""

import pytest
from django.contrib.auth.models import Permission

from capacity_lms.calls.models import Application
from sandbox.testing.committee_factories import ApplicationFactory, CommitteeMemberFactory
from sandbox.testing.factories import UserFactory
from sandbox.testing.network_factories import association_admin


def make_staff(username="staff"):
    person = UserFactory(username=username)
    person.user_permissions.add(Permission.objects.get(codename="change_application"))
    return type(person).objects.get(pk=person.pk)


@pytest.fixture
def staff(db):
    return make_staff()


@pytest.fixture
def committee(call):
    """``{"chair": user, "reviewers": [three users]}``, each seated on ``call``."""
    chair = UserFactory(username="chair")
    CommitteeMemberFactory(call=call, user=chair, is_chair=True, department="Finance")
    reviewers = []
    for number, department in enumerate(["Culture", "Youth", "Foreign affairs"], start=1):
        reviewer = UserFactory(username=f"reviewer{number}")
        CommitteeMemberFactory(call=call, user=reviewer, department=department)
        reviewers.append(reviewer)
    return {"chair": chair, "reviewers": reviewers}


@pytest.fixture
def application(call):
    """A submitted application whose association has one admin (``admin-fatima``)."""
    made = ApplicationFactory(call=call, association__languages=["fr"])
    association_admin(made.association, username="admin-fatima", email="fatima@example.org")
    return made


@pytest.fixture
def eligible(call):
    made = ApplicationFactory(call=call, status=Application.Status.ELIGIBLE)
    association_admin(made.association, username="admin-karim", email="karim@example.org")
    return made
