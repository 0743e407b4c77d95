"""Programme figures as cross tables: any two of country, specialized group, strategic axis,
association, course and period, filtered on the others.

Each metric reads one kind of fact (an enrolment, a completion, a confirmed registration, an
attendance record, a certificate) and each dimension is a path from that fact: the country is
where the training happened (the workshop's country; for online modules, the learner's country
of residence), the specialized groups and associations are the person's, the strategic axis and
the course are the training's, the period is the fact's date. A person in two groups counts in
both groups' rows, once in the total: totals are computed, not summed.

A table costs a fixed number of queries (cells, row totals, column totals, grand total, and one
per dimension for the labels), whatever the data size.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import (
    CharField,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    Sum,
    Value,
)
from django.db.models.functions import Cast, Coalesce, TruncMonth, TruncQuarter, TruncYear
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


@dataclass
class ReportRequest:
    metric: str = "enrolments"
    rows: str = "country"
    columns: str = "axis"
    period: str = "quarter"
    start: object = None
    end: object = None
    filters: dict = field(default_factory=dict)  # dimension -> [values]


@dataclass
class CrossTable:
    request: ReportRequest
    row_keys: list
    column_keys: list
    cells: dict
    row_totals: dict
    column_totals: dict
    total: object

    def value(self, row, column):
        return self.cells.get((row, column))


def restricted(source, queryset, request, scope):
    """Apply the date range, the filters and what the viewer may see."""
    if request.start:
        queryset = queryset.filter(**{f"{source.date_lookup}__gte": request.start})
    if request.end:
        queryset = queryset.filter(**{f"{source.date_lookup}__lte": request.end})
    for dimension, values in request.filters.items():
        if values and dimension in source.paths:
            # By id, in a subquery: a join here would repeat a fact once per matching group or
            # association, and a sum (the attendance rate) would count it twice.
            matching = (
                source.queryset()
                .alias(chosen=source.expression(dimension))
                .filter(chosen__in=values)
                .values("pk")
            )
            queryset = queryset.filter(pk__in=matching)
    if scope is not None:
        queryset = scope.limit(source, queryset)
    return queryset


def _grouped(queryset, source, request, by, aggregate):
    """``{key: value}`` (or ``{(row, column): value}``) of ``aggregate`` grouped by ``by``."""
    names = [f"d_{name}" for name in by]
    annotated = queryset.annotate(
        **{f"d_{name}": source.expression(name, request.period) for name in by}
    )
    rows = (
        annotated.order_by().values(*names).annotate(value=aggregate).values_list(*names, "value")
    )
    if len(by) == 2:
        return {(row, column): value for row, column, value in rows}
    if len(by) == 1:
        return dict(rows)
    return rows


def _table_of(source_name, request, scope, aggregate):
    source = SOURCES[source_name]
    queryset = restricted(source, source.queryset(), request, scope)
    cells = _grouped(queryset, source, request, [request.rows, request.columns], aggregate)
    rows = _grouped(queryset, source, request, [request.rows], aggregate)
    columns = _grouped(queryset, source, request, [request.columns], aggregate)
    total = queryset.aggregate(value=aggregate)["value"]
    return cells, rows, columns, total


def _count(path="pk"):
    return Count(path, distinct=True)


def _weighted_rate():
    """Percent of the meetings counted, weighted by status (present 1, late 0.75...). In floating
    point: SQLite would divide two integral sums as integers."""
    weight = Cast(Sum("status__weight"), FloatField())
    return ExpressionWrapper(weight * Value(100.0) / Count("pk"), output_field=FloatField())


def cross_table(request, scope=None):
    """The :class:`CrossTable` of ``request`` for a viewer limited by ``scope``."""
    metric = METRICS[request.metric]
    if metric.kind == "count":
        parts = _table_of(metric.source, request, scope, _count())
    elif metric.kind == "rate":
        parts = _table_of(metric.source, request, scope, _weighted_rate())
    elif metric.kind in UNIONS:
        parts = _union_count(request, scope, metric.kind)
    else:  # ratio
        top = _table_of(metric.numerator, request, scope, _count())
        bottom = _table_of(metric.denominator, request, scope, _count())
        parts = tuple(_ratio(a, b) for a, b in zip(top, bottom, strict=True))
    cells, rows, columns, total = parts
    return CrossTable(
        request=request,
        row_keys=sorted({key for key in rows if key is not None}, key=_sort_key)
        + ([None] if None in rows else []),
        column_keys=sorted({key for key in columns if key is not None}, key=_sort_key)
        + ([None] if None in columns else []),
        cells=cells,
        row_totals=rows,
        column_totals=columns,
        total=total,
    )


def _sort_key(value):
    return (str(type(value)), value)


def _ratio(top, bottom):
    if isinstance(top, dict):
        return {
            key: (Decimal(100) * top.get(key, 0) / value) if value else None
            for key, value in bottom.items()
        }
    return (Decimal(100) * (top or 0) / bottom) if bottom else None


# The figures that count distinct people or associations over two kinds of fact: the path
# to what is counted, and the sources (a meeting counts only when attended).
UNIONS = {
    "people": ("user_id", ["completions", "attendance"]),
    "associations": (PERSON["association"], ["enrolments", "registrations"]),
}


def _union_facts(kind, request, scope):
    """``(source, restricted facts)`` for each source of the union figure ``kind``."""
    for name in UNIONS[kind][1]:
        source = SOURCES[name]
        facts = source.queryset()
        if name == "attendance":
            facts = facts.filter(status__weight__gt=0)
        yield source, restricted(source, facts, request, scope)


def _union_count(request, scope, kind):
    """Distinct people (or associations) over several sources, per cell, row, column and in
    all."""
    path = UNIONS[kind][0]
    seen = {"cells": {}, "rows": {}, "columns": {}, "total": set()}
    for source, facts in _union_facts(kind, request, scope):
        queryset = facts.annotate(
            d_row=source.expression(request.rows, request.period),
            d_column=source.expression(request.columns, request.period),
            d_who=F(path),
        )
        for row, column, who in (
            queryset.order_by().values_list("d_row", "d_column", "d_who").distinct()
        ):
            if who is None:
                continue
            seen["cells"].setdefault((row, column), set()).add(who)
            seen["rows"].setdefault(row, set()).add(who)
            seen["columns"].setdefault(column, set()).add(who)
            seen["total"].add(who)
    return (
        {key: len(people) for key, people in seen["cells"].items()},
        {key: len(people) for key, people in seen["rows"].items()},
        {key: len(people) for key, people in seen["columns"].items()},
        len(seen["total"]),
    )


class ReportScope:
    """What one viewer may count: everything, some countries, or their own workshops."""

    def __init__(self, countries=None, workshops=None):
        self.countries = countries  # None: every country
        self.workshops = workshops  # None: not limited to workshops

    @classmethod
    def everything(cls):
        return cls()

    def limit(self, source, queryset):
        if self.countries is not None:
            queryset = queryset.alias(scope_country=source.expression("country")).filter(
                scope_country__in=list(self.countries)
            )
        if self.workshops is not None:
            if source.workshop is None:
                return queryset.none()
            queryset = queryset.filter(**{f"{source.workshop}__in": self.workshops})
        return queryset


__all__ = [
    "DIMENSIONS",
    "METRICS",
    "PERIODS",
    "CrossTable",
    "ReportRequest",
    "ReportScope",
    "cross_table",
    "cube",
    "fact_rows",
    "fact_values",
    "grand_total",
]


def grand_total(metric_name, scope=None, request=None):
    """One figure over everything ``scope`` may see (the admin home's summary): one query, two
    for the figures that unite two kinds of fact."""
    request = request or ReportRequest(metric=metric_name)
    metric = METRICS[metric_name]
    if metric.kind in UNIONS:
        path = UNIONS[metric.kind][0]
        seen = set()
        for _source, facts in _union_facts(metric.kind, request, scope):
            seen.update(facts.order_by().values_list(path, flat=True).distinct())
        seen.discard(None)
        return len(seen)
    if metric.kind == "ratio":
        top = grand_total(metric.numerator, scope, request)
        bottom = grand_total(metric.denominator, scope, request)
        return _ratio(top, bottom)
    source = SOURCES[metric.source]
    aggregate = _weighted_rate() if metric.kind == "rate" else _count()
    queryset = restricted(source, source.queryset(), request, scope)
    return queryset.aggregate(value=aggregate)["value"]


def cube(request, dimensions, scope=None):
    """``{(key, ...): value}`` of a count or rate metric over any number of ``dimensions``,
    in one query (the country x group x axis report)."""
    metric = METRICS[request.metric]
    if metric.kind not in ("count", "rate"):
        raise ValueError(f"{request.metric} has no cube: it is not a plain count or rate.")
    source = SOURCES[metric.source]
    aggregate = _weighted_rate() if metric.kind == "rate" else _count()
    queryset = restricted(source, source.queryset(), request, scope)
    rows = _grouped(queryset, source, request, list(dimensions), aggregate)
    if len(dimensions) <= 2:
        return rows
    return {tuple(row[:-1]): row[-1] for row in rows}


FACT_COLUMNS = ["date", "country", "axis", "course", "person"]


def fact_values(request, scope=None):
    """The facts a metric counts as a values queryset: (date, country, axis, course key, person
    id). Country and axis codes are neutralised for spreadsheets in the query itself (a code
    an editor typed could start with ``=``), so that PostgreSQL's COPY can write the export."""
    source = SOURCES[METRICS[request.metric].source]
    queryset = restricted(source, source.queryset(), request, scope)
    return (
        queryset.annotate(
            f_country=_neutralised(source.expression("country")),
            f_axis=_neutralised(source.expression("axis")),
            f_course=source.expression("course"),
        )
        .values_list(source.date, "f_country", "f_axis", "f_course", "user_id")
        .order_by()
    )


class Neutralised(Func):
    """The text, with an apostrophe before it when a spreadsheet would run it as a formula
    (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return), in SQL."""

    output_field = CharField()
    starts = "'=', '+', '-', '@', CHR(9), CHR(13)"

    def as_sql(self, compiler, connection, **extra_context):
        inner, params = compiler.compile(self.source_expressions[0])
        apostrophe = "''''"
        sql = (
            f"CASE WHEN SUBSTR({inner}, 1, 1) IN ({self.starts}) "
            f"THEN {apostrophe} || {inner} ELSE {inner} END"
        )
        return sql, (*params, *params, *params)

    def as_sqlite(self, compiler, connection, **extra_context):
        self.starts = "'=', '+', '-', '@', CHAR(9), CHAR(13)"
        return self.as_sql(compiler, connection, **extra_context)


def _neutralised(expression):
    return Neutralised(Cast(expression, CharField()))


def fact_rows(request, scope=None, chunk_size=10000):
    """The facts of :func:`fact_values`, read from one query in chunks (flat memory)."""
    return fact_values(request, scope).iterator(chunk_size=chunk_size)
