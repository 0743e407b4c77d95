"""The state changes of an application, one action each: start, save a draft version, submit,
withdraw, reopen a withdrawn application as a draft. Each one that changes the application's
state writes one history row (``calls/history.py``) in the transaction that made the change.

Submitting and withdrawing lock the application's row (``select_for_update`` on PostgreSQL;
SQLite runs IMMEDIATE transactions), then read its state again: of any number of submissions
at once, one freezes a version and writes its history row, the others find it submitted and
change nothing. The clock is the server's (``now`` is for tests and commands, never a time a
client sent), read against the call's closing instant in Casablanca (``calls/deadlines.py``).
"""

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from capacity_lms.calls import history
from capacity_lms.calls.applications import (
    can_edit,
    is_admin_of,
    snapshot,
    submission_problems,
)
from capacity_lms.calls.deadlines import refuse_after_deadline
from capacity_lms.calls.models import Application, ApplicationVersion, CallEvent
from capacity_lms.core import clock
from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.people.models import Membership
from capacity_lms.projects.models import Project
from capacity_lms.projects.writing import copy_project
from capacity_lms.workbook.access import accepted_workbooks


def _signed_in(user):
    if user is None or not user.is_authenticated:
        raise ActionRefused(_("Sign in to continue."), code="anonymous")


def _next_number(application):
    latest = application.versions.aggregate(latest=Max("number"))["latest"]
    return (latest or 0) + 1


def _updated(given, application):
    """``application`` as the database holds it, its state copied onto the instance the
    caller gave (so that it does not go on showing the state it had before)."""
    given.status, given.submitted_at = application.status, application.submitted_at
    return application


class StartApplication(BaseAction):
    """A member of ``association`` starts its application to ``call`` (an empty project
    titled ``title``, in the call's currency). One application per association per call,
    enforced by the database: starting again, or twice at once, gives the one that exists."""

    def __init__(
        self, call, user=None, *, association, title="", language="", now=None, workbook=None
    ):
        super().__init__(call, user=user)
        self.call = call.canonical()
        self.association = association
        self.title = (title or "").strip()
        self.language = language or ""
        self.now = now
        self.workbook = workbook

    def existing(self):
        return Application.objects.filter(call=self.call, association=self.association).first()

    def check(self):
        _signed_in(self.user)
        if not Membership.objects.filter(user=self.user, association=self.association).exists():
            raise ActionRefused(
                _("Only members of the association may start its application."),
                code="not_member",
            )
        if not self.call.is_open(self.now):
            raise ActionRefused(_("This call is not open for applications."), code="call_closed")
        if self.workbook is not None:
            self.check_workbook()

    def check_workbook(self):
        """Only an admin of the association starts from its workbook, once some of the
        workbook is accepted by the module's trainers."""
        if self.workbook.association_id != self.association.pk or not (
            Membership.objects.filter(
                user=self.user, association=self.association, role=Membership.Role.LEADER
            ).exists()
        ):
            raise ActionRefused(
                _("Only an admin of the association starts an application from its workbook."),
                code="not_admin",
            )
        if not accepted_workbooks(self.association).filter(pk=self.workbook.pk).exists():
            raise ActionRefused(
                _("Start from a workbook once the trainers have accepted some of its work."),
                code="workbook_not_accepted",
            )

    def new_project(self):
        if self.workbook is None:
            return Project.objects.create(
                association=self.association,
                title=self.title or self.call.title,
                language=self.language,
                currency=self.call.currency,
                created_by=self.user,
            )
        # A copy: the workbook and the application change apart from now on.
        project = copy_project(self.workbook.project, association=self.association, user=self.user)
        project.currency = self.call.currency
        if self.title:
            project.title = self.title
        project.save(update_fields=["currency", "title", "updated_at"])
        return project

    def execute(self):
        self.check()
        found = self.existing()
        if found is not None:
            return found
        try:
            with transaction.atomic():
                project = self.new_project()
                application = Application.objects.create(
                    call=self.call,
                    association=self.association,
                    project=project,
                    started_from=self.workbook,
                )
                history.record(
                    self.call, CallEvent.Verb.STARTED, actor=self.user, application=application
                )
        except IntegrityError:
            # Another member started it at the same moment: theirs is the association's one.
            found = self.existing()
            if found is None:
                raise
            return found
        return application


class SaveVersion(BaseAction):
    """A member saves a draft version of the application (a snapshot, not submitted): the
    application's state does not change, so no history row is written."""

    def __init__(self, application, user=None, *, now=None):
        super().__init__(application, user=user)
        self.application = application
        self.now = now

    def check(self):
        _signed_in(self.user)
        if not can_edit(self.user, self.application, self.now):
            raise ActionRefused(
                _("This application cannot be changed: it is not a draft or the call is closed."),
                code="not_editable",
            )

    def execute(self):
        self.check()
        with transaction.atomic():
            application = Application.objects.select_for_update().get(pk=self.application.pk)
            return ApplicationVersion.objects.create(
                application=application,
                number=_next_number(application),
                snapshot=snapshot(application),
                submitted=False,
                saved_by=self.user,
            )


class _AdminStateChange(BaseAction):
    """Submitting or withdrawing: an admin of the association moves the application from one
    of ``ALLOWED`` to ``DONE`` (already ``DONE``: nothing changes), before the deadline, on
    the application's row locked and read again (the instance given may be older than the
    database); ``change()`` writes the new state and its history row."""

    ALLOWED = ()
    DONE = None
    NOT_ADMIN = ""
    NOT_ALLOWED = ("", "")

    def __init__(self, application, user=None, *, now=None):
        super().__init__(application, user=user)
        self.application = application
        self.now = now

    def check(self, application=None):
        application = application or self.application
        _signed_in(self.user)
        if not is_admin_of(self.user, application.association_id):
            raise ActionRefused(self.NOT_ADMIN, code="not_submitter")
        if application.status not in self.ALLOWED:
            message, code = self.NOT_ALLOWED
            raise ActionRefused(message, code=code)
        if application.status != self.DONE:
            refuse_after_deadline(application.call.closes, self.now or clock.now())

    def execute(self):
        now = self.now or clock.now()
        with transaction.atomic():
            application = (
                Application.objects.select_for_update(of=("self",))
                .select_related("call", "association")
                .get(pk=self.application.pk)
            )
            self.check(application)
            if application.status != self.DONE:
                self.change(application, now)
        return _updated(self.application, application)

    def change(self, application, now):
        raise NotImplementedError


class SubmitApplication(_AdminStateChange):
    """An admin of the association submits the application before the deadline: one frozen
    version, the status and date, one history row, in one transaction. Submitting what is
    already submitted changes nothing (a second click is not an error)."""

    ALLOWED = (Application.Status.DRAFT, Application.Status.SUBMITTED)
    DONE = Application.Status.SUBMITTED
    NOT_ADMIN = gettext_lazy("Only an admin of the association may submit its application.")
    NOT_ALLOWED = (gettext_lazy("This application can no longer be submitted."), "not_submittable")

    def change(self, application, now):
        problems = submission_problems(application)
        if problems:
            raise ActionRefused(*problems, code="incomplete")
        version = ApplicationVersion.objects.create(
            application=application,
            number=_next_number(application),
            snapshot=snapshot(application),
            submitted=True,
            saved_by=self.user,
        )
        application.status = Application.Status.SUBMITTED
        application.submitted_at = now
        application.save(update_fields=["status", "submitted_at"])
        history.record(
            application.call,
            CallEvent.Verb.SUBMITTED,
            actor=self.user,
            application=application,
            version=version.number,
        )


class WithdrawApplication(_AdminStateChange):
    """An admin of the association withdraws its submitted application, before the deadline
    only, saying why if they wish; one history row. Withdrawing again changes nothing."""

    ALLOWED = (Application.Status.SUBMITTED, Application.Status.WITHDRAWN)
    DONE = Application.Status.WITHDRAWN
    NOT_ADMIN = gettext_lazy("Only an admin of the association may withdraw its application.")
    NOT_ALLOWED = (gettext_lazy("Only a submitted application can be withdrawn."), "not_submitted")

    def __init__(self, application, user=None, *, reason="", now=None):
        super().__init__(application, user=user, now=now)
        self.reason = (reason or "").strip()

    def change(self, application, now):
        application.status = Application.Status.WITHDRAWN
        application.save(update_fields=["status"])
        history.record(
            application.call,
            CallEvent.Verb.WITHDRAWN,
            actor=self.user,
            application=application,
            reason=self.reason,
        )


class ReopenApplication(_AdminStateChange):
    """An admin of the association takes its withdrawn application back as a draft, before
    the deadline, to correct it and submit again (the association has one application per
    call: a withdrawal must not cost it the year). The versions submitted before stay as they
    were frozen; one history row. Reopening a draft changes nothing."""

    ALLOWED = (Application.Status.WITHDRAWN, Application.Status.DRAFT)
    DONE = Application.Status.DRAFT
    NOT_ADMIN = gettext_lazy("Only an admin of the association may reopen its application.")
    NOT_ALLOWED = (gettext_lazy("Only a withdrawn application can be reopened."), "not_withdrawn")

    def change(self, application, now):
        application.status = Application.Status.DRAFT
        application.submitted_at = None
        application.save(update_fields=["status", "submitted_at"])
        history.record(
            application.call, CallEvent.Verb.REOPENED, actor=self.user, application=application
        )
