"""Who sees and may change which application, what a version holds, and what stops a
submission: queries and rules, no writes (the writes are ``calls/actions.py``).

Scopes fail closed: an association's members see their association's applications, staff
holding ``capacity_lms.view_application`` see every one, everybody else sees none. Editing is
for the association's members while the application is a draft and the call is open;
submitting and withdrawing are for the association's admins (``Membership.Role.LEADER``).
"""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from capacity_lms.calls.document_models import ApplicationDocument
from capacity_lms.calls.models import Application
from capacity_lms.people.models import Association, Membership
from capacity_lms.projects import budget, readout
from capacity_lms.projects.models import Project

VIEW_ALL_PERMISSION = "capacity_lms.view_application"

# The sections an application must fill before it is submitted, with what a person reads.
REQUIRED_SECTIONS = (
    ("title", gettext_lazy("title")),
    ("summary", gettext_lazy("summary")),
    ("context", gettext_lazy("context and needs")),
    ("target_groups", gettext_lazy("target groups")),
    ("overall_objective", gettext_lazy("overall objective")),
)


def member_associations(user):
    """The associations ``user`` is a member of (admins included); none when signed out."""
    if not user.is_authenticated:
        return Association.objects.none()
    return Association.objects.filter(memberships__user=user).distinct()


def is_admin_of(user, association_id):
    """Whether ``user`` is an admin (the submitter) of the association ``association_id``."""
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(
        user=user, association_id=association_id, role=Membership.Role.LEADER
    ).exists()


def visible_applications(user):
    """The applications ``user`` may read: their associations' own, or every one for staff
    with the view permission; nothing for anybody else."""
    queryset = Application.objects.select_related("call", "association", "project")
    if not user.is_authenticated or not user.is_active:
        return queryset.none()
    if user.is_staff and user.has_perm(VIEW_ALL_PERMISSION):
        return queryset
    return queryset.filter(association__memberships__user=user).distinct()


def association_applications(user):
    """The applications of the associations ``user`` is a member of: what the association's
    pages may name (staff read applications in the admin, not here)."""
    if not user.is_authenticated or not user.is_active:
        return Application.objects.none()
    return Application.objects.select_related(
        "call__locale", "association", "project", "decision"
    ).filter(association__in=member_associations(user))


def can_edit(user, application, now=None):
    """Whether ``user`` may change the application: a member of its association, while it is
    a draft and its call is open (``now``: the server's clock)."""
    if not user.is_authenticated or not application.is_draft:
        return False
    if not Membership.objects.filter(
        user=user, association_id=application.association_id
    ).exists():
        return False
    return application.call.is_open(now)


def can_submit(user, application):
    """Whether ``user`` may submit or withdraw the application: an admin of its association
    (the call's clock and the application's status are the actions' checks)."""
    return is_admin_of(user, application.association_id)


def _text(value):
    return "" if value is None else str(value)


def _date(value):
    return None if value is None else value.isoformat()


def project_budget(project, call):
    """The project's budget computed on the server in the call's currency and rates."""
    call = call.canonical()
    return readout.compute_budget(project, call.currency, call.rates_by_currency())


def budget_problems(result, call):
    """The problems of a computed budget under the call's ceiling and co-financing share."""
    call = call.canonical()
    return budget.check(
        result, ceiling=call.ceiling, minimum_share=Decimal(call.minimum_share) / 100
    )


def snapshot(application):
    """The whole application as a JSON-able dict: what a version freezes, with the budget
    figures the server computed (amounts as decimal strings, dates in ISO format) and the
    documents attached at that moment (each by its id: the file itself stays in private
    storage, read through the download view)."""
    project = Project.objects.get(pk=application.project_id)
    result = project_budget(project, application.call)
    return {
        "call": application.call_id,
        "association": {"id": application.association_id, "name": application.association.name},
        "sections": {
            "title": project.title,
            "language": project.language,
            "summary": project.summary,
            "context": project.context,
            "target_groups": project.target_groups,
            "overall_objective": project.overall_objective,
            "starts_on": _date(project.starts_on),
            "ends_on": _date(project.ends_on),
        },
        "logframe": readout.logframe(project),
        "funding": {
            "requested": str(project.requested_amount),
            "own_contribution": str(project.own_contribution),
            "others": [
                {"name": funder.name, "amount": str(funder.amount)}
                for funder in project.other_funders.all()
            ],
        },
        "partners": [
            {
                "kind": partner.kind,
                "association": partner.association_id,
                "name": _text(
                    partner.association.name if partner.association_id else partner.name
                ),
                "role": partner.role,
            }
            for partner in project.partners.select_related("association")
        ],
        "budget": readout.budget_figures(result, budget_problems(result, application.call)),
        "documents": [
            {
                "id": document.pk,
                "title": document.title,
                "file": document.original_name,
                "kind": document.kind,
                "size": document.size,
                "required_document": document.required_document_id,
                "uploaded_at": document.uploaded_at.isoformat(),
            }
            for document in ApplicationDocument.objects.filter(application=application).order_by(
                "uploaded_at", "pk"
            )
        ],
    }


def submission_problems(application):
    """What stops the application being submitted, as messages for people (empty: none):
    sections left empty, a logframe without an objective, and the budget's problems under
    the call's ceiling, co-financing share, currency and rates."""
    project = Project.objects.get(pk=application.project_id)
    problems = [
        _("The section “%(section)s” is empty.") % {"section": label}
        for name, label in REQUIRED_SECTIONS
        if not _text(getattr(project, name)).strip()
    ]
    if not project.specific_objectives.exists():
        problems.append(_("The logical framework has no specific objective."))
    result = project_budget(project, application.call)
    problems.extend(str(problem) for problem in budget_problems(result, application.call))
    return problems
