"""E-mails of the follow-up of funded projects, to the association's admins, each in their own
language: a report is late (sent once: ``followup.remind_late_reports``), approved, or returned
for changes (with the reason)."""

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from capacity_lms.calls.followup_models import ProjectReport
from capacity_lms.core.languages import language_of
from capacity_lms.network.notifications import association_admins

SUBJECTS = {
    "report_late": _("Your project report is late: %(project)s"),
    "report_approved": _("Your project report is approved: %(project)s"),
    "report_returned": _("Your project report needs changes: %(project)s"),
}


def notify_later(report_id, notice):
    """Queue :func:`notify_report` once the current transaction commits."""
    transaction.on_commit(lambda: notify_report.enqueue(report_id, notice))


@task()
def notify_report(report_id, notice):
    """E-mail the admins of the report's association about ``notice``; how many were told."""
    report = (
        ProjectReport.objects.select_related("application__project", "application__association")
        .filter(pk=report_id)
        .first()
    )
    if report is None or notice not in SUBJECTS:
        return 0
    reason = ""
    if notice == "report_returned":
        event = report.application.events.filter(verb="report_returned").order_by("-pk").first()
        reason = event.reason if event else ""
    told = 0
    for person in association_admins(report.application.association_id):
        with translation.override(language_of(person)):
            context = {"notice": notice, "report": report, "reason": reason}
            message = EmailMessage(
                subject=str(SUBJECTS[notice] % {"project": report.application.project.title}),
                body=render_to_string("capacity_lms/calls/email/report_notice.txt", context),
                to=[person.email],
            )
        message.send()
        told += 1
    return told
