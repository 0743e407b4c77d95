"""An application's eligibility: the automatic checks of the call's rules, then the staff
checklist that decides it, and staff's requests for a missing document.

:func:`automatic_points` reads the call's rules (only the rules the call sets become points)
and says, for each, whether the application meets it, in a fixed number of queries.
:class:`DecideEligibility` is staff's checklist: a verdict on every automatic point and on the
points only a person can judge (the documents), a reason for each failed point; the application
becomes eligible when every point passed, else not eligible.

Years of existence are counted in whole calendar years from the association's founding year to
the year the call closes (the directory records a founding year, not a date).
"""

import datetime
import zoneinfo
from typing import NamedTuple

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from capacity_lms.calls import history, notices
from capacity_lms.calls.capacity_record import trained_member_count
from capacity_lms.calls.deadlines import CALL_TIME_ZONE
from capacity_lms.calls.eligibility_models import DocumentRequest, EligibilityCheck
from capacity_lms.calls.models import Application, CallEvent
from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused, BaseAction

STAFF_PERMISSION = "capacity_lms.change_application"

POINT_LABELS = {
    "verified": gettext_lazy("The association is verified"),
    "years": gettext_lazy("Years of existence"),
    "training": gettext_lazy("Members who completed the training module"),
    "host_country": gettext_lazy("Host country is eligible"),
    "axis": gettext_lazy("Strategic axis is eligible"),
    "group": gettext_lazy("Specialized group is eligible"),
    "documents": gettext_lazy("The required documents are complete and valid"),
}
# Points only a person can judge, after the automatic ones.
STAFF_POINTS = ("documents",)


class Point(NamedTuple):
    """One point of the checklist: ``passed`` is None for a point only staff can judge."""

    key: str
    label: str
    passed: bool | None
    detail: str


def is_programme_staff(user):
    return bool(user and user.is_authenticated and user.has_perm(STAFF_PERMISSION))


def automatic_points(application):
    """``[Point(key, label, passed, detail), ...]`` for the rules the call sets, in order."""
    call = application.call.canonical()
    association = application.association
    points = []

    def add(key, passed, detail):
        points.append(Point(key, str(POINT_LABELS[key]), passed, str(detail)))

    if call.requires_verified:
        add(
            "verified",
            association.is_verified,
            _("Verification status: %(status)s")
            % {"status": association.get_verification_status_display()},
        )
    if call.minimum_years:
        if association.founding_year is None:
            add("years", False, _("The association's founding year is not known."))
        else:
            years = call.closes_on.year - association.founding_year
            add(
                "years",
                years >= call.minimum_years,
                _("%(years)s years (founded in %(founded)s); at least %(minimum)s required.")
                % {
                    "years": years,
                    "founded": association.founding_year,
                    "minimum": call.minimum_years,
                },
            )
    if call.training_module_id and call.minimum_trained_members:
        module = call.training_module
        trained = trained_member_count(association.pk, module)
        add(
            "training",
            trained >= call.minimum_trained_members,
            _("%(trained)s members completed “%(module)s”; at least %(minimum)s required.")
            % {
                "trained": trained,
                "module": module.title,
                "minimum": call.minimum_trained_members,
            },
        )
    for key, rule, chosen in (
        ("host_country", call.host_countries, association.host_country_id),
        ("axis", call.strategic_axes, application.strategic_axis_id),
        ("group", call.specialized_groups, application.specialized_group_id),
    ):
        eligible = set(rule.values_list("pk", flat=True))
        if eligible:
            passed = chosen in eligible
            add(key, passed, _("Eligible.") if passed else _("Not among the call's choices."))
    for key in STAFF_POINTS:
        add(key, None, _("To be checked by programme staff."))
    return points


def _load(application):
    """The application again, with what the checks read, in one query."""
    return Application.objects.select_related(
        "association", "call", "call__locale", "call__training_module", "project"
    ).get(pk=application.pk)


class DecideEligibility(BaseAction):
    """Staff decide a submitted application's eligibility from the checklist.

    ``checklist`` is ``{point key: (passed, reason)}`` with a verdict on every point of
    :func:`automatic_points` (staff may overrule an automatic check) and nothing else;
    ``passed`` is True or False (a form's "False" string is refused, not read as true).
    """

    def __init__(self, application, user=None, *, checklist):
        super().__init__(application, user=user)
        self.application = application
        self.checklist = {
            key: (passed, (reason or "").strip())
            for key, (passed, reason) in (checklist or {}).items()
        }

    def check(self):
        if not is_programme_staff(self.user):
            raise ActionRefused(_("Only programme staff decide eligibility."), code="permission")
        if self.application.status != Application.Status.SUBMITTED:
            raise ActionRefused(
                _("Only a submitted application can be checked; this one is “%(status)s”.")
                % {"status": self.application.get_status_display()},
                code="state",
            )
        self.points = automatic_points(self.application)
        keys = [point.key for point in self.points]
        problems = [
            _("Give a verdict on “%(point)s”.") % {"point": point.label}
            for point in self.points
            if point.key not in self.checklist
        ]
        problems += [
            _("“%(key)s” is not a point of this checklist.") % {"key": key}
            for key in self.checklist
            if key not in keys
        ]
        problems += [
            _("Say whether “%(point)s” passed.") % {"point": point.label}
            for point in self.points
            if point.key in self.checklist and not isinstance(self.checklist[point.key][0], bool)
        ]
        problems += [
            _("Give the reason “%(point)s” failed: the association reads it.")
            % {"point": point.label}
            for point in self.points
            if point.key in self.checklist
            and self.checklist[point.key][0] is False
            and not self.checklist[point.key][1]
        ]
        if problems:
            raise ActionRefused(*problems, code="checklist")

    def execute(self):
        with transaction.atomic():
            Application.objects.select_for_update().filter(pk=self.application.pk).first()
            self.application = _load(self.application)
            self.check()
            eligible = all(self.checklist[point.key][0] for point in self.points)
            EligibilityCheck.objects.bulk_create(
                EligibilityCheck(
                    application=self.application,
                    key=point.key,
                    automatic=point.passed,
                    passed=self.checklist[point.key][0],
                    reason=self.checklist[point.key][1],
                    checked_by=self.user,
                )
                for point in self.points
            )
            status = Application.Status.ELIGIBLE if eligible else Application.Status.INELIGIBLE
            Application.objects.filter(pk=self.application.pk).update(status=status)
            self.application.status = status
            failed = [key for key, (passed, _reason) in self.checklist.items() if not passed]
            history.record(
                self.application.call,
                CallEvent.Verb.ELIGIBILITY,
                actor=self.user,
                application=self.application,
                reason="\n".join(self.checklist[key][1] for key in failed),
                outcome=status,
                failed=failed or None,
            )
            notices.notify_eligibility(self.application.pk)
        return self.application


def casablanca_today(now=None):
    return (now or clock.now()).astimezone(zoneinfo.ZoneInfo(CALL_TIME_ZONE)).date()


class RequestDocument(BaseAction):
    """Staff ask the association for a missing document, to send within the call's delay."""

    def __init__(self, application, user=None, *, message, document=None):
        super().__init__(application, user=user)
        self.application = application
        self.message = (message or "").strip()
        self.document = document

    def check(self):
        if not is_programme_staff(self.user):
            raise ActionRefused(_("Only programme staff ask for documents."), code="permission")
        if self.application.status != Application.Status.SUBMITTED:
            raise ActionRefused(
                _("Documents are asked for while eligibility is checked."), code="state"
            )
        if not self.message:
            raise ActionRefused(_("Say which document is missing."), code="message")
        if self.document is not None and self.document.call_id != self.application.call_id:
            raise ActionRefused(_("This document is not one of the call's."), code="document")

    def execute(self):
        with transaction.atomic():
            Application.objects.select_for_update().filter(pk=self.application.pk).first()
            self.application = _load(self.application)
            self.check()
            call = self.application.call.canonical()
            request = DocumentRequest.objects.create(
                application=self.application,
                document=self.document,
                message=self.message,
                due_on=casablanca_today() + datetime.timedelta(days=call.answer_days),
                requested_by=self.user,
            )
            history.record(
                self.application.call,
                CallEvent.Verb.DOCUMENT_REQUESTED,
                actor=self.user,
                application=self.application,
                reason=self.message,
                due_on=request.due_on.isoformat(),
            )
            notices.notify_document_request(request.pk)
        return request
