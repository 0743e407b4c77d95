"""An association's capacity record, attached to each of its applications without anybody
filling it in: what the programme's own data says the association did.

- the courses its members completed, each counted once whatever language it was followed in,
  with how many members completed it (counts, not names: the directory names a member only
  with their consent), and how many completed the call's training module: the same count the
  eligibility rule reads (:func:`trained_member_count`);
- its members' valid certificates, each with the link to its public verification page, so
  that whoever reads the record checks every certificate where a third party would;
- its earlier funded projects: the agreements the programme signed with it.

:func:`capacity_record` runs a fixed number of queries (three, four with a training module),
however many members, courses, certificates and projects there are.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language

from capacity_lms.calls.followup_models import Agreement
from capacity_lms.certificates.models import Certificate
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
class TrainedCourse:
    """A course the association's members completed, and how many of them did."""

    title: str
    language: str
    people: int = 0


@dataclass(frozen=True)
class CertificateLink:
    holder: str
    holder_language: str
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
    trained_courses: list
    trained_members: int
    module: object
    module_count: int | None
    certificates: list
    funded_projects: list

    @property
    def is_empty(self):
        return not (self.trained_courses or self.certificates or self.funded_projects)


def _trained_courses(association_id, language):
    """``(courses, members)``: the courses completed by the association's members, each once
    whatever language it was followed in (titled in ``language`` where a member followed it
    in that language), most followed first; and how many members completed any."""
    courses, people, members = {}, {}, set()
    for user_id, key, title, code in completed_enrolments(association_id).values_list(
        "user_id", "course__translation_key", "course__title", "course__locale__language_code"
    ):
        members.add(user_id)
        people.setdefault(key, set()).add(user_id)
        if key not in courses or code == language:
            courses[key] = TrainedCourse(title=title or "", language=code or "")
    for key, course in courses.items():
        course.people = len(people[key])
    ordered = sorted(courses.values(), key=lambda course: (-course.people, course.title))
    return ordered, len(members)


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
            holder_language=certificate.holder_name_language() or "",
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
    courses, members = _trained_courses(
        association_id, (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    )
    return CapacityRecord(
        trained_courses=courses,
        trained_members=members,
        module=module,
        module_count=trained_member_count(association_id, module) if module else None,
        certificates=_certificates(association_id),
        funded_projects=_funded_projects(association_id, application.pk),
    )
