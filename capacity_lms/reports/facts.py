"""The facts under a figure, row by row, for the admin's download: one query, read in chunks,
with the text a spreadsheet would run as a formula neutralised in SQL."""

from django.db.models import CharField, Func
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from capacity_lms.reports.engine import restricted
from capacity_lms.reports.sources import METRICS, SOURCES

# The underlying rows' column headers, lower case as the date's and the fact's.
FACT_HEADERS = {
    "country": _("country"),
    "axis": _("strategic axis"),
    "course": _("course"),
    "place": _("host country or region of Morocco"),
    "kind": _("kind of association"),
    "status": _("verification"),
    "region": _("region of Morocco"),
    "group": _("specialized group"),
    "call": _("call for projects"),
}


def fact_header(request):
    """The underlying rows' header: the date, the source's fact fields, what the fact is."""
    source = SOURCES[METRICS[request.metric].source]
    names = [str(FACT_HEADERS[name]) for name in source.fact_fields]
    return [str(_("date")), *names, str(source.fact_id[1])]


def fact_values(request, scope=None):
    """The facts a metric counts as a values queryset: the date, the source's fact fields
    (country, axis and course key for training) and the fact's id (the person's for
    training). Text fields are neutralised for spreadsheets in the query itself (a code an
    editor typed could start with ``=``), so that PostgreSQL's COPY can write the export; the
    course key is a UUID."""
    metric = METRICS[request.metric]
    if metric.protected:
        raise ValueError(f"{request.metric} is protected: its facts are never listed.")
    source = SOURCES[metric.source]
    queryset = restricted(source, source.queryset(), request, scope)
    fields = {
        f"f_{name}": source.expression(name)
        if name == "course"
        else _neutralised(source.expression(name))
        for name in source.fact_fields
    }
    return (
        queryset.annotate(**fields).values_list(source.date, *fields, source.fact_id[0]).order_by()
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
