"""Everything a user reads is Chinese: argparse's usage, help and errors, severities,
JUnit texts, the parse outline and the operating system's errors."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from gilint.messages import argparse_error
from gilint.testing import render, sample_report

from support import run_gilint

_ENGLISH = re.compile(
    r"usage:|options:|positional arguments|show this help|show program|error:|argument |"
    r"required|invalid|expected|unrecognized"
)


@pytest.mark.parametrize(
    "command",
    [
        (),
        ("check",),
        ("rules",),
        ("rule",),
        ("parse",),
        ("extract",),
        ("cache",),
        ("cache", "clean"),
    ],
)
def test_help_is_chinese(command: tuple[str, ...]) -> None:
    result = run_gilint(*command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("用法：gilint")
    assert not _ENGLISH.search(result.stdout), _ENGLISH.search(result.stdout)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("check", "--jobs", "x"), "参数 --jobs/-j：应为整数"),
        (("check", "--bogus"), "无法识别的参数：--bogus"),
        (("check", "--format"), "参数 --format/--output-format：需要一个值"),
        (("check", "--color", "pink"), "参数 --color：无效的值 'pink'（可选："),
        (("parse",), "缺少参数：file"),
        (("frobnicate",), "参数 COMMAND：无效的值 'frobnicate'"),
        (("cache", "purge"), "参数 ACTION：无效的值 'purge'"),
    ],
)
def test_usage_errors_are_chinese(args: tuple[str, ...], expected: str) -> None:
    result = run_gilint(*args)
    assert result.returncode == 2
    line = result.stderr.strip()
    assert line.startswith("gilint: 错误: ") and expected in line, line
    assert "\n" not in line


def test_an_unknown_argparse_text_is_kept() -> None:
    assert argparse_error("something new") == "something new"


def test_severities_junit_and_outline_are_chinese(tmp_path: Path) -> None:
    rules = run_gilint("rules", "--isolated").stdout
    assert " 错误 " in rules and " error " not in rules
    report = sample_report("2021", seed=1).with_cell("3", "new", "natural_person", "999")
    (tmp_path / "r.txt").write_text(render(report, "tabs").text, "utf-8")
    junit = run_gilint("check", "r.txt", "--isolated", "--format", "junit", cwd=tmp_path)
    failure = next(ET.fromstring(junit.stdout.encode()).iter("failure"))
    assert "[错误]" in (failure.text or "") and "[error]" not in (failure.text or "")
    outline = run_gilint("parse", "r.txt", "--isolated", cwd=tmp_path).stdout
    assert "依据: 表格标签" in outline


def test_operating_system_errors_are_chinese(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text("一、总体情况\n", "utf-8")
    (tmp_path / "out").mkdir()
    result = run_gilint("check", "r.txt", "--isolated", "-o", "out", cwd=tmp_path)
    assert result.returncode == 2 and "这是一个目录" in result.stderr
    missing = run_gilint("parse", "nothing.txt", "--isolated", cwd=tmp_path)
    assert missing.returncode == 2 and "文件或目录不存在" in missing.stderr
