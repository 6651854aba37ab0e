"""The built-in rules on the real reports of the shared corpus."""

from __future__ import annotations

import pytest

import gilint
from gilint.findings import Severity

from conftest import corpus_file


@pytest.mark.parametrize("prefix", ["000", "001", "002"])
def test_correct_reports_have_no_error(prefix: str) -> None:
    findings = gilint.lint(corpus_file(prefix), config={"select": ["GI"]})
    assert [f for f in findings if f.severity is Severity.ERROR] == []


def test_003_findings() -> None:
    path = corpus_file("003")
    lines = path.read_text("utf-8").split("\n")
    findings = gilint.lint(path, config={"select": ["GI"]})
    by_code = {f.code: f for f in findings}
    assert {"GI101", "GI301", "GI401", "GI108"} <= set(by_code)
    assert "第四部分" in by_code["GI101"].message
    assert lines[by_code["GI101"].line - 1].startswith("五、")
    assert "本年新" in lines[by_code["GI301"].line - 1]
    assert lines[by_code["GI401"].line - 1].startswith("六、")
    assert "信访举报投诉类申" in lines[by_code["GI108"].line - 1]  # where the table stops
    assert "（七）总计" in by_code["GI108"].message or "7 行" in by_code["GI108"].message
    # the truncated table is not reported again as broken sums
    assert not [f for f in findings if f.code in ("GI201", "GI202", "GI203")]


def test_004_vague_fee_statement_not_missing() -> None:
    path = corpus_file("004")
    codes = [f.code for f in gilint.lint(path, config={"select": ["GI"]})]
    assert "GI402" in codes and "GI401" not in codes
