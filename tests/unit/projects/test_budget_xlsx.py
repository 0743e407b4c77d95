"""The budget as XLSX and back: the round trip keeps the lines and the figures, totals in the
file are ignored, and hostile files (built here) are refused with a clear message."""

import io
import re
import zipfile
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from capacity_lms.projects.budget import MAX_LINES, BudgetLine, Funding, compute
from capacity_lms.projects.budget_xlsx import BudgetFileRefused, read_budget, write_budget

D = Decimal
RATES = {"EUR": D("10.85")}
INJECTION = '=HYPERLINK("http://evil.example","click")'
LINES = [
    BudgetLine("staff", "Coordinatrice du projet", "mois", D("12"), D("4000"), "MAD"),
    BudgetLine("travel", "Billets Paris – Rabat", "billet", D("3"), D("333.33"), "EUR"),
    BudgetLine("communication", "حملة توعية في الجهة", "حملة", D("1"), D("2500.50"), "MAD"),
    BudgetLine("other", INJECTION, "-1 unit", D("0.5"), D("0.125"), "EUR"),
]
FUNDING = Funding(D("40000"), D("10000"), (("Conseil régional", D("11351.07")),))


def upload(content, name="budget.xlsx"):
    return SimpleUploadedFile(name, content)


def figures(lines, funding):
    result = compute(lines, funding, currency="MAD", rates=RATES)
    return (
        [(item.amount, item.converted) for item in result.lines],
        result.category_totals,
        result.total_cost,
        result.share,
    )


def edited(content, edit):
    """``content`` opened with openpyxl, changed by ``edit(workbook)``, saved again."""
    workbook = load_workbook(io.BytesIO(content))
    edit(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def refusal(content, name="budget.xlsx"):
    with pytest.raises(BudgetFileRefused) as refused:
        read_budget(upload(content, name))
    return " | ".join(map(str, refused.value.problems))


def test_the_round_trip_gives_the_same_lines_and_figures():
    content = write_budget(LINES, FUNDING, currency="MAD", rates=RATES)
    lines, funding = read_budget(upload(content))
    assert lines == LINES
    assert funding == FUNDING
    assert figures(lines, funding) == figures(LINES, FUNDING)
    # And again: nothing grows or drifts from one round trip to the next.
    again = write_budget(lines, funding, currency="MAD", rates=RATES)
    assert read_budget(upload(again)) == (LINES, FUNDING)


def test_the_file_shows_the_computed_figures_as_values_and_neutralises_text():
    content = write_budget(LINES, FUNDING, currency="MAD", rates=RATES)
    workbook = load_workbook(io.BytesIO(content))
    budget, funding = workbook["Budget"], workbook["Funding"]
    row = [cell.value for cell in budget[3]]
    assert row[:6] == ["travel", "Billets Paris – Rabat", "billet", 3, 333.33, "EUR"]
    assert row[6:] == [999.99, 10.85, 10849.89]
    assert budget["B5"].value == "'" + INJECTION
    assert budget["C5"].value == "'-1 unit"
    assert budget["B5"].data_type == "s"
    assert not any(
        isinstance(cell.value, str) and cell.value.startswith("=")
        for sheet in (budget, funding)
        for row in sheet.iter_rows()
        for cell in row
    )
    by_key = {row[0].value: row[3].value for row in funding.iter_rows(min_row=2)}
    result = compute(LINES, FUNDING, currency="MAD", rates=RATES)
    assert D(str(by_key["total_cost"])) == result.total_cost


def test_control_characters_a_spreadsheet_cannot_hold_are_left_out():
    line = BudgetLine("staff", "Bell\x07 and\x0b tab\tkept", "u", D("1"), D("1"), "MAD")
    funding = Funding(D("0"), D("1"), (("Funder\x01", D("0")),))
    content = write_budget([line], funding, currency="MAD", rates={})
    lines, read_funding = read_budget(upload(content))
    assert lines[0].description == "Bell and tab\tkept"
    assert read_funding.others == (("Funder", D("0")),)


def test_hand_edited_totals_are_ignored():
    content = write_budget(LINES, FUNDING, currency="MAD", rates=RATES)

    def cook_the_books(workbook):
        workbook["Budget"]["G2"] = 1
        workbook["Budget"]["I2"] = 1
        for row in workbook["Funding"].iter_rows(min_row=2):
            if row[0].value in ("total_cost", "category_total", "share"):
                row[3].value = 999999999

    lines, funding = read_budget(upload(edited(content, cook_the_books)))
    assert figures(lines, funding) == figures(LINES, FUNDING)


def test_categories_may_be_given_by_their_label():
    content = write_budget(LINES, FUNDING, currency="MAD", rates=RATES)

    def relabel(workbook):
        workbook["Budget"]["A2"] = "Staff"
        workbook["Budget"]["A3"] = "  running costs "

    lines, _funding = read_budget(upload(edited(content, relabel)))
    assert [line.category for line in lines[:2]] == ["staff", "running_costs"]


def test_bad_rows_are_refused_each_named_and_nothing_is_read():
    content = write_budget(LINES, FUNDING, currency="MAD", rates=RATES)

    def spoil(workbook):
        sheet = workbook["Budget"]
        sheet["D3"] = "three"
        sheet["A4"] = "bribes"
        sheet["F5"] = "euros"
        sheet["B2"] = None
        funding = workbook["Funding"]
        funding["D2"] = "a lot"
        funding.append(["gift", None, None, 5])

    message = refusal(edited(content, spoil))
    assert "Row 2: the description is missing." in message
    assert "Row 3: the quantity is not a number." in message
    assert "Row 4: the category is not one of the budget's categories." in message
    assert "Row 5: the currency is not a three-letter code" in message
    assert "Funding, row 2: the amount is not a number." in message
    assert re.search(r"Funding, row \d+: “gift” is not one of", message)


def test_a_formula_is_never_run_and_one_without_a_saved_value_is_refused():
    content = write_budget(LINES, FUNDING, currency="MAD", rates=RATES)

    def formulas(workbook):
        workbook["Budget"]["D2"] = "=2*6"
        workbook["Budget"]["E2"] = '=WEBSERVICE("http://evil.example")'

    message = refusal(edited(content, formulas))
    assert "Row 2: the quantity is not a number." in message
    assert "Row 2: the unit cost is not a number." in message


def with_cell(content, cell, xml):
    """``content`` with the XML of ``cell`` of the Budget sheet replaced by ``xml``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(buffer, "w") as copy:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                pattern = rb'<c r="' + cell.encode() + rb'"[^>]*>.*?</c>'
                data, count = re.subn(pattern, xml, data)
                assert count == 1
            copy.writestr(info, data)
    return buffer.getvalue()


def test_a_formulas_saved_value_is_read_as_a_value():
    content = write_budget(LINES, FUNDING, currency="MAD", rates=RATES)
    formula = with_cell(content, "D2", b'<c r="D2"><f>2*6</f><v>12</v></c>')
    lines, _funding = read_budget(upload(formula))
    assert lines[0].quantity == 12


@pytest.mark.parametrize(
    "xml",
    [
        b'<c r="D2" t="s"><v>99</v></c>',  # a shared string that does not exist
        b'<c r="D2" t="n"><v>abc</v></c>',
        b'<c r="D2" t="d"><v>not a date</v></c>',
        b'<c r="D2"><v>1</v>',  # XML that does not close
    ],
)
def test_a_damaged_cell_refuses_the_file_with_a_message(xml):
    content = write_budget(LINES, FUNDING, currency="MAD", rates=RATES)
    assert "could not be read as a spreadsheet" in refusal(with_cell(content, "D2", xml))


def test_more_than_the_maximum_of_lines_is_refused():
    exactly = write_budget([LINES[0]] * MAX_LINES, FUNDING, currency="MAD", rates=RATES)
    assert len(read_budget(upload(exactly))[0]) == MAX_LINES

    def one_more(workbook):
        workbook["Budget"].append(["staff", "One too many", "u", 1, 1, "MAD"])

    assert f"at most {MAX_LINES} lines" in refusal(edited(exactly, one_more))


def test_rows_far_below_are_refused_without_being_read():
    content = write_budget(LINES, FUNDING, currency="MAD", rates=RATES)

    def far_below(workbook):
        workbook["Budget"]["A1000000"] = "staff"

    assert "goes on below row" in refusal(edited(content, far_below))


def test_a_workbook_without_the_sheets_is_refused():
    workbook = Workbook()
    workbook.active.title = "Feuil1"
    buffer = io.BytesIO()
    workbook.save(buffer)
    message = refusal(buffer.getvalue())
    assert "no sheet named “Budget”" in message and "no sheet named “Funding”" in message


def test_a_pdf_renamed_xlsx_is_refused_by_the_upload_check():
    message = refusal(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    assert "named .xlsx but its content is a PDF document" in message


def test_other_bytes_renamed_xlsx_are_refused():
    assert "not a file of that type" in refusal(b"Category;Description\nstaff;x\n" * 50)


def test_another_extension_is_refused():
    content = write_budget(LINES, FUNDING, currency="MAD", rates=RATES)
    assert "not an accepted type" in refusal(content, "budget.ods")


def test_an_archive_bomb_is_refused_before_it_is_unpacked():
    content = write_budget(LINES, FUNDING, currency="MAD", rates=RATES)
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(buffer, "w") as copy:
        for info in source.infolist():
            copy.writestr(info, source.read(info.filename))
        bomb = zipfile.ZipInfo("xl/media/zeros.bin")
        bomb.compress_type = zipfile.ZIP_DEFLATED
        with copy.open(bomb, "w") as entry:
            for _ in range(20):
                entry.write(bytes(1024 * 1024))
    assert len(buffer.getvalue()) < 200 * 1024
    assert "once unpacked" in refusal(buffer.getvalue())


def test_a_file_too_large_is_refused():
    assert "files may be at most" in refusal(b"PK\x03\x04" + bytes(3 * 1024 * 1024))
