"""A project's logical framework and budget as one XLSX workbook, and back: what a project
workbook's members download, fill in with a spreadsheet and upload again.

Three sheets with fixed names: ``Logframe`` (below), and the ``Budget`` and ``Funding``
sheets of ``budget_xlsx``, written and read by its functions. The ``Logframe`` sheet has one
row per entry from row 2, in a fixed column order; the header row is in the reader's
language and is not read back:

- key: ``objective``, ``result``, ``activity``, ``indicator`` or ``assumption`` (the same in
  every language);
- number: the entry's number, written for people to read and never read back: entries are
  numbered in the order of their rows, kind by kind, as the forms number them;
- link: a result's specific objective number, an activity's expected result number, an
  indicator's expected result number (optional);
- text; an activity's start and end dates; an indicator's unit, baseline, target and source
  of verification.

Reading is as safe as the budget's: the one upload check, openpyxl in read-only mode, a fixed
number of rows read whatever the sheet declares, and a formula anywhere it reads is refused
(never run, its saved value never trusted). Every problem is named by sheet and row and the
file is taken whole or not at all (:class:`ProjectFileRefused`).
"""

import datetime
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _

from capacity_lms.core.actions import ImportRefused
from capacity_lms.core.spreadsheets import write_xlsx
from capacity_lms.projects import budget_xlsx, readout
from capacity_lms.projects.budget import CENT, MAX_LINES, MAX_MAGNITUDE, Funding, as_decimal
from capacity_lms.projects.budget_xlsx import (
    BUDGET_SHEET,
    FUNDING_SHEET,
    LINE_COLUMNS,
    MAX_FUNDING_ROWS,
    UNREADABLE,
    BudgetFileRefused,
    cell_text,
)
from capacity_lms.projects.forms import logframe_rows

LOGFRAME_SHEET = "Logframe"
KEYS = ("objective", "result", "activity", "indicator", "assumption")
COLUMNS = 10
# Rows of each kind, as the forms allow; blank rows between them are read too.
MAX_ENTRIES = MAX_LINES
MAX_ROWS_READ = 2 * len(KEYS) * MAX_ENTRIES
# The longest text of each kind, as the project's fields and forms hold them.
TEXT_LIMITS = {
    "objective": 2000,
    "result": 2000,
    "activity": 2000,
    "indicator": 500,
    "assumption": 2000,
}
SHORT_LIMITS = {"unit": 60, "source": 500}
MAX_FORMULAS_NAMED = 10


class ProjectFileRefused(ImportRefused):
    """The uploaded project file was not read; ``problems`` says why, naming sheets and rows."""


@dataclass(frozen=True)
class ProjectFile:
    """What an uploaded project file holds: ``logframe``, the keyword arguments of
    ``writing.replace_logframe``; the budget's ``lines`` and ``funding``."""

    logframe: dict
    lines: list
    funding: Funding


# Writing ------------------------------------------------------------------------------------


def _header():
    return [
        _("Key"),
        _("Number"),
        _("Objective or result number"),
        _("Text"),
        _("Starts on"),
        _("Ends on"),
        _("Unit"),
        _("Baseline"),
        _("Target"),
        _("Source of verification"),
    ]


def logframe_sheet(project):
    """The Logframe sheet of ``project`` as ``(name, rows)``."""
    rows = logframe_rows(project)

    def entries():
        yield _header()
        for number, row in enumerate(rows["objectives"], 1):
            yield ["objective", number, None, row["text"]]
        for number, row in enumerate(rows["results"], 1):
            yield ["result", number, row["objective"], row["text"]]
        for number, row in enumerate(rows["activities"], 1):
            yield [
                "activity",
                number,
                row["result"],
                row["text"],
                row["starts_on"],
                row["ends_on"],
            ]
        for number, row in enumerate(rows["indicators"], 1):
            yield [
                "indicator",
                number,
                row["result"],
                row["text"],
                None,
                None,
                row["unit"],
                row["baseline"],
                row["target"],
                row["source"],
            ]
        for number, row in enumerate(rows["assumptions"], 1):
            yield ["assumption", number, None, row["text"]]

    return LOGFRAME_SHEET, entries()


def write_project_xlsx(project, currency, rates):
    """``project``'s logical framework and budget (computed in ``currency`` at ``rates``) as
    XLSX bytes; text cells are neutralised against formula injection."""
    buffer = io.BytesIO()
    write_xlsx(
        [
            logframe_sheet(project),
            *budget_xlsx.budget_sheets(
                readout.budget_lines(project),
                readout.funding(project),
                currency=currency,
                rates=rates,
            ),
        ],
        buffer,
    )
    return buffer.getvalue()


# Reading ------------------------------------------------------------------------------------


def _date(value):
    """A date cell: a date, None when empty, or False when it is not a date."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(cell_text(value))
    except ValueError:
        return False


def _figure(value):
    """A baseline or target: a Decimal, None when empty, or False when it cannot be kept."""
    if value in (None, ""):
        return None
    number = as_decimal(value)
    if number is None or abs(number) >= MAX_MAGNITUDE:
        return False
    return number if number == number.quantize(CENT) else False


def _link(value):
    """A number naming another entry: an int from 1, None when empty, False otherwise."""
    if value in (None, ""):
        return None
    number = as_decimal(value)
    if number is None or number != number.to_integral_value() or number < 1:
        return False
    return int(number)


def _read_entry(row_number, row, problems):
    """``(key, row number, entry)`` of one filled-in row, its problems added to
    ``problems``; None when its key is none of :data:`KEYS`. A row with problems is still
    counted, so that the numbers of the rows after it are checked as the person sees them."""
    key, _number, link, text, starts_on, ends_on, unit, baseline, target, source = row

    def refuse(message, **more):
        problems.append(message % {"row": row_number, **more})

    key = cell_text(key).casefold()
    if key not in KEYS:
        refuse(_("Logframe, row %(row)s: the key is not one of %(keys)s."), keys=", ".join(KEYS))
        return None
    text = cell_text(text)
    if not text:
        refuse(_("Logframe, row %(row)s: the text is missing."))
    elif len(text) > TEXT_LIMITS[key]:
        refuse(
            _("Logframe, row %(row)s: the text is longer than %(limit)s characters."),
            limit=TEXT_LIMITS[key],
        )
    entry = {"text": text}
    if key in ("result", "activity", "indicator"):
        entry["link"] = _link(link)
        if entry["link"] is False or (entry["link"] is None and key != "indicator"):
            refuse(
                _("Logframe, row %(row)s: give the number of the objective or result it serves.")
            )
    if key == "activity":
        entry["starts_on"], entry["ends_on"] = _date(starts_on), _date(ends_on)
        if entry["starts_on"] is False or entry["ends_on"] is False:
            refuse(_("Logframe, row %(row)s: a date is not a date, such as 2027-01-31."))
        elif entry["starts_on"] and entry["ends_on"] and entry["ends_on"] < entry["starts_on"]:
            refuse(_("Logframe, row %(row)s: the activity ends before it starts."))
    if key == "indicator":
        entry["unit"], entry["source"] = cell_text(unit), cell_text(source)
        entry["baseline"], entry["target"] = _figure(baseline), _figure(target)
        if any(len(entry[name]) > limit for name, limit in SHORT_LIMITS.items()):
            refuse(_("Logframe, row %(row)s: the unit or the source is too long."))
        if entry["baseline"] is False or entry["target"] is False:
            refuse(
                _(
                    "Logframe, row %(row)s: the baseline and the target are numbers, "
                    "to the hundredth."
                )
            )
    return key, row_number, entry


def _links_problems(entries):
    """Each result naming no objective, each activity or indicator naming no result."""
    counts = {key: len(entries[key]) for key in KEYS}
    problems = []
    for key, target in (("result", "objective"), ("activity", "result"), ("indicator", "result")):
        for row_number, entry in entries[key]:
            link = entry["link"]
            if link is not None and link > counts[target]:
                message = (
                    _(
                        "Logframe, row %(row)s: the result names objective %(number)s; "
                        "there are %(count)s."
                    )
                    if target == "objective"
                    else _(
                        "Logframe, row %(row)s: it names result %(number)s; there are %(count)s."
                    )
                )
                problems.append(
                    message % {"row": row_number, "number": link, "count": counts[target]}
                )
    return problems


def _read_logframe(sheet, problems):
    declared = sheet.max_row
    if declared is not None and declared > MAX_ROWS_READ + 1:
        problems.append(
            _(
                "The Logframe sheet goes on below row %(last)s; its entries are in rows 2 to "
                "%(last)s. Delete the rows below them."
            )
            % {"last": MAX_ROWS_READ + 1}
        )
        return None
    entries = {key: [] for key in KEYS}
    rows = sheet.iter_rows(min_row=2, max_row=MAX_ROWS_READ + 1, max_col=COLUMNS, values_only=True)
    for row_number, row in enumerate(rows, 2):
        row = (tuple(row) + (None,) * COLUMNS)[:COLUMNS]
        if all(cell in (None, "") for cell in row):
            continue
        read = _read_entry(row_number, row, problems)
        if read is not None:
            key, number, entry = read
            entries[key].append((number, entry))
    for key in KEYS:
        if len(entries[key]) > MAX_ENTRIES:
            problems.append(
                _("The Logframe sheet may have at most %(limit)s rows of “%(key)s”.")
                % {"limit": MAX_ENTRIES, "key": key}
            )
    problems.extend(_links_problems(entries))
    return {
        "objectives": [entry["text"] for _row, entry in entries["objective"]],
        "results": [(entry["link"], entry["text"]) for _row, entry in entries["result"]],
        "activities": [
            (entry["link"], entry["text"], entry["starts_on"], entry["ends_on"])
            for _row, entry in entries["activity"]
        ],
        "indicators": [
            {
                "result": entry["link"],
                "text": entry["text"],
                "unit": entry["unit"],
                "baseline": entry["baseline"],
                "target": entry["target"],
                "source": entry["source"],
            }
            for _row, entry in entries["indicator"]
        ],
        "assumptions": [entry["text"] for _row, entry in entries["assumption"]],
    }


# The part of each sheet that is read: (sheet, last row, last column).
READ_AREAS = (
    (LOGFRAME_SHEET, MAX_ROWS_READ + 1, COLUMNS),
    (BUDGET_SHEET, budget_xlsx.MAX_ROWS_READ + 1, LINE_COLUMNS),
    (FUNDING_SHEET, MAX_FUNDING_ROWS + 1, 4),
)


def _formula_problems(workbook):
    """A message for each cell holding a formula where the file is read (the first few)."""
    found = []
    for name, last_row, last_column in READ_AREAS:
        sheet = workbook[name]
        if sheet.max_row is not None and sheet.max_row > last_row:
            continue  # refused for its length, unread
        for row in sheet.iter_rows(min_row=2, max_row=last_row, max_col=last_column):
            found.extend(f"{name}!{cell.coordinate}" for cell in row if cell.data_type == "f")
    if not found:
        return []
    cells = ", ".join(found[:MAX_FORMULAS_NAMED]) + (
        "…" if len(found) > MAX_FORMULAS_NAMED else ""
    )
    return [
        _(
            "The file holds formulas (%(cells)s). Formulas are not run: type the values "
            "themselves, or paste them as values."
        )
        % {"cells": cells}
    ]


def _missing_sheets(workbook):
    return [
        _(
            "The file has no sheet named “%(sheet)s”. Download the workbook again and fill in "
            "that file."
        )
        % {"sheet": name}
        for name, _row, _column in READ_AREAS
        if name not in workbook.sheetnames
    ]


def read_project_xlsx(upload):
    """A :class:`ProjectFile` from an uploaded project workbook, or
    :class:`ProjectFileRefused` listing every problem found. Totals in the file are not
    read: the budget is computed from the lines."""
    try:
        workbook = budget_xlsx.opened_upload(upload, with_formulas=True)
    except BudgetFileRefused as refused:
        raise ProjectFileRefused(refused.problems) from refused
    problems = []
    try:
        missing = _missing_sheets(workbook)
        if missing:
            raise ProjectFileRefused(missing)
        formulas = _formula_problems(workbook)
        if formulas:
            raise ProjectFileRefused(formulas)
        logframe = _read_logframe(workbook[LOGFRAME_SHEET], problems)
        lines, funding = budget_xlsx.read_budget_sheets(workbook, problems)
    except UNREADABLE as error:
        raise ProjectFileRefused([budget_xlsx.unreadable()]) from error
    finally:
        workbook.close()
    if problems:
        raise ProjectFileRefused(problems)
    return ProjectFile(logframe=logframe, lines=lines, funding=funding)
