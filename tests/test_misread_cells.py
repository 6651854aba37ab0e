"""Cells holding a letter an OCR (or a typist) put for a digit: "O", "〇", "l".

In a table converted a cell per line, such a cell was read as text: a row label the
format does not name (GI901), the row above short of its cells (GI108, an error) and
a blank cell (GI205). Elsewhere it was a GI205 error, as a word in a count's cell is.
Now it is that cell in every layout, read as no number (the sums it takes part in are
not checked), and GI205 names it as a likely misreading, a warning: the report as
printed may well hold the digit.
"""

from __future__ import annotations

import attrs
import pytest

import gilint
from gilint.ast import CellStatus
from gilint.findings import Severity
from gilint.testing import LAYOUTS, ReportData, render, sample_report

# "runs" writes a row's numbers with nothing between them ("30O5"): not read cell by cell
_LAYOUTS = [name for name in LAYOUTS if name != "runs"]


def _misread(data: ReportData, mark: str, table: str) -> tuple[ReportData, list[tuple[str, int]]]:
    """``data`` with every 0 of table ``table`` written as ``mark``, and (row, column
    index) of each such cell."""
    rows = {
        row: tuple(mark if cell == "0" else cell for cell in cells)
        for row, cells in data.tables[table].items()
    }
    placed = [
        (row, index)
        for row, cells in rows.items()
        for index, cell in enumerate(cells)
        if cell == mark
    ]
    return attrs.evolve(data, tables={**data.tables, table: rows}), placed


@pytest.mark.parametrize("table", ["3", "4"])
@pytest.mark.parametrize("mark", ["O", "〇", "l"])
@pytest.mark.parametrize("layout", _LAYOUTS)
def test_a_letter_for_a_digit_is_its_cell_in_every_layout(
    layout: str, mark: str, table: str
) -> None:
    data, placed = _misread(sample_report("2021", seed=0, high=2), mark, table)
    assert placed
    rendered = render(data, layout)
    report = gilint.parse(rendered.text)
    read = report.table(table)
    assert read is not None
    written = set()
    for row_id, index in placed:
        row = read.row(row_id)
        assert row is not None
        cell = row.cells[index]
        assert cell.status is CellStatus.INVALID and cell.raw == mark
        assert cell.column is not None
        written.add(rendered.cells[(table, row_id, cell.column)])
    findings = gilint.lint(rendered.text, config={"select": ["GI"]})
    # one warning for the table, naming every such cell where the renderer wrote it
    assert [(f.code, f.severity) for f in findings] == [("GI205", Severity.WARNING)]
    (finding,) = findings
    assert f"为“{mark}”，不是数字" in finding.message
    assert {(span.line, span.column) for span in finding.related} == written


@pytest.mark.parametrize("letter", ["O", "Ｏ", "ｌ"])  # (and full-width, as typed)
@pytest.mark.parametrize("layout", _LAYOUTS)
def test_one_letter_for_a_digit_is_named_at_its_cell(layout: str, letter: str) -> None:
    data = sample_report("2021", seed=1)
    row_id = "outcome.refused.state_secret"
    cells = data.tables["3"][row_id]
    data = data.with_rows("3", {row_id: (letter, *cells[1:])})
    rendered = render(data, layout)
    findings = gilint.lint(rendered.text, config={"select": ["GI"]})
    assert [(f.code, f.severity) for f in findings] == [("GI205", Severity.WARNING)]
    (finding,) = findings
    assert f"“1.属于国家秘密”“自然人”一栏为“{letter}”" in finding.message
    assert finding.suggestion == "核对原件，填写阿拉伯数字"
    place = rendered.cells[("3", row_id, "natural_person")]
    assert (finding.span.line, finding.span.column) == place


@pytest.mark.parametrize("layout", _LAYOUTS)
def test_a_total_written_as_a_letter_is_not_summed(layout: str) -> None:
    """A 总计 of 23 read by an OCR as "l": its row's sum is not checked (no GI203
    error), only the misreading is named."""
    data = sample_report("2021", seed=2)
    row_id = "outcome.disclosed"
    cells = data.tables["3"][row_id]
    assert cells[-1] not in ("0", "1")
    data = data.with_rows("3", {row_id: (*cells[:-1], "l")})
    findings = gilint.lint(render(data, layout).text, config={"select": ["GI"]})
    assert [(f.code, f.severity) for f in findings] == [("GI205", Severity.WARNING)]


def test_text_in_a_count_cell_is_still_an_error() -> None:
    data = sample_report("2021", seed=1)
    row_id = "outcome.refused.state_secret"
    cells = data.tables["3"][row_id]
    data = data.with_rows("3", {row_id: ("OO", *cells[1:])})
    findings = gilint.lint(render(data, "tabs").text, config={"select": ["GI"]})
    assert [(f.code, f.severity) for f in findings] == [("GI205", Severity.ERROR)]


def test_a_letter_in_numbers_run_together_is_named_as_the_rows_reason() -> None:
    """Numbers run together with an OCR's O among them ("O3749023") are no numbers:
    the row is unread, quietly, and the note says why (it said no number was read)."""
    data = sample_report("2021", seed=2)
    row_id = "outcome.disclosed"
    cells = data.tables["3"][row_id]
    assert cells[0] == "0"
    text = render(data, "runs").text
    run = "".join(cells)
    at = text.index(run)
    broken = text[:at] + "O" + text[at + 1 :]
    findings = gilint.lint(broken, config={"select": ["GI"]})
    assert [(f.code, f.severity) for f in findings] == [("GI901", Severity.INFO)]
    assert f"（“O{run[1:]}”不全是数字，无法读出）" in findings[0].message
