"""The shapes every report source is written in: a kind of fact (:class:`Source`), a figure
(:class:`Metric`), and the paths that several sources share (a person's groups and
associations, an association's country and place).

``sources.py`` (training, network, calls, workbook) and ``impact.py`` (evaluation) both build
their sources from these; ``sources.py`` merges them into ``SOURCES`` and ``METRICS``.
"""

from dataclasses import dataclass

from django.db.models import Case, CharField, F, Value, When
from django.db.models.functions import Concat, TruncMonth, TruncQuarter, TruncYear
from django.utils.translation import gettext_lazy as _

from capacity_lms.people.models import Association

PERSON = {
    "group": "user__capacity_profile__specialized_groups__code",
    "association": "user__capacity_memberships__association_id",
    "kind": "user__capacity_memberships__association__kind",
}

PERIODS = {"month": TruncMonth, "quarter": TruncQuarter, "year": TruncYear}


@dataclass(frozen=True)
class Source:
    """Where a metric's facts come from, and how each dimension reads on them."""

    facts: object  # () -> QuerySet
    date: str
    paths: dict
    workshop: str | None = None  # the path to the fact's workshop, for a trainer's scope
    # The countries a coordinator's scope reads, when they are not just the "country" dimension
    # (a partnership belongs to both its associations' countries).
    scope_countries: tuple = ()
    # The underlying rows' download: the dimensions each fact's row gives after its date, and
    # the column naming the fact (its path, its header).
    fact_fields: tuple = ("country", "axis", "course")
    fact_id: tuple = ("user_id", _("person"))
    # For a protected figure: the path to the answer a fact belongs to, counted once per cell
    # (an association's self-assessment holds one score per capacity area: one answer).
    answers: str = "pk"

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

    def counts_by(self, dimension):
        return dimension == "period" or dimension in self.paths

    def country_expressions(self):
        """What a coordinator's countries are compared with: any of these may match."""
        return self.scope_countries or (self.expression("country"),)


@dataclass(frozen=True)
class Metric:
    label: str
    source: str
    # count | people | rate (weighted attendance) | ratio (of two counts) | sum (of
    # ``numerator``, a path to an amount) | score (the sum of ``numerator`` over the sum of
    # ``denominator`` times ``scale``: in percent, points given of the points a rubric offers;
    # without a denominator, the mean of ``numerator`` over the facts that have one)
    kind: str = "count"
    numerator: str | None = None
    denominator: str | None = None
    scale: int = 100
    # Figures from people's answers: every entry from fewer than
    # CAPACITY_LMS_REPORT_MIN_ANSWERS answers is hidden, with what would give it away
    # (``suppression.py``), and their facts are never downloaded row by row.
    protected: bool = False
    # The heading the figure is listed under in the report's choice of figures.
    choice_group: object = None


# Local associations are in Morocco: their country, for the dimension and for a coordinator.
MOROCCO = "ma"
LOCAL = Association.Kind.LOCAL


def association_country(prefix=""):
    """The code of the country an association is in: its host country, or Morocco."""
    return Case(
        When(**{f"{prefix}kind": LOCAL}, then=Value(MOROCCO)),
        default=F(f"{prefix}host_country__code"),
        output_field=CharField(),
    )


def association_place(prefix=""):
    """``country:<code>`` for an association abroad, ``region:<code>`` for a local one (the
    prefix keeps a region's code from ever reading as a country's)."""
    return Case(
        When(
            **{f"{prefix}kind": LOCAL}, then=Concat(Value("region:"), F(f"{prefix}region__code"))
        ),
        default=Concat(Value("country:"), F(f"{prefix}host_country__code")),
        output_field=CharField(),
    )


def association_paths(prefix=""):
    """The dimensions of a fact about an association, reached through ``prefix``."""
    return {
        "country": association_country(prefix),
        "kind": f"{prefix}kind",
        "place": association_place(prefix),
        "region": f"{prefix}region__code",
        "axis": f"{prefix}strategic_axes__code",
        "group": f"{prefix}specialized_groups__code",
        "association": f"{prefix}id",
        "status": f"{prefix}verification_status",
    }
