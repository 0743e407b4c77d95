"""Small-cell suppression on hand-made tables, and over thousands of random ones: no entry
from 1 to 4 answers is shown, and no hidden entry can be worked out from the shown entries and
the totals (checked by exact linear algebra in ``tests/disclosure.py``, not by the graph
argument the code relies on)."""

import random

import pytest

from capacity_lms.reports.suppression import (
    HIDDEN,
    TOTAL,
    bridges,
    cheapest_rectangle,
    entries_to_hide,
    protect,
    shown_alone,
)
from tests.disclosure import determined, with_margins

MINIMUM = 5


def hide(cells):
    table = with_margins(cells)
    return table, entries_to_hide(table, MINIMUM)


def assert_protected(table, hidden):
    small = {entry for entry, n in table.items() if 0 < n < MINIMUM}
    assert small <= hidden
    assert all(table[entry] > 0 for entry in hidden), "an empty entry is a known zero"
    assert determined([e for e, n in table.items() if n > 0], hidden) == []


def test_a_one_cell_table_from_few_answers_is_hidden_whole():
    table, hidden = hide({("fr", "axis"): 3})
    assert hidden == set(table)
    assert_protected(table, hidden)


def test_a_one_cell_table_from_enough_answers_is_shown():
    assert hide({("fr", "axis"): 5})[1] == set()


def test_a_small_cell_is_hidden_with_a_rectangle_inside_the_table():
    cells = {("fr", "a"): 2, ("fr", "b"): 10, ("be", "a"): 7, ("be", "b"): 8}
    table, hidden = hide(cells)
    # The interior rectangle hides no total: each row and column total stays shown.
    assert hidden == set(cells)
    assert_protected(table, hidden)


def test_a_row_with_one_small_cell_hides_its_neighbour_and_their_column_totals():
    cells = {("fr", "a"): 2, ("fr", "b"): 10}
    table, hidden = hide(cells)
    # The column total of "a" equals the cell; hiding "b" and its column total beside them is
    # cheaper than the row total and the grand total.
    assert hidden == {("fr", "a"), ("fr", "b"), (TOTAL, "a"), (TOTAL, "b")}
    assert_protected(table, hidden)


def test_the_rectangle_avoids_empty_cells_known_to_be_zero():
    cells = {("fr", "a"): 2, ("fr", "b"): 9, ("be", "a"): 9}  # ("be", "b") is empty
    table, hidden = hide(cells)
    assert ("be", "b") not in hidden
    assert_protected(table, hidden)


def test_the_cheapest_rectangle_is_chosen():
    cells = {
        ("fr", "a"): 1,
        ("fr", "b"): 50,
        ("fr", "c"): 6,
        ("be", "a"): 40,
        ("be", "b"): 40,
        ("be", "c"): 40,
        ("it", "a"): 6,
        ("it", "b"): 50,
        ("it", "c"): 6,
    }
    table = with_margins(cells)
    corners = cheapest_rectangle(("fr", "a"), table, {("fr", "a")})
    assert set(corners) == {("fr", "c"), ("it", "c"), ("it", "a")}


def test_bridges_of_a_tree_a_cycle_and_two_cycles_joined_by_an_edge():
    tree = [("r1", "c1"), ("r1", "c2"), ("r2", "c2")]
    assert bridges(tree) == tree
    square = [("r1", "c1"), ("r1", "c2"), ("r2", "c1"), ("r2", "c2")]
    assert bridges(square) == []
    other = [("r3", "c3"), ("r3", "c4"), ("r4", "c3"), ("r4", "c4")]
    assert bridges([*square, ("r2", "c3"), *other]) == [("r2", "c3")]


def test_a_bridge_between_two_hidden_cycles_gets_a_cycle_of_its_own():
    small = {
        ("r1", "c1"),
        ("r1", "c2"),
        ("r2", "c1"),
        ("r2", "c2"),
        ("r3", "c3"),
        ("r3", "c4"),
        ("r4", "c3"),
        ("r4", "c4"),
        ("r2", "c3"),
    }
    cells = {
        (row, column): 2 if (row, column) in small else 20
        for row in ("r1", "r2", "r3", "r4")
        for column in ("c1", "c2", "c3", "c4")
    }
    table, hidden = hide(cells)
    primary = {entry for entry, n in table.items() if 0 < n < MINIMUM}
    assert bridges([entry for entry in table if entry in primary]) == [("r2", "c3")]
    assert hidden > primary
    assert bridges([entry for entry in table if entry in hidden]) == []
    assert_protected(table, hidden)


def test_protect_puts_hidden_in_place_of_the_values_and_keeps_no_hidden_count():
    cells = {("fr", "a"): (4.5, 2), ("fr", "b"): (3.0, 10)}
    rows = {"fr": (3.25, 12)}
    columns = {"a": (4.5, 2), "b": (3.0, 10)}
    shown = protect(cells, rows, columns, (3.25, 12), ["fr"], ["a", "b"], MINIMUM)
    assert shown.cells == {("fr", "a"): HIDDEN, ("fr", "b"): HIDDEN}
    assert shown.columns == {"a": HIDDEN, "b": HIDDEN}
    assert shown.rows == {"fr": 3.25}
    assert shown.total == 3.25
    assert shown.answers == {("fr", TOTAL): 12, (TOTAL, TOTAL): 12}


def test_a_figure_alone_hides_under_the_minimum():
    assert shown_alone(4.2, 4, MINIMUM) is HIDDEN
    assert shown_alone(4.2, 5, MINIMUM) == 4.2
    assert shown_alone(None, 0, MINIMUM) is None


def random_cells(rng):
    rows = [f"r{number}" for number in range(rng.randint(1, 6))]
    columns = [f"c{number}" for number in range(rng.randint(1, 6))]
    cells = {}
    for row in rows:
        for column in columns:
            draw = rng.random()
            if draw < 0.25:
                continue  # empty
            cells[(row, column)] = rng.randint(1, 4) if draw < 0.55 else rng.randint(5, 40)
    return cells


@pytest.mark.parametrize("block", range(10))
def test_random_tables_show_no_small_entry_and_no_determined_hidden_entry(block):
    rng = random.Random(block)
    for _table in range(200):
        cells = random_cells(rng)
        if not cells:
            continue
        table, hidden = hide(cells)
        assert_protected(table, hidden)
        shown = {entry for entry in table if entry not in hidden}
        assert all(table[entry] == 0 or table[entry] >= MINIMUM for entry in shown)


def test_the_check_itself_finds_a_cell_worked_out_by_subtraction():
    """The linear-algebra check is not vacuous: primary suppression alone leaves a hidden
    cell that the row total gives away."""
    cells = {("fr", "a"): 2, ("fr", "b"): 10, ("be", "a"): 7, ("be", "b"): 8}
    table = with_margins(cells)
    assert determined(list(table), {("fr", "a")}) == [("fr", "a")]
    assert determined(list(table), set(cells)) == []
