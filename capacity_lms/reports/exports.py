"""The underlying rows of a report as CSV, streamed, for any number of rows.

On PostgreSQL the rows come straight out of ``COPY (the report's query) TO STDOUT`` (cells
neutralised in the query); elsewhere from one chunked query written 5,000 lines at a time.
Either way memory stays flat and the response starts at once.
"""

import csv
import datetime
import io
import itertools
import uuid

from django.db import connection
from django.http import StreamingHttpResponse
from django.utils.http import content_disposition_header

from capacity_lms.core.spreadsheets import CSV_CONTENT_TYPE, csv_batches, xlsx_response
from capacity_lms.reports.facts import fact_rows, fact_values


def header_line(header):
    buffer = io.StringIO()
    csv.writer(buffer).writerow(header)
    return "\ufeff" + buffer.getvalue()


def rows_csv(request, scope, header):
    """The CSV text (or bytes) of the report's facts, chunk by chunk."""
    if connection.vendor != "postgresql":
        yield header_line(header)
        yield from csv_batches(fact_rows(request, scope), bom=False)
        return
    yield header_line(header).encode("utf-8")
    sql, params = fact_values(request, scope).query.sql_with_params()
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY ({sql}) TO STDOUT WITH (FORMAT csv)", params) as copy,
    ):
        for data in copy:
            yield bytes(data)


def rows_csv_response(request, scope, header, filename):
    response = StreamingHttpResponse(
        rows_csv(request, scope, header), content_type=CSV_CONTENT_TYPE
    )
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


# Excel opens at most 1,048,576 rows a sheet: a larger export goes on several sheets.
ROWS_PER_SHEET = 1_000_000


def sheets(title, header, rows, per_sheet=ROWS_PER_SHEET):
    """``(title, rows)`` sheets of at most ``per_sheet`` rows under ``header``, read lazily."""
    iterator = iter(rows)
    for number in itertools.count(1):
        first = next(iterator, None)
        if first is None:
            return
        yield (
            title if number == 1 else f"{title} ({number})",
            itertools.chain([header, first], itertools.islice(iterator, per_sheet - 1)),
        )


def spreadsheet_row(row):
    """Excel keeps no time zone: a timestamp goes in as its UTC ISO text; a course key (a
    UUID) as its text."""
    return [
        cell.isoformat()
        if isinstance(cell, datetime.datetime)
        else str(cell)
        if isinstance(cell, uuid.UUID)
        else cell
        for cell in row
    ]


def rows_xlsx_response(request, scope, header, title, filename):
    """The facts as a workbook written row by row to a temporary file (bounded memory)."""
    rows = map(spreadsheet_row, fact_rows(request, scope))
    return xlsx_response(sheets(title, header, rows), filename)
