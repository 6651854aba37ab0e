"""Rows carry their cells' statuses and values; the Cell objects are built on demand.

Both are read from the same text by different code (a whole-row check for rows of plain
counts, cell by cell otherwise), so they must agree on every row, whatever a cell holds.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gilint
from gilint.ast import CellStatus, Report, Row
from gilint.testing import render, sample_report
from gilint.testing.strategies import layouts, report_data

ODD_CELLS = ["", "/", "-", "无", "1.5", "12a", "-3", "1,024", "0", "007", "9" * 25, "３"]


def _check_rows(report: Report) -> int:
    rows = 0
    for table in report.tables():
        for row in table.rows:
            rows += 1
            places = row.cell_places()  # before any cell is built
            assert places == tuple((c.column_label or c.column or "", c.span) for c in row.cells)
            assert row.statuses == tuple(c.status for c in row.cells)
            assert row.values == tuple(c.value for c in row.cells)
            assert row.columns == tuple(c.column for c in row.cells)
            for column, number, cell in zip(row.columns, row.numbers, row.cells, strict=True):
                assert row.number(column) == number
                if cell.status is CellStatus.OK:
                    assert number == cell.value
                elif cell.status in (CellStatus.BLANK, CellStatus.PLACEHOLDER):
                    assert number == 0
                else:
                    assert number is None
    return rows


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), report_data(), layouts())
def test_row_statuses_and_values_agree_with_its_cells(data, report, layout) -> None:  # type: ignore[no-untyped-def]
    table = data.draw(st.sampled_from(sorted(report.tables)))
    row = data.draw(st.sampled_from(sorted(report.tables[table])))
    spec = report.spec.table(table)
    assert spec is not None
    column = data.draw(st.sampled_from([c.id for c in spec.columns]))
    odd = report.with_cell(table, row, column, data.draw(st.sampled_from(ODD_CELLS)))
    parsed = gilint.parse(render(odd, layout).text)
    assert _check_rows(parsed) > 0


def test_cells_are_built_once() -> None:
    report = gilint.parse(render(sample_report("2021"), "tabs").text)
    row = report.table("3").rows[0]  # type: ignore[union-attr]
    assert row.cells is row.cells
    assert row.cell(row.columns[0]) is row.cells[0]
    assert row.cell("no such column") is None


def test_cell_places_need_no_cell_and_agree_with_the_cells() -> None:
    report = gilint.parse(render(sample_report("2021", seed=5), "wrapped").text)
    table = report.table("3")
    assert table is not None
    row = table.rows[0]
    places = row.cell_places()
    assert row._build_cells._built == {}  # type: ignore[attr-defined]  # nothing built
    assert [label for label, _ in places][:2] == ["自然人", "商业企业"]
    assert places == tuple((c.column_label, c.span) for c in row.cells)
    # a row made by hand (a plugin, a test) has its places from its cells
    by_hand = Row(
        id=row.id,
        label=row.label,
        label_span=row.label_span,
        span=row.span,
        columns=row.columns,
        build_cells=lambda: row.cells,
    )
    assert by_hand.cell_places() == places


def test_a_cell_asked_for_alone_is_the_one_cells_later_holds() -> None:
    data = sample_report("2021", seed=3)
    report = gilint.parse(render(data, "wrapped").text)
    row = report.table("3").row("new")  # type: ignore[union-attr]
    assert row is not None
    alone = row.cell("commercial")
    assert alone is not None
    assert alone.raw == data.tables["3"]["new"][row.index("commercial") or 0]
    assert report.source[alone.span.start : alone.span.end] == alone.raw
    assert row.cells[row.index("commercial") or 0] is alone


def test_a_repeated_row_is_a_duplicate_and_row_gives_the_first() -> None:
    text = render(sample_report("2021", seed=5), "spaced").text
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if "本年新收" in line)
    changed = lines[at].rsplit(" ", 1)[0] + " 999"  # same label, another last cell
    lines.insert(at + 1, changed)
    table = gilint.parse("\n".join(lines)).table("3")
    assert table is not None
    repeated = [r for r in table.rows if r.id == "new"]
    assert [r.duplicate for r in repeated] == [False, True]
    assert table.row("new") is repeated[0] is table.first_rows["new"]
    assert set(table.first_rows) == {r.id for r in table.rows if r.id is not None}
    with pytest.raises(TypeError):
        table.first_rows["new"] = repeated[1]  # type: ignore[index]


@pytest.mark.parametrize("layout", ["wrapped", "tabs", "markdown", "cells"])
def test_table_texts_are_built_on_first_use_each_once(layout: str) -> None:
    """A table's headers and group labels (``Table.texts``) are read only by the parse
    JSON, not by any rule: they are built when first asked for, at the places they
    stand, and the same objects are given every time."""
    text = render(sample_report("2021", seed=4), layout).text  # type: ignore[arg-type]
    report = gilint.parse(text)
    table = report.table("3")
    assert table is not None
    texts = table.texts
    assert texts is table.texts
    assert any("勾稽关系" in piece.text for piece in texts)
    for piece in texts:
        assert text[piece.span.start : piece.span.end] == piece.text


@given(
    st.lists(st.integers(0, 60), unique=True).map(sorted),
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8))),
)
def test_untaken_cells_are_those_no_span_holds_the_start_of(
    starts: list[int], spans: list[tuple[int, int]]
) -> None:
    """The sweep that replaced a search of every span for every cell (quadratic on a run
    of thousands of labels) finds the same cells, whatever the spans."""
    from gilint.lexer import LexCell
    from gilint.tables import _untaken

    cells = [LexCell("FRAG", "字", s, s + 1) for s in starts]
    used = [(s, s + length) for s, length in spans]
    expected = [c for c in cells if not any(s <= c.start < e for s, e in used)]
    assert _untaken(cells, used) == expected


@st.composite
def _cells_and_spans(draw: st.DrawFn) -> tuple[list, list[tuple[int, int]]]:  # type: ignore[type-arg]
    from gilint.lexer import LexCell

    cells = []
    at = 0
    for text in draw(st.lists(st.text(alphabet="字 a1", min_size=1, max_size=6), max_size=8)):
        at += draw(st.integers(0, 3))
        cells.append(LexCell("FRAG", text, at, at + len(text)))
        at += len(text)
    spans = [
        (start, start + length)
        for start, length in draw(st.lists(st.tuples(st.integers(0, at), st.integers(1, 30))))
    ]
    return cells, spans


@given(_cells_and_spans())
def test_free_texts_are_the_runs_of_each_cell_no_span_covers(
    case: tuple[list, list[tuple[int, int]]],  # type: ignore[type-arg]
) -> None:
    """The sweep keeps spans by their ends (one over many cells made it quadratic): it
    finds, in each cell, the runs of text no span covers, trimmed, that hold key text."""
    from gilint.labels import has_key_text
    from gilint.tables import _free_texts

    cells, spans = case
    if not cells:
        return
    covered = {p for start, end in spans for p in range(start, end)}
    expected = []
    for cell in cells:
        run = ""
        for offset, char in enumerate([*cell.text, None]):
            position = cell.start + offset
            if char is not None and position not in covered:
                run += char
                continue
            if has_key_text(run):
                begin = position - len(run)
                lead = len(run) - len(run.lstrip())
                expected.append((begin + lead, begin + lead + len(run.strip())))
            run = ""
    assert _free_texts(cells, spans) == expected
