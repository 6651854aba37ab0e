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
