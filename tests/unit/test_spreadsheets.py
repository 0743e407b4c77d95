"""The shared XLSX writer takes any text people wrote: formulas are neutralised and the
control characters XLSX cannot hold are left out, instead of the export failing (before,
a remark pasted with a stray vertical tab made openpyxl raise, and the export answer 500)."""

import io

from openpyxl import load_workbook

from capacity_lms.core.spreadsheets import write_xlsx


def read_back(rows):
    file = io.BytesIO()
    write_xlsx([("Sheet", rows)], file)
    file.seek(0)
    return [list(row) for row in load_workbook(file, read_only=True).active.values]


def test_control_characters_are_left_out_and_formulas_neutralised():
    rows = [["a\x01b", "=SUM(A1)\x0b", "tab\tand\nnewline", 3]]
    assert read_back(rows) == [["ab", "'=SUM(A1)", "tab\tand\nnewline", 3]]


def test_a_cell_of_control_characters_only_becomes_empty_text():
    assert read_back([["\x00\x02\x1f"]]) == [[None]]
