"""What programme figures count: the metrics, the kinds of fact they read, and the dimensions.

Each metric reads one kind of fact (an enrolment, a completion, a confirmed registration, an
attendance record, a certificate) and each dimension is a path from that fact: the country is
where the training happened (the workshop's country; for online modules, the learner's country
of residence), the specialized groups and associations are the person's, the strategic axis and
the course are the training's, the period is the fact's date.
"""

from dataclasses import dataclass

from django.db.models import F
from django.db.models.functions import Coalesce, TruncMonth, TruncQuarter, TruncYear
from django.utils.translation import gettext_lazy as _

from capacity_lms.attendance.models import AttendanceRecord
from capacity_lms.certificates.models import Certificate
from capacity_lms.workshops.models import Registration
from courses.models import Enrolment

PERSON = {
    "group": "user__capacity_profile__specialized_groups__code",
    "association": "user__capacity_memberships__association_id",
}

DIMENSIONS = {
    "country": _("Country"),
    "group": _("Specialized group"),
    "axis": _("Strategic axis"),
    "association": _("Association"),
    "course": _("Course"),
    "period": _("Period"),
}

PERIODS = {"month": TruncMonth, "quarter": TruncQuarter, "year": TruncYear}


@dataclass(frozen=True)
class Source:
    """Where a metric's facts come from, and how each dimension reads on them."""

    facts: object  # () -> QuerySet
    date: str
    paths: dict
    workshop: str | None = None  # the path to the fact's workshop, for a trainer's scope

    def queryset(self):
        return self.facts()

    @property
    def date_lookup(self):
        """The fact's date as a date (the day of a timestamp, in the current time zone)."""
        return f"{self.date}__date" if self.date.endswith("_at") else self.date

    def expression(self, dimension, period="month"):
        if dimension == "period":
            return PERIODS[period](self.date)
        path = self.paths[dimension]
        return path if not isinstance(path, str) else F(path)


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

SOURCES = {
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


@dataclass(frozen=True)
class Metric:
    label: str
    source: str
    kind: str = "count"  # count | people | rate (weighted attendance) | ratio (of two counts)
    numerator: str | None = None
    denominator: str | None = None


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
}

# The figures that count distinct people or associations over two kinds of fact: the path
# to what is counted, and the sources (a meeting counts only when attended).
UNIONS = {
    "people": ("user_id", ["completions", "attendance"]),
    "associations": (PERSON["association"], ["enrolments", "registrations"]),
}
