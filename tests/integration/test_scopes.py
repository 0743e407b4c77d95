"""The one rule of capacity_lms.core.scopes: everything only by an explicit permission or as
a superuser, otherwise what is assigned, and nothing when nothing is."""

import pytest
from django.contrib.auth.models import AnonymousUser

from capacity_lms.core.scopes import reach
from capacity_lms.taxonomy.models import VIEW_ALL_COUNTRIES, Country
from sandbox.testing.factories import UserFactory
from tests.integration.conftest import in_group

pytestmark = pytest.mark.django_db


def nothing_assigned(user):
    return []


def test_nothing_assigned_reaches_nothing(countries):
    person = UserFactory()
    scope = reach(person, VIEW_ALL_COUNTRIES, nothing_assigned)
    assert scope.is_empty
    assert list(scope.limit(Country.objects.all(), "code")) == []


def test_assignments_reach_only_themselves(countries):
    scope = reach(UserFactory(), VIEW_ALL_COUNTRIES, lambda user: ["fr", "ma"])
    assert set(scope.limit(Country.objects.all(), "code")) == {countries["fr"], countries["ma"]}


def test_everything_comes_from_the_permission_or_a_superuser(countries, staff):
    asked = []

    def assigned(user):
        asked.append(user)
        return []

    for person in (staff, UserFactory(is_superuser=True)):
        scope = reach(person, VIEW_ALL_COUNTRIES, assigned)
        assert scope.everything and scope.limit(Country.objects.all()).count() == 3
    assert asked == []


def test_no_permission_grants_everything_when_none_is_named(countries, staff):
    assert reach(staff, None, nothing_assigned).is_empty


def test_visitors_and_inactive_accounts_reach_nothing(countries):
    inactive = in_group(UserFactory(is_active=False), "Programme staff")
    for person in (AnonymousUser(), inactive, None):
        assert reach(person, VIEW_ALL_COUNTRIES, lambda user: ["fr"]).is_empty
