"""A baseline of decisions: write it, edit a report elsewhere, check again, and see only
what is new; entries keyed by what a finding is about, not by line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from gilint.testing import render, sample_report

from support import run_gilint

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def _report(seed: int, **cells: str) -> str:
    report = sample_report("2021", seed=seed)
    for key, value in cells.items():
        row, column = key.split("__")
        report = report.with_cell("3", row, column, value)
    return render(report, "tabs").text


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(_report(1, new__natural_person="999"), "utf-8")
    (tmp_path / "b.txt").write_text(_report(2), "utf-8")
    (tmp_path / "gilint.toml").write_text('select = ["GI2"]\n', "utf-8")
    return tmp_path


def _codes(result: object) -> list[tuple[str, str]]:
    data = json.loads(result.stdout)  # type: ignore[attr-defined]
    return sorted((Path(f["path"]).name, f["code"]) for f in data)


def test_round_trip_shows_only_the_new_finding(folder: Path) -> None:
    written = run_gilint("check", ".", "--write-baseline", "baseline.toml", cwd=folder)
    assert written.returncode == 0 and "已将 2 个问题写入基线" in written.stderr
    entries = tomllib.loads((folder / "baseline.toml").read_text("utf-8"))["finding"]
    assert {e["code"] for e in entries} == {"GI201", "GI203"}
    assert all(e["anchor"].startswith("表三/一、本年新收政府信息公开申请数量/") for e in entries)
    assert all(e["status"] == "new" and e["body"] and e["year"] == 2024 for e in entries)
    # edit the report elsewhere: a paragraph added to part 一 moves every later line
    text = (folder / "a.txt").read_text("utf-8")
    edited = text.replace("一、总体情况\n", "一、总体情况\n\n本年度新增一段说明。\n\n", 1)
    assert edited != text
    (folder / "a.txt").write_text(edited, "utf-8")
    # and a new error in the other report
    (folder / "b.txt").write_text(
        render(
            sample_report("2021", seed=2).with_cell("3", "outcome.disclosed", "commercial", "77"),
            "tabs",
        ).text,
        "utf-8",
    )
    again = run_gilint("check", ".", "--baseline", "baseline.toml", "--format", "json", cwd=folder)
    assert _codes(again) == [("b.txt", "GI202"), ("b.txt", "GI203")]
    assert "基线 baseline.toml 中已记录的 2 个问题未显示" in again.stderr
    assert again.returncode == 1


def test_decisions_are_kept_and_decide_the_exit_status(folder: Path) -> None:
    run_gilint("check", "a.txt", "--write-baseline", "baseline.toml", cwd=folder)
    path = folder / "baseline.toml"
    text = path.read_text("utf-8").replace('status = "new"', 'status = "dismissed"')
    text = text.replace('reason = ""', 'reason = "已核实：原表如此"')
    path.write_text(text, "utf-8")
    result = run_gilint("check", "a.txt", "--baseline", "baseline.toml", cwd=folder)
    assert result.returncode == 0 and "不是问题 2" in result.stderr
    # writing again keeps the reviewer's decisions
    run_gilint("check", "a.txt", "--write-baseline", "baseline.toml", cwd=folder)
    entries = tomllib.loads(path.read_text("utf-8"))["finding"]
    assert {(e["status"], e["reason"]) for e in entries} == {("dismissed", "已核实：原表如此")}
    path.write_text(path.read_text("utf-8").replace("dismissed", "confirmed"), "utf-8")
    confirmed = run_gilint("check", "a.txt", "--baseline", "baseline.toml", cwd=folder)
    assert confirmed.returncode == 1 and "GI201" not in confirmed.stdout  # known, still failing


def test_a_bad_baseline_is_a_usage_error(folder: Path) -> None:
    (folder / "bad.toml").write_text('[[finding]]\ncode = "GI201"\n', "utf-8")
    result = run_gilint("check", ".", "--baseline", "bad.toml", cwd=folder)
    assert result.returncode == 2 and "fingerprint" in result.stderr
    (folder / "bad.toml").write_text(
        '[[finding]]\nfingerprint = "x"\ncode = "GI201"\nstatus = "maybe"\n', "utf-8"
    )
    assert "status" in run_gilint("check", ".", "--baseline", "bad.toml", cwd=folder).stderr
