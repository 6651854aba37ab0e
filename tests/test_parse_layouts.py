"""Golden checks: every table cell of the bundled fixtures, in every layout and format,
has the value and the line and column the renderer recorded when it wrote the file."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

import gilint
from gilint.ast import CellStatus, Reading
from gilint.testing import LAYOUTS

from conftest import FIXTURES
from support import assert_spans

CASES = sorted(p.stem for p in FIXTURES.glob("*.txt"))


def _load(name: str) -> tuple[gilint.Report, dict]:  # type: ignore[type-arg]
    report = gilint.parse(FIXTURES / f"{name}.txt")
    golden = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    return report, golden


def test_every_layout_and_format_is_covered() -> None:
    assert {c.split("-")[0] for c in CASES} == {"2019", "2021"}
    assert {c.split("-")[1] for c in CASES} == set(LAYOUTS)
    assert len(CASES) == 2 * len(LAYOUTS)


@pytest.mark.parametrize("name", CASES)
def test_rows_are_unread_exactly_where_their_numbers_split_more_than_one_way(name: str) -> None:
    report, golden = _load(name)
    unread = {f"{t.id}/{r.id}" for t in report.tables() for r in t.unread_rows}
    assert unread == set(golden["unread"])
    repaired = {r.id for r in report.table("3").rows if r.reading is Reading.REPAIRED}  # type: ignore[union-attr]
    if name.endswith("-runs"):
        assert repaired and all(f"3/{r}" not in golden["unread"] for r in repaired)
    else:
        assert not repaired


@pytest.mark.parametrize("name", CASES)
def test_every_cell_value_line_and_column(name: str) -> None:
    report, golden = _load(name)
    assert golden["cells"], "golden file lists no cells"
    for key, expected in golden["cells"].items():
        table_id, row_id, column_id = key.split("/")
        table = report.table(table_id)
        assert table is not None, key
        cell = table.cell(row_id, column_id)
        assert cell is not None, key
        if f"{table_id}/{row_id}" in golden["unread"]:
            assert cell.status is CellStatus.UNREAD and cell.value is None, key
            continue
        assert cell.status is CellStatus.OK, (key, cell)
        assert cell.raw == expected["raw"], key
        expected_value = (
            Decimal(expected["raw"]) if "." in expected["raw"] else int(expected["raw"])
        )
        assert cell.value == expected_value, key
        assert (cell.span.line, cell.span.column) == (expected["line"], expected["column"]), key


@pytest.mark.parametrize("name", CASES)
def test_every_row_line(name: str) -> None:
    report, golden = _load(name)
    for key, line in golden["rows"].items():
        table_id, row_id = key.split("/")
        row = report.table(table_id).row(row_id)  # type: ignore[union-attr]
        assert row is not None and row.line == line, key


@pytest.mark.parametrize("name", CASES)
def test_structure_template_year_and_issuer(name: str) -> None:
    report, golden = _load(name)
    assert [s.part for s in report.sections] == ["一", "二", "三", "四", "五", "六"]
    assert {s.part: s.heading.span.line for s in report.sections} == golden["parts"]
    assert report.template.id == golden["template"]
    assert report.template.basis == "labels"
    assert report.year == golden["year"]
    assert report.issuer == golden["issuer"]
    table3 = report.table("3")
    assert table3 is not None and table3.missing == () and table3.unknown_rows == ()
    expected_rows = 25 if golden["template"] == "2021" else 23
    assert len(table3.rows) == expected_rows
    assert all(t.template == golden["template"] for t in report.tables())
    assert report.diagnostics == ()


@pytest.mark.parametrize("name", CASES)
def test_span_text_is_node_text(name: str) -> None:
    report, _ = _load(name)
    assert assert_spans(report) > 100


def test_table2_tables_by_format() -> None:
    report_2021, _ = _load("2021-wrapped")
    report_2019, _ = _load("2019-wrapped")
    assert [t.id for t in report_2021.section("二").tables] == ["2.1", "2.5", "2.6", "2.8"]  # type: ignore[union-attr]
    assert [t.id for t in report_2019.section("二").tables] == ["2.1", "2.5", "2.6", "2.8", "2.9"]  # type: ignore[union-attr]
    fee = report_2021.table("2.8").cell("fees", "fee_amount")  # type: ignore[union-attr]
    assert isinstance(fee.value, Decimal)  # type: ignore[union-attr]


def test_fixture_files_are_not_corpus_copies() -> None:
    from conftest import CORPUS

    if not CORPUS.is_dir():
        pytest.skip("no corpus to compare with")
    # Table label rows are the national format's own words and are shared by every
    # report; prose sentences are what must not be copied.
    corpus_lines = {
        line
        for p in CORPUS.glob("*.txt")
        for line in p.read_text("utf-8").splitlines()
        if "。" in line and len(line) > 20
    }
    for path in Path(FIXTURES).glob("*.txt"):
        assert not corpus_lines & set(path.read_text("utf-8").splitlines()), path.name
