"""Reports of abuse on a relayed message or an offer or need, and staff's review of them.

Whoever receives a message may report it; any signed-in person may report an open offer or
need. A report is kept for staff (``AbuseReport``, the admin's "Reports of abuse"); upholding it
withholds the message from its recipients, or removes the offer or need from the network;
dismissing it changes nothing else. Each report is reviewed once.
"""

from django import forms
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.network.messaging import received_by
from capacity_lms.network.models import AbuseReport, OfferOrNeed, RelayedMessage

REVIEW_PERMISSION = "capacity_lms.change_abusereport"


class AbuseReportForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("What is wrong with it?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
        help_text=gettext_lazy(
            "Programme staff read your report; the other side is not told who reported."
        ),
    )


class ReportAbuseAction(BaseAction):
    """``user`` reports ``subject`` (a :class:`RelayedMessage` or an :class:`OfferOrNeed`)."""

    def __init__(self, subject, user=None, *, reason):
        super().__init__(subject, user=user)
        self.subject = subject
        self.reason = (reason or "").strip()

    def check(self):
        user = self.user
        if user is None or not user.is_authenticated:
            raise ActionRefused(_("Sign in to report abuse."), code="anonymous")
        if isinstance(self.subject, RelayedMessage):
            if not received_by(user, self.subject):
                raise ActionRefused(_("Only its recipients report a message."), code="reach")
        elif not OfferOrNeed.objects.open(clock.today()).filter(pk=self.subject.pk):
            raise ActionRefused(_("This offer or need is no longer open."), code="reach")
        if not self.reason:
            raise ActionRefused(_("Say what is wrong with it."), code="empty")

    def execute(self):
        with transaction.atomic():
            self.check()
            is_message = isinstance(self.subject, RelayedMessage)
            subject = {"message" if is_message else "offer_or_need": self.subject}
            already = AbuseReport.objects.filter(
                reporter=self.user, status=AbuseReport.Status.OPEN, **subject
            ).first()
            if already is not None:
                return already
            return AbuseReport.objects.create(reporter=self.user, reason=self.reason, **subject)


class ReviewAbuseReportAction(BaseAction):
    """Staff uphold a report (the message is withheld, the offer or need removed) or dismiss
    it."""

    def __init__(self, report, user=None, *, uphold):
        super().__init__(report, user=user)
        self.report = report
        self.uphold = uphold

    def check(self, report=None):
        report = report or self.report
        if self.user is None or not self.user.has_perm(REVIEW_PERMISSION):
            raise ActionRefused(_("Only programme staff review reports of abuse."))
        if report.status != AbuseReport.Status.OPEN:
            raise ActionRefused(_("This report was already reviewed."), code="reviewed")

    def execute(self):
        with transaction.atomic():
            report = AbuseReport.objects.select_for_update().get(pk=self.report.pk)
            self.check(report)
            if self.uphold:
                report.status = AbuseReport.Status.UPHELD
                if report.message_id:
                    RelayedMessage.objects.filter(pk=report.message_id).update(withheld=True)
                if report.offer_or_need_id:
                    OfferOrNeed.objects.filter(pk=report.offer_or_need_id).update(
                        status=OfferOrNeed.Status.REMOVED
                    )
            else:
                report.status = AbuseReport.Status.DISMISSED
            report.reviewed_by = self.user
            report.reviewed_at = clock.now()
            report.save(update_fields=["status", "reviewed_by", "reviewed_at"])
            return report
