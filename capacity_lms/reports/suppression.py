"""Small cells hidden in the protected figures (people's answers), and whatever would give
them away.

A protected table carries, beside each figure, its number of answers ``n``: every cell, every
row total, every column total and the grand total (the *entries*). Then:

1. **Primary suppression**: every entry from ``0 < n < CAPACITY_LMS_REPORT_MIN_ANSWERS``
   answers (5 by default) is hidden. An empty entry (``n = 0``) is shown empty: a known zero.
2. **Complementary suppression**: totals are published, so a hidden cell could be worked out by
   subtraction (a row total minus the other cells of its row). Read the table with its margins
   as a bipartite graph: one node for each row line (the totals row included) and each column
   line (the totals column included), one edge for each hidden entry. The counts (and the sums
   behind a mean) satisfy one equation per line, and a hidden entry can be worked out exactly
   if and only if its edge is a *bridge* of that graph, an edge on no cycle (Gusfield, "A graph
   theoretic approach to statistical data security", SIAM J. Computing 17(3), 1988). So while a
   bridge ``(r, c)`` exists, the cheapest rectangle through it is hidden too: the entries
   ``(r, c2)``, ``(r2, c2)``, ``(r2, c)`` of another row and column line, none of them empty.
   The bridge then lies on a cycle; hiding more never makes a bridge of a hidden entry, so this
   ends. The cheapest hides the fewest margins first (a row total is the same in every table of
   that row dimension, so hiding it here and showing it in another table would give it away),
   then the fewest answers. Through the totals a rectangle always exists.

Nothing here reads the database: :func:`entries_to_hide` works on ``{(row, column): n}``.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from capacity_lms.conf import get_setting


class _Total:
    """The key of the totals line, in rows and in columns."""

    def __repr__(self):
        return "TOTAL"


TOTAL = _Total()


class Hidden:
    """What a protected table holds in place of an entry it does not show."""

    is_hidden = True

    def __str__(self):
        return "–"

    def __repr__(self):
        return "HIDDEN"


HIDDEN = Hidden()


def is_hidden(value):
    return value is HIDDEN


def minimum_answers():
    """The fewest answers an entry of a protected figure is shown from."""
    return get_setting("REPORT_MIN_ANSWERS")


def is_margin(entry):
    row, column = entry
    return row is TOTAL or column is TOTAL


def bridges(edges):
    """The edges of the bipartite graph ``edges`` (``(row, column)`` pairs, each once) that lie
    on no cycle, in the order given (Tarjan's low-link, without recursion)."""
    adjacency = defaultdict(list)
    for index, (row, column) in enumerate(edges):
        adjacency[("row", row)].append((("column", column), index))
        adjacency[("column", column)].append((("row", row), index))
    order, low, found = {}, {}, []
    for root in adjacency:
        if root in order:
            continue
        order[root] = low[root] = len(order)
        stack = [(root, None, iter(adjacency[root]))]
        while stack:
            node, via, neighbours = stack[-1]
            for neighbour, index in neighbours:
                if index == via:
                    continue
                if neighbour in order:
                    low[node] = min(low[node], order[neighbour])
                    continue
                order[neighbour] = low[neighbour] = len(order)
                stack.append((neighbour, index, iter(adjacency[neighbour])))
                break
            else:
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[node])
                    if low[node] > order[parent]:
                        found.append(via)
    return [edges[index] for index in sorted(found)]


def _lines(answers):
    rows, columns = {}, {}
    for row, column in answers:
        rows.setdefault(row, None)
        columns.setdefault(column, None)
    return list(rows), list(columns)


def cheapest_rectangle(bridge, answers, hidden):
    """The three other corners of the cheapest rectangle through ``bridge`` whose corners are
    all non-empty, or None: fewest margins newly hidden first, then fewest answers."""
    row, column = bridge
    rows, columns = _lines(answers)
    best = None
    for other_row in rows:
        if other_row == row or answers.get((other_row, column), 0) <= 0:
            continue
        for other_column in columns:
            if other_column == column:
                continue
            corners = ((row, other_column), (other_row, other_column), (other_row, column))
            if any(answers.get(corner, 0) <= 0 for corner in corners):
                continue
            new = [corner for corner in corners if corner not in hidden]
            cost = (sum(map(is_margin, new)), sum(answers[corner] for corner in new))
            if best is None or cost < best[0]:
                best = (cost, corners)
    return None if best is None else best[1]


def entries_to_hide(answers, minimum):
    """The entries to hide of a table given as ``{(row, column): n}``, margins included (the
    totals line keyed :data:`TOTAL`), in a fixed order (that order breaks ties)."""
    hidden = {entry for entry, n in answers.items() if 0 < n < minimum}
    while True:
        found = bridges([entry for entry in answers if entry in hidden])
        if not found:
            return hidden
        corners = cheapest_rectangle(found[0], answers, hidden)
        if corners is None:
            # Only a table whose totals do not hold its cells has none: show nothing of it.
            return {entry for entry, n in answers.items() if n > 0}
        hidden |= set(corners)


@dataclass
class Protected:
    """A table's figures with :data:`HIDDEN` in place of the entries hidden, and the number
    of answers of each entry shown (``{(row, column): n}``, margins keyed :data:`TOTAL`)."""

    cells: dict
    rows: dict
    columns: dict
    total: object
    answers: dict = field(default_factory=dict)


def protect(cells, rows, columns, total, row_keys, column_keys, minimum):
    """Hide what ``entries_to_hide`` says in a table of ``(value, n)`` entries: ``cells`` by
    ``(row, column)``, ``rows`` and ``columns`` totals by key, the ``total``."""
    figures = {}
    for row in [*row_keys, TOTAL]:
        for column in [*column_keys, TOTAL]:
            if row is TOTAL and column is TOTAL:
                entry = total
            elif column is TOTAL:
                entry = rows.get(row)
            elif row is TOTAL:
                entry = columns.get(column)
            else:
                entry = cells.get((row, column))
            if entry is not None:
                figures[(row, column)] = entry
    answers = {key: n or 0 for key, (_value, n) in figures.items()}
    hidden = entries_to_hide(answers, minimum)
    shown = {key: HIDDEN if key in hidden else value for key, (value, _n) in figures.items()}
    return Protected(
        cells={key: value for key, value in shown.items() if not is_margin(key)},
        rows={
            row: value
            for (row, column), value in shown.items()
            if column is TOTAL and row is not TOTAL
        },
        columns={
            column: value
            for (row, column), value in shown.items()
            if row is TOTAL and column is not TOTAL
        },
        total=shown[(TOTAL, TOTAL)],
        answers={key: n for key, n in answers.items() if key not in hidden},
    )


def shown_alone(value, n, minimum):
    """A figure shown without a table around it (a grand total): hidden under ``minimum``."""
    return HIDDEN if 0 < (n or 0) < minimum else value
