"""ruff's conventions where gilint follows them: statistics as JSON, rule prefixes and
--all, --show-settings, --per-file-ignores, --config KEY=VALUE, missing paths and empty
folders, and a progress bar only on a terminal."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from gilint import cli
from gilint.testing import render, sample_report

from support import run_gilint

_BROKEN = render(
    sample_report("2021", seed=2).with_cell("3", "new", "natural_person", "999"), "tabs"
).text


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "reports").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "reports" / name).write_text(_BROKEN, "utf-8")
    (tmp_path / "gilint.toml").write_text('select = ["GI2"]\n', "utf-8")
    return tmp_path


def test_statistics_honour_the_json_format(folder: Path) -> None:
    result = run_gilint("check", "reports", "--statistics", "--format", "json", cwd=folder)
    rows = json.loads(result.stdout)
    assert {r["code"]: r["count"] for r in rows} == {"GI201": 2, "GI203": 2}
    assert all(r["name"] and r["title"] for r in rows)
    text = run_gilint("check", "reports", "--statistics", cwd=folder).stdout
    assert "GI201" in text and "检查了 2 个文件" in text


def test_rule_takes_a_prefix_or_all(folder: Path) -> None:
    prefix = run_gilint("rule", "gi20", cwd=folder)
    assert prefix.returncode == 0
    codes = [line.split()[0] for line in prefix.stdout.splitlines() if line.startswith("GI20")]
    assert codes == ["GI201", "GI202", "GI203", "GI204", "GI205"]
    everything = run_gilint("rule", "--all", "--isolated", cwd=folder).stdout
    listed = run_gilint("rules", "--isolated", "--format", "json", cwd=folder).stdout
    for row in json.loads(listed):
        assert f"{row['code']} {row['name']}" in everything
    missing = run_gilint("rule", cwd=folder)
    assert missing.returncode == 2 and "--all" in missing.stderr
    unknown = run_gilint("rule", "XX9", cwd=folder)
    assert unknown.returncode == 2 and "未知的规则代码" in unknown.stderr


def test_show_settings(folder: Path) -> None:
    result = run_gilint(
        "check", "reports/a.txt", "--show-settings", "--config", "rule-timeout = 3", cwd=folder
    )
    assert result.returncode == 0
    out = result.stdout
    assert f"配置文件：{folder / 'gilint.toml'}" in out
    assert 'select = ["GI2"]' in out and "rule-timeout = 3" in out
    assert "启用的规则" in out and "GI201" in out and "GI101" not in out.split("启用的规则")[1]


def test_per_file_ignores_on_the_command_line(folder: Path) -> None:
    result = run_gilint(
        "check", "reports", "--per-file-ignores", "*/a.txt:gi201", "--format", "json", cwd=folder
    )
    found = {(Path(f["path"]).name, f["code"]) for f in json.loads(result.stdout)}
    assert ("a.txt", "GI201") not in found and ("b.txt", "GI201") in found
    bad = run_gilint("check", "reports", "--per-file-ignores", "nocolon", cwd=folder)
    assert bad.returncode == 2 and "--per-file-ignores" in bad.stderr


def test_config_key_value_overrides_the_file(folder: Path) -> None:
    result = run_gilint("check", "reports", "--config", 'select = ["GI203"]', cwd=folder)
    assert "GI203" in result.stdout and "GI201" not in result.stdout
    both = run_gilint(
        "check", "reports", "--config", "gilint.toml", "--config", "ignore = ['GI203']", cwd=folder
    )
    assert "GI201" in both.stdout and "GI203" not in both.stdout
    bad = run_gilint("check", "reports", "--config", "select = [", cwd=folder)
    assert bad.returncode == 2 and "TOML" in bad.stderr
    wrong = run_gilint("check", "reports", "--config", "selct = ['GI2']", cwd=folder)
    assert wrong.returncode == 2 and "selct" in wrong.stderr


def test_a_missing_path_is_reported_and_the_others_checked(folder: Path) -> None:
    result = run_gilint("check", "nowhere.txt", "reports/a.txt", cwd=folder)
    assert result.returncode == 2
    assert "路径不存在：nowhere.txt" in result.stderr
    assert "GI201" in result.stdout and "检查了 1 个文件" in result.stdout


def test_a_folder_without_reports_says_so(folder: Path) -> None:
    (folder / "empty").mkdir()
    (folder / "empty" / "notes.md").write_text("x", "utf-8")
    result = run_gilint("check", "empty", cwd=folder)
    assert result.returncode == 0
    assert "目录 empty 中没有找到报告文件" in result.stderr
    assert "*.txt" in result.stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_bar_only_on_a_terminal(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(folder)
    monkeypatch.setattr(cli, "PROGRESS_DELAY", 0)
    assert cli.main(["check", "reports", "-j", "1"]) == 1
    assert capsys.readouterr().err == ""  # not a terminal: silent
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert cli.main(["check", "reports", "-j", "1"]) == 1
    assert "检查" in terminal.getvalue() and "/2 [" in terminal.getvalue()


# Run in a fresh interpreter: a test process may have threads of its own (pytest-xdist's
# workers do), and the question is whether gilint starts one.
_THREADS_AT_FORK = """
import io, json, sys, threading
from gilint import cli, workers

class Terminal(io.StringIO):
    def isatty(self):
        return True

cli.PROGRESS_DELAY = 0
sys.stderr = Terminal()
seen = []
start = workers._start

def started(context, work, others):
    seen.append(sorted(thread.name for thread in threading.enumerate()))
    return start(context, work, others)

workers._start = started
code = cli.main(["check", "reports", "-j", "2"])
print(json.dumps([code, seen]))
"""


def test_the_progress_bar_starts_no_thread_before_the_workers_are_forked(folder: Path) -> None:
    """A process forked while it has another thread may deadlock in the child (Python
    3.12 and later warn of it): with the bar on, the workers are forked from a process
    whose only thread is the main one (tqdm's monitor thread is never started)."""
    result = subprocess.run(
        [sys.executable, "-c", _THREADS_AT_FORK],
        cwd=folder,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    code, threads_at_fork = json.loads(result.stdout.splitlines()[-1])  # after the findings
    assert code == 1, result.stderr
    assert threads_at_fork == [["MainThread"]] * 2  # a worker for each job


def test_sarif_related_locations_suggestions_and_absolute_uris(
    folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    sarif = json.loads(run_gilint("check", "reports/a.txt", "--format", "sarif", cwd=folder).stdout)
    (result,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "GI201"]
    related = result["relatedLocations"]
    assert [r["id"] for r in related] == list(range(1, len(related) + 1)) and len(related) >= 3
    for location in (*result["locations"], *related):
        artifact = location["physicalLocation"]["artifactLocation"]
        assert artifact == {"uri": "reports/a.txt", "uriBaseId": "%SRCROOT%"}
    # the wrong cell, then the cells of the broken sum: rows 一, 二, （七）总计, 四
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 42
    lines = [r["physicalLocation"]["region"]["startLine"] for r in related]
    assert lines[0] == 42 and lines == sorted(lines)
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    outside = json.loads(
        run_gilint(
            "check", str(folder / "reports" / "a.txt"), "--format", "sarif", cwd=elsewhere
        ).stdout
    )
    artifact = outside["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
        "artifactLocation"
    ]
    assert artifact["uri"].startswith("file:///") and "uriBaseId" not in artifact
    (folder / "reports" / "c.txt").write_text("一、总体情况\n正文。\n", "utf-8")
    (folder / "gilint.toml").write_text('select = ["GI101"]\n', "utf-8")
    missing = json.loads(
        run_gilint("check", "reports/c.txt", "--format", "sarif", cwd=folder).stdout
    )
    texts = [r["message"]["text"] for r in missing["runs"][0]["results"]]
    assert texts and all("。建议：" in t for t in texts)
