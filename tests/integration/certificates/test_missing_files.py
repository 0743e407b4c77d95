"""A certificate's PDF is derived from the certificate's data: when the stored file is missing
(a database restored without its media, a storage that lost or cannot read it) every place that
serves it renders it again instead of failing, says so in the log, and a GET still writes no
row. A certificate whose data was erased has nothing to render from and answers 404."""

import logging

import pytest
from django.core import mail
from django.core.files.storage import default_storage
from django.urls import reverse

from capacity_lms.certificates.delivery import deliver_certificate, notify_holder
from capacity_lms.certificates.models import Certificate, CertificateEvent
from tests.integration.certificates.conftest import ARABIC_NAME, FRENCH_TITLE
from tests.integration.certificates.test_pdf import pdftotext
from tests.integration.security.test_access_matrix import fingerprint

pytestmark = pytest.mark.django_db

LOGGER = "capacity_lms.certificates"


def download(client, certificate):
    client.force_login(certificate.user)
    url = reverse("capacity_lms:certificate_download", args=[certificate.reference])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    return b"".join(response.streaming_content)


def assert_is_the_certificate(data, certificate):
    text = pdftotext(data)
    assert ARABIC_NAME in text
    assert FRENCH_TITLE in text
    assert certificate.reference in text


def missing_records(caplog, certificate):
    return [
        record
        for record in caplog.records
        if record.name.startswith(LOGGER)
        and record.levelno >= logging.WARNING
        and certificate.reference in record.getMessage()
    ]


def test_a_pdf_missing_from_storage_is_rendered_again_and_logged(client, certificate, caplog):
    name = certificate.pdf.name
    default_storage.delete(name)
    events = CertificateEvent.objects.count()
    before = fingerprint()
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        data = download(client, certificate)
    assert_is_the_certificate(data, certificate)
    assert missing_records(caplog, certificate)
    # The download wrote no row; the file is back under its own name.
    assert fingerprint() == before
    assert CertificateEvent.objects.count() == events
    assert Certificate.objects.get(pk=certificate.pk).pdf.name == name
    assert default_storage.exists(name)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        assert download(client, certificate) == data
    assert not missing_records(caplog, certificate)


def test_a_pdf_the_storage_cannot_read_is_rendered_again(
    client, certificate, caplog, settings, tmp_path
):
    """A real file system whose entry at the PDF's name is not a readable file."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    (tmp_path / certificate.pdf.name).mkdir(parents=True)
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        data = download(client, Certificate.objects.get(pk=certificate.pk))
    assert_is_the_certificate(data, certificate)
    assert missing_records(caplog, certificate)
    assert Certificate.objects.get(pk=certificate.pk).pdf.name == certificate.pdf.name


def test_a_pdf_never_stored_is_rendered_for_the_download_without_writing(
    client, certificate, caplog
):
    default_storage.delete(certificate.pdf.name)
    Certificate.objects.filter(pk=certificate.pk).update(pdf="")
    certificate.refresh_from_db()
    before = fingerprint()
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        data = download(client, certificate)
    assert_is_the_certificate(data, certificate)
    assert fingerprint() == before


def test_the_email_of_a_certificate_whose_pdf_went_missing_carries_it(certificate, caplog):
    default_storage.delete(certificate.pdf.name)
    CertificateEvent.objects.filter(kind=CertificateEvent.Kind.NOTIFIED).delete()
    mail.outbox.clear()
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        assert notify_holder(Certificate.objects.get(pk=certificate.pk))
    (message,) = mail.outbox
    (attachment,) = message.attachments
    assert_is_the_certificate(attachment[1], certificate)
    assert missing_records(caplog, certificate)


def test_delivering_again_renders_what_went_missing(certificate):
    default_storage.delete(certificate.pdf.name)
    CertificateEvent.objects.filter(kind=CertificateEvent.Kind.NOTIFIED).delete()
    mail.outbox.clear()
    assert deliver_certificate.call(certificate.pk)
    assert default_storage.exists(Certificate.objects.get(pk=certificate.pk).pdf.name)
    assert len(mail.outbox) == 1


def test_an_erased_certificate_has_nothing_to_render(client, certificate, staff):
    Certificate.objects.filter(pk=certificate.pk).update(
        holder_names={}, signed_payload="", pdf="", status=Certificate.Status.REVOKED
    )
    client.force_login(staff)
    for name in ("capacity_lms:certificate_download", "capacity_lms:certificate_signed"):
        response = client.get(reverse(name, args=[certificate.reference]))
        assert response.status_code == 404, name
