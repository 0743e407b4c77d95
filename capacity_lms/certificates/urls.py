"""Certificate URLs; included by ``capacity_lms.urls``. The verification URL is printed on
paper (and in the QR code): it must never change."""

from django.urls import path

from capacity_lms.certificates import views

urlpatterns = [
    path("certificates/verify/", views.verify_index, name="certificate_verify_index"),
    path(
        "certificates/verify-credential/",
        views.verify_credential,
        name="certificate_verify_credential",
    ),
    path("certificates/verify/<path:code>", views.verify, name="certificate_verify"),
    path("certificates/keys.json", views.public_keys, name="certificate_keys"),
    path("certificates/offline/", views.offline_verifier, name="certificate_offline"),
    path(
        "certificates/<str:reference>/certificate.pdf",
        views.download_pdf,
        name="certificate_download",
    ),
    path("credentials/did.json", views.did_document, name="credential_did"),
    path(
        "credentials/status/<int:number>.json",
        views.status_list,
        name="credential_status_list",
    ),
    path(
        "certificates/<str:reference>/certificate.json",
        views.download_open_badge,
        name="certificate_open_badge",
    ),
    path(
        "certificates/<str:reference>/certificate.jws",
        views.download_signed,
        name="certificate_signed",
    ),
]
