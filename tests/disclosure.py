"""Whether a hidden entry of a table with margins can be worked out from what the table shows,
by exact linear algebra over the rationals (independent of the graph argument that
``capacity_lms.reports.suppression`` relies on).

A table with its margins is a grid of entries ``(row, column)``, the totals line keyed
``TOTAL``. Its counts (and the sums behind a mean) satisfy one equation per line: the cells of a
row add up to the row's total, the cells of a column to the column's total, the row totals and
the column totals each to the grand total. Substituting what is shown (and zero for the empty
entries) leaves a linear system in the hidden entries, ``A x = b``. An entry ``x_k`` is
determined, whatever ``b`` is, exactly when the unit vector ``e_k`` lies in the row space of
``A``.
"""

from fractions import Fraction

from capacity_lms.reports.suppression import TOTAL


def _lines(entries):
    rows, columns = {}, {}
    for row, column in entries:
        rows.setdefault(row, None)
        columns.setdefault(column, None)
    return list(rows), list(columns)


def equations(entries, hidden):
    """The table's equations restricted to the ``hidden`` entries: one row of coefficients a
    line, over ``variables`` (the hidden entries in a fixed order)."""
    variables = [entry for entry in entries if entry in hidden]
    index = {entry: number for number, entry in enumerate(variables)}
    rows, columns = _lines(entries)
    matrix = []
    for row in rows:  # the row's cells minus its total (the totals row's: minus the grand total)
        line = [Fraction(0)] * len(variables)
        for column in columns:
            if (row, column) in index:
                line[index[(row, column)]] = Fraction(-1 if column is TOTAL else 1)
        matrix.append(line)
    for column in columns:
        line = [Fraction(0)] * len(variables)
        for row in rows:
            if (row, column) in index:
                line[index[(row, column)]] = Fraction(-1 if row is TOTAL else 1)
        matrix.append(line)
    return variables, matrix


def reduced(matrix):
    """The nonzero rows of the reduced row echelon form of ``matrix``, with their pivots."""
    rows = [list(line) for line in matrix]
    pivots = []
    width = len(rows[0]) if rows else 0
    top = 0
    for column in range(width):
        found = next((r for r in range(top, len(rows)) if rows[r][column] != 0), None)
        if found is None:
            continue
        rows[top], rows[found] = rows[found], rows[top]
        pivot = rows[top][column]
        rows[top] = [value / pivot for value in rows[top]]
        for other in range(len(rows)):
            if other != top and rows[other][column] != 0:
                factor = rows[other][column]
                rows[other] = [a - factor * b for a, b in zip(rows[other], rows[top], strict=True)]
        pivots.append(column)
        top += 1
    return list(zip(pivots, rows[:top], strict=True))


def in_row_space(vector, echelon):
    vector = list(vector)
    for pivot, line in echelon:
        if vector[pivot] != 0:
            factor = vector[pivot]
            vector = [a - factor * b for a, b in zip(vector, line, strict=True)]
    return not any(vector)


def determined(entries, hidden):
    """The hidden entries whose value follows from the shown ones. ``entries``: every
    non-empty entry of the table, margins included (an empty entry is a known zero)."""
    variables, matrix = equations(entries, hidden)
    echelon = reduced(matrix)
    found = []
    for number, entry in enumerate(variables):
        unit = [Fraction(int(other == number)) for other in range(len(variables))]
        if in_row_space(unit, echelon):
            found.append(entry)
    return found


def with_margins(cells):
    """``{(row, column): n}`` of a table's cells with its row totals, column totals and grand
    total added (sums)."""
    table = dict(cells)
    for (row, column), n in cells.items():
        table[(row, TOTAL)] = table.get((row, TOTAL), 0) + n
        table[(TOTAL, column)] = table.get((TOTAL, column), 0) + n
        table[(TOTAL, TOTAL)] = table.get((TOTAL, TOTAL), 0) + n
    return table
