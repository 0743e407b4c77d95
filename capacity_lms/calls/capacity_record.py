"""An association's capacity record, attached to each of its applications without anybody
filling it in: what the programme's own data says the association did.

- its members who completed courses (each course counted once, whatever language it was
  followed in), and how many completed the call's training module: the same count the
  eligibility rule reads (:func:`trained_member_count`);
- its members' valid certificates, each with the link to its public verification page, so
  that whoever reads the record checks every certificate where a third party would;
- its earlier funded projects: the agreements the programme signed with it.

:func:`capacity_record` runs a fixed number of queries (three, four with a training module),
however many members, courses, certificates and projects there are.
"""

from dataclasses import dataclass, field

from capacity_lms.calls.followup_models import Agreement
from capacity_lms.certificates.models import Certificate
from capacity_lms.core.names import person_name
from courses.models import Enrolment


def completed_enrolments(association_id, module=None):
    """The completed enrolments of the association's members; of ``module`` (in any of its
    languages) only, when one is named."""
    enrolments = Enrolment.objects.completed().filter(
        user__capacity_memberships__association_id=association_id
    )
    if module is not None:
        enrolments = enrolments.filter(course__translation_key=module.translation_key)
    return enrolments


def trained_member_count(association_id, module):
    """How many members of the association completed ``module`` in any of its languages:
    what the call's rule on trained members counts."""
    return completed_enrolments(association_id, module).values("user_id").distinct().count()


@dataclass
class TrainedMember:
    name: str
    courses: list = field(default_factory=list)


@dataclass(frozen=True)
class CertificateLink:
    holder: str
    title: str
    title_language: str
    reference: str
    issued_on: object
    state: str
    state_label: str
    verify_path: str


@dataclass(frozen=True)
class FundedProject:
    call: str
    year: int
    title: str
    language: str
    amount: object
    currency: str
    signed_on: object


@dataclass(frozen=True)
class CapacityRecord:
    trained_members: list
    module: object
    module_count: int | None
    certificates: list
    funded_projects: list

    @property
    def is_empty(self):
        return not (self.trained_members or self.certificates or self.funded_projects)


def _trained_members(association_id):
    members, seen = {}, set()
    enrolments = (
        completed_enrolments(association_id)
        .select_related("user", "course")
        .order_by("user__last_name", "user__first_name", "user_id", "completed_at", "pk")
    )
    for enrolment in enrolments:
        course = enrolment.course
        key = (enrolment.user_id, course.translation_key if course else enrolment.course_id)
        if key in seen:
            continue
        seen.add(key)
        member = members.setdefault(enrolment.user_id, TrainedMember(person_name(enrolment.user)))
        if course is not None:
            member.courses.append(course.title)
    return list(members.values())


def _certificates(association_id):
    certificates = (
        Certificate.objects.live()
        .filter(user__capacity_memberships__association_id=association_id)
        .distinct()
        .order_by("-issued_on", "-pk")
    )
    return [
        CertificateLink(
            holder=certificate.holder_name(),
            title=certificate.title(),
            title_language=certificate.title_language() or "",
            reference=certificate.reference,
            issued_on=certificate.issued_on,
            state=certificate.state,
            state_label=str(certificate.get_state_display()),
            verify_path=certificate.verification_path(),
        )
        for certificate in certificates
    ]


def _funded_projects(association_id, exclude_application_id):
    agreements = (
        Agreement.objects.filter(application__association_id=association_id)
        .exclude(application_id=exclude_application_id)
        .select_related("application__call", "application__project")
        .order_by("-signed_on", "-pk")
    )
    return [
        FundedProject(
            call=agreement.application.call.title,
            year=agreement.application.call.year,
            title=agreement.application.project.title,
            language=agreement.application.project.language,
            amount=agreement.amount,
            currency=agreement.application.call.currency,
            signed_on=agreement.signed_on,
        )
        for agreement in agreements
    ]


def capacity_record(application):
    """The capacity record of ``application``'s association, as it stands today, with the
    count of members trained in the module of ``application``'s call (if it names one)."""
    association_id = application.association_id
    call = application.call.canonical()
    module = call.training_module if call.training_module_id else None
    return CapacityRecord(
        trained_members=_trained_members(association_id),
        module=module,
        module_count=trained_member_count(association_id, module) if module else None,
        certificates=_certificates(association_id),
        funded_projects=_funded_projects(association_id, application.pk),
    )
