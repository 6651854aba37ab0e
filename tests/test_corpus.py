"""The real reports of the shared corpus (skipped when it is not present)."""

from __future__ import annotations

import pytest

import gilint
from gilint.ast import CellStatus

from conftest import corpus_file
from support import assert_spans


@pytest.mark.parametrize("prefix", ["000", "001", "002", "004"])
def test_complete_reports_parse_fully(prefix: str) -> None:
    report = gilint.parse(corpus_file(prefix))
    assert [s.part for s in report.sections] == ["一", "二", "三", "四", "五", "六"]
    assert all(s.ordinal == s.part and s.title_recognised for s in report.sections)
    assert report.year == 2024 and report.template.id == "2021"
    table3 = report.table("3")
    assert table3 is not None and table3.template == "2021"
    assert len(table3.rows) == 25 and table3.missing == () and not table3.unknown_rows
    assert all(len(r.cells) == 7 and not r.extra for r in table3.rows)
    assert all(c.status is CellStatus.OK for r in table3.rows for c in r.cells)
    table4 = report.table("4")
    assert table4 is not None and len(table4.rows) == 1
    assert [c.status for c in table4.rows[0].cells] == [CellStatus.OK] * 15
    assert [t.id for t in report.section("二").tables] == ["2.1", "2.5", "2.6", "2.8"]  # type: ignore[union-attr]
    assert report.diagnostics == ()
    assert assert_spans(report) > 150


def test_row_lines_follow_the_text() -> None:
    path = corpus_file("000")
    lines = path.read_text("utf-8").split("\n")
    table3 = gilint.parse(path).table("3")
    assert table3 is not None
    for row in table3.rows:
        assert row.label is not None
        first = row.label.split("\n")[0]
        assert first in lines[row.line - 1]
        for cell in row.cells:
            assert lines[cell.span.line - 1][cell.span.column - 1] == cell.raw


def test_001_has_its_nonzero_cell() -> None:
    table = gilint.parse(corpus_file("001")).table("2.1")
    assert table is not None
    assert table.cell("normative_documents", "in_force").value == 15  # type: ignore[union-attr]


def test_003_parses_partly_with_its_defects_visible() -> None:
    report = gilint.parse(corpus_file("003"))
    assert [s.part for s in report.sections] == ["一", "二", "三", "五", "六"]
    assert report.section("四") is None
    assert report.year == 2023
    assert report.template.id == "2019"
    table2 = report.section("二").tables  # type: ignore[union-attr]
    assert [t.template for t in table2] == ["2019"] * 4
    assert {e.marker for t in table2 for e in t.evidence} >= {"本年新制作数量", "上一年项目数量"}
    table3 = report.table("3")
    assert table3 is not None
    assert len(table3.rows) == 16
    assert table3.rows[-1].id == "outcome.not_processed.petition"
    assert "outcome.total" in table3.missing and "carry_forward" in table3.missing
    # the scrambled merged cells did not hide rows: 2.其他法律行政法规禁止公开 is read
    assert table3.row("outcome.refused.prohibited") is not None
    assert assert_spans(report) > 100
