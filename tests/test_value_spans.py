"""A value over several grid columns is one value. Word draws a table whose parts have
different widths on one grid (table 二's items in one table, 三 and 四 beside it), so a
row's number may cover two grid columns and the next number stand in the column after;
web pages saved from Word and PDFs printed from it keep that grid. Read as blank cells,
the spanned columns pushed every later number one column right: a correct report got
errors in every table. The files are made by the testing kit (``widen_values``)."""

from __future__ import annotations

from collections.abc import Callable

import attrs
import pytest

from gilint.ast import CellStatus
from gilint.config import Config
from gilint.lexer import is_value
from gilint.linting import Linter
from gilint.places import Place
from gilint.testing import sample_report
from gilint.testing.documents import (
    Document,
    document,
    html_path,
    to_docx,
    to_html,
    to_pdf,
    widen_values,
)

pytest.importorskip("docx", reason="the test extra installs python-docx")
pytest.importorskip("reportlab", reason="the test extra installs reportlab")
pytest.importorskip("pdfplumber", reason="the test extra installs pdfplumber")

_MAKERS: dict[str, Callable[[Document], bytes]] = {
    "page.html": to_html,
    "report.docx": to_docx,
    "report.pdf": lambda d: to_pdf(d)[0],
}
_LINTER = Linter(Config(select=("GI",)))


def _read(data: bytes, name: str) -> tuple[list[str], dict[str, list[object]]]:
    report = _LINTER.parse(data, path=name)
    findings = [
        f"{f.code} {f.message}"
        for f in _LINTER.check(report)
        if f.severity.value in ("error", "warning")
    ]
    rows = {
        f"{table.id}/{row.id}": list(row.values)
        for table in report.tables()
        for row in table.rows
        if row.id is not None
    }
    return findings, rows


def test_the_kit_draws_values_over_two_grid_columns() -> None:
    widened = widen_values(document(sample_report("2019", seed=3)))
    table = widened.tables[0]  # table 二: 规章 15 | 37 | 34, the first over two columns
    row = [(c.text, c.colspan) if c else None for c in table.rows[2]]
    assert row == [("规章", 1), ("15", 2), None, ("37", 1), ("34", 1)]
    row = [(c.text, c.colspan) if c else None for c in table.rows[3]]
    assert row == [("规范性文件", 1), ("8", 1), ("23", 2), None, ("38", 1)]
    for key, (number, r, column) in widened.cells.items():  # every cell where it says
        cell = widened.tables[number - 1].rows[r - 1][column - 1]
        assert cell is not None, key


@pytest.mark.parametrize("seed", [3, 11])
@pytest.mark.parametrize("template", ["2019", "2021"])
@pytest.mark.parametrize("name", list(_MAKERS))
def test_a_value_over_two_grid_columns_is_one_value(name: str, template: str, seed: int) -> None:
    doc = document(sample_report(template, seed=seed))
    plain_findings, plain_rows = _read(_MAKERS[name](doc), name)
    findings, rows = _read(_MAKERS[name](widen_values(doc)), name)
    assert plain_findings == []
    assert findings == []
    assert rows == plain_rows  # every value read, in its column


def test_a_finding_in_a_widened_table_points_at_its_cell() -> None:
    cell = ("3", "new", "natural_person")
    broken = widen_values(document(sample_report("2021", seed=7).with_cell(*cell, "999")))
    table, row, column = broken.cells[cell]
    html = _LINTER.check(_LINTER.parse(to_html(broken), path="page.html"))
    word = _LINTER.check(_LINTER.parse(to_docx(broken), path="report.docx"))
    assert sorted(f.code for f in html) == sorted(f.code for f in word) == ["GI201", "GI203"]
    gi201 = next(f for f in html if f.code == "GI201")
    assert gi201.place is not None and gi201.place.path == html_path(broken, cell)
    gi201 = next(f for f in word if f.code == "GI201")
    assert gi201.place == Place("docx", table=table, row=row, column=column)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", True),
        (" 1,024 ", True),
        ("81.19", True),
        ("125000元", True),
        ("/", True),
        ("—", True),
        ("无", True),
        ("", False),
        ("信息内容", False),
        ("1.属于国家秘密", False),
        ("本年新制作数量", False),
    ],
)
def test_what_is_a_value(text: str, expected: bool) -> None:
    assert is_value(text) is expected


def _merged_to_row_end(
    doc: Document, table_index: int, row: int, column: int, text: str
) -> Document:
    """``doc`` with one cell holding ``text`` merged from ``column`` to its row's end."""
    from gilint.testing.documents import Block, GridCell

    table = doc.tables[table_index]
    grid = list(table.rows)
    width = len(grid[row - 1])
    merged_cell = GridCell(text, colspan=width - column + 1)
    grid[row - 1] = (*grid[row - 1][: column - 1], merged_cell, *(None,) * (width - column))
    return Document(
        tuple(Block(rows=tuple(grid)) if b is table else b for b in doc.blocks), doc.cells
    )


@pytest.mark.parametrize("name", list(_MAKERS))
def test_a_none_over_the_rest_of_its_row_stands_for_each_of_its_cells(name: str) -> None:
    """ "0" typed once over a row's merged cells (nothing happened) is a 0 in each cell
    it covers: read as one value and blank cells, the row got a warning that six cells
    were blank, which the user's file does not show."""
    data = sample_report("2021", seed=1)
    rows = data.tables["3"]
    moved = tuple(
        str(int(a) + int(b))
        for a, b in zip(rows["outcome.disclosed"], rows["outcome.partial"], strict=True)
    )
    data = data.with_rows("3", {"outcome.disclosed": moved, "outcome.partial": ("0",) * 7})
    doc = document(data)
    _, row, column = doc.cells[("3", "outcome.partial", "natural_person")]
    merged = _merged_to_row_end(doc, 1, row, column, "0")
    report = _LINTER.parse(_MAKERS[name](merged), path=name)
    table = report.table("3")
    assert table is not None
    partial = table.row("outcome.partial")
    assert partial is not None and partial.values == (0,) * 7
    assert _LINTER.check(report) == []


_WITH_UNRULED: dict[str, Callable[[Document], bytes]] = {
    **_MAKERS,
    # (read by the text's positions: the merged cell is one word under the header)
    "unruled.pdf": lambda d: to_pdf(d, ruled=False)[0],
}


@pytest.mark.parametrize("text", ["无", "0"])
@pytest.mark.parametrize("name", list(_WITH_UNRULED))
def test_table_four_of_one_merged_none(name: str, text: str) -> None:
    """A body with no reviews or suits writes one "无" (or "0") over table 四's whole
    row: read as one value and fourteen blank cells, the row was missing (an error) or
    had fourteen blank cells. Each cell now reads what the merged cell says."""
    data = sample_report("2021", seed=2)
    data = data.with_rows("4", {"cases": ("0",) * 15})
    doc = document(data)
    _, row, column = doc.cells[("4", "cases", "review.upheld")]
    merged = _merged_to_row_end(doc, 2, row, column, text)
    report = _LINTER.parse(_WITH_UNRULED[name](merged), path=name)
    table = report.table("4")
    assert table is not None
    cases = table.row("cases")
    assert cases is not None
    findings = _LINTER.check(report)
    if text == "0":
        assert cases.values == (0,) * 15
        assert findings == []
    else:
        assert cases.statuses == (CellStatus.PLACEHOLDER,) * 15
        assert [(f.code, f.severity.value) for f in findings] == [("GI205", "warning")]
        assert "15 个单元格写作“无”" in findings[0].message


def test_a_row_label_a_character_off_in_a_document_is_warned_of_at_its_cell() -> None:
    """GI109 in Word and on a web page: the row is read, and the warning points at the
    label's own cell, on the value cells' grid row."""
    data = sample_report("2021", seed=7)
    labels = {**data.row_labels, "3/carry_forward": "四、结转下一年度继续办理"}
    doc = document(attrs.evolve(data, row_labels=labels))
    table, row, _ = doc.cells[("3", "carry_forward", "natural_person")]
    value_path = html_path(doc, ("3", "carry_forward", "natural_person"))
    for made, name in ((to_docx(doc), "report.docx"), (to_html(doc), "page.html")):
        report = _LINTER.parse(made, path=name)
        findings = [f for f in _LINTER.check(report) if f.severity.value != "info"]
        assert [f.code for f in findings] == ["GI109"], name
        place = findings[0].place
        assert place is not None
        if name == "report.docx":
            assert (place.table, place.row, place.column) == (table, row, 1)
        else:
            assert place.path == value_path.rsplit("/", 1)[0] + "/td[1]"
        carried = report.table("3").row("carry_forward")  # type: ignore[union-attr]
        assert carried is not None and carried.near_label and None not in carried.values
