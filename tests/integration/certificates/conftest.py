"""A course with a certificate rule, a learner who completed it, and helpers to issue."""

import datetime

import pytest

from capacity_lms.certificates.issuing import IssueCertificateAction
from capacity_lms.certificates.models import CertificateRule, Layout
from capacity_lms.people.models import LearnerProfile
from courses.models import Enrolment
from sandbox.testing.factories import UserFactory
from tests.integration.courses.conftest import (  # noqa: F401  (fixtures)
    catalogue,
    course,
    make_course,
    site_root,
    taxonomy,
)

ARABIC_NAME = "فاطمة الزهراء الإدريسي"
FRENCH_TITLE = "Ingénierie de projet : les fondations"


def make_holder():
    """Fatima, who reads French and whose name is also written in Arabic."""
    user = UserFactory(
        username="fatima",
        first_name="Fatima Zahra",
        last_name="El Idrissi",
        email="fz@example.org",
    )
    LearnerProfile.objects.create(user=user, name_in_arabic=ARABIC_NAME, preferred_language="fr")
    return user


def translate_to_french(module):
    """Give ``module`` a published French translation titled in French; returns ``module``."""
    from wagtail.models import Locale

    french = Locale.objects.get_or_create(language_code="fr")[0]
    translation = module.copy_for_translation(french, copy_parents=True)
    translation.title = FRENCH_TITLE
    translation.save_revision().publish()
    return module


@pytest.fixture
def holder(db):
    return make_holder()


@pytest.fixture
def french_course(course):  # noqa: F811  (the fixture)
    return translate_to_french(course)


@pytest.fixture
def rule(french_course):
    return CertificateRule.objects.create(
        course=french_course, requires_completion=True, layout=Layout.ARABIC_FRENCH
    )


def complete(user, module):
    """Mark ``user``'s enrolment in ``module`` completed (the course app's tests cover how)."""
    Enrolment.objects.update_or_create(
        user=user,
        course=module,
        defaults={
            "status": Enrolment.Status.COMPLETED,
            "completed_at": datetime.datetime.now(datetime.UTC),
        },
    )


@pytest.fixture
def certificate(rule, holder, committing):
    complete(holder, rule.course)
    with committing():
        issued, _created = IssueCertificateAction(holder, subject=rule.course).execute()
    issued.refresh_from_db()
    return issued
