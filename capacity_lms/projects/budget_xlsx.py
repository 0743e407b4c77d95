"""A budget as an XLSX workbook, and back: what an association downloads, fills in a
spreadsheet and uploads again.

The workbook has two sheets with fixed names and a fixed column order (the header rows are
in the reader's language and are not read back):

- ``Budget``: one line per row from row 2: category (its code, such as ``travel``, or its
  label), description, unit, quantity, unit cost, currency; then the computed amount, rate
  and converted amount, written as values for people to read.
- ``Funding``: one row per figure, by a key that does not change with the language:
  ``requested``, ``own_contribution`` and one ``other`` row per other funder (with the
  funder's name); then the computed rows (``category_total``, ``total_cost``, ``share``).

Reading takes only what a person enters: computed columns and rows are ignored and the
budget is computed again on the server. The file goes through the one upload check first
(its type by content, its archive's entries and sizes), is read with openpyxl in read-only
mode taking cells' values (a formula is never run: its value saved by the spreadsheet is
what is read, and a formula without one reads as an empty cell), and at most a fixed number
of rows is read whatever the sheet declares.
"""

import io
import zipfile
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from capacity_lms.core.actions import ImportRefused
from capacity_lms.core.spreadsheets import FORMULA_STARTS, write_xlsx
from capacity_lms.core.uploads import XLSX, UploadLimits, UploadRefused, check_upload
from capacity_lms.projects.budget import (
    MAX_LINES,
    BudgetCategory,
    BudgetLine,
    Funding,
    as_decimal,
    compute,
)

BUDGET_SHEET = "Budget"
FUNDING_SHEET = "Funding"
MAX_FILE_BYTES = 2 * 1024 * 1024
# Blank rows between lines are read too, up to this many rows under the header.
MAX_ROWS_READ = 2 * MAX_LINES
MAX_FUNDING_ROWS = MAX_LINES + 20
MAX_TEXT_LENGTH = 500
LINE_COLUMNS = 6
FUNDING_KEYS = ("requested", "own_contribution", "other")
COMPUTED_KEYS = ("category_total", "total_cost", "share")


# What openpyxl raises on a damaged or hostile file (an XML error is a SyntaxError, a shared
# string that does not exist an IndexError): the file is refused, the server does not fail.
UNREADABLE = (
    zipfile.BadZipFile,
    InvalidFileException,
    LookupError,
    ValueError,
    TypeError,
    AttributeError,
    OSError,
    SyntaxError,
)


class BudgetFileRefused(ImportRefused):
    """The uploaded budget was not read; ``problems`` says why, naming the rows."""


def _limits():
    """The upload check's limits, tighter for a budget (two small sheets)."""
    limits = UploadLimits.from_settings()
    return UploadLimits(
        max_image_pixels=limits.max_image_pixels,
        max_image_frames=limits.max_image_frames,
        max_archive_entries=min(limits.max_archive_entries, 100),
        max_archive_entry_bytes=min(limits.max_archive_entry_bytes, 8 * 1024 * 1024),
        max_archive_total_bytes=min(limits.max_archive_total_bytes, 16 * 1024 * 1024),
    )


# Writing ------------------------------------------------------------------------------------


def _budget_rows(result):
    yield [
        _("Category"),
        _("Description"),
        _("Unit"),
        _("Quantity"),
        _("Unit cost"),
        _("Currency"),
        _("Amount"),
        _("Rate"),
        _("Amount in %(currency)s") % {"currency": result.currency},
    ]
    for item in result.lines:
        line = item.line
        yield [
            line.category,
            line.description,
            line.unit,
            line.quantity,
            line.unit_cost,
            line.currency,
            item.amount,
            item.rate,
            item.converted,
        ]


def _funding_rows(result):
    yield [_("Key"), _("Item"), _("Funder"), _("Amount")]
    yield ["requested", _("Amount requested"), None, result.requested]
    yield ["own_contribution", _("Own contribution"), None, result.own_contribution]
    for funder, amount in result.others:
        yield ["other", _("Other funder"), funder, amount]
    labels = dict(BudgetCategory.choices)
    for category, total in result.category_totals.items():
        yield ["category_total", str(labels.get(category, category)), None, total]
    yield ["total_cost", _("Total cost"), None, result.total_cost]
    yield ["share", _("Own and co-financing share (%)"), None, result.share_percent]


def budget_sheets(lines, funding, *, currency, rates):
    """The Budget and Funding sheets as ``[(name, rows)]`` for ``write_xlsx``: what
    :func:`write_budget` writes, for a workbook holding more sheets."""
    result = compute(lines, funding, currency=currency, rates=rates)
    return [(BUDGET_SHEET, _budget_rows(result)), (FUNDING_SHEET, _funding_rows(result))]


def write_budget(lines, funding, *, currency, rates):
    """The budget as XLSX bytes; text cells are neutralised against formula injection."""
    buffer = io.BytesIO()
    write_xlsx(budget_sheets(lines, funding, currency=currency, rates=rates), buffer)
    return buffer.getvalue()


# Reading ------------------------------------------------------------------------------------


def cell_text(value):
    """A text cell as entered: the apostrophe that neutralised a formula-like text removed
    (the text is neutralised again whenever it is exported)."""
    if value is None:
        return ""
    text = str(value).strip()
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        text = text[1:]
    return text


def _category(value, labels):
    text = cell_text(value)
    if text in BudgetCategory.values:
        return text
    return labels.get(text.casefold())


def _read_line(row_number, row, labels, problems):
    category, description, unit, quantity, unit_cost, currency = row
    row_problems = []

    def refuse(message):
        row_problems.append(message % {"row": row_number, "limit": MAX_TEXT_LENGTH})

    code = _category(category, labels)
    if code is None:
        refuse(_("Row %(row)s: the category is not one of the budget's categories."))
    texts = {"description": cell_text(description), "unit": cell_text(unit)}
    if not texts["description"]:
        refuse(_("Row %(row)s: the description is missing."))
    if any(len(text) > MAX_TEXT_LENGTH for text in texts.values()):
        refuse(_("Row %(row)s: a text is longer than %(limit)s characters."))
    numbers = {}
    for name, value, message in (
        ("quantity", quantity, _("Row %(row)s: the quantity is not a number.")),
        ("unit_cost", unit_cost, _("Row %(row)s: the unit cost is not a number.")),
    ):
        numbers[name] = as_decimal(value) if value not in (None, "") else None
        if numbers[name] is None:
            refuse(message)
    currency = cell_text(currency).upper()
    if not (len(currency) == 3 and currency.isascii() and currency.isalpha()):
        refuse(_("Row %(row)s: the currency is not a three-letter code, such as MAD or EUR."))
    problems.extend(row_problems)
    if row_problems:
        return None
    return BudgetLine(
        code,
        texts["description"],
        texts["unit"],
        numbers["quantity"],
        numbers["unit_cost"],
        currency,
    )


def _read_lines(sheet, problems):
    labels = {str(label).casefold(): value for value, label in BudgetCategory.choices}
    declared = sheet.max_row
    if declared is not None and declared > MAX_ROWS_READ + 1:
        # The rows further down are not read (bounded work), and not dropped in silence.
        problems.append(
            _(
                "The Budget sheet goes on below row %(last)s; a budget's lines are in rows 2 "
                "to %(last)s. Delete the rows below them."
            )
            % {"last": MAX_ROWS_READ + 1}
        )
        return []
    lines, filled = [], 0
    rows = sheet.iter_rows(
        min_row=2, max_row=MAX_ROWS_READ + 1, max_col=LINE_COLUMNS, values_only=True
    )
    for row_number, row in enumerate(rows, 2):
        row = (tuple(row) + (None,) * LINE_COLUMNS)[:LINE_COLUMNS]
        if all(cell in (None, "") for cell in row):
            continue
        filled += 1
        if filled > MAX_LINES:
            problems.append(_("A budget may have at most %(limit)s lines.") % {"limit": MAX_LINES})
            return []
        line = _read_line(row_number, row, labels, problems)
        if line is not None:
            lines.append(line)
    return lines


def _read_funding(sheet, problems):
    figures, others = {}, []
    rows = sheet.iter_rows(min_row=2, max_row=MAX_FUNDING_ROWS + 1, max_col=4, values_only=True)
    for row_number, row in enumerate(rows, 2):
        key, _label, funder, amount = (tuple(row) + (None,) * 4)[:4]
        key = cell_text(key)
        if not key or key in COMPUTED_KEYS:
            continue
        values = {
            "row": row_number,
            "key": key,
            "keys": ", ".join(FUNDING_KEYS),
            "limit": MAX_TEXT_LENGTH,
        }
        if key not in FUNDING_KEYS:
            problems.append(_("Funding, row %(row)s: “%(key)s” is not one of %(keys)s.") % values)
            continue
        number = as_decimal(amount) if amount not in (None, "") else None
        if number is None:
            problems.append(_("Funding, row %(row)s: the amount is not a number.") % values)
            continue
        if key == "other":
            name = cell_text(funder)
            if not name or len(name) > MAX_TEXT_LENGTH:
                problems.append(
                    _(
                        "Funding, row %(row)s: name the other funder "
                        "(at most %(limit)s characters)."
                    )
                    % values
                )
                continue
            others.append((name, number))
        elif key in figures:
            problems.append(_("Funding, row %(row)s: “%(key)s” is given twice.") % values)
        else:
            figures[key] = number
    for key in ("requested", "own_contribution"):
        if key not in figures:
            problems.append(_("The Funding sheet has no “%(key)s” row.") % {"key": key})
    return Funding(
        figures.get("requested", Decimal(0)),
        figures.get("own_contribution", Decimal(0)),
        tuple(others),
    )


def missing_sheets(workbook, names):
    """A message for each of the sheets ``names`` that ``workbook`` lacks."""
    return [
        _(
            "The file has no sheet named “%(sheet)s”. Download the budget again and fill in "
            "that file."
        )
        % {"sheet": name}
        for name in names
        if name not in workbook.sheetnames
    ]


def opened_upload(upload, *, with_formulas=False):
    """``upload`` through the one upload check, then opened read-only with openpyxl: cells'
    saved values, or with ``with_formulas`` the formulas themselves (never run), so that a
    reader can refuse them. :class:`BudgetFileRefused` when it is not a workbook to read.
    The caller closes it."""
    try:
        check_upload(upload, max_bytes=MAX_FILE_BYTES, kinds=(XLSX,), limits=_limits())
    except UploadRefused as refused:
        raise BudgetFileRefused([str(refused)]) from refused
    upload.seek(0)
    try:
        return load_workbook(upload, read_only=True, data_only=not with_formulas)
    except UNREADABLE as error:
        raise BudgetFileRefused([unreadable()]) from error


def unreadable():
    return _("The file could not be read as a spreadsheet.")


def read_budget_sheets(workbook, problems):
    """``(lines, funding)`` from the Budget and Funding sheets of an opened workbook, each
    problem found added to ``problems``; the sheets must be there (:func:`missing_sheets`).
    """
    return _read_lines(workbook[BUDGET_SHEET], problems), _read_funding(
        workbook[FUNDING_SHEET], problems
    )


def read_budget(upload):
    """``(lines, funding)`` from an uploaded budget workbook, or :class:`BudgetFileRefused`
    listing every problem found (per row where there are rows). Totals in the file are not
    read: compute the budget from what this returns."""
    workbook = opened_upload(upload)
    problems = []
    try:
        missing = missing_sheets(workbook, (BUDGET_SHEET, FUNDING_SHEET))
        if missing:
            raise BudgetFileRefused(missing)
        lines, funding = read_budget_sheets(workbook, problems)
    except UNREADABLE as error:
        raise BudgetFileRefused([unreadable()]) from error
    finally:
        workbook.close()
    if problems:
        raise BudgetFileRefused(problems)
    return lines, funding
