"""A web page's table spans expanded as the HTML table model places cells, in time
proportional to the table: a staircase of rowspans (each row's cell pushed one column
to the right by the spans above it) took minutes for a page of a few hundred KB when
every padded column looked at every span still open."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gilint.loaders.html_text import _Cell, _grid, _Table
from gilint.parsing import read_with
from gilint.places import Place


def _occupied(rows: list[list[tuple[int, int]]]) -> list[list[int | None]]:
    """The reference reading of a table: each cell at the first column its row leaves
    free, covering colspan × rowspan positions; a row as wide as what covers it."""
    taken: dict[tuple[int, int], int | None] = {}
    number = 0
    for r, cells in enumerate(rows):
        column = 0
        for colspan, rowspan in cells:
            while (r, column) in taken:
                column += 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken[(r + dr, column + dc)] = number if (dr, dc) == (0, 0) else None
            number += 1
            column += colspan
    out = []
    for r in range(len(rows)):
        width = 1 + max((c for (rr, c) in taken if rr == r), default=-1)
        out.append([taken.get((r, c)) for c in range(width)])
    return out


_SPANS = st.tuples(st.integers(1, 3), st.integers(1, 4))


@given(st.lists(st.lists(_SPANS, max_size=4), min_size=1, max_size=8))
def test_spans_are_expanded_as_the_reference_reads_them(
    rows: list[list[tuple[int, int]]],
) -> None:
    table = _Table(1)
    cells = []
    for spec in rows:
        row = [_Cell([], Place("html"), colspan, rowspan) for colspan, rowspan in spec]
        cells.extend(row)
        table.rows.append(row)
    number = {id(cell): index for index, cell in enumerate(cells)}
    got = [[None if c is None else number[id(c)] for c in row] for row in _grid(table)]
    assert got == _occupied(rows)


def test_a_staircase_of_rowspans_is_as_wide_as_its_spans() -> None:
    """Each row's one cell spans 1 000 rows, so each row's cell stands one column to the
    right of the one above, until the first span ends: 3 000 rows, at most 1 000 wide."""
    page = b"<html><body><table>" + b"<tr><td rowspan=1000>1</td></tr>" * 3000 + b"</table>"
    text = read_with(None, page, "stairs.html").text
    widths = [line.count("\t") + 1 for line in text.split("\n")[:3000]]
    assert widths[:3] == [1, 2, 3] and max(widths) == 1000
    assert widths[999] == 1000 and widths[1000] == 1000  # the first span ended: reused
