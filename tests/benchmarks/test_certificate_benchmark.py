"""Issuing 10,000 certificates in bulk, and rendering one PDF.

Run with `make benchmarks` (SQLite) or `make benchmarks DATABASE_URL=postgres://...`.

Issuing: 10,000 people completed a course with a certificate rule; the bulk task
(``issue_certificates``, what staff's "issue to everyone who qualifies" runs) checks each
person's rule, builds the text in the rule's languages, draws a 192-bit code and a reference,
signs the payload with Ed25519 and writes the certificate and its history row, one transaction
per person. The PDFs are deferred: the tasks backend is Django's dummy one, so the rendering
tasks are only queued. The reference, measured in the same run, is the floor of that work:
for each person, one Ed25519 signature of a payload of the same size and one INSERT of the
code and signature in its own transaction, with no check and no text to build.

Rendering: the median time to render one Arabic-French certificate PDF (template, QR code,
WeasyPrint, the attached JWS), against WeasyPrint rendering a one-paragraph page in the same
font, in the same run.

The Open Badges credential (issue #26) is built by the deferred delivery task, beside the PDF
(``ensure_pdf``), which logs its time per certificate with the credential's share; those logged
figures are read back here. Per certificate, the whole work (issuing, then the delivery task's
rendering) is compared with and without the credential, in the same run: the delivery of a
sample of certificates with the credential against another sample with the credential left
out. The credential is also built for all 10,000 certificates, for its cost at that scale.
"""

import datetime
import logging
import statistics
import time
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test.utils import override_settings
from django.utils import timezone

from capacity_lms.certificates import rendering
from capacity_lms.certificates.codes import new_code
from capacity_lms.certificates.credentials import open_badge
from capacity_lms.certificates.models import Certificate, CertificateRule
from capacity_lms.certificates.rendering import ensure_pdf, render_pdf
from capacity_lms.certificates.signing import sign
from capacity_lms.certificates.tasks import issue_certificates
from capacity_lms.core.pdf import font_faces
from capacity_lms.taxonomy.loading import load_standard_taxonomy
from courses.models import Enrolment
from sandbox.testing.factories import CatalogueIndexPageFactory
from sandbox.testing.world import ensure_wagtail_site
from tests.integration.courses.conftest import make_course

from .conftest import median_seconds, report

PEOPLE = 10_000
DELIVERED = 15  # certificates rendered by the delivery task, each way
DEFERRED = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def seed(course):
    users = get_user_model().objects.bulk_create(
        get_user_model()(
            username=f"holder{number}",
            first_name="Holder",
            last_name=f"Number {number}",
            email=f"holder{number}@example.org",
        )
        for number in range(PEOPLE)
    )
    now = timezone.now()
    Enrolment.objects.bulk_create(
        (
            Enrolment(user=user, course=course, status="completed", completed_at=now)
            for user in users
        ),
        batch_size=2000,
    )
    return users


def reference_run(payload):
    """One signature and one INSERT in its own transaction per person: the floor."""
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMPORARY TABLE bench_certificate (code varchar(64) PRIMARY KEY, jws text)"
        )
    start = time.perf_counter()
    for _ in range(PEOPLE):
        code = new_code()
        jws, _kid = sign({**payload, "code": code})
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("INSERT INTO bench_certificate VALUES (%s, %s)", [code, jws])
    return time.perf_counter() - start


class Figures(logging.Handler):
    """The delivery task's logged figures (``ensure_pdf``)."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.records = []

    def emit(self, record):
        if hasattr(record, "rendering_seconds"):
            self.records.append(record)


def deliver(certificates, with_credential):
    """Run the delivery task's rendering on each; its logged (total, credential) seconds."""
    figures = Figures()
    logger = logging.getLogger("capacity_lms.certificates")
    logger.addHandler(figures)
    level = logger.level
    logger.setLevel(logging.INFO)
    try:
        if with_credential:
            for certificate in certificates:
                ensure_pdf(certificate)
        else:
            with mock.patch.object(rendering, "keep_open_badge", lambda certificate: None):
                for certificate in certificates:
                    ensure_pdf(certificate)
    finally:
        logger.removeHandler(figures)
        logger.setLevel(level)
    assert len(figures.records) == len(certificates)
    return [(r.rendering_seconds, r.credential_seconds) for r in figures.records]


@pytest.mark.django_db(transaction=True)
def test_issue_10000_certificates_and_render_one(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path)
    load_standard_taxonomy()
    catalogue = CatalogueIndexPageFactory(parent=ensure_wagtail_site().root_page)
    course = make_course(catalogue, lessons=2, quiz=False, title="Gestion de projet")
    rule = CertificateRule.objects.create(course=course, layout="ar,fr")
    seed(course)

    with override_settings(TASKS=DEFERRED):
        start = time.perf_counter()
        created = issue_certificates.call(rule.pk)
        issue_seconds = time.perf_counter() - start
        assert created == PEOPLE
        assert Certificate.objects.filter(pdf="").count() == PEOPLE  # PDFs deferred
        again = time.perf_counter()
        assert issue_certificates.call(rule.pk) == 0
        rerun_seconds = time.perf_counter() - again

    sample = Certificate.objects.first()
    reference_seconds = reference_run(sample.payload())

    pdf_median = median_seconds(lambda: render_pdf(sample), repeat=5, warmup=1)
    font = font_faces()[0][1]
    plain = (
        f"<style>@font-face{{font-family:A;src:url('{font}')}} body{{font-family:A}}</style>"
        "<p>Attestation – شهادة</p>"
    )

    def plain_pdf():
        from weasyprint import HTML

        HTML(string=plain).write_pdf()

    plain_median = median_seconds(plain_pdf, repeat=5, warmup=1)

    # The delivery task, with and without the credential, alternating samples.
    certificates = list(Certificate.objects.order_by("pk")[: 2 * DELIVERED + 1])
    deliver(certificates[:1], with_credential=True)  # warm up
    with_credential, without = [], []
    for number, certificate in enumerate(certificates[1:]):
        (with_credential if number % 2 else without).extend(
            deliver([certificate], with_credential=bool(number % 2))
        )
    assert all(Certificate.objects.get(pk=c.pk).open_badge for c in certificates[2::2])
    delivered_with = statistics.median(total for total, _ in with_credential)
    delivered_without = statistics.median(total for total, _ in without)
    credential_share = statistics.median(credential for _, credential in with_credential)

    # The credential for every one of the 10,000 certificates.
    holders = Certificate.objects.filter(open_badge__isnull=True).order_by("pk").iterator(2000)
    start = time.perf_counter()
    built = sum(1 for certificate in holders if open_badge(certificate))
    credentials_seconds = time.perf_counter() - start
    assert built >= PEOPLE - 2 * DELIVERED - 1

    per_certificate = issue_seconds / PEOPLE
    whole_with = per_certificate + delivered_with
    whole_without = per_certificate + delivered_without
    report(
        "certificates",
        {
            "certificates issued": PEOPLE,
            "database": connection.vendor,
            "bulk issue total (s)": round(issue_seconds, 1),
            "per certificate (ms)": round(issue_seconds * 1000 / PEOPLE, 2),
            "reference: sign + insert per person (ms)": round(
                reference_seconds * 1000 / PEOPLE, 2
            ),
            "issue ratio to the reference": round(issue_seconds / reference_seconds, 2),
            "running the bulk issue again, 0 created (s)": round(rerun_seconds, 1),
            "one PDF, median (ms)": round(pdf_median * 1000),
            "reference: one-paragraph WeasyPrint page (ms)": round(plain_median * 1000),
            "PDF ratio to the reference": round(pdf_median / plain_median, 2),
            "delivery task per certificate, with the credential, median (ms)": round(
                delivered_with * 1000, 1
            ),
            "of which the credential, as the task logs it, median (ms)": round(
                credential_share * 1000, 1
            ),
            "delivery task per certificate, without the credential, median (ms)": round(
                delivered_without * 1000, 1
            ),
            "credentials built for every certificate (s)": round(credentials_seconds, 1),
            "one credential, over all of them (ms)": round(credentials_seconds * 1000 / built, 2),
            "issue + delivery per certificate, with the credential (ms)": round(
                whole_with * 1000, 1
            ),
            "issue + delivery per certificate, without the credential (ms)": round(
                whole_without * 1000, 1
            ),
            "ratio with / without the credential": round(whole_with / whole_without, 2),
            "at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        },
    )
    assert whole_with < 1.5 * whole_without
