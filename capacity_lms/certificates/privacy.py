"""What the certificate models keep of a person, and the erasure policy for certificates.

``CAPACITY_LMS_ERASURE_CERTIFICATES`` decides: ``"revoke"`` (the default) revokes every valid
certificate of the person with the reason, empties the holder's names and the signed payload
that repeats them, and deletes the stored PDFs once the erasure commits; a verifier then reads
"revoked" and no name. ``"keep"`` keeps them as issued: a certificate is a record others (an
employer, a ministry) may rely on, and the programme may have to answer for it.
"""

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from capacity_lms.certificates.issuing import RevokeCertificateAction, require_reason
from capacity_lms.certificates.models import Certificate, CertificateEvent
from capacity_lms.conf import get_setting
from capacity_lms.privacy.registry import KEEP, register

POLICIES = ("revoke", "keep")


class ErasureRevocation(RevokeCertificateAction):
    """The revoke action on the authority of the erasure (checked by the erasure itself)."""

    def check(self):
        require_reason(self.reason)


def _delete_files(names):
    storage = Certificate._meta.get_field("pdf").storage
    for name in names:
        storage.delete(name)


def erase_certificates(rows, erasure):
    """Revoke, unname and unfile the person's certificates, or keep them (the setting)."""
    policy = get_setting("ERASURE_CERTIFICATES")
    if policy not in POLICIES:
        raise ImproperlyConfigured(
            f"CAPACITY_LMS_ERASURE_CERTIFICATES must be one of {POLICIES}, not {policy!r}."
        )
    if policy == "keep":
        return 0
    reason = gettext("Personal data erased at the holder's request.")
    files = []
    for certificate in rows.filter(status=Certificate.Status.VALID):
        ErasureRevocation(certificate, user=erasure.by, reason=reason).execute()
    for name in rows.exclude(pdf="").values_list("pdf", flat=True):
        files.append(name)
    changed = Certificate.objects.filter(pk__in=rows.values("pk")).update(
        holder_names={}, signed_payload="", pdf="", open_badge=None
    )
    if files:
        transaction.on_commit(lambda: _delete_files(files))
    return changed


register(
    Certificate,
    person_fields=["user"],
    actor_fields=["issued_by"],
    export=[
        "reference",
        "code",
        "holder_names",
        "titles",
        "issued_on",
        "expires_on",
        "status",
        "hours",
    ],
    erase=erase_certificates,
    reason=_(
        "Counted in the reports. By default revoked on erasure, without the holder's name and "
        "PDF; a programme that must answer for the certificates it issued keeps them as issued "
        "(CAPACITY_LMS_ERASURE_CERTIFICATES)."
    ),
)

register(
    CertificateEvent,
    person_fields=["certificate__user"],
    actor_fields=["actor"],
    export=[("certificate", "certificate__reference"), "kind", "at"],
    erase=KEEP,
    reason=_("The history of a certificate (issued, revoked, reissued), kept with it."),
)
