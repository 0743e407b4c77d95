"""Forty attempts at once to issue the same certificate: the database keeps one."""

import pytest
from django.core import mail

from capacity_lms.certificates.issuing import IssueCertificateAction
from capacity_lms.certificates.models import Certificate, CertificateRule
from capacity_lms.people.models import LearnerProfile
from capacity_lms.taxonomy.loading import load_standard_taxonomy
from sandbox.testing.factories import CatalogueIndexPageFactory, UserFactory
from sandbox.testing.world import ensure_wagtail_site
from tests.concurrency import run_together
from tests.integration.certificates.conftest import complete
from tests.integration.courses.conftest import make_course

# Real transactions and one connection per thread, on SQLite and PostgreSQL alike.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("migrated_rows")]


def test_forty_concurrent_issues_make_one_certificate_and_one_email():
    load_standard_taxonomy()
    catalogue = CatalogueIndexPageFactory(parent=ensure_wagtail_site().root_page)
    course = make_course(catalogue, lessons=1, quiz=False)
    CertificateRule.objects.create(course=course, layout="fr,en")
    person = UserFactory(username="parallel", email="parallel@example.org")
    LearnerProfile.objects.create(user=person)
    complete(person, course)
    results = []

    def issue():
        results.append(IssueCertificateAction(person, subject=course).execute())

    errors = run_together([issue] * 40)
    assert errors == []
    assert Certificate.objects.filter(user=person).count() == 1
    certificate = Certificate.objects.get(user=person)
    assert len(results) == 40
    assert sum(created for _certificate, created in results) == 1
    assert {issued.pk for issued, _created in results} == {certificate.pk}
    assert len([m for m in mail.outbox if m.to == ["parallel@example.org"]]) == 1
