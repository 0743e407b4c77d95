"""The facts under a figure, row by row, for the admin's download: one query, read in chunks,
with the text a spreadsheet would run as a formula neutralised in SQL."""

from django.db.models import CharField, Func
from django.db.models.functions import Cast

from capacity_lms.reports.engine import restricted
from capacity_lms.reports.sources import METRICS, SOURCES

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
