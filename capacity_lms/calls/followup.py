"""The follow-up of funded projects, as actions: the agreement, tranches, reports.

Each is one action writing one history row (``calls/history.py``) in the transaction that makes
the change. The rule that ties them: the first tranche is released once the agreement is
recorded, and tranche *n* only once report *n - 1* is approved; so an agreement of *t* tranches
plans at least *t - 1* reports, the last of them the final report.

Who may: programme staff (the ``change`` right on project reports) record agreements, release
tranches, approve or return reports; an association's admins file its reports.
"""

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from capacity_lms.calls import history
from capacity_lms.calls.applications import is_admin_of
from capacity_lms.calls.followup_models import (
    Agreement,
    IndicatorValue,
    ProjectReport,
    Spending,
    Tranche,
)
from capacity_lms.calls.followup_notices import notify_later
from capacity_lms.calls.models import Application, CallEvent
from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused, BaseAction

# The largest figure a report may carry (the columns hold up to 10^12).
LARGEST = Decimal("999999999999.99")
# How long a text of a report may be.
TEXT_LIMIT = 20_000
# The texts of a report, as its fields are named.
ReportTexts = ("activities_done", "success_factors", "difficulties")


def is_programme_staff(user):
    return bool(user and user.is_active and user.has_perm("capacity_lms.change_projectreport"))


def refuse_unless_staff(user):
    if not is_programme_staff(user):
        raise ActionRefused(_("Only programme staff may do this."), code="forbidden")


def figure(value, what):
    """``value`` as a Decimal from 0 to :data:`LARGEST`, or ActionRefused naming ``what``."""
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        number = None
    if number is None or not number.is_finite() or not (0 <= number <= LARGEST):
        raise ActionRefused(
            _("%(what)s must be a number from 0 to %(limit)s.") % {"what": what, "limit": LARGEST},
            code="figure",
        )
    return number.quantize(Decimal("0.01"))


class RecordAgreementAction(BaseAction):
    """Staff record the agreement of a funded application: ``tranches`` is a list of
    ``(amount, planned date)``, ``reports`` a list of ``(kind, due date)``, the final last."""

    def __init__(self, application, user=None, *, amount, signed_on, tranches, reports):
        super().__init__(application, user=user)
        self.application = application
        self.amount = amount
        self.signed_on = signed_on
        self.tranches = list(tranches)
        self.reports = list(reports)

    def check(self):
        refuse_unless_staff(self.user)
        application = self.application
        if application.status != Application.Status.FUNDED:
            raise ActionRefused(_("Only a funded project has an agreement."), code="not_funded")
        if Agreement.objects.filter(application=application).exists():
            raise ActionRefused(_("This project's agreement is already recorded."), code="twice")
        self.amount = figure(self.amount, _("The amount agreed"))
        granted = application.decision.amount
        if not (0 < self.amount <= granted):
            raise ActionRefused(
                _(
                    "The amount agreed must be more than zero and at most the amount granted, "
                    "%(granted)s."
                )
                % {"granted": granted},
                code="amount",
            )
        if not self.tranches:
            raise ActionRefused(
                _("An agreement is paid in at least one tranche."), code="tranches"
            )
        amounts = [figure(amount, _("Each tranche")) for amount, _day in self.tranches]
        if any(amount <= 0 for amount in amounts) or sum(amounts) != self.amount:
            raise ActionRefused(
                _("The tranches must each be more than zero and add up to the amount agreed."),
                code="tranches",
            )
        self.tranches = list(zip(amounts, [day for _amount, day in self.tranches], strict=True))
        kinds = [kind for kind, _day in self.reports]
        if not kinds or kinds[-1] != ProjectReport.Kind.FINAL or kinds.count("final") != 1:
            raise ActionRefused(
                _("Plan the reports with exactly one final report, the last one."), code="reports"
            )
        if len(self.reports) < len(self.tranches) - 1:
            raise ActionRefused(
                _(
                    "Each tranche after the first follows an approved report: plan at least "
                    "%(n)s reports."
                )
                % {"n": len(self.tranches) - 1},
                code="reports",
            )
        days = [day for _kind, day in self.reports]
        if days != sorted(days) or any(day < self.signed_on for day in days):
            raise ActionRefused(
                _("Reports fall due one after the other, after the agreement is signed."),
                code="reports",
            )

    def execute(self):
        self.check()
        with transaction.atomic():
            Application.objects.select_for_update().get(pk=self.application.pk)
            if Agreement.objects.filter(application=self.application).exists():
                raise ActionRefused(
                    _("This project's agreement is already recorded."), code="twice"
                )
            agreement = Agreement.objects.create(
                application=self.application,
                amount=self.amount,
                signed_on=self.signed_on,
                signed_by=self.user,
            )
            Tranche.objects.bulk_create(
                Tranche(agreement=agreement, number=number, amount=amount, due_on=day)
                for number, (amount, day) in enumerate(self.tranches, start=1)
            )
            ProjectReport.objects.bulk_create(
                ProjectReport(application=self.application, number=number, kind=kind, due_on=day)
                for number, (kind, day) in enumerate(self.reports, start=1)
            )
            history.record(
                self.application.call,
                CallEvent.Verb.AGREEMENT_SIGNED,
                actor=self.user,
                application=self.application,
                amount=str(self.amount),
                tranches=len(self.tranches),
                reports=len(self.reports),
            )
        return agreement


class ReleaseTrancheAction(BaseAction):
    """Staff release a tranche: the one before it is released, and the report before it is
    approved (none is needed for the first)."""

    def __init__(self, tranche, user=None):
        super().__init__(tranche, user=user)
        self.tranche = tranche

    def check(self):
        refuse_unless_staff(self.user)
        tranche = self.tranche
        if tranche.released_at is not None:
            raise ActionRefused(_("This tranche is already released."), code="twice")
        earlier = Tranche.objects.filter(agreement=tranche.agreement, number__lt=tranche.number)
        if earlier.filter(released_at__isnull=True).exists():
            raise ActionRefused(_("Release the tranches in order."), code="order")
        if tranche.number > 1:
            report = ProjectReport.objects.filter(
                application=tranche.agreement.application_id, number=tranche.number - 1
            ).first()
            if report is None or report.status != ProjectReport.Status.APPROVED:
                raise ActionRefused(
                    _(
                        "Tranche %(tranche)s follows the approval of report %(report)s, which is "
                        "not approved yet."
                    )
                    % {"tranche": tranche.number, "report": tranche.number - 1},
                    code="report_not_approved",
                )

    def execute(self):
        with transaction.atomic():
            self.tranche = Tranche.objects.select_for_update().get(pk=self.tranche.pk)
            self.check()
            self.tranche.released_at = clock.now()
            self.tranche.released_by = self.user
            self.tranche.save(update_fields=["released_at", "released_by"])
            application = self.tranche.agreement.application
            history.record(
                application.call,
                CallEvent.Verb.TRANCHE_RELEASED,
                actor=self.user,
                application=application,
                tranche=self.tranche.number,
                amount=str(self.tranche.amount),
            )
        return self.tranche


class SubmitReportAction(BaseAction):
    """An admin of the association files a report: ``values`` maps an indicator's id to
    ``(value, comment)``, ``spending`` a budget line's id to the amount spent."""

    def __init__(self, report, user=None, *, texts, values, spending):
        super().__init__(report, user=user)
        self.report = report
        self.texts = {key: (texts.get(key) or "").strip() for key in ReportTexts}
        self.values = dict(values)
        self.spending = dict(spending)

    def check(self):
        report = self.report
        project = report.application.project
        if not is_admin_of(self.user, report.application.association_id):
            raise ActionRefused(
                _("Only an admin of the association files its reports."), code="forbidden"
            )
        if not report.is_editable:
            raise ActionRefused(_("This report is already submitted."), code="submitted")
        if any(len(text) > TEXT_LIMIT for text in self.texts.values()):
            raise ActionRefused(
                _("A text of the report is longer than %(limit)s characters.")
                % {"limit": TEXT_LIMIT},
                code="too_long",
            )
        if not self.texts["activities_done"]:
            raise ActionRefused(_("Say what was done."), code="activities")
        indicators = set(project.indicators.values_list("pk", flat=True))
        lines = set(project.budget_lines.values_list("pk", flat=True))
        if not set(self.values) <= indicators or not set(self.spending) <= lines:
            raise ActionRefused(
                _("An indicator or a budget line is not this project's."), code="foreign"
            )
        if report.kind == ProjectReport.Kind.FINAL and set(self.values) != indicators:
            raise ActionRefused(
                _("A final report gives the value reached by every indicator."), code="values"
            )
        self.values = {
            pk: (figure(value, _("Each value reached")), (comment or "")[:500].strip())
            for pk, (value, comment) in self.values.items()
        }
        self.spending = {
            pk: figure(amount, _("Each amount spent")) for pk, amount in self.spending.items()
        }

    def execute(self):
        with transaction.atomic():
            self.report = ProjectReport.objects.select_for_update().get(pk=self.report.pk)
            self.check()
            report = self.report
            report.indicator_values.all().delete()
            report.spending.all().delete()
            IndicatorValue.objects.bulk_create(
                IndicatorValue(report=report, indicator_id=pk, value=value, comment=comment)
                for pk, (value, comment) in sorted(self.values.items())
            )
            Spending.objects.bulk_create(
                Spending(report=report, budget_line_id=pk, amount=amount)
                for pk, amount in sorted(self.spending.items())
            )
            for key, text in self.texts.items():
                setattr(report, key, text)
            report.status = ProjectReport.Status.SUBMITTED
            report.submitted_at = clock.now()
            report.submitted_by = self.user
            report.save()
            history.record(
                report.application.call,
                CallEvent.Verb.REPORT_SUBMITTED,
                actor=self.user,
                application=report.application,
                report=report.number,
            )
        return report


class ReviewReportAction(BaseAction):
    """Staff approve a submitted report (``approve=True``) or return it for changes with a
    reason; the association's admins are told either way."""

    def __init__(self, report, user=None, *, approve, reason=""):
        super().__init__(report, user=user)
        self.report = report
        self.approve = approve
        self.reason = (reason or "").strip()

    def check(self):
        refuse_unless_staff(self.user)
        if self.report.status != ProjectReport.Status.SUBMITTED:
            raise ActionRefused(
                _("Only a submitted report can be reviewed."), code="not_submitted"
            )
        if not self.approve and not self.reason:
            raise ActionRefused(_("Say what needs to change."), code="reason")
        if len(self.reason) > TEXT_LIMIT:
            raise ActionRefused(_("The reason is too long."), code="too_long")

    def execute(self):
        with transaction.atomic():
            self.report = ProjectReport.objects.select_for_update().get(pk=self.report.pk)
            self.check()
            report = self.report
            if self.approve:
                report.status = ProjectReport.Status.APPROVED
                report.approved_at = clock.now()
                report.approved_by = self.user
                verb, notice = CallEvent.Verb.REPORT_APPROVED, "report_approved"
            else:
                report.status = ProjectReport.Status.RETURNED
                verb, notice = CallEvent.Verb.REPORT_RETURNED, "report_returned"
            report.save(update_fields=["status", "approved_at", "approved_by"])
            history.record(
                report.application.call,
                verb,
                actor=self.user,
                application=report.application,
                reason=self.reason,
                report=report.number,
            )
            notify_later(report.pk, notice)
        return report


def late_reports(today=None):
    """Reports not approved nor submitted whose due date has passed."""
    today = today or clock.today()
    return ProjectReport.objects.filter(
        Q(status=ProjectReport.Status.DUE) | Q(status=ProjectReport.Status.RETURNED),
        due_on__lt=today,
    )


def remind_late_reports(today=None):
    """Mark each late report reminded, once, and queue its reminder; returns how many. The
    mark is a conditional update, so two runs at once never remind twice."""
    reminded = 0
    now = clock.now()
    for pk in late_reports(today).filter(reminded_at__isnull=True).values_list("pk", flat=True):
        with transaction.atomic():
            if ProjectReport.objects.filter(pk=pk, reminded_at__isnull=True).update(
                reminded_at=now
            ):
                notify_later(pk, "report_late")
                reminded += 1
    return reminded


def days_late(report, today=None):
    today = today or clock.today()
    if report.status in (ProjectReport.Status.DUE, ProjectReport.Status.RETURNED):
        return max((today - report.due_on).days, 0)
    return 0


__all__ = [
    "RecordAgreementAction",
    "ReleaseTrancheAction",
    "ReviewReportAction",
    "SubmitReportAction",
    "days_late",
    "late_reports",
    "remind_late_reports",
]
