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
    free, covering colspan × rowspan positions (a rowspan of 0 to the last row); a row
    as wide as what covers it."""
    taken: dict[tuple[int, int], int | None] = {}
    number = 0
    for r, cells in enumerate(rows):
        column = 0
        for colspan, rowspan in cells:
            while (r, column) in taken:
                column += 1
            for dr in range(min(rowspan, len(rows) - r) if rowspan else len(rows) - r):
                for dc in range(colspan):
                    taken[(r + dr, column + dc)] = number if (dr, dc) == (0, 0) else None
            number += 1
            column += colspan
    out = []
    for r in range(len(rows)):
        width = 1 + max((c for (rr, c) in taken if rr == r), default=-1)
        out.append([taken.get((r, c)) for c in range(width)])
    return out


_SPANS = st.tuples(st.integers(1, 3), st.integers(0, 4))


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
    right of the one above, until the first span ends: 1 200 rows, at most 1 000 wide
    (some 700 000 cells, under the page's limit)."""
    page = b"<html><body><table>" + b"<tr><td rowspan=1000>1</td></tr>" * 1200 + b"</table>"
    loaded = read_with(None, page, "stairs.html")
    assert not loaded.problems
    widths = [line.count("\t") + 1 for line in loaded.text.split("\n")[:1200]]
    assert widths[:3] == [1, 2, 3] and max(widths) == 1000
    assert widths[999] == 1000 and widths[1000] == 1000  # the first span ended: reused


def test_a_page_whose_spans_expand_past_the_limit_is_not_read() -> None:
    """45 KB of cells each spanning 1 000 rows and 1 000 columns would expand to some
    500 million cells: the page is refused once its tables pass a million."""
    cell = b"<tr><td colspan=1000 rowspan=1000>1</td></tr>"
    loaded = read_with(None, b"<html><body><table>" + cell * 1000 + b"</table>", "w.html")
    assert loaded.text == ""
    assert loaded.problems[0].message.startswith("网页中的表格展开合并单元格后超过 100 万格")


def test_spans_are_read_as_a_browser_reads_them() -> None:
    """A browser reads a span's leading number and ignores what follows: ``2px`` merged
    two rows on screen but one in the text, which moved the cell below a column left."""
    expected = ["a\tb\t", "\tc\td"]
    for value in ("2", " 2", "+2", "02", "2px", "2.5", "2;"):
        page = f"<table><tr><td rowspan='{value}'>a</td><td colspan=2>b</td></tr>"
        page += "<tr><td>c</td><td>d</td></tr></table>"
        assert read_with(None, page.encode(), "t.html").text.split("\n")[:2] == expected, value
    for value in ("x", "-2", ""):  # no number: one row
        page = f"<table><tr><td rowspan='{value}'>a</td><td>b</td></tr><tr><td>c</td></tr>"
        assert read_with(None, f"{page}</table>".encode(), "t.html").text.split("\n")[:2] == [
            "a\tb",
            "c",
        ], value


def test_a_rowspan_ends_with_its_row_group() -> None:
    """As a browser draws it: a rowspan of 0 runs to the end of its row group (it was
    read as 1), and no rowspan reaches past that end into the next group."""

    def text(page: str) -> list[str]:
        return read_with(None, page.encode(), "t.html").text.split("\n")[:4]

    zero = "<table><tr><td rowspan=0>a</td><td>b</td></tr><tr><td>c</td></tr>"
    assert text(zero + "<tr><td>d</td></tr></table>") == ["a\tb", "\tc", "\td", ""]
    grouped = (
        "<table><thead><tr><td rowspan=3>a</td><td>b</td></tr><tr><td>c</td></tr></thead>"
        "<tbody><tr><td>d</td><td>e</td></tr><tr><td rowspan=0>f</td></tr>"
        "<tr><td>g</td></tr></tbody></table>"
    )
    lines = read_with(None, grouped.encode(), "t.html").text.split("\n")[:5]
    assert lines == ["a\tb", "\tc", "d\te", "f", "\tg"]
