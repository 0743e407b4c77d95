"""Spreadsheets out: CSV streamed line by line or in batches, and XLSX written row by row.

Every domain that exports uses these writers. Memory stays bounded whatever the size: the CSV
is a generator handed to a ``StreamingHttpResponse``; the XLSX is written by openpyxl's
write-only workbook into a temporary file. Every cell a spreadsheet could read as a formula
(text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is prefixed with an
apostrophe, as OWASP advises against CSV injection: names and remarks are input the person
exporting does not control.
"""

import csv
import io
import tempfile

from django.http import FileResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value):
    """``value`` as a cell no spreadsheet runs as a formula; numbers and blanks pass through."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _Echo:
    """A file whose ``write`` hands back what it was given, for ``csv.writer`` to stream."""

    def write(self, value):
        return value


def csv_lines(rows):
    """CSV text, one line at a time, neutralised; a BOM first so that Excel reads UTF-8."""
    writer = csv.writer(_Echo())
    yield "\ufeff"
    for row in rows:
        yield writer.writerow(["" if cell is None else neutralise(cell) for cell in row])


def csv_batches(rows, size=5000, bom=True):
    """CSV text ``size`` lines at a time, neutralised, a BOM first: for very large exports,
    where handing the response one line at a time costs more than writing it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    if bom:
        yield "\ufeff"
    for count, row in enumerate(rows, 1):
        writer.writerow([neutralise(cell) for cell in row])
        if count % size == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def csv_response(rows, filename, lines=csv_lines):
    response = StreamingHttpResponse(lines(rows), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def xlsx_cell(value):
    """``value`` as an XLSX cell: neutralised, without the control characters the format
    cannot hold (openpyxl refuses them: one pasted vertical tab would fail the export)."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return neutralise(value)


# What a spreadsheet forbids in a sheet's name; at most 31 characters.
SHEET_TITLE_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def sheet_title(title):
    """``title`` as a sheet may be named: the characters spreadsheets refuse become spaces,
    cut to 31 characters (a label such as "Success rate: ..." names a sheet as it is)."""
    return " ".join(str(title).translate(SHEET_TITLE_FORBIDDEN).split())[:31] or "Sheet"


def write_xlsx(sheets, file):
    """Write ``sheets`` (``[(title, rows)]``) to ``file`` with a write-only workbook."""
    workbook = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title=sheet_title(title))
        for row in rows:
            sheet.append([xlsx_cell(cell) for cell in row])
    workbook.save(file)


def xlsx_response(sheets, filename):
    """The workbook in an anonymous temporary file, sent and then deleted."""
    # FileResponse closes the file once sent, which deletes it: no context manager here.
    file = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115
    write_xlsx(sheets, file)
    file.seek(0)
    return FileResponse(
        file, as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE
    )
