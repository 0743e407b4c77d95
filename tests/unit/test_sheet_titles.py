"""A sheet is named after a figure's label; spreadsheets refuse some characters in a name."""

import io

import openpyxl

from capacity_lms.core.spreadsheets import sheet_title, write_xlsx


def test_a_label_with_characters_a_sheet_refuses_still_names_its_sheet():
    buffer = io.BytesIO()
    write_xlsx([("Success rate: funded / submitted [%]*?", [["a", 1]])], buffer)
    book = openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))
    assert book.sheetnames == ["Success rate funded submitted %"]
    assert sheet_title("") == "Sheet"
    assert len(sheet_title("x" * 80)) == 31
