"""E-mails of the eligibility check and the committee, queued once the action's transaction
commits (a refused or rolled-back change sends nothing).

An association is written to in its own language: the first of the languages it lists that the
site speaks; an association that lists none of them is written to in each admin's own language
(their profile's, else the site's). Each admin gets their own e-mail: nobody's address is shown
to another. Reviewers and chairs are written to in their own language.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from capacity_lms.calls.eligibility_models import DocumentRequest
from capacity_lms.calls.models import Application
from capacity_lms.calls.pages import CommitteeMember
from capacity_lms.calls.review_models import Decision, ReviewAssignment, Score
from capacity_lms.core.languages import language_of
from capacity_lms.core.links import absolute_url
from capacity_lms.network.notifications import association_admins


def association_language(association):
    """The first language the association lists that the site speaks, else None."""
    spoken = {code for code, _name in settings.LANGUAGES}
    for code in association.languages or []:
        language = str(code).split("-")[0].lower()
        if language in spoken:
            return language
    return None


def _send(person, language, subject, body):
    with translation.override(language):
        message = EmailMessage(subject=str(subject()), body=str(body()), to=[person.email])
    message.send()


def _tell_admins(application, subject, body):
    language = association_language(application.association)
    admins = association_admins(application.association_id)
    for person in admins:
        _send(person, language or language_of(person), subject, body)
    return len(admins)


def _application(application_id):
    return (
        Application.objects.select_related("association", "call", "project", "decision")
        .filter(pk=application_id)
        .first()
    )


@task()
def send_eligibility_outcome(application_id):
    application = _application(application_id)
    if application is None:
        return 0
    checks = list(application.eligibility_checks.order_by("pk"))
    names = {"call": application.call.title, "project": application.project.title}

    def subject():
        if application.status == Application.Status.ELIGIBLE:
            return _("Your application is eligible: %(project)s") % names
        return _("Your application is not eligible: %(project)s") % names

    def body():
        lines = [
            _("The eligibility of your application “%(project)s” to “%(call)s” was checked.")
            % names
        ]
        lines.append(_("Outcome: %(outcome)s") % {"outcome": application.get_status_display()})
        if application.status == Application.Status.ELIGIBLE:
            lines.append(_("It is eligible and goes to the committee."))
        else:
            lines.append(_("It is not eligible, for these reasons:"))
            lines.extend(f"- {check.reason}" for check in checks if not check.passed)
        return "\n\n".join(lines)

    return _tell_admins(application, subject, body)


@task()
def send_document_request(request_id):
    request = (
        DocumentRequest.objects.select_related(
            "application__association", "application__call", "application__project"
        )
        .filter(pk=request_id)
        .first()
    )
    if request is None:
        return 0
    application = request.application
    names = {"project": application.project.title, "call": application.call.title}

    def subject():
        return _("A document is missing from your application: %(project)s") % names

    def body():
        return "\n\n".join(
            [
                _("Programme staff ask for a document for “%(project)s” (“%(call)s”):") % names,
                request.message,
                _("Please send it before %(date)s.") % {"date": request.due_on.isoformat()},
            ]
        )

    return _tell_admins(application, subject, body)


@task()
def send_conflict_to_chairs(assignment_id):
    """Tell the call's chairs that a reviewer declared a conflict: they assign another one."""
    assignment = (
        ReviewAssignment.objects.select_related(
            "reviewer", "application__association", "application__call"
        )
        .filter(pk=assignment_id)
        .first()
    )
    if assignment is None:
        return 0
    names = {
        "reviewer": assignment.reviewer.get_full_name() or assignment.reviewer.get_username(),
        "association": assignment.application.association.name,
        "call": assignment.application.call.title,
    }

    def subject():
        return _("A reviewer declared a conflict of interest: %(association)s") % names

    def body():
        return (
            _(
                "%(reviewer)s declared a conflict of interest on the application of "
                "%(association)s to “%(call)s”. The application is hidden from them; please "
                "assign another reviewer."
            )
            % names
        )

    chairs = [
        seat.user
        for seat in CommitteeMember.objects.filter(
            call=assignment.application.call, is_chair=True, user__is_active=True
        )
        .exclude(user__email="")
        .select_related("user__capacity_profile")
    ]
    for person in chairs:
        _send(person, language_of(person), subject, body)
    return len(chairs)


@task()
def send_decision(application_id):
    application = _application(application_id)
    if application is None or not hasattr(application, "decision"):
        return 0
    decision = application.decision
    comments = list(
        Score.objects.filter(
            assignment__application=application, assignment__submitted_at__isnull=False
        )
        .exclude(comment="")
        .order_by("criterion__sort_order", "criterion_id", "assignment_id")
        .values_list("criterion__name", "comment")
    )
    names = {
        "project": application.project.title,
        "call": application.call.title,
        "amount": f"{decision.amount} {application.call.currency}" if decision.amount else "",
    }

    def subject():
        return _("The committee's decision on your application: %(project)s") % names

    def body():
        outcome = {
            "funded": _("The committee funds your project “%(project)s” with %(amount)s."),
            "reserve": _("The committee put your project “%(project)s” on the reserve list."),
            "refused": _("The committee did not select your project “%(project)s”."),
        }[decision.outcome]
        lines = [
            _("Decision: %(outcome)s") % {"outcome": decision.get_outcome_display()},
            outcome % names,
            _("Reason: %(reason)s") % {"reason": decision.reason},
        ]
        if decision.outcome == Decision.Outcome.REFUSED and comments:
            # Refused associations read the reviewers' comments, never who wrote them.
            lines.append(_("The reviewers' comments:"))
            lines.extend(f"- {name}: {comment}" for name, comment in comments)
        # Reversed in the reader's language (body() runs under it): the page speaks it too.
        page = absolute_url(reverse("capacity_lms:application_edit", args=[application.pk]))
        lines.append(_("Read the decision on your application's page: %(url)s") % {"url": page})
        return "\n\n".join(lines)

    return _tell_admins(application, subject, body)


def notify_eligibility(application_id):
    transaction.on_commit(lambda: send_eligibility_outcome.enqueue(application_id))


def notify_document_request(request_id):
    transaction.on_commit(lambda: send_document_request.enqueue(request_id))


def notify_conflict(assignment_id):
    transaction.on_commit(lambda: send_conflict_to_chairs.enqueue(assignment_id))


def notify_decision(application_id):
    transaction.on_commit(lambda: send_decision.enqueue(application_id))
