"""``gilint parse`` and the command's basics, run as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import gilint

from conftest import FIXTURES


def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "gilint", *args], input=stdin, capture_output=True, check=False
    )


def test_version() -> None:
    result = _run("--version")
    assert result.returncode == 0
    assert result.stdout.decode().strip() == f"gilint {gilint.__version__}"


def test_parse_json_has_every_table_three_number() -> None:
    path = FIXTURES / "2021-tabs.txt"
    golden = json.loads((FIXTURES / "2021-tabs.json").read_text("utf-8"))
    result = _run("parse", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "gilint-parse/1"
    assert data["template"]["id"] == "2021"
    table3 = next(t for s in data["sections"] for t in s["tables"] if t["id"] == "3")
    for key, expected in golden["cells"].items():
        table_id, row_id, column_id = key.split("/")
        if table_id == "3":
            assert table3["values"][row_id][column_id] == int(expected["raw"])
            cell = next(r for r in table3["rows"] if r["id"] == row_id)["cells"][column_id]
            assert cell["span"]["line"] == expected["line"]


def test_parse_json_from_stdin() -> None:
    text = (FIXTURES / "2019-wrapped.txt").read_bytes()
    result = _run("parse", "-", "--format", "json", stdin=text)
    assert result.returncode == 0
    assert json.loads(result.stdout)["template"]["id"] == "2019"


def test_parse_tree_is_readable() -> None:
    result = _run("parse", str(FIXTURES / "2019-markdown.txt"))
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "格式: 2019" in out and "表 3" in out and "（七）总计" in out


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = _run("parse", str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert result.stderr.decode().startswith("gilint: 错误: 无法读取文件")
    assert b"Traceback" not in result.stderr


def test_binary_garbage_is_parsed_not_crashed(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(256)) * 4)
    result = _run("parse", str(path), "--format", "json")
    assert result.returncode == 0
    codes = [d["code"] for d in json.loads(result.stdout)["diagnostics"]]
    assert "not-a-report" in codes


def test_parse_reads_tables_as_check_does(tmp_path: Path) -> None:
    # A 2021 report: by default its tables are read as 2021; the template setting of the
    # nearest configuration file, or --template, makes both check and parse read 2019.
    report = tmp_path / "report.txt"
    report.write_bytes((FIXTURES / "2021-tabs.txt").read_bytes())

    def template_of(*args: str) -> dict[str, str]:
        result = _run("parse", str(report), "--format", "json", *args)
        assert result.returncode == 0, result.stderr
        info = json.loads(result.stdout)["template"]
        return {"id": info["id"], "basis": info["basis"]}

    assert template_of() == {"id": "2021", "basis": "labels"}
    assert template_of("--template", "2019") == {"id": "2019", "basis": "config"}
    (tmp_path / "gilint.toml").write_text('template = "2019"\n', "utf-8")
    assert template_of() == {"id": "2019", "basis": "config"}
    assert template_of("--template", "auto") == {"id": "2021", "basis": "labels"}
    other = tmp_path / "other.toml"
    other.write_text('template = "auto"\n', "utf-8")
    assert template_of("--config", str(other)) == {"id": "2021", "basis": "labels"}


def test_parse_with_a_bad_configuration_is_a_clear_error(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_bytes((FIXTURES / "2021-tabs.txt").read_bytes())
    (tmp_path / "gilint.toml").write_text('template = "1999"\n', "utf-8")
    result = _run("parse", str(report))
    assert result.returncode == 2
    assert result.stderr.decode().startswith("gilint: 错误:")
    assert b"Traceback" not in result.stderr
    missing = _run("parse", str(report), "--config", str(tmp_path / "nope.toml"))
    assert missing.returncode == 2 and "配置文件不存在" in missing.stderr.decode()


def test_parse_json_says_which_rows_were_read_by_a_near_label() -> None:
    text = (FIXTURES / "2021-tabs.txt").read_text("utf-8")
    assert text.count("1.属于国家秘密") == 1
    result = _run(
        "parse", "-", "--format", "json", stdin=text.replace("国家秘密", "国家秘蜜").encode()
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    table3 = next(t for s in data["sections"] for t in s["tables"] if t["id"] == "3")
    near = {r["id"]: r["label"] for r in table3["rows"] if r["near_label"]}
    assert near == {"outcome.refused.state_secret": "1.属于国家秘蜜"}


def test_parse_shows_every_report_of_a_volume(tmp_path: Path) -> None:
    """A file binding two reports: the outline gives each under its number and line,
    the JSON the second in ``more_reports`` with its own title, tables and places (the
    second was not shown at all)."""
    from gilint.testing import render, sample_report

    first = render(sample_report("2021", seed=1), "wrapped").text
    second_data = sample_report("2021", seed=2)
    second = render(second_data, "wrapped").text
    path = tmp_path / "volume.txt"
    path.write_text(first + "\n\n" + second, "utf-8")
    offset = first.count("\n") + 2  # the lines before the second report
    title_line = offset + next(
        i for i, line in enumerate(second.split("\n"), 1) if "政府信息公开工作" in line
    )

    tree = _run("parse", str(path))
    assert tree.returncode == 0, tree.stderr
    heads = [ln for ln in tree.stdout.decode().split("\n") if ln.startswith("== ")]
    assert heads[0].startswith("== 第 1 份报告")
    assert heads[1] == f"== 第 2 份报告（行 {title_line}）=="

    result = _run("parse", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    (later,) = data["more_reports"]
    assert later["title"]["span"]["line"] == title_line
    assert [s["part"] for s in later["sections"]] == list("一二三四五六")
    table3 = next(t for s in later["sections"] for t in s["tables"] if t["id"] == "3")
    assert table3["values"]["new"]["natural_person"] == int(second_data.tables["3"]["new"][0])
    assert "schema" not in later and "path" not in later
    # a file of one report has none
    one = tmp_path / "one.txt"
    one.write_text(first, "utf-8")
    assert json.loads(_run("parse", str(one), "--format", "json").stdout)["more_reports"] == []
