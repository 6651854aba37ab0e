"""``gilint check``, ``gilint rules`` and ``gilint rule``, run as a user runs them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import attrs
import pytest

from gilint.testing import render, sample_report

from support import run_gilint

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    """A folder with a clean report, a broken one, a warning-only one and a non-report."""
    good = sample_report("2021", seed=1)
    (tmp_path / "a-good.txt").write_text(render(good, "wrapped").text, encoding="utf-8")
    broken = attrs.evolve(
        good.with_cell("3", "new", "natural_person", "999"), parts=("一", "二", "三", "五", "六")
    )
    (tmp_path / "b-broken.txt").write_text(render(broken, "tabs").text, encoding="utf-8")
    warned = attrs.evolve(good, other_matters=("本单位本年度不存在收费情况。",))
    (tmp_path / "c-warned.txt").write_text(render(warned, "markdown").text, encoding="utf-8")
    # only the built-in rules: installed plugins must not change these tests
    (tmp_path / "gilint.toml").write_text('select = ["GI"]\n', encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "d-notes.txt").write_text("会议纪要。\n", encoding="utf-8")
    (sub / "ignored.md").write_text("一、总体情况\n", encoding="utf-8")
    return tmp_path


def test_concise_and_exit_codes(reports: Path) -> None:
    result = run_gilint("check", ".", cwd=reports)
    assert result.returncode == 1
    lines = result.stdout.strip().split("\n")
    assert lines[-1] == "发现 5 个问题（错误 4，警告 1），检查了 4 个文件。"
    assert [line.split()[1] for line in lines[:-1]] == [
        "GI201",
        "GI203",
        "GI101",
        "GI402",
        "GI902",
    ]  # files in order, then by position
    for line in lines[:-1]:
        path, line_no, column, rest = line.split(":", 3)
        assert path.endswith(".txt") and int(line_no) > 0 and int(column) > 0
        assert rest.split()[0].startswith("GI")
    assert "ignored.md" not in result.stdout
    assert run_gilint("check", "a-good.txt", cwd=reports).returncode == 0
    assert run_gilint("check", "c-warned.txt", cwd=reports).returncode == 0
    assert run_gilint("check", "c-warned.txt", "--fail-on", "warning", cwd=reports).returncode == 1
    assert run_gilint("check", ".", "--exit-zero", cwd=reports).returncode == 0


def test_not_a_report_is_a_finding(reports: Path) -> None:
    result = run_gilint("check", "sub/d-notes.txt", cwd=reports)
    assert result.returncode == 1 and "GI902" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "nope.txt"], "路径不存在：nope.txt"),
        (["check", ".", "--select", "GI999"], "未知的规则代码或前缀“GI999”"),
        (["check", ".", "--format", "xml"], "未知的输出格式“xml”"),
        (["check", ".", "--config", "missing.toml"], "配置文件不存在"),
        (["check", ".", "--template", "2018"], "未知的格式“2018”"),
        (["rule", "GI999"], "未知的规则代码"),
        (["rules", "--config", "missing.toml"], "配置文件不存在"),
        (["parse", "x.txt", "--config", "missing.toml"], "配置文件不存在"),
        (["parse", "x.txt", "--template", "2018"], "未知的格式“2018”"),
        (["check", "--jobs"], "参数 --jobs/-j：需要一个值"),  # argparse, in Chinese
    ],
)
def test_usage_errors_exit_2_in_one_line(reports: Path, args: list[str], message: str) -> None:
    result = run_gilint(*args, cwd=reports)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().split("\n")) == 1


def test_bad_config_file_is_exit_2(reports: Path) -> None:
    (reports / "gilint.toml").write_text('selcet = ["GI1"]\n', encoding="utf-8")  # a typo
    result = run_gilint("check", ".", cwd=reports)
    assert result.returncode == 2 and "未知的配置项“selcet”" in result.stderr


def test_select_and_statistics(reports: Path) -> None:
    result = run_gilint("check", ".", "--select", "GI2", "--statistics", cwd=reports)
    assert result.returncode == 1
    rows = result.stdout.strip().split("\n")
    assert [r.split()[:2] for r in rows[:-1]] == [["1", "GI201"], ["1", "GI203"]]
    ignored = run_gilint("check", ".", "--ignore", "GI1,GI2,GI4,GI9", cwd=reports)
    assert ignored.returncode == 0 and ignored.stdout.startswith("未发现问题")


def test_json_output(reports: Path) -> None:
    result = run_gilint("check", ".", "--format", "json", cwd=reports)
    data = json.loads(result.stdout)
    assert len(data) == 5
    keys = {
        "path",
        "code",
        "name",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "suggestion",
        "related",
        "fingerprint",  # schema 2: what the finding is about, for baselines
    }
    assert all(set(item) == keys for item in data)  # text files: no source or logical
    assert len({d["fingerprint"] for d in data}) == len(data)
    assert {d["code"] for d in data} >= {"GI101", "GI201", "GI203", "GI402", "GI902"}
    empty = run_gilint("check", "a-good.txt", "--format", "json", cwd=reports)
    assert json.loads(empty.stdout) == []


def test_sarif_output(reports: Path) -> None:
    result = run_gilint("check", ".", "--output-format", "sarif", cwd=reports)
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert {"GI101", "GI201", "GI902"} <= set(rules)
    for rule in rules.values():
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"]
    assert len(run["results"]) == 5
    for item in run["results"]:
        assert item["ruleId"] in rules
        assert item["level"] in ("error", "warning", "note")
        assert item["message"]["text"]
        (location,) = item["locations"]
        uri = location["physicalLocation"]["artifactLocation"]["uri"]
        assert not uri.startswith("/") and uri.endswith(".txt")
        region = location["physicalLocation"]["region"]
        assert set(region) == {"startLine", "startColumn", "endLine", "endColumn"}
        assert region["startLine"] <= region["endLine"]


def test_github_output(reports: Path) -> None:
    result = run_gilint("check", "b-broken.txt", "--format", "github", cwd=reports)
    lines = result.stdout.strip().split("\n")
    assert lines and all(line.startswith("::error file=b-broken.txt,line=") for line in lines)
    assert all(
        ",endLine=" in line and ",endColumn=" in line and ",title=GI" in line for line in lines
    )


def test_junit_output(reports: Path) -> None:
    result = run_gilint("check", ".", "--format", "junit", cwd=reports)
    root = ET.fromstring(result.stdout)
    cases = root.findall(".//testcase")
    assert [c.get("name") for c in cases] == [
        "a-good.txt",
        "b-broken.txt",
        "c-warned.txt",
        "sub/d-notes.txt",
    ]
    assert [len(c.findall("failure")) for c in cases] == [0, 3, 1, 1]
    assert root.get("failures") == "3"


def test_full_output_underlines_wide_characters(reports: Path) -> None:
    result = run_gilint(
        "check", "b-broken.txt", "--format", "full", "--select", "GI101", cwd=reports
    )
    lines = result.stdout.split("\n")
    source = next(line for line in lines if "| 五、存在的主要问题及改进情况" in line)
    marks = lines[lines.index(source) + 1]
    assert marks.split("| ", 1)[1] == "^" * 28  # 14 wide characters
    assert "= 建议：" in result.stdout


def test_output_file_stdin_and_quiet(reports: Path) -> None:
    result = run_gilint(
        "check", "-", "-q", stdin=(reports / "b-broken.txt").read_bytes(), cwd=reports
    )
    assert result.returncode == 1
    assert all(line.startswith("-:") for line in result.stdout.strip().split("\n"))
    out = reports / "out.json"
    assert run_gilint("check", ".", "--format", "json", "-o", str(out), cwd=reports).stdout == ""
    assert len(json.loads(out.read_text("utf-8"))) == 5


def test_jobs_do_not_change_the_output(reports: Path) -> None:
    for i in range(12):
        data = sample_report("2021", seed=i).with_cell("3", "new", "research", str(50 + i))
        (reports / f"many-{i:02d}.txt").write_text(render(data, "tabs").text, encoding="utf-8")
    one = run_gilint("check", ".", "--format", "json", "--jobs", "1", cwd=reports)
    two = run_gilint("check", ".", "--format", "json", "--jobs", "2", cwd=reports)
    three = run_gilint("check", ".", "--jobs", "3", cwd=reports)
    assert one.stdout == two.stdout and len(json.loads(one.stdout)) > 20
    assert three.stdout == run_gilint("check", ".", "--jobs", "1", cwd=reports).stdout


_HOUSE_RULE = '''
import gilint


class EveryTitle(gilint.Rule):
    """每份报告的标题处一条提示：工作进程也加载了本地规则。"""

    code = "XW001"
    name = "every-title"
    severity = gilint.Severity.INFO
    summary = "One finding at each report's title."

    def check(self, report):
        yield self.finding(report.title_span or report.span, "本地规则已运行")


@gilint.hookimpl
def gilint_rules():
    return [EveryTitle]
'''

# ``gilint check`` with its workers started the given way (the default where a user's
# Python has it: spawn on Windows and macOS, forkserver on Linux from Python 3.14)
_STARTED = """
import multiprocessing, sys
from gilint import cli
if __name__ == "__main__":
    multiprocessing.set_start_method(sys.argv[1])
    sys.exit(cli.main(["check", ".", "--format", "json", *sys.argv[2:]]))
"""


@pytest.mark.parametrize("method", ["spawn", "forkserver"])
def test_workers_started_any_way_give_the_same_output(
    reports: Path, tmp_path_factory: pytest.TempPathFactory, method: str
) -> None:
    import multiprocessing

    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"{method} is not available here")
    for i in range(6):
        data = sample_report("2019", seed=i).with_cell("3", "new", "research", str(70 + i))
        (reports / f"more-{i:02d}.txt").write_text(render(data, "wrapped").text, "utf-8")
    (reports / "checks").mkdir()
    (reports / "checks" / "house.py").write_text(_HOUSE_RULE, encoding="utf-8")
    (reports / "gilint.toml").write_text(
        'select = ["GI", "XW"]\nlocal-rules = ["checks"]\n', encoding="utf-8"
    )
    script = tmp_path_factory.mktemp("runner") / "started.py"
    script.write_text(_STARTED, encoding="utf-8")

    def check(jobs: str) -> str:
        result = subprocess.run(
            [sys.executable, str(script), method, "--jobs", jobs],
            capture_output=True,
            cwd=reports,
            env={**os.environ, "NO_COLOR": "1"},
            check=False,
        )
        assert result.returncode == 1, result.stderr.decode("utf-8")
        return result.stdout.decode("utf-8")

    one, two = check("1"), check("2")
    assert one == two
    findings = json.loads(two)
    assert sum(f["code"] == "XW001" for f in findings) == 10  # every report, in workers too
    assert {f["code"] for f in findings} >= {"GI201", "GI101"}


def test_rules_list_and_rule_documentation() -> None:
    listing = run_gilint("rules", "--format", "json")
    rows = json.loads(listing.stdout)
    assert [r["code"] for r in rows][:3] == ["GI101", "GI102", "GI103"]
    assert all(r["origin"] == "built-in" for r in rows if r["code"].startswith("GI"))
    assert {"code", "name", "severity", "summary", "title", "origin"} <= set(rows[0])
    doc = run_gilint("rule", "gi401")
    assert doc.returncode == 0
    text = doc.stdout
    assert text.startswith("GI401 missing-fee-statement\n")
    for heading in ("检查内容：", "原因：", "依据：", "示例：", "修改方法："):
        assert heading in text
    assert "Part 六 of a 2021-format report" in text


def test_every_builtin_rule_is_documented_in_full() -> None:
    rows = json.loads(run_gilint("rules", "--format", "json").stdout)
    everything = run_gilint("rule", "--all").stdout  # one process for every rule's text
    # each rule's text starts with a line "CODE name"
    starts = list(re.finditer(r"^([A-Z]{1,6}[0-9]{3}) [a-z0-9-]+$", everything, re.M))
    texts = {
        m.group(1): everything[m.start() : (starts[i + 1].start() if i + 1 < len(starts) else None)]
        for i, m in enumerate(starts)
    }
    assert set(texts) == {row["code"] for row in rows}
    for row in rows:
        text = texts[row["code"]]
        for heading in ("检查内容：", "原因：", "依据：", "示例：", "修改方法："):
            assert heading in text, (row["code"], heading)


def test_committed_rule_reference_is_current() -> None:
    generated = run_gilint("rules", "--format", "markdown", cwd=ROOT).stdout
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert generated == committed, (
        "docs/rules.md is stale: run `gilint rules --format markdown > docs/rules.md`"
    )
