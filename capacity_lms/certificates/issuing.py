"""The actions that issue, revoke and reissue a certificate.

As everywhere in the package, an action checks, then writes in one transaction, and is
idempotent: issuing twice (or forty times at once) leaves one live certificate, because the
database's partial unique index on (holder, subject) decides; the losers read the winner's row.
What follows an issue (rendering the PDF, e-mailing the holder) is enqueued as a task after
the transaction commits. Who qualifies is ``eligibility.py``'s; what the certificate says,
``wording.py``'s.
"""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from capacity_lms.certificates.delivery import deliver_certificate
from capacity_lms.certificates.eligibility import rule_for, rule_is_met
from capacity_lms.certificates.models import (
    Certificate,
    CertificateEvent,
    Layout,
    subject_key,
)
from capacity_lms.certificates.status_list import status_list_changed
from capacity_lms.certificates.wording import build_certificate
from capacity_lms.core.actions import ActionRefused, BaseAction

__all__ = [
    "IssueCertificateAction",
    "ReissueCertificateAction",
    "RevokeCertificateAction",
]


def _after_issue(certificate):
    transaction.on_commit(lambda: deliver_certificate.enqueue(certificate.pk))


def _may_issue(user):
    if not (user and user.is_authenticated and user.has_perm("capacity_lms.issue_certificate")):
        raise ActionRefused(_("You may not issue or revoke certificates."), code="forbidden")


def require_reason(reason):
    if not (reason or "").strip():
        raise ActionRefused(_("Give the reason; it is kept with the certificate."), code="reason")


# --- actions ---------------------------------------------------------------------------------


class IssueCertificateAction(BaseAction):
    """Issue ``subject``'s certificate (a course or a workshop) to ``person``:
    ``IssueCertificateAction(person, user=by, subject=course)``.

    Without ``user`` it is the rule speaking: the rule must be met. With ``user`` (staff)
    it is issued by hand, rule or not, with a ``reason``. ``execute()`` returns
    ``(certificate, created)``: the live one already held comes back with ``created`` False.

    Bulk issuing (a task going through ``eligibility.eligible_people`` of a rule, those without
    a certificate) passes ``known_eligible=True``: the rule was checked for everyone in a few
    queries, so ``execute()`` writes at once (a concurrent issue still leaves one certificate);
    and ``text``, the subject's ``wording.subject_text`` computed once for all of them.
    """

    def __init__(
        self,
        person,
        user=None,
        *,
        subject,
        reason="",
        layout=None,
        now=None,
        rule=None,
        text=None,
        known_eligible=False,
    ):
        super().__init__(person, user=user)
        self.person = person
        self.subject = subject
        self.by = user
        self.reason = reason
        self.layout = layout
        self.now = now
        self.rule = rule or rule_for(subject)
        # The subject's titles and hours, when the caller computed them once for many people.
        self.text = text
        self.known_eligible = known_eligible

    def check(self):
        if self.by is not None:
            _may_issue(self.by)
            require_reason(self.reason)
            if self.layout and self.layout not in Layout.values:
                raise ActionRefused(_("Choose the certificate's languages."), code="layout")
            return
        if self.rule is None:
            raise ActionRefused(
                _("This course or workshop has no certificate rule."), code="no_rule"
            )
        if Certificate.objects.filter(
            user=self.person,
            subject_key=subject_key(self.subject),
            status=Certificate.Status.REVOKED,
        ).exists():
            # Staff revoked it: only staff may issue it again, by hand and with a reason.
            raise ActionRefused(_("This person's certificate for it was revoked."), code="revoked")
        if not rule_is_met(self.rule, self.person, self.now):
            raise ActionRefused(_("The certificate's rule is not met yet."), code="not_met")

    def existing(self):
        return (
            Certificate.objects.live()
            .filter(user=self.person, subject_key=subject_key(self.subject))
            .first()
        )

    def execute(self):
        if not self.known_eligible:
            found = self.existing()
            if found is not None:
                return found, False
            self.check()
        return self._create()

    def _create(self):
        """Write the certificate; or, when a concurrent request wrote it first, return
        theirs."""
        certificate = build_certificate(
            self.person,
            self.subject,
            rule=self.rule,
            layout=self.layout,
            origin=Certificate.Origin.MANUAL if self.by else Certificate.Origin.RULE,
            by=self.by,
            reason=self.reason,
            text=self.text,
        )
        try:
            with transaction.atomic():
                certificate.save()
                CertificateEvent.objects.create(
                    certificate=certificate,
                    kind=CertificateEvent.Kind.ISSUED,
                    actor=self.by,
                    reason=self.reason,
                )
        except IntegrityError:
            # Another request issued it at the same instant: theirs is the one.
            found = self.existing()
            if found is None:
                raise
            return found, False
        _after_issue(certificate)
        return certificate, True


class RevokeCertificateAction(BaseAction):
    """Revoke a certificate, with the reason. Revoking a revoked one changes nothing."""

    def __init__(self, certificate, user=None, *, reason):
        super().__init__(certificate, user=user)
        self.certificate = certificate
        self.by = user
        self.reason = reason

    def check(self):
        _may_issue(self.by)
        require_reason(self.reason)

    @transaction.atomic
    def execute(self):
        self.check()
        changed = Certificate.objects.filter(
            pk=self.certificate.pk, status=Certificate.Status.VALID
        ).update(status=Certificate.Status.REVOKED)
        if changed:
            CertificateEvent.objects.create(
                certificate=self.certificate,
                kind=CertificateEvent.Kind.REVOKED,
                actor=self.by,
                reason=self.reason,
            )
            status_list_changed()
        self.certificate.refresh_from_db()
        return bool(changed)


class ReissueCertificateAction(BaseAction):
    """Replace a valid certificate with a new one (new code, new PDF, the text as of now, the
    same dates): for a corrected name or title, or other languages. The old one verifies as
    replaced."""

    def __init__(self, certificate, user=None, *, reason, layout=None):
        super().__init__(certificate, user=user)
        self.certificate = certificate
        self.by = user
        self.reason = reason
        self.layout = layout

    def check(self):
        _may_issue(self.by)
        require_reason(self.reason)
        if self.certificate.status != Certificate.Status.VALID:
            raise ActionRefused(_("Only a valid certificate can be reissued."), code="not_valid")
        if self.certificate.user is None:
            raise ActionRefused(_("This certificate has no holder any more."), code="no_holder")
        if self.certificate.subject is None:
            raise ActionRefused(_("Its course or workshop no longer exists."), code="no_subject")
        if self.layout and self.layout not in Layout.values:
            raise ActionRefused(_("Choose the certificate's languages."), code="layout")

    def execute(self):
        self.check()
        old = self.certificate
        with transaction.atomic():
            changed = Certificate.objects.filter(
                pk=old.pk, status=Certificate.Status.VALID
            ).update(status=Certificate.Status.REPLACED)
            if not changed:
                raise ActionRefused(
                    _("Only a valid certificate can be reissued."), code="not_valid"
                )
            CertificateEvent.objects.create(
                certificate=old,
                kind=CertificateEvent.Kind.REISSUED,
                actor=self.by,
                reason=self.reason,
            )
            status_list_changed()
            new = build_certificate(
                old.user,
                old.subject,
                rule=rule_for(old.subject),
                layout=self.layout or old.layout,
                origin=Certificate.Origin.REISSUE,
                by=self.by,
                reason=self.reason,
                issued_on=old.issued_on,
                expires_on=old.expires_on,
                replaces=old,
            )
            new.save()
            CertificateEvent.objects.create(
                certificate=new,
                kind=CertificateEvent.Kind.ISSUED,
                actor=self.by,
                reason=self.reason,
            )
        old.refresh_from_db()
        _after_issue(new)
        return new
