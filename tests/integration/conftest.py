"""A small world for the programme's tests (workshops, attendance): three countries in three
time zones, trainers, staff, members."""

import contextlib
import datetime
import functools

import pytest

from capacity_lms.people.roles import PROGRAMME_STAFF, TRAINERS
from sandbox.testing.factories import (
    CountryFactory,
    SessionFactory,
    UserFactory,
    WorkshopFactory,
)


@pytest.fixture
def migrated_rows(transactional_db):
    """For transactional tests: the rows migrations made, back after an earlier flush."""
    from sandbox.testing.world import restore_migrated_rows

    return restore_migrated_rows()


@pytest.fixture
def countries(db):
    return {
        "fr": CountryFactory(code="fr", name_en="France", default_time_zone="Europe/Paris"),
        "ca": CountryFactory(code="ca", name_en="Canada", default_time_zone="America/Toronto"),
        "ma": CountryFactory(code="ma", name_en="Morocco", default_time_zone="Africa/Casablanca"),
    }


def in_group(user, name):
    from django.contrib.auth.models import Group

    user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def trainer(db):
    return in_group(UserFactory(username="trainer-amina"), TRAINERS)


@pytest.fixture
def other_trainer(db):
    return in_group(UserFactory(username="trainer-karim"), TRAINERS)


@pytest.fixture
def staff(db):
    return in_group(UserFactory(username="staff-nadia"), PROGRAMME_STAFF)


@pytest.fixture
def member(db):
    return UserFactory(username="member-youssef")


def make_workshop(country, trainers=(), sessions=1, **kwargs):
    """A published workshop in ``country`` with ``sessions`` weekly sessions two weeks ahead,
    each in the country's time zone (pass ``sessions=0`` and add your own)."""
    workshop = WorkshopFactory(country=country, trainers=list(trainers), **kwargs)
    first = datetime.date.today() + datetime.timedelta(days=14)
    for number in range(sessions):
        SessionFactory(
            workshop=workshop,
            date=first + datetime.timedelta(days=7 * number),
            time_zone=country.default_time_zone,
        )
    return workshop


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """``with committing(): ...`` runs what the block leaves for after its commit (the e-mail
    tasks), as a real commit would; tests in a transaction that is rolled back need it."""
    return functools.partial(django_capture_on_commit_callbacks, execute=True)


@pytest.fixture
def page_cache_on(settings):
    """Signed-out pages and the fragments of signed-in ones kept, as in production (the test
    settings turn the cache off); the cache emptied before and after."""
    from django.core.cache import cache

    settings.CAPACITY_LMS_PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def english():
    """English for the whole test, whatever an earlier test's request left active in this
    thread (LocaleMiddleware activates a language and nothing deactivates it)."""
    from django.utils import translation

    with translation.override("en"):
        yield


@contextlib.contextmanager
def built_for_the_module(django_db_blocker, build):
    """For module-scoped fixtures: ``build()`` inside a transaction rolled back when the module
    ends; each test then runs in a savepoint within it."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        try:
            yield build()
        finally:
            transaction.set_rollback(True)
