"""What programme figures count: the metrics, the kinds of fact they read, and the dimensions.

Each metric reads one kind of fact (an enrolment, a completion, a confirmed registration, an
attendance record, a certificate) and each dimension is a path from that fact: the country is
where the training happened (the workshop's country; for online modules, the learner's country
of residence), the specialized groups and associations are the person's, the strategic axis and
the course are the training's, the period is the fact's date.

The associative network is counted the same way: the associations in the database (not
refused, not merged) by kind, place (host country, or region for a local association), axis,
group and verification state, their country being Morocco for a local association; and the
partnerships confirmed by both sides between verified associations (as the directory lists them)
by region, axis and year of start, in the countries of both their associations.

The impact figures (evaluation, issue #25) are ``impact.py``'s, merged into :data:`SOURCES` and
:data:`METRICS` here; the shapes all of them are written in are ``definitions.py``'s.
"""

from django.db.models import Case, CharField, F, OuterRef, Subquery, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from capacity_lms.attendance.models import AttendanceRecord
from capacity_lms.calls.decisions import announced
from capacity_lms.calls.models import Application
from capacity_lms.certificates.models import Certificate
from capacity_lms.network.models import Partnership
from capacity_lms.people.models import Association
from capacity_lms.reports.definitions import (
    LOCAL,
    PERSON,
    Metric,
    Source,
    association_country,
    association_paths,
)
from capacity_lms.reports.impact import IMPACT_METRICS, IMPACT_SOURCES
from capacity_lms.workbook.models import Deliverable, DeliverableReview
from capacity_lms.workshops.models import Registration
from courses.models import CoursePage, Enrolment

DIMENSIONS = {
    "country": _("Country"),
    "group": _("Specialized group"),
    "axis": _("Strategic axis"),
    "association": _("Association"),
    "course": _("Course"),
    "period": _("Period"),
    "kind": _("Kind of association"),
    "place": _("Host country or region of Morocco"),
    "region": _("Region of Morocco"),
    "status": _("Verification"),
    "call": _("Call for projects"),
    "area": _("Capacity area"),
}


def _enrolments():
    return Enrolment.objects.all()


def _completions():
    return Enrolment.objects.filter(completed_at__isnull=False)


def _registrations():
    return Registration.objects.filter(status=Registration.Status.CONFIRMED)


def _attendance():
    return AttendanceRecord.objects.filter(user__isnull=False, status__counts_in_rate=True)


def _certificates():
    return Certificate.objects.exclude(status=Certificate.Status.REPLACED)


ONLINE = {
    **PERSON,
    "country": "user__capacity_profile__country_of_residence__code",
    "axis": "course__strategic_axis__code",
    "course": "course__translation_key",
}

TRAINING_SOURCES = {
    "enrolments": Source(_enrolments, "enrolled_at", ONLINE),
    "completions": Source(_completions, "completed_at", ONLINE),
    "registrations": Source(
        _registrations,
        "queued_at",
        {
            **PERSON,
            "country": "workshop__country__code",
            "axis": "workshop__strategic_axis__code",
            "course": "workshop__course__translation_key",
        },
        workshop="workshop",
    ),
    "attendance": Source(
        _attendance,
        "occurrence_date",
        {
            **PERSON,
            "country": "session__workshop__country__code",
            "axis": "session__workshop__strategic_axis__code",
            "course": "session__workshop__course__translation_key",
        },
        workshop="session__workshop",
    ),
    "certificates": Source(
        _certificates,
        "issued_on",
        {
            **PERSON,
            "country": Coalesce(
                "workshop__country__code", "user__capacity_profile__country_of_residence__code"
            ),
            "axis": Coalesce("course__strategic_axis__code", "workshop__strategic_axis__code"),
            "course": Coalesce("course__translation_key", "workshop__course__translation_key"),
        },
        workshop="workshop",
    ),
}


def _associations():
    return Association.objects.live().exclude(
        verification_status=Association.VerificationStatus.REJECTED
    )


def _verified_associations():
    return Association.objects.live().verified()


def _partnerships():
    return Partnership.objects.shown()


ASSOCIATION_PATHS = association_paths()

NETWORK_SOURCES = {
    "associations": Source(
        _associations,
        "created_at",
        ASSOCIATION_PATHS,
        fact_fields=("country", "place", "kind", "status"),
        fact_id=("id", _("association")),
    ),
    "verified_associations": Source(
        _verified_associations,
        "created_at",
        ASSOCIATION_PATHS,
        fact_fields=("country", "place", "kind", "status"),
        fact_id=("id", _("association")),
    ),
    "partnerships": Source(
        _partnerships,
        "starts_on",
        {
            # The side abroad's host country (the initiator's when both are abroad).
            "country": Case(
                When(initiator__kind=LOCAL, then=association_country("partner__")),
                default=F("initiator__host_country__code"),
                output_field=CharField(),
            ),
            "region": "region__code",
            "axis": "strategic_axis__code",
        },
        scope_countries=(association_country("initiator__"), association_country("partner__")),
        fact_fields=("country", "region", "axis"),
        fact_id=("id", _("partnership")),
    ),
}


# Calls for projects: an application counts once submitted (never a draft or a withdrawn one),
# in its association's country, on the axis and group it chose, in its call (all the call's
# languages are one call), on the day it was submitted. Eligible: the staff checklist passed
# (whatever the committee then decided); funded: the committee's decision.
def _applications():
    return Application.objects.exclude(
        status__in=[Application.Status.DRAFT, Application.Status.WITHDRAWN]
    )


ELIGIBLE = ["eligible", "funded", "reserve", "refused"]

APPLICATION_PATHS = {
    "country": association_country("association__"),
    "axis": "strategic_axis__code",
    "group": "specialized_group__code",
    "association": "association_id",
    "kind": "association__kind",
    "call": "call__translation_key",
}


def _application_source(facts):
    return Source(
        facts,
        "submitted_at",
        APPLICATION_PATHS,
        fact_fields=("country", "axis", "group", "call"),
        fact_id=("id", _("application")),
    )


CALL_SOURCES = {
    "applications": _application_source(_applications),
    "eligible_applications": _application_source(
        lambda: _applications().filter(status__in=ELIGIBLE)
    ),
    "funded_applications": _application_source(
        # Funded once announced: a decision recorded while the committee sits is not counted
        # before the chair closes the session (calls/decisions.py).
        lambda: _applications().filter(status=Application.Status.FUNDED).filter(announced())
    ),
}


# The project workbook: an association's deliverables in a module, in its country, its groups,
# the module's axis; submitted (on the day of the latest submission), accepted (on the day of
# the decision); the trainers' reviews for the average rubric score.
def _module_axis(key_path):
    return Subquery(
        CoursePage.objects.filter(translation_key=OuterRef(key_path))
        .order_by("pk")
        .values("strategic_axis__code")[:1]
    )


def _workbook_paths(prefix):
    association = f"{prefix}workbook__association__"
    return {
        "country": association_country(association),
        "group": f"{association}specialized_groups__code",
        "association": f"{prefix}workbook__association_id",
        "kind": f"{association}kind",
        "axis": _module_axis(f"{prefix}workbook__course_key"),
        "course": f"{prefix}workbook__course_key",
    }


def _workbook_source(facts, date, prefix=""):
    return Source(
        facts,
        date,
        _workbook_paths(prefix),
        fact_fields=("country", "axis", "course"),
        fact_id=("id", _("deliverable")),
    )


WORKBOOK_SOURCES = {
    "deliverables_submitted": _workbook_source(
        lambda: Deliverable.objects.filter(submitted_at__isnull=False), "submitted_at"
    ),
    "deliverables_accepted": _workbook_source(
        lambda: Deliverable.objects.filter(status=Deliverable.Status.ACCEPTED), "decided_at"
    ),
    "deliverable_reviews": _workbook_source(
        lambda: DeliverableReview.objects.filter(max_points__gt=0), "created_at", "deliverable__"
    ),
}

SOURCES = {
    **TRAINING_SOURCES,
    **NETWORK_SOURCES,
    **CALL_SOURCES,
    **WORKBOOK_SOURCES,
    **IMPACT_SOURCES,
}

METRICS = {
    "enrolments": Metric(_("Enrolments"), "enrolments"),
    "completions": Metric(_("Completions"), "completions"),
    "completion_rate": Metric(
        _("Completion rate (%)"), "enrolments", "ratio", "completions", "enrolments"
    ),
    "registrations": Metric(_("Workshop registrations"), "registrations"),
    "attendance_rate": Metric(_("Attendance rate (%)"), "attendance", "rate"),
    "certificates": Metric(_("Certificates issued"), "certificates"),
    "people": Metric(_("People trained (completed or attended)"), "completions", "people"),
    "associations": Metric(
        _("Associations reached (a member enrolled or registered)"), "enrolments", "associations"
    ),
    "network_associations": Metric(
        _("Associations in the database (not refused)"), "associations"
    ),
    "verified_share": Metric(
        _("Verified associations (%)"),
        "associations",
        "ratio",
        "verified_associations",
        "associations",
    ),
    "partnerships": Metric(_("Partnerships confirmed by both sides"), "partnerships"),
    "applications": Metric(_("Applications submitted"), "applications"),
    "eligible_applications": Metric(_("Applications found eligible"), "eligible_applications"),
    "funded_applications": Metric(_("Projects funded"), "funded_applications"),
    "success_rate": Metric(
        _("Success rate: projects funded of applications (%)"),
        "applications",
        "ratio",
        "funded_applications",
        "applications",
    ),
    "deliverables_submitted": Metric(
        _("Workbook deliverables submitted"), "deliverables_submitted"
    ),
    "deliverables_accepted": Metric(_("Workbook deliverables accepted"), "deliverables_accepted"),
    "rubric_score": Metric(
        _("Average rubric score (%)"),
        "deliverable_reviews",
        "score",
        numerator="points",
        denominator="max_points",
    ),
    # Sums, in each call's currency (a table mixing calls of two currencies says so).
    "amount_requested": Metric(
        _("Amount requested"), "applications", "sum", numerator="project__requested_amount"
    ),
    "amount_granted": Metric(
        _("Amount granted"), "funded_applications", "sum", numerator="decision__amount"
    ),
    **IMPACT_METRICS,
}


def metric_sources(name):
    """The names of the sources a metric reads."""
    metric = METRICS[name]
    if metric.kind in UNIONS:
        return UNIONS[metric.kind][1]
    if metric.kind == "ratio":
        return [metric.numerator, metric.denominator]
    return [metric.source]


def counts_by(metric_name, dimension):
    """Whether the figure ``metric_name`` can be broken down by ``dimension``."""
    return all(SOURCES[name].counts_by(dimension) for name in metric_sources(metric_name))


# The figures that count distinct people or associations over two kinds of fact: the path
# to what is counted, and the sources (a meeting counts only when attended).
UNIONS = {
    "people": ("user_id", ["completions", "attendance"]),
    "associations": (PERSON["association"], ["enrolments", "registrations"]),
}
