"""Programme figures as cross tables: any two of country, specialized group, strategic axis,
association, course and period, filtered on the others (the metrics and dimensions are
``sources.py``'s).

A person in two groups counts in both groups' rows, once in the total: totals are computed,
not summed. A table costs a fixed number of queries (cells, row totals, column totals, grand
total, and one per dimension for the labels), whatever the data size. ``grand_total`` gives
one figure (the admin home's summary), ``cube`` a count or rate over any number of dimensions.

A protected figure (people's answers: the impact figures) counts its answers beside each value
in the same queries, and its table comes out with the entries from too few answers hidden, and
whatever would give them away (``suppression.py``): every page, chart and export reads that
table, never the figures underneath. Its grand total alone hides under the minimum too, and it
has no cube (hiding in more than two dimensions at once is not what suppression.py does).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, ExpressionWrapper, F, FloatField, Sum, Value
from django.db.models.functions import Cast, NullIf

from capacity_lms.reports.sources import METRICS, SOURCES, UNIONS
from capacity_lms.reports.suppression import minimum_answers, protect, shown_alone

__all__ = [
    "CrossTable",
    "ReportRequest",
    "cross_table",
    "cube",
    "grand_total",
    "restricted",
]


# The metrics computed by one aggregate over one kind of fact.
PLAIN = ("count", "rate", "sum", "score")


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
    # A protected figure's number of answers of each entry shown, by (row, column), the
    # margins keyed suppression.TOTAL; empty for the other figures.
    answers: dict = field(default_factory=dict)

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


def _aggregates(aggregate, answers):
    return {"value": aggregate} if answers is None else {"value": aggregate, "n": answers}


def _grouped(queryset, source, request, by, aggregate, answers=None):
    """``{key: value}`` (or ``{(row, column): value}``) of ``aggregate`` grouped by ``by``; with
    ``answers``, the value is ``(value, answers)``."""
    names = [f"d_{name}" for name in by]
    annotated = queryset.annotate(
        **{f"d_{name}": source.expression(name, request.period) for name in by}
    )
    aggregates = _aggregates(aggregate, answers)
    rows = (
        annotated.order_by().values(*names).annotate(**aggregates).values_list(*names, *aggregates)
    )
    if answers is not None:
        rows = [(*row[: len(by)], row[len(by) :]) for row in rows]
    if len(by) == 2:
        return {(row, column): value for row, column, value in rows}
    if len(by) == 1:
        return dict(rows)
    return rows


def _table_of(source_name, request, scope, aggregate, answers=None):
    source = SOURCES[source_name]
    queryset = restricted(source, source.queryset(), request, scope)
    by = [request.rows, request.columns]
    cells = _grouped(queryset, source, request, by, aggregate, answers)
    rows = _grouped(queryset, source, request, by[:1], aggregate, answers)
    columns = _grouped(queryset, source, request, by[1:], aggregate, answers)
    total = queryset.aggregate(**_aggregates(aggregate, answers))
    return cells, rows, columns, tuple(total.values()) if answers is not None else total["value"]


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
    if metric.protected:
        return _protected_table(metric, request, scope)
    if metric.kind == "count":
        parts = _table_of(metric.source, request, scope, _count())
    elif metric.kind in PLAIN and metric.kind != "count":
        parts = _table_of(metric.source, request, scope, _aggregate(metric))
    elif metric.kind in UNIONS:
        parts = _union_count(request, scope, metric.kind)
    else:  # ratio
        top = _table_of(metric.numerator, request, scope, _count())
        bottom = _table_of(metric.denominator, request, scope, _count())
        parts = tuple(_ratio(a, b) for a, b in zip(top, bottom, strict=True))
    cells, rows, columns, total = parts
    return CrossTable(
        request=request,
        row_keys=_keys(rows),
        column_keys=_keys(columns),
        cells=cells,
        row_totals=rows,
        column_totals=columns,
        total=total,
    )


def _protected_table(metric, request, scope):
    """The table of a protected figure, its small entries and their giveaways hidden."""
    if metric.kind not in PLAIN:
        raise ValueError(f"{request.metric}: only a plain figure can be protected.")
    answers = _answers(metric)
    cells, rows, columns, total = _table_of(
        metric.source, request, scope, _aggregate(metric), answers
    )
    row_keys, column_keys = _keys(rows), _keys(columns)
    shown = protect(cells, rows, columns, total, row_keys, column_keys, minimum_answers())
    return CrossTable(
        request=request,
        row_keys=row_keys,
        column_keys=column_keys,
        cells=shown.cells,
        row_totals=shown.rows,
        column_totals=shown.columns,
        total=shown.total,
        answers=shown.answers,
    )


def _answers(metric):
    """The answers a protected figure's entry is made of, counted once each."""
    return Count(SOURCES[metric.source].answers, distinct=True)


def _keys(totals):
    """A dimension's keys in order, "not stated" (None) last."""
    return sorted({key for key in totals if key is not None}, key=_sort_key) + (
        [None] if None in totals else []
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
        # The numerator and denominator are sources (counted), not necessarily metrics.
        top = _source_total(metric.numerator, request, scope, _count())
        bottom = _source_total(metric.denominator, request, scope, _count())
        return _ratio(top, bottom)
    if metric.protected:
        value, answers = _source_total(
            metric.source, request, scope, _aggregate(metric), _answers(metric)
        )
        return shown_alone(value, answers, minimum_answers())
    return _source_total(metric.source, request, scope, _aggregate(metric))


def _score(metric):
    """Percent of the points offered that were given, over every fact of the cell; without a
    denominator, the mean of the numerator over the facts that have one."""
    given = Cast(Sum(metric.numerator), FloatField())
    offered = NullIf(Sum(metric.denominator) if metric.denominator else Count(metric.numerator), 0)
    return ExpressionWrapper(
        given * Value(float(metric.scale)) / offered, output_field=FloatField()
    )


def _aggregate(metric):
    """What one cell of a plain metric computes: a count, the weighted rate, a sum, a score."""
    if metric.kind == "rate":
        return _weighted_rate()
    if metric.kind == "score":
        return _score(metric)
    if metric.kind == "sum":
        return Sum(metric.numerator)
    return _count()


def _source_total(source_name, request, scope, aggregate, answers=None):
    """The aggregate over every fact (with ``answers``: the value and the answers)."""
    source = SOURCES[source_name]
    queryset = restricted(source, source.queryset(), request, scope)
    total = queryset.aggregate(**_aggregates(aggregate, answers))
    return tuple(total.values()) if answers is not None else total["value"]


def cube(request, dimensions, scope=None):
    """``{(key, ...): value}`` of a count, rate or sum metric over any number of ``dimensions``,
    in one query (the country x group x axis report)."""
    metric = METRICS[request.metric]
    if metric.kind not in PLAIN or metric.protected:
        raise ValueError(
            f"{request.metric} has no cube: it is not a plain count, rate, sum or score, "
            "or it is protected (its small entries are hidden in cross tables only)."
        )
    source = SOURCES[metric.source]
    aggregate = _aggregate(metric)
    queryset = restricted(source, source.queryset(), request, scope)
    rows = _grouped(queryset, source, request, list(dimensions), aggregate)
    if len(dimensions) <= 2:
        return rows
    return {tuple(row[:-1]): row[-1] for row in rows}
